#!/usr/bin/env python3
"""Build public/data/policy-2021.json from the paper's text and the curated annotations, and its
Chinese translation files.

    python3 tools/build_dataset.py            # write the dataset and the translation files
    python3 tools/build_dataset.py --check    # fail if a committed file differs

Inputs: data/source/policy-address-2021-innovation-technology.txt (the PDF extract),
data/curation/policy_2021.py (hand-curated records) and data/curation/policy_2021_zh.py (their
Traditional Chinese texts; the Simplified ones are converted with OpenCC, `pip install opencc==1.4.2`).
The Rust test suites (tests/dataset.rs, tests/dataset_zh.rs) re-check everything this script
produces and do not need Python.
"""

import calendar
import hashlib
import importlib.util
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import reflow  # noqa: E402
import zh_translations  # noqa: E402

SOURCE = "data/source/policy-address-2021-innovation-technology.txt"
CURATION = "data/curation/policy_2021.py"
OUTPUT = "public/data/policy-2021.json"
CURATION_ZH = "data/curation/policy_2021_zh.py"
OUTPUT_ZH = "public/data/policy-2021.zh-{}.json"  # {} = hant, hans
SCRIPT_CHARS = "data/zh-script-chars.json"
PAPER_YEAR = 2021


def load_curation(path=CURATION):
    spec = importlib.util.spec_from_file_location("curation", os.path.join(ROOT, path))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class BuildError(Exception):
    pass


def fail(msg):
    raise BuildError(msg)


# ----------------------------------------------------------------------------------- text utils


def is_word(c):
    return c.isalnum()


def find_token(hay, needle, start=0):
    """Index of needle in hay where it is not part of a longer word or number, or -1."""
    i = hay.find(needle, start)
    while i >= 0:
        j = i + len(needle)
        ok = True
        if is_word(needle[0]) and i > 0 and is_word(hay[i - 1]):
            ok = False
        if needle[0].isdigit() and i >= 2 and hay[i - 1] in " ,." and hay[i - 2].isdigit():
            ok = False
        if is_word(needle[-1]) and j < len(hay) and is_word(hay[j]):
            ok = False
        if needle[-1].isdigit() and j + 1 < len(hay) and hay[j] in " ,." and hay[j + 1].isdigit():
            ok = False
        if ok:
            return i
        i = hay.find(needle, i + 1)
    return -1


SENTENCE_END = re.compile(r"(?<=\.)\s+(?=[A-Z0-9“(])")


def sentences(text):
    """(start, end) spans of the sentences of a paragraph."""
    spans, pos = [], 0
    for m in SENTENCE_END.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def sentence_at(text, index):
    for a, b in sentences(text):
        if a <= index < b:
            return text[a:b]
    fail(f"no sentence at {index}")


# ---------------------------------------------------------------------------------- paragraphs


def slice_paragraphs(cur, s):
    """Cut the reflowed text into the curated paragraph list; returns paragraph dicts."""
    specs = cur.PARAGRAPHS
    out = []
    pos = 0
    area = None
    row = 0

    def start_marker(sp):
        t = sp["t"]
        if t == "h":
            return sp["text"]
        if t == "p":
            return "The Chief Executive" if sp["n"] == 1 else f"{sp['n']}. "
        if t == "fn":
            return f"{sp['n']} Including"
        if t == "area":
            return f"({sp['n']}) {sp['name']}"
        if t == "row":
            return sp["heading"]
        fail(t)

    for k, sp in enumerate(specs):
        marker = start_marker(sp)
        if not s.startswith(marker, pos):
            fail(f"paragraph spec {k} ({marker!r}) does not start at {pos}: {s[pos:pos + 80]!r}")
        if k + 1 < len(specs):
            nxt = start_marker(specs[k + 1])
            end = s.find(" " + nxt, pos + len(marker))
            if end < 0:
                fail(f"next marker {nxt!r} not found after spec {k}")
        else:
            end = len(s)
        chunk = s[pos:end]
        pos = end + 1
        t = sp["t"]
        if t == "h":
            if chunk != sp["text"]:
                fail(f"heading {sp['id']}: source has {chunk!r}")
            out.append({"id": sp["id"], "kind": "heading", "label": "", "text": chunk})
        elif t == "p":
            n = sp["n"]
            text = chunk if n == 1 else chunk[len(marker):]
            out.append({"id": f"p{n}", "kind": "body", "label": str(n), "heading": sp["heading"], "text": text})
        elif t == "fn":
            out.append({"id": f"fn{sp['n']}", "kind": "footnote", "label": f"Footnote {sp['n']}",
                        "text": chunk[len(str(sp["n"])) + 1:]})
        elif t == "area":
            area, row = sp["n"], 0
            if chunk != marker:
                fail(f"area heading {area}: {chunk!r}")
            out.append({"id": f"h-area-{area}", "kind": "heading", "label": "", "text": chunk})
        elif t == "row":
            row += 1
            text = chunk[len(marker) + 1:]
            out.append({"id": f"a{area}-{row}", "kind": "annex_row", "label": f"Annex ({area}), row {row}",
                        "heading": sp["heading"], "area": f"a{area}", "text": text, "_spec": sp})
    if pos < len(s):
        fail(f"unconsumed text at {pos}: {s[pos:pos + 80]!r}")
    return out


# ----------------------------------------------------------------------------------- numbers

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "first": 1, "second": 2, "third": 3}
SCALES = {"million": 1e6, "billion": 1e9}


def parse_value(text):
    t = text.lower()
    if t in WORDS:
        return float(WORDS[t])
    scale = 1.0
    for w, f in SCALES.items():
        if t.endswith(" " + w):
            scale = f
            t = t[: -len(w) - 1]
    t = t.replace("hk$", "").replace("$", "").replace("%", "")
    t = re.sub(r"(-ha\.| ha\.| hectares)$", "", t)
    t = re.sub(r"(?<=\d)[ ,](?=\d{3})", "", t)
    v = float(t) * scale
    return round(v, 6)


QUALIFIERS = [("a maximum of ", "at_most"), ("up to ", "at_most"), ("approximately ", "about"),
              ("around ", "about"), ("about ", "about"), ("some ", "about"), ("more than ", "over"),
              ("exceeded ", "over"), ("over ", "over")]


def detect_qualifier(before):
    b = before.lower()
    for phrase, q in QUALIFIERS:
        if b.endswith(phrase):
            return q
    return None


def scale_of(text):
    for w in SCALES:
        if text.endswith(" " + w):
            return w
    return None


# ------------------------------------------------------------------------------------- dates

MONTHS = {m: i for i, m in enumerate(calendar.month_name) if m}


def iso(y, m, d):
    return f"{y:04d}-{m:02d}-{d:02d}"


def last(y, m):
    return calendar.monthrange(y, m)[1]


def parse_date(text, year=PAPER_YEAR):
    """Python mirror of dates::parse_paper_date (the Rust test checks they agree)."""
    t = text.strip()
    m = re.fullmatch(r"[Ff]rom (.+?) (?:to|up to) (.+)", t)
    if m:
        a = parse_date(m.group(1), year)
        b = parse_date(m.group(2), year) if m.group(2) != "now" else None
        if a and m.group(2) == "now":
            return ("range", a[1], iso(year, 10, 31))
        if a and b:
            return ("range", a[1], b[2])
        return None
    t = re.sub(r"^the ", "", t)
    t = t.replace("this year", str(year)).replace("next year", str(year + 1))
    m = re.fullmatch(r"(\d{1,2}) ([A-Z][a-z]+) (\d{4})", t)
    if m and m.group(2) in MONTHS:
        y, mo, d = int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))
        return ("day", iso(y, mo, d), iso(y, mo, d))
    m = re.fullmatch(r"(mid|end|early)-([A-Z][a-z]+) (\d{4})", t)
    if m and m.group(2) in MONTHS:
        y, mo = int(m.group(3)), MONTHS[m.group(2)]
        a, b = {"early": (1, 10), "mid": (11, 20), "end": (21, last(y, mo))}[m.group(1)]
        return ("part_of_month", iso(y, mo, a), iso(y, mo, b))
    m = re.fullmatch(r"([A-Z][a-z]+) (\d{4})", t)
    if m and m.group(1) in MONTHS:
        y, mo = int(m.group(2)), MONTHS[m.group(1)]
        return ("month", iso(y, mo, 1), iso(y, mo, last(y, mo)))
    m = re.fullmatch(r"(?:(mid|end|early)-|(early|end of|middle of) )(\d{4})", t)
    if m:
        part = m.group(1) or {"early": "early", "end of": "end", "middle of": "mid"}[m.group(2)]
        y = int(m.group(3))
        a, b = {"early": (1, 3), "mid": (5, 8), "end": (10, 12)}[part]
        return ("part_of_year", iso(y, a, 1), iso(y, b, last(y, b)))
    m = re.fullmatch(r"(\d{4})/(\d{2}) school year", t)
    if m:
        y = int(m.group(1))
        return ("school_year", iso(y, 9, 1), iso(y + 1, 8, 31))
    m = re.fullmatch(r"(\d{4})[-/](\d{2})", t)
    if m and (int(m.group(1)) + 1) % 100 == int(m.group(2)):
        y = int(m.group(1))
        return ("financial_year", iso(y, 4, 1), iso(y + 1, 3, 31))
    m = re.fullmatch(r"(\d{4})", t)
    if m:
        y = int(m.group(1))
        return ("year", iso(y, 1, 1), iso(y, 12, 31))
    return None


# ------------------------------------------------------------------------------------- build


def build():
    cur = load_curation()
    raw = open(os.path.join(ROOT, SOURCE), "rb").read()
    source = raw.decode("utf-8")
    s = reflow.reflow(source)
    paras = slice_paragraphs(cur, s)
    by_id = {p["id"]: p for p in paras}

    def para_text(pid):
        if pid not in by_id:
            fail(f"unknown paragraph {pid}")
        return by_id[pid]["text"]

    def src(pid, quote):
        t = para_text(pid)
        if quote not in t:
            fail(f"{pid}: quote not found: {quote!r}")
        return {"paragraph": pid, "quote": quote}

    def sentence_src(pid, needle):
        t = para_text(pid)
        i = find_token(t, needle)
        if i < 0:
            i = t.find(needle)
        if i < 0:
            fail(f"{pid}: {needle!r} not found")
        return {"paragraph": pid, "quote": sentence_at(t, i)}

    def widen(pid, fragment):
        """The whole sentence(s) of the paragraph covering fragment, or covering the span from
        fragment[0] to fragment[1] when it is a pair."""
        t = para_text(pid)
        first, final = fragment if isinstance(fragment, tuple) else (fragment, fragment)
        i = t.find(first)
        if i < 0:
            fail(f"{pid}: {first!r} not found")
        k = t.find(final, i)
        if k < 0:
            fail(f"{pid}: {final!r} not found after {first!r}")
        j = k + len(final)
        spans = sentences(t)
        a = max(x for x, _ in spans if x <= i)
        b = min(y for _, y in spans if y >= j)
        return {"paragraph": pid, "quote": t[a:b]}

    # areas
    areas = []
    for p in paras:
        if p["id"].startswith("h-area-"):
            n = int(p["id"][7:])
            name = p["text"][len(f"({n}) "):]
            areas.append({"id": f"a{n}", "kind": "annex_area", "number": n, "name": name,
                          "source": src(p["id"], p["text"])})
    for tid, name, pid, quote in cur.THEMES:
        areas.append({"id": tid, "kind": "theme", "name": name, "source": src(pid, quote)})

    # items
    items = []
    for it in cur.NEW_ITEMS:
        items.append({
            "id": it["id"], "kind": "new_initiative", "title": it["title"], "summary": it["summary"],
            "area": it["area"], "status": it["status"], "status_quote": it["status_quote"],
            "organisations": it["orgs"], "sites": it["sites"], "source": widen(it["para"], it["quote"]),
        })
    for p in paras:
        sp = p.pop("_spec", None)
        if not sp:
            continue
        quote = sp["quote"] if sp["quote"] else p["text"]
        items.append({
            "id": sp["item"], "kind": "progress_item", "title": sp["title"], "summary": sp["summary"],
            "area": p["area"], "status": sp["status"], "status_quote": sp["status_quote"],
            "organisations": sp["orgs"], "sites": sp["sites"], "source": src(p["id"], quote),
        })
    item_para = {i["id"]: i["source"]["paragraph"] for i in items}

    # figures
    figures = []
    per_para = {}
    for f in cur.FIGURES:
        pid = f["para"]
        t = para_text(pid)
        source = sentence_src(pid, f.get("near") or f["text"])
        q = source["quote"]
        k = find_token(q, f["text"])
        if k < 0:
            fail(f"{pid}: figure text {f['text']!r} not in its sentence {q!r}")
        qstart = t.find(q)
        qual = f.get("q", detect_qualifier(t[:qstart + k]))
        per_para[pid] = per_para.get(pid, 0) + 1
        rec = {"id": f"f-{pid}-{per_para[pid]}"}
        if f.get("item"):
            rec["item"] = f["item"]
        rec["value"] = float(f.get("value", parse_value(f["text"])))
        rec["text"] = f["text"]
        rec["unit"] = f["unit"]
        if scale_of(f["text"]):
            rec["scale"] = scale_of(f["text"])
        if qual:
            rec["qualifier"] = qual
        if f.get("period"):
            rec["period"] = f["period"]
        rec["measure"] = f["measure"]
        if f.get("money"):
            rec["money"] = f["money"]
        if f.get("site"):
            rec["site"] = f["site"]
        rec["source"] = source
        figures.append(rec)

    # milestones
    milestones = []
    per_item = {}

    def add_ms(item, pid, event, date_text, label, near=None):
        parsed = parse_date(date_text)
        if not parsed:
            fail(f"milestone of {item}: cannot parse date {date_text!r}")
        per_item[item] = per_item.get(item, 0) + 1
        milestones.append({
            "id": f"m-{item}-{per_item[item]}", "item": item, "event": event, "label": label,
            "date": {"text": date_text, "precision": parsed[0], "start": parsed[1], "end": parsed[2]},
            "source": sentence_src(pid, near or date_text),
        })

    pa_pid, pa_date = cur.ANNOUNCED_IN
    for it in cur.NEW_ITEMS:
        add_ms(it["id"], pa_pid, "announced", pa_date, "Announced in the 2021 Policy Address")
    for m in cur.MILESTONES:
        add_ms(m["item"], m["para"], m["event"], m["date"], m["label"], m["near"])
    milestones.sort(key=lambda m: (m["date"]["start"], m["id"]))

    # series
    def figure_id(sel):
        pid, text, nth = sel
        hits = [f for f in figures if f["source"]["paragraph"] == pid and f["text"] == text]
        return hits[nth]["id"]

    series = []
    for sid, title, unit, points, note in cur.SERIES:
        series.append({"id": sid, "title": title, "unit": unit,
                       "points": [{"label": lab, "figure": figure_id(sel)} for lab, sel in points],
                       "note": widen(*note)})

    # sites
    shared = {x["id"]: x for x in json.load(open("/work/shared/map/sites.json", encoding="utf-8"))}
    sites = []
    for sid, ref, name, short, district, area_ha, xb, pid, quote in cur.SITES:
        if ref:
            e = shared[ref]
            lat, lon, psrc = e["lat"], e["lon"], e["source"]
            position = "approximate" if psrc.startswith("knowledge (approx.") else "surveyed"
            psrc = f"/work/shared/map/sites.json '{ref}': {psrc}"
        else:  # the Co-operation Zone: midpoint of its two parks' entries
            a, b = shared["lmc_loop"], shared["sz_futian"]
            lat, lon = round((a["lat"] + b["lat"]) / 2, 4), round((a["lon"] + b["lon"]) / 2, 4)
            position = "approximate"
            psrc = ("derived: midpoint of the 'lmc_loop' and 'sz_futian' entries of "
                    "/work/shared/map/sites.json (both knowledge, approx.)")
        rec = {"id": sid, "name": name, "short_name": short, "district": district, "lat": lat, "lon": lon,
               "position": position, "position_source": psrc}
        if area_ha is not None:
            rec["area_ha"] = float(area_ha)
        rec["cross_border"] = xb
        rec["source"] = src(pid, quote)
        sites.append(rec)

    orgs = []
    for oid, name, abbr, pid, quote in cur.ORGANISATIONS:
        rec = {"id": oid, "name": name}
        if abbr:
            rec["abbreviation"] = abbr
        rec["source"] = src(pid, quote)
        orgs.append(rec)

    doc = dict(cur.DOCUMENT)
    doc["source_file"] = os.path.basename(SOURCE)
    doc["source_sha256"] = hashlib.sha256(raw).hexdigest()
    doc["removed_headers"] = reflow.REMOVED_HEADERS
    doc = {k: doc[k] for k in ["title", "bureau", "offices", "date_text", "date", "as_of", "dataset_version",
                               "source_file", "source_sha256", "removed_headers"]}

    # paragraph key order as in the model
    paragraphs = []
    for p in paras:
        paragraphs.append({k: p[k] for k in ["id", "kind", "label", "heading", "area", "text"] if k in p})
    _ = item_para
    return {
        "schema_version": 1, "document": doc, "paragraphs": paragraphs, "policy_areas": areas,
        "items": items, "figures": figures, "milestones": milestones, "series": series, "sites": sites,
        "organisations": orgs,
    }


def render(data):
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def outputs(data):
    """{relative path: content} of every file the generator writes."""
    hant, hans, chars = zh_translations.build_all(data, load_curation(CURATION_ZH))
    return {
        OUTPUT: render(data),
        OUTPUT_ZH.format("hant"): render(hant),
        OUTPUT_ZH.format("hans"): render(hans),
        SCRIPT_CHARS: render(chars),
    }


def main():
    try:
        data = build()
        files = outputs(data)
    except (BuildError, zh_translations.TranslationError) as e:
        print(f"build_dataset: {e}", file=sys.stderr)
        return 1
    if "--check" in sys.argv:
        stale = []
        for rel, out in files.items():
            path = os.path.join(ROOT, rel)
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
            if old != out:
                stale.append(rel)
        for rel in stale:
            print(f"{rel} is out of date; run tools/build_dataset.py", file=sys.stderr)
        return 1 if stale else 0
    for rel, out in files.items():
        path = os.path.join(ROOT, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(out)
    print(f"wrote {OUTPUT}: {len(data['paragraphs'])} paragraphs, {len(data['items'])} items, "
          f"{len(data['figures'])} figures, {len(data['milestones'])} milestones, {len(data['sites'])} sites, "
          f"{len(data['organisations'])} organisations, {len(files[OUTPUT])} bytes")
    for rel in list(files)[1:]:
        print(f"wrote {rel}: {len(files[rel].encode('utf-8'))} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
