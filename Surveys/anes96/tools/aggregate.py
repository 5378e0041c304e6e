#!/usr/bin/env python3
"""Aggregate the ANES 1996 extract shipped with statsmodels into Surveys/anes96/survey.yaml.

What it reads
    The American National Election Study 1996 extract that the PyPI package `statsmodels` ships as
    `statsmodels.datasets.anes96` (file anes96.csv, 944 cases, 10 variables), loaded with
    `statsmodels.datasets.anes96.load_pandas()`. Source as documented by the package: "The American National
    Election Studies", http://www.electionstudies.org/. Licence as documented by the package (its COPYRIGHT
    attribute): "This is public domain."

What it writes
    survey.yaml (next to this folder's parent): one Stapel survey with counts AND percents for
      ideology    grid, scale lib-con (7 points, codes 1-7, scores 1-7, bipolar), rows
                  self (selfLR), clinton (ClinLR), dole (DoleLR); mean and median per row
      party-id    single choice, PID, 7 categories, codes 0-6 as in the data
      income      single choice, income, 24 brackets, codes 1-24
      vote        single choice, vote (expected vote), codes 0 (Clinton) and 1 (Dole); whole-number percents
      education   single choice, educ, 7 levels, codes 1-7
      age-group   single choice, age in years grouped into 18-29, 30-39, 40-49, 50-59, 60-69, 70 and over
                  (derived bins, so no source codes)
    The variables popul, TVnews and logpopul are not used.

How numbers are computed (exact integer/fraction arithmetic, no floating point)
    percent = 100 * n / 944, rounded half up on its own to 1 decimal (0 for `vote`), so a question's percents
              may add to 99.9 or 100.1; declared as `rounding: half-up` at the root.
    mean    = sum(score * n) / sum(n), rounded half up to 1 decimal.
    median  = the ordinary median of the 944 scores (mean of the two middle answers: the count is even).

Missing values
    The extract has none: every one of the 944 cases has a valid code on every variable (checked below; the
    script stops if that ever changes). It holds only respondents whose expected vote is Clinton or Dole. No
    don't-know, refused or not-applicable answers exist in it, so none are written (and none are invented).

Determinism
    Output depends only on the data file; categories are written in code order, bins in age order. Nothing
    random, no timestamps, no versions. Running it twice gives identical bytes (tools/check.py verifies this).

Re-run (from the repository root):
    pip install statsmodels        # once
    python3 Surveys/anes96/tools/aggregate.py
    python3 Surveys/anes96/tools/check.py
"""

from fractions import Fraction
from pathlib import Path
import sys

SURVEY_DIR = Path(__file__).resolve().parent.parent
OUTPUT = SURVEY_DIR / "survey.yaml"

# Scale lib-con: the ANES 7-point liberal-conservative scale (codes 1-7 in selfLR, ClinLR, DoleLR).
LIB_CON = [
    (1, "extremely-liberal"),
    (2, "liberal"),
    (3, "slightly-liberal"),
    (4, "moderate"),
    (5, "slightly-conservative"),
    (6, "conservative"),
    (7, "extremely-conservative"),
]
IDEOLOGY_ROWS = [("self", "selfLR"), ("clinton", "ClinLR"), ("dole", "DoleLR")]

PARTY_ID = [
    (0, "strong-democrat"),
    (1, "weak-democrat"),
    (2, "independent-democrat"),
    (3, "independent"),
    (4, "independent-republican"),
    (5, "weak-republican"),
    (6, "strong-republican"),
]

INCOME = [
    (1, "under-3000"),
    (2, "3000-4999"),
    (3, "5000-6999"),
    (4, "7000-8999"),
    (5, "9000-9999"),
    (6, "10000-10999"),
    (7, "11000-11999"),
    (8, "12000-12999"),
    (9, "13000-13999"),
    (10, "14000-14999"),
    (11, "15000-16999"),
    (12, "17000-19999"),
    (13, "20000-21999"),
    (14, "22000-24999"),
    (15, "25000-29999"),
    (16, "30000-34999"),
    (17, "35000-39999"),
    (18, "40000-44999"),
    (19, "45000-49999"),
    (20, "50000-59999"),
    (21, "60000-74999"),
    (22, "75000-89999"),
    (23, "90000-104999"),
    (24, "105000-plus"),
]

VOTE = [(0, "clinton"), (1, "dole")]

EDUCATION = [
    (1, "grades-1-8"),
    (2, "some-high-school"),
    (3, "high-school-graduate"),
    (4, "some-college"),
    (5, "college-degree"),
    (6, "masters-degree"),
    (7, "phd"),
]

# Age bins: (id, lowest age, highest age or None for open-ended). Ages in the extract run from 19 to 91.
AGE_BINS = [
    ("18-29", 18, 29),
    ("30-39", 30, 39),
    ("40-49", 40, 49),
    ("50-59", 50, 59),
    ("60-69", 60, 69),
    ("70-plus", 70, None),
]


def round_half_up(value: Fraction, decimals: int) -> Fraction:
    """value rounded half up (away from zero for positives) to `decimals` places, exactly."""
    if value < 0:
        raise ValueError("negative values are not expected here")
    scale = 10 ** decimals
    return Fraction(int(value * scale + Fraction(1, 2)), scale)


def fmt(value: Fraction, decimals: int) -> str:
    """Fixed-point text of an already rounded value: 48.9, 4.0, 58."""
    scale = 10 ** decimals
    scaled = value * scale
    if scaled.denominator != 1:
        raise ValueError(f"{value} is not rounded to {decimals} decimals")
    whole, frac = divmod(int(scaled), scale)
    return f"{whole}.{frac:0{decimals}d}" if decimals else f"{whole}"


def percent(n: int, base: int, decimals: int) -> str:
    return fmt(round_half_up(Fraction(100 * n, base), decimals), decimals)


def mean_text(counts, scores) -> str:
    total = sum(counts)
    return fmt(round_half_up(Fraction(sum(c * s for c, s in zip(counts, scores)), total), 1), 1)


def median_text(counts, scores) -> str:
    """Ordinary median over all answers; scores ascending."""
    total = sum(counts)

    def nth(k):  # k-th answer (0-based) in ascending score order
        seen = 0
        for c, s in zip(counts, scores):
            seen += c
            if k < seen:
                return s
        raise IndexError(k)

    if total % 2:
        med = Fraction(nth(total // 2))
    else:
        med = Fraction(nth(total // 2 - 1) + nth(total // 2), 2)
    return fmt(round_half_up(med, 1), 1)


def load():
    try:
        from statsmodels.datasets import anes96
    except ImportError:
        sys.exit("aggregate.py: statsmodels is not installed (pip install statsmodels)")
    data = anes96.load_pandas().data
    columns = ["selfLR", "ClinLR", "DoleLR", "PID", "age", "educ", "income", "vote"]
    rows = []
    for values in data[columns].itertuples(index=False, name=None):
        record = {}
        for name, value in zip(columns, values):
            if value != value or value != int(value):  # NaN or not a whole number
                sys.exit(f"aggregate.py: unexpected value {value!r} in {name}; the extract has changed")
            record[name] = int(value)
        rows.append(record)
    return rows


def counts_for(rows, column, codes):
    known = set(codes)
    found = sorted({r[column] for r in rows} - known)
    if found:
        sys.exit(f"aggregate.py: {column} has undocumented codes {found}; the extract has changed")
    return [sum(1 for r in rows if r[column] == code) for code in codes]


def choice_block(qid, rows, column, categories, base, decimals=1):
    codes = [code for code, _ in categories]
    counts = counts_for(rows, column, codes)
    lines = [f"  - id: {qid}", "    kind: single-choice"]
    if decimals != 1:
        lines.append(f"    percent-decimals: {decimals}")
    lines += [f"    respondents: {base}", "    options:"]
    for (code, oid), n in zip(categories, counts):
        lines.append(f"      - {{id: {oid}, code: {code}, n: {n}, percent: {percent(n, base, decimals)}}}")
    return lines


def age_block(rows, base):
    counts = []
    for _, low, high in AGE_BINS:
        counts.append(sum(1 for r in rows if r["age"] >= low and (high is None or r["age"] <= high)))
    if sum(counts) != base:
        sys.exit("aggregate.py: an age falls outside the bins; the extract has changed")
    lines = ["  - id: age-group", "    kind: single-choice", f"    respondents: {base}", "    options:"]
    for (oid, _, _), n in zip(AGE_BINS, counts):
        lines.append(f"      - {{id: {oid}, n: {n}, percent: {percent(n, base, 1)}}}")
    return lines


def ideology_block(rows, base):
    codes = [code for code, _ in LIB_CON]
    scores = codes  # score = code, 1 (extremely liberal) ... 7 (extremely conservative)
    lines = ["  - id: ideology", "    kind: grid", "    scale: lib-con", f"    respondents: {base}", "    rows:"]
    for rid, column in IDEOLOGY_ROWS:
        counts = counts_for(rows, column, codes)
        n = ", ".join(str(c) for c in counts)
        p = ", ".join(percent(c, base, 1) for c in counts)
        lines.append(f"      - {{id: {rid}, n: [{n}], percent: [{p}], "
                     f"mean: {mean_text(counts, scores)}, median: {median_text(counts, scores)}}}")
    return lines


HEADER = """\
# American National Election Study 1996 (extract): the 944-case subset that the Python package statsmodels
# ships as statsmodels.datasets.anes96 (source: The American National Election Studies,
# http://www.electionstudies.org/; licence as documented by statsmodels: public domain).
# GENERATED by Surveys/anes96/tools/aggregate.py from the installed statsmodels: do not edit by hand; re-run
# the script instead (see Docs/anes96.md). Counts are exact; each percent is 100*n/944 rounded half up on its
# own (rows may add to 99.9 or 100.1); means from the counts, medians the ordinary median of the scores.
# The extract has no missing, don't-know or refused values on any variable used here, so none appear.
# Visible strings are in labels/<lang>.yaml (en is the source language). Format: Docs/data-format.md.
"""


def render(rows) -> str:
    base = len(rows)
    out = [HEADER.rstrip("\n"),
           "format: stapel-survey/1",
           "id: anes96",
           "language: en",
           "year: 1996",
           f"respondents: {base}",
           "rounding: half-up",
           "",
           "scales:",
           "  lib-con:",
           "    polarity: bipolar",
           "    points:"]
    for code, pid in LIB_CON:
        out.append(f"      - {{id: {pid}, code: {code}, score: {code}.0}}")
    out += ["", "questions:"]
    blocks = [
        ideology_block(rows, base),
        choice_block("party-id", rows, "PID", PARTY_ID, base),
        choice_block("vote", rows, "vote", VOTE, base, decimals=0),
        choice_block("income", rows, "income", INCOME, base),
        choice_block("education", rows, "educ", EDUCATION, base),
        age_block(rows, base),
    ]
    for i, block in enumerate(blocks):
        if i:
            out.append("")
        out += block
    return "\n".join(out) + "\n"


def main():
    text = render(load())
    if "--stdout" in sys.argv[1:]:
        sys.stdout.write(text)
        return
    OUTPUT.write_bytes(text.encode("utf-8"))


if __name__ == "__main__":
    main()
