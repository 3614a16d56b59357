"""The Chinese translation files of the dataset (see DATA.md, "The translation files").

Called by tools/build_dataset.py after it has built the English dataset:

- zh-hant: the Traditional Chinese texts of data/curation/policy_2021_zh.py, one entry for every
  id of every translated collection (a missing or unknown id stops the build);
- zh-hans: each Traditional text converted with OpenCC's Hong Kong to Simplified conversion
  ("hk2s", PyPI package `opencc`), then the curation's Mainland-usage phrase replacements
  (translated texts only) and whole-text overrides;
- script_fold: every Simplified/Traditional character pair occurring in the two files' texts;
- data/zh-script-chars.json: the characters that belong to one script only, derived from
  OpenCC's character dictionaries, which tests/dataset_zh.rs uses without Python.
"""

import functools
import json
import os
import subprocess
import sys
import tempfile

OPENCC_VERSION = "1.4.2"  # the version the committed files were made with
OPENCC_HINT = f"the Chinese translation files need OpenCC: pip install opencc=={OPENCC_VERSION}"


class TranslationError(Exception):
    pass


@functools.cache
def _opencc():
    try:
        import opencc  # noqa: PLC0415 (imported only when the files are built)
    except ImportError as e:
        raise TranslationError(OPENCC_HINT) from e
    if getattr(opencc, "__version__", None) != OPENCC_VERSION:
        print(f"build_dataset: warning: OpenCC {getattr(opencc, '__version__', '?')} is not {OPENCC_VERSION}; "
              "its dictionaries may convert differently", file=sys.stderr)
    return opencc


def entry(value):
    """A curation value (a plain string = this project's translation) as a file entry."""
    if isinstance(value, dict):
        if not value.get("text") or value.get("provenance") != "official" or not value.get("source"):
            raise TranslationError(f"malformed official entry {value!r}")
        return {"text": value["text"], "provenance": "official", "source": value["source"]}
    if not isinstance(value, str) or not value.strip():
        raise TranslationError(f"empty or malformed text {value!r}")
    return {"text": value, "provenance": "translation"}


def _text(value):
    return value["text"] if isinstance(value, dict) else value


def _keyed(collection, records, table):
    """table restricted to the ids of records; refuses missing and unknown ids."""
    ids = [r["id"] for r in records]
    missing = [i for i in ids if i not in table]
    unknown = sorted(set(table) - set(ids))
    if missing or unknown:
        raise TranslationError(f"{collection}: missing Chinese for {missing}, unknown ids {unknown}")
    return ids


def build_hant(data, zh):
    """The Traditional Chinese file for the English dataset `data` from the curation module `zh`."""
    doc = data["document"]
    if len(zh.DOCUMENT["offices"]) != len(doc["offices"]):
        raise TranslationError("document.offices: one Chinese name per office")
    out = {
        "schema_version": 1,
        "locale": "zh-hant",
        "dataset_version": doc["dataset_version"],
        "note": zh.NOTE,
        "document": {
            "title": entry(zh.DOCUMENT["title"]),
            "bureau": entry(zh.DOCUMENT["bureau"]),
            "offices": [entry(o) for o in zh.DOCUMENT["offices"]],
            "date_text": entry(zh.DOCUMENT["date_text"]),
        },
    }
    out["policy_areas"] = {i: {"name": entry(zh.POLICY_AREAS[i])}
                           for i in _keyed("policy_areas", data["policy_areas"], zh.POLICY_AREAS)}
    out["items"] = {}
    for i in _keyed("items", data["items"], zh.ITEMS):
        title, summary = zh.ITEMS[i]
        out["items"][i] = {"title": entry(title), "summary": entry(summary)}
    out["figures"] = {}
    _keyed("figures", data["figures"], zh.FIGURES)
    for f in data["figures"]:
        rec = {"measure": entry(zh.FIGURES[f["id"]])}
        if "period" in f:
            if f["period"] not in zh.PERIODS:
                raise TranslationError(f"figure {f['id']}: no Chinese for the period {f['period']!r}")
            rec["period"] = entry(zh.PERIODS[f["period"]])
        out["figures"][f["id"]] = rec
    announced = {m["id"] for m in data["milestones"] if m["event"] == "announced"
                 and m["date"]["text"] == "6 October 2021" and m["id"] not in zh.MILESTONES}
    labels = dict(zh.MILESTONES, **{i: zh.ANNOUNCED_LABEL for i in announced})
    out["milestones"] = {i: {"label": entry(labels[i])} for i in _keyed("milestones", data["milestones"], labels)}
    out["series"] = {}
    for i in _keyed("series", data["series"], zh.SERIES):
        title, points = zh.SERIES[i]
        s = next(x for x in data["series"] if x["id"] == i)
        rec = {"title": entry(title), "points": {}}
        for p in s["points"]:
            if p["figure"] in points:
                rec["points"][p["figure"]] = entry(points[p["figure"]])
            elif p["label"].isdigit():
                rec["points"][p["figure"]] = entry(f"{p['label']}年")
            else:
                raise TranslationError(f"series {i}: no Chinese label for point {p['figure']} ({p['label']!r})")
        unknown = set(points) - {p["figure"] for p in s["points"]}
        if unknown:
            raise TranslationError(f"series {i}: unknown points {sorted(unknown)}")
        out["series"][i] = rec
    out["sites"] = {}
    for i in _keyed("sites", data["sites"], zh.SITES):
        name, short, aliases = zh.SITES[i]
        district = next(x["district"] for x in data["sites"] if x["id"] == i)
        if district not in zh.DISTRICTS:
            raise TranslationError(f"site {i}: no Chinese for the district {district!r}")
        repeated = [a for a in aliases if a in (_text(name), _text(short))] or len(set(aliases)) < len(aliases)
        if repeated:
            raise TranslationError(f"site {i}: aliases repeat a name: {aliases}")
        out["sites"][i] = {"name": entry(name), "short_name": entry(short), "district": entry(zh.DISTRICTS[district]),
                           "aliases": list(aliases)}
    out["organisations"] = {}
    for i in _keyed("organisations", data["organisations"], zh.ORGANISATIONS):
        name, abbr = zh.ORGANISATIONS[i]
        rec = {"name": entry(name)}
        if abbr:
            rec["abbreviation"] = entry(abbr)
        out["organisations"][i] = rec
    return out


def _entries(doc):
    """(path, entry) of every text entry of a translation file, in file order."""
    d = doc["document"]
    yield "document/title", d["title"]
    yield "document/bureau", d["bureau"]
    for k, o in enumerate(d["offices"]):
        yield f"document/offices/{k}", o
    yield "document/date_text", d["date_text"]
    for coll in ["policy_areas", "items", "figures", "milestones", "series", "sites", "organisations"]:
        for i, rec in doc[coll].items():
            for field, v in rec.items():
                if field == "points":
                    for fid, p in v.items():
                        yield f"{coll}/{i}/points/{fid}", p
                elif isinstance(v, dict):
                    yield f"{coll}/{i}/{field}", v


def texts(doc):
    """Every text of a translation file that the app shows or searches."""
    out = [doc["note"]] + [e["text"] for _, e in _entries(doc)]
    for rec in doc["sites"].values():
        out += rec["aliases"]
    return out


def build_hans(hant, zh):
    """The Simplified file: hk2s, then Mainland phrases (translations only), then overrides."""
    conv = _opencc().OpenCC("hk2s")

    def replace(text, pairs):
        for a, b in pairs:
            text = text.replace(a, b)
        return text

    def mainland(text):
        return replace(text, zh.HANS_PHRASES)

    hans = json.loads(json.dumps(hant))
    hans["locale"] = "zh-hans"
    hans["note"] = replace(mainland(conv.convert(hant["note"])), zh.HANS_PUNCTUATION)
    used = set()
    for path, e in _entries(hans):
        text = conv.convert(e["text"])
        if e["provenance"] == "translation":
            text = mainland(text)
        text = replace(text, zh.HANS_PUNCTUATION)
        if path in zh.HANS_OVERRIDES:
            used.add(path)
            if zh.HANS_OVERRIDES[path] == text:
                raise TranslationError(f"Simplified override of {path} changes nothing")
            text = zh.HANS_OVERRIDES[path]
        e["text"] = text
    stale = sorted(set(zh.HANS_OVERRIDES) - used)
    if stale:
        raise TranslationError(f"Simplified overrides for unknown paths: {stale}")
    for rec in hans["sites"].values():
        seen = []
        for a in rec["aliases"]:
            s = conv.convert(a)
            if s not in seen:
                seen.append(s)
        rec["aliases"] = seen
    return hans


def script_fold(hant, hans):
    """Pairs "ST" of a Simplified character S and its Traditional counterpart T (S != T), one pair
    per S, for every character of the two files' texts that differs between the scripts. The
    app folds search text one for one, so where the Traditional texts write two forms of one
    Simplified character (線 and the MTR's 綫), the more frequent one is its pair."""
    oc = _opencc()
    to_s, to_t = oc.OpenCC("hk2s"), oc.OpenCC("s2hk")
    counts = {}
    for c in "".join(texts(hant)):
        counts[c] = counts.get(c, 0) + 1
    best = {}
    for c in sorted(counts, key=lambda c: (-counts[c], c)):
        s = to_s.convert(c)
        if len(s) == 1 and s != c:
            best.setdefault(s, c)
    for c in sorted(set("".join(texts(hans))) - set(counts)):  # not where Hong Kong writes it too (斗, 岩)
        t = to_t.convert(c)
        if len(t) == 1 and t != c:
            best.setdefault(c, t)
    return "".join(s + t for s, t in sorted(best.items()))


# Characters that Hong Kong writing shares with Simplified Chinese although OpenCC's Simplified
# to Traditional dictionary always changes them: 床 (-> 牀, the Taiwan form; Hong Kong writes 床,
# as in 臨床) and 厦 (-> 廈; Hong Kong's place name 厦村 is written so).
HK_STANDARD_SHARED = "床厦"


def _dictionary(name):
    """OpenCC dictionary `name` (e.g. "TSCharacters") as {key: [values]}, read from the package's
    compiled .ocd2 file with its opencc_dict tool."""
    base = os.path.dirname(_opencc().__file__)
    tool = os.path.join(base, "clib", "bin", "opencc_dict")
    src = os.path.join(base, "clib", "share", "opencc", f"{name}.ocd2")
    with tempfile.TemporaryDirectory() as tmp:
        dst = os.path.join(tmp, f"{name}.txt")
        subprocess.run([tool, "-i", src, "-o", dst, "-f", "ocd2", "-t", "text"], check=True,
                       capture_output=True)
        table = {}
        for line in open(dst, encoding="utf-8"):
            k, _, v = line.rstrip("\n").partition("\t")
            table[k] = v.split(" ")
    return table


def script_chars():
    """The characters that belong to one script only, from OpenCC's character dictionaries.
    Traditional-only: a Traditional character (or Hong Kong variant) that the Hong Kong to
    Simplified conversion changes and that is never itself a Simplified form. Simplified-only: a
    character that the Simplified to Traditional dictionary always changes and that no
    Traditional or Hong Kong form uses."""
    oc = _opencc()
    ts, st = _dictionary("TSCharacters"), _dictionary("STCharacters")
    hk, hk_rev = _dictionary("HKVariants"), _dictionary("HKVariantsRev")
    to_s = oc.OpenCC("hk2s")
    ts_values = {v for vs in ts.values() for v in vs}
    hk_values = {v for vs in hk.values() for v in vs}
    trad_only = {c for c in set(ts) | set(hk_rev)
                 if len(c) == 1 and len(to_s.convert(c)) == 1 and to_s.convert(c) != c
                 and c not in st and c not in ts_values}
    simp_only = {c for c, vs in st.items()
                 if len(c) == 1 and c not in vs and c not in ts and c not in hk_values and c not in hk_rev
                 and c not in HK_STANDARD_SHARED}
    version = getattr(oc, "__version__", "")
    return {
        "credit": "Derived from the character dictionaries (TSCharacters, STCharacters, HKVariants, "
                  f"HKVariantsRev) of OpenCC {version}, https://github.com/BYVoid/OpenCC, "
                  "Apache License 2.0, by tools/zh_translations.py.",
        "contents": "traditional_to_simplified: pairs of a Traditional-only character and its Simplified form "
                    "(Hong Kong to Simplified); simplified_only: the characters no Traditional text uses.",
        "traditional_to_simplified": "".join(c + to_s.convert(c) for c in sorted(trad_only)),
        "simplified_only": "".join(sorted(simp_only)),
    }


def check_scripts(hant, hans, chars):
    """Refuse a Traditional-only character in Simplified texts and the reverse."""
    problems = []
    for doc, bad, what in [(hans, chars["traditional_to_simplified"][::2], "Traditional-only"),
                           (hant, chars["simplified_only"], "Simplified-only")]:
        bad = set(bad)
        for t in texts(doc):
            hits = sorted(set(t) & bad)
            if hits:
                problems.append(f"{doc['locale']}: {what} {''.join(hits)} in {t!r}")
    if problems:
        raise TranslationError("\n".join(problems))


def build_all(data, zh):
    """{relative path: file content} of the two translation files and the character table."""
    hant = build_hant(data, zh)
    hans = build_hans(hant, zh)
    fold = script_fold(hant, hans)
    hant["script_fold"] = fold
    hans["script_fold"] = fold
    chars = script_chars()
    check_scripts(hant, hans, chars)
    return hant, hans, chars
