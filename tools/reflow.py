"""Reflow the PDF extract into one normalised string (the same rule as src/validate.rs).

Rule: drop lines that are removed page headers; a line whose text ends with a hyphen that
follows a non-space character joins the next line with no space ("Co-" + "operation" ->
"Co-operation"); every other run of whitespace becomes one space.
"""

REMOVED_HEADERS = [
    "Policy Initiatives",
    "Progress / Achievements of",
    "the Current-term Government",
    "- End -",
]


def norm(s):
    return " ".join(s.split())


def reflow(source):
    out = []
    for line in source.split("\n"):
        t = norm(line)
        if not t or t in REMOVED_HEADERS:
            continue
        if out and out[-1].endswith("-") and len(out[-1]) >= 2 and out[-1][-2] != " ":
            out[-1] = out[-1] + t
        else:
            out.append(t)
    return " ".join(out)
