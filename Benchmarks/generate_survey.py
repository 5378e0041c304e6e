#!/usr/bin/env python3
"""Writes a synthetic Stapel survey of N questions (grids on a 5-point scale and single/multiple choice) with
Swedish and English labels, deterministically (seeded), for the scaling benchmark.

    python3 Benchmarks/generate_survey.py 2000 /tmp/synthetic-2000
"""
import os
import random
import sys

WORDS_SV = ("myndighet data analys styrning kompetens verksamhet uppföljning tjänster invånare samverkan "
            "regelverk finansiering kvalitet plattform strategi utveckling ledning medarbetare öppna delade "
            "förvaltning beslut underlag resurser incitament standarder säkerhet tillgång").split()
WORDS_EN = ("agency data analysis governance competence operations follow-up services citizens cooperation "
            "regulation funding quality platform strategy development management staff open shared "
            "administration decisions evidence resources incentives standards security access").split()
POINTS = [("inget", 0), ("litet", 1), ("ganska-stort", 2), ("stort", 3), ("mycket-stort", 4)]
POINT_SV = ["Inget hinder", "Ganska litet hinder", "Ganska stort hinder", "Stort hinder", "Mycket stort hinder"]
POINT_EN = ["No obstacle", "Fairly small obstacle", "Fairly large obstacle", "Large obstacle", "Very large obstacle"]


def largest_remainder(counts, total):
    """Percents with one decimal summing to exactly 100.0 (the survey's `rounding: largest-remainder`)."""
    raw = [c * 1000 / total for c in counts]
    floors = [int(r) for r in raw]
    rest = 1000 - sum(floors)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - floors[i]), i))
    for i in order[:rest]:
        floors[i] += 1
    return [f / 10 for f in floors]


def sentence(rng, words, n):
    s = " ".join(rng.choice(words) for _ in range(n))
    return s[0].upper() + s[1:]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    out = sys.argv[2] if len(sys.argv) > 2 else f"/tmp/synthetic-{count}"
    rng = random.Random(20261201)
    os.makedirs(os.path.join(out, "labels"), exist_ok=True)
    survey = ["format: stapel-survey/1", "id: synthetic", "language: sv", "year: 2026", "respondents: 137",
              "rounding: largest-remainder", "", "scales:", "  hinder:", "    points:"]
    survey += [f"      - {{id: {p}, score: {s}.0}}" for p, s in POINTS]
    survey += ["", "questions:"]
    labels = {"sv": [], "en": []}
    for q in range(1, count + 1):
        qid = f"g{q:04d}"
        kind = ("grid", "single-choice", "multiple-choice")[q % 3]
        resp = 137
        texts = {"sv": sentence(rng, WORDS_SV, rng.randint(6, 16)) + "?",
                 "en": sentence(rng, WORDS_EN, rng.randint(6, 16)) + "?"}
        entries = []
        if kind == "grid":
            survey += [f"  - id: {qid}", "    kind: grid", "    scale: hinder", f"    respondents: {resp}", "    rows:"]
            for r in range(rng.randint(3, 16)):
                cuts = sorted(rng.randint(0, resp) for _ in range(4))
                counts = [b - a for a, b in zip([0] + cuts, cuts + [resp])]
                pct = ", ".join(f"{p:.1f}" for p in largest_remainder(counts, resp))
                n = ", ".join(str(c) for c in counts)
                survey.append(f"      - {{id: r{r:02d}, n: [{n}], percent: [{pct}]}}")
                entries.append(f"r{r:02d}")
        else:
            k = rng.randint(2, 12)
            survey += [f"  - id: {qid}", f"    kind: {kind}", f"    respondents: {resp}"]
            if kind == "single-choice":
                cuts = sorted(rng.randint(0, resp) for _ in range(k - 1))
                counts = [b - a for a, b in zip([0] + cuts, cuts + [resp])]
                pcts = largest_remainder(counts, resp)
            else:
                counts = [rng.randint(0, resp) for _ in range(k)]
                pcts = [round(c * 100 / resp, 1) for c in counts]
                survey.append(f"    selections: {sum(counts)}")
            survey.append("    options:")
            for o, (c, p) in enumerate(zip(counts, pcts)):
                survey.append(f"      - {{id: o{o:02d}, n: {c}, percent: {p:.1f}}}")
                entries.append(f"o{o:02d}")
        survey.append("")
        for lang, words in (("sv", WORDS_SV), ("en", WORDS_EN)):
            block = [f"  {qid}:", f"    text: \"{texts[lang]}\"", "    rows:" if kind == "grid" else "    options:"]
            block += [f"      {e}: \"{sentence(rng, words, rng.randint(2, 9))}\"" for e in entries]
            labels[lang] += block
    with open(os.path.join(out, "survey.yaml"), "w") as f:
        f.write("\n".join(survey) + "\n")
    for lang, points, title in (("sv", POINT_SV, "Syntetisk enkät"), ("en", POINT_EN, "Synthetic survey")):
        head = ["format: stapel-labels/1", f"language: {lang}", "survey:", f"  title: \"{title}\"", f"  source: \"{title}, {count} frågor\"", "scales:",
                "  hinder:"] + [f"    {p}: \"{t}\"" for (p, _), t in zip(POINTS, points)] + ["questions:"]
        with open(os.path.join(out, "labels", f"{lang}.yaml"), "w") as f:
            f.write("\n".join(head + labels[lang]) + "\n")
    print(out)


if __name__ == "__main__":
    main()
