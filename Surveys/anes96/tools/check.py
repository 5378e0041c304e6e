#!/usr/bin/env python3
"""Independent check of Surveys/anes96/survey.yaml and its label sets (needs PyYAML; statsmodels optional).

Written separately from aggregate.py (it shares no code with it) so that a mistake in one is caught by the other:
  1. every question's counts (and every grid row's) add up to its respondents, and those to the root's 944;
  2. every percent equals round-half-up(100 * n / respondents) to the question's `percent-decimals`
     (root default, else 1), and the text in the file has exactly that many decimals;
  3. grid means equal round-half-up(sum(score * n) / sum(n), 1) and medians the ordinary median of the scores;
  4. the new issue-9 fields are present as agreed (language, rounding, code, polarity);
  5. labels/en.yaml and labels/de.yaml have the same keys and cover every id the survey uses;
  6. with statsmodels installed: the counts match a fresh tally of the raw data (pandas value_counts), and
     running aggregate.py twice gives bytes identical to each other and to survey.yaml.
Prints one line per failed check and a summary; exit status 1 on any failure.

Run from anywhere:  python3 Surveys/anes96/tools/check.py
"""

from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction
from pathlib import Path
import subprocess
import sys

import yaml

HERE = Path(__file__).resolve().parent
SURVEY = HERE.parent
problems = []


def fail(message):
    problems.append(message)
    print("FAIL:", message)


def half_up(fraction, decimals):
    exact = Decimal(fraction.numerator) / Decimal(fraction.denominator)  # 28 significant digits: ample here
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def decimals_of(value):
    text = repr(value)
    return len(text.split(".")[1]) if "." in text else 0


def check_percent(where, n, base, printed, decimals):
    expected = half_up(Fraction(100 * n, base), decimals)
    if Decimal(repr(printed)) != expected:
        fail(f"{where}: percent {printed} but 100*{n}/{base} rounds half up to {expected}")
    if decimals == 0 and not isinstance(printed, int):
        fail(f"{where}: percent {printed!r} should be written as a whole number")
    if decimals > 0 and (not isinstance(printed, float) or decimals_of(printed) > decimals):
        fail(f"{where}: percent {printed!r} should have {decimals} decimal(s)")


def median(counts, scores):
    values = sorted(s for c, s in zip(counts, scores) for _ in range(c))
    k = len(values)
    return Fraction(values[k // 2]) if k % 2 else Fraction(values[k // 2 - 1] + values[k // 2], 2)


def check_survey(doc):
    for field, value in [("format", "stapel-survey/1"), ("id", "anes96"), ("language", "en"),
                         ("year", 1996), ("rounding", "half-up"), ("respondents", 944)]:
        if doc.get(field) != value:
            fail(f"root {field} is {doc.get(field)!r}, expected {value!r}")
    total = doc["respondents"]
    root_decimals = doc.get("percent-decimals", 1)
    scales = doc["scales"]
    for sid, scale in scales.items():
        if scale.get("polarity") not in ("unipolar", "bipolar"):
            fail(f"scale {sid}: polarity missing or unknown")
        for p in scale["points"]:
            if "code" not in p or "score" not in p:
                fail(f"scale {sid} point {p['id']}: code and score expected")
    ids = [q["id"] for q in doc["questions"]]
    if len(set(ids)) != len(ids):
        fail("duplicate question ids")
    for q in doc["questions"]:
        qid, base = q["id"], q["respondents"]
        decimals = q.get("percent-decimals", root_decimals)
        if base != total:
            fail(f"{qid}: respondents {base} differ from the survey's {total}")
        if q["kind"] == "single-choice":
            ns = [o["n"] for o in q["options"]]
            if sum(ns) != base:
                fail(f"{qid}: counts add up to {sum(ns)}, not {base}")
            for o in q["options"]:
                check_percent(f"{qid}.{o['id']}", o["n"], base, o["percent"], decimals)
        elif q["kind"] == "grid":
            points = scales[q["scale"]]["points"]
            scores = [p["score"] for p in points]
            if scores != sorted(scores):
                fail(f"{qid}: median check assumes ascending scores")
            for r in q["rows"]:
                where = f"{qid}.{r['id']}"
                n, pct = r["n"], r["percent"]
                if len(n) != len(points) or len(pct) != len(points):
                    fail(f"{where}: {len(n)} counts / {len(pct)} percents for {len(points)} points")
                row_base = r.get("respondents", base)
                if sum(n) != row_base:
                    fail(f"{where}: counts add up to {sum(n)}, not {row_base}")
                for i, (c, p) in enumerate(zip(n, pct)):
                    check_percent(f"{where}[{i}]", c, row_base, p, decimals)
                exact_scores = [Fraction(s).limit_denominator(1000) for s in scores]
                mean = half_up(sum(c * s for c, s in zip(n, exact_scores)) / sum(n), 1)
                if Decimal(repr(r["mean"])) != mean:
                    fail(f"{where}: mean {r['mean']} but counts give {mean}")
                med = half_up(median(n, exact_scores), 1)
                if Decimal(repr(r["median"])) != med:
                    fail(f"{where}: median {r['median']} but counts give {med}")
        else:
            fail(f"{qid}: kind {q['kind']} not expected in this survey")
    return ids


def flatten(mapping, prefix=""):
    out = {}
    for key, value in mapping.items():
        dotted = f"{prefix}.{key}" if prefix else str(key)
        out.update(flatten(value, dotted) if isinstance(value, dict) else {dotted: value})
    return out


def needed_keys(doc):
    keys = {f"survey.{k}" for k in ("title", "subtitle", "publisher", "source")}
    for sid, scale in doc["scales"].items():
        keys |= {f"scales.{sid}.{p['id']}" for p in scale["points"]}
    for q in doc["questions"]:
        keys.add(f"questions.{q['id']}.text")
        for o in q.get("options", []):
            keys.add(f"questions.{q['id']}.options.{o['id']}")
        for r in q.get("rows", []):
            keys.add(f"questions.{q['id']}.rows.{r['id']}")
    return keys


def check_labels(doc):
    sets = {}
    for lang in ("en", "de"):
        raw = yaml.safe_load((SURVEY / "labels" / f"{lang}.yaml").read_text(encoding="utf-8"))
        if raw.get("language") != lang or raw.get("format") != "stapel-labels/1":
            fail(f"labels/{lang}.yaml: wrong format or language")
        sets[lang] = flatten({k: v for k, v in raw.items() if k not in ("format", "language")})
        for key, value in sets[lang].items():
            if not isinstance(value, str) or not value.strip():
                fail(f"labels/{lang}.yaml: {key} is empty or not text")
        missing = needed_keys(doc) - set(sets[lang])
        for key in sorted(missing):
            fail(f"labels/{lang}.yaml lacks {key}")
    for key in sorted(set(sets["en"]) ^ set(sets["de"])):
        fail(f"key {key} is in only one of en.yaml / de.yaml")
    for key, value in sets["de"].items():
        if '"' in value or "“" in value and "„" not in value:
            fail(f"labels/de.yaml {key}: use German quotes „…“")


def check_against_data(doc):
    try:
        from statsmodels.datasets import anes96
    except ImportError:
        print("note: statsmodels not installed; raw-data and determinism checks skipped")
        return
    data = anes96.load_pandas().data
    if len(data) != doc["respondents"]:
        fail(f"data has {len(data)} cases, survey says {doc['respondents']}")
    if data.isna().any().any():
        fail("the data now has missing values; survey.yaml says it has none")
    by_id = {q["id"]: q for q in doc["questions"]}
    columns = {"party-id": "PID", "vote": "vote", "income": "income", "education": "educ"}
    for qid, column in columns.items():
        tally = data[column].value_counts().to_dict()
        for o in by_id[qid]["options"]:
            if tally.get(float(o["code"]), 0) != o["n"]:
                fail(f"{qid}.{o['id']}: n {o['n']} but data has {tally.get(float(o['code']), 0)}")
        if sum(tally.values()) != sum(o["n"] for o in by_id[qid]["options"]):
            fail(f"{qid}: data has codes the survey lacks")
    codes = [p["code"] for p in doc["scales"]["lib-con"]["points"]]
    for row, column in [("self", "selfLR"), ("clinton", "ClinLR"), ("dole", "DoleLR")]:
        tally = data[column].value_counts().to_dict()
        r = next(r for r in by_id["ideology"]["rows"] if r["id"] == row)
        if [tally.get(float(c), 0) for c in codes] != r["n"]:
            fail(f"ideology.{row}: counts differ from the data")
    ages = data["age"]
    bins = {"18-29": (18, 29), "30-39": (30, 39), "40-49": (40, 49), "50-59": (50, 59), "60-69": (60, 69),
            "70-plus": (70, 200)}
    for o in by_id["age-group"]["options"]:
        low, high = bins[o["id"]]
        if int(((ages >= low) & (ages <= high)).sum()) != o["n"]:
            fail(f"age-group.{o['id']}: count differs from the data")
    script = [sys.executable, str(HERE / "aggregate.py"), "--stdout"]
    first = subprocess.run(script, capture_output=True, check=True).stdout
    second = subprocess.run(script, capture_output=True, check=True).stdout
    if first != second:
        fail("aggregate.py is not deterministic: two runs differ")
    if first != (SURVEY / "survey.yaml").read_bytes():
        fail("survey.yaml differs from what aggregate.py writes now: re-run it")


def main():
    doc = yaml.safe_load((SURVEY / "survey.yaml").read_text(encoding="utf-8"))
    check_survey(doc)
    check_labels(doc)
    check_against_data(doc)
    if problems:
        print(f"{len(problems)} problem(s)")
        sys.exit(1)
    print(f"ok: {len(doc['questions'])} questions, counts, percents, means, medians, labels (en, de), "
          "raw data and determinism checked")


if __name__ == "__main__":
    main()
