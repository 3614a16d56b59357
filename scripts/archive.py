#!/usr/bin/env python3
"""After offline.mjs: writes the offline archive, dist/it-policy-explorer-offline.zip, and offers it
in dist/index.html's footer.

The archive holds one folder, it-policy-explorer/, with the bundle (index.html for a web server,
loader.js, glue, wasm, CSS), the single-file edition beside it, the dataset and its schema in
data/, README.txt (scripts/offline-readme.txt, filled in) and SHA256SUMS (`sha256sum -c` reads it)
with the hash of every other file. The archive's index.html does not offer the archive (it is
the copy). The zip is reproducible: sorted names, fixed timestamps (SOURCE_DATE_EPOCH, else
1980-01-01) and permissions, deflate level 9.

Usage: python3 scripts/archive.py [dist]
"""

import hashlib
import json
import os
import re
import sys
import time
import zipfile
from pathlib import Path

ARCHIVE = "it-policy-explorer-offline.zip"
FOLDER = "it-policy-explorer"
MOUNT = re.compile(r'<div id="it-policy-explorer"[^>]*>')
OFFER = re.compile(r' data-offline-(?:download|bytes)="[^"]*"')


def main() -> None:
    dist = Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
    index = dist / "index.html"
    page = OFFER.sub("", index.read_text(encoding="utf-8"))
    if not MOUNT.search(page):
        sys.exit("archive: no mount element in index.html")

    files = {}
    for path in sorted(dist.rglob("*")):
        name = path.relative_to(dist).as_posix()
        # The precompressed copies (scripts/precompress.mjs) are for servers, not for disk.
        if path.is_file() and not name.endswith((".zip", ".br", ".gz")):
            files[name] = path.read_bytes()
    files["index.html"] = page.encode("utf-8")
    for needed in ("index.html", "it-policy-explorer-offline.html", "data/policy-2021.json", "data/policy-2021.schema.json"):
        if needed not in files:
            sys.exit(f"archive: {needed} is missing from {dist}")

    document = json.loads(files["data/policy-2021.json"])["document"]
    template = (Path(__file__).parent / "offline-readme.txt").read_text(encoding="utf-8")
    readme = template.format(as_of=document["as_of"], dataset_version=document["dataset_version"], app_version=app_version())
    files["README.txt"] = readme.replace("\n", "\r\n").encode("utf-8")  # Notepad-friendly
    manifest = "".join(f"{hashlib.sha256(body).hexdigest()}  {name}\n" for name, body in sorted(files.items()))
    files["SHA256SUMS"] = manifest.encode("utf-8")

    stamp = time.gmtime(max(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")), 315532800))[:6]
    out = dist / ARCHIVE
    with zipfile.ZipFile(out, "w") as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3  # Unix, so the permissions are read
            z.writestr(info, files[name], compresslevel=9)

    size = out.stat().st_size
    offer = f' data-offline-download="{ARCHIVE}" data-offline-bytes="{size}"'
    index.write_text(MOUNT.sub(lambda m: m.group(0)[:-1] + offer + ">", page, count=1), encoding="utf-8")
    print(f"archive: {out} ({size / 1e6:.2f} MB, {len(files)} files), offered in {index}")


def app_version() -> str:
    cargo = (Path(__file__).parent.parent / "Cargo.toml").read_text(encoding="utf-8")
    return re.search(r'^version = "([^"]+)"', cargo, re.M).group(1)


if __name__ == "__main__":
    main()
