#!/usr/bin/env python3
"""The peer for the benchmark: matplotlib drawing the bundled survey's charts from Stapel's own tidy CSV export,
with comparable content (title, wrapped row labels, stacked bars for grids and bars for choice questions,
value labels on the segments, a legend, the respondent count), each as PNG at 200 dpi, PDF and SVG.

    stapel render Surveys/digitalisering-2024 --format csv --csv-layout tidy --lang sv --out /tmp/csv
    python3 Benchmarks/matplotlib_reference.py /tmp/csv/sv /tmp/mpl-out
"""
import csv
import os
import sys
import textwrap
from collections import OrderedDict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

matplotlib.rcParams["svg.hashsalt"] = "stapel"          # deterministic SVG ids
matplotlib.rcParams["pdf.compression"] = 6
family = "Inter" if any(f.name == "Inter" for f in font_manager.fontManager.ttflist) else "DejaVu Sans"
matplotlib.rcParams["font.family"] = family
COLORS = ["#edf8b1", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494", "#081d58", "#7f7f7f", "#bdbdbd"]


def number(s):
    return float(s) if s not in ("", None) else None


def load(folder):
    questions = OrderedDict()
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".csv"):
            continue
        with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                q = questions.setdefault(r["question_id"], {"text": r["question"], "rows": OrderedDict(),
                                                           "options": OrderedDict(), "n": r["respondents"]})
                q["options"].setdefault(r["option_id"], r["option"])
                key = r["statement_id"] or ""
                row = q["rows"].setdefault(key, {"label": r["statement"], "values": {}})
                row["values"][r["option_id"]] = number(r["percent"]) or 0.0
    return questions


def draw(qid, q, out):
    options = list(q["options"].items())
    grid = list(q["rows"].keys()) != [""]
    rows = list(q["rows"].values()) if grid else [{"label": label, "values": {oid: q["rows"][""]["values"].get(oid, 0)}}
                                                  for oid, label in options]
    height = 1.3 + 0.36 * len(rows) + (0.35 if grid else 0)
    fig, ax = plt.subplots(figsize=(6.3, height))
    fig.suptitle("\n".join(textwrap.wrap(f"Fråga {qid[1:].lstrip('0')}: {q['text']}", 70)), x=0.02, ha="left",
                 fontsize=10.5, fontweight="semibold")
    labels = ["\n".join(textwrap.wrap(r["label"], 38)) for r in rows]
    ys = list(range(len(rows)))[::-1]
    if grid:
        left = [0.0] * len(rows)
        for k, (oid, label) in enumerate(options):
            widths = [r["values"].get(oid, 0) for r in rows]
            bars = ax.barh(ys, widths, left=left, color=COLORS[k % len(COLORS)], label=label, height=0.7)
            for bar, w in zip(bars, widths):
                if w >= 4:
                    ax.text(bar.get_x() + w / 2, bar.get_y() + bar.get_height() / 2, f"{w:.0f}", ha="center",
                            va="center", fontsize=7, color="white" if k >= 3 else "black")
            left = [a + b for a, b in zip(left, widths)]
        ax.legend(loc="upper left", bbox_to_anchor=(0, 1.0), ncol=3, fontsize=7, frameon=False,
                  borderaxespad=-2.2)
        ax.set_xlim(0, 100)
    else:
        widths = [list(r["values"].values())[0] for r in rows]
        bars = ax.barh(ys, widths, color=COLORS[2], height=0.7)
        for bar, w in zip(bars, widths):
            ax.text(w + 1, bar.get_y() + bar.get_height() / 2, f"{w:.1f}".replace(".", ",") + "\u202f%",
                    va="center", fontsize=7)
        ax.set_xlim(0, max(widths + [1]) * 1.15)
    ax.set_yticks(ys, labels, fontsize=7.5)
    ax.tick_params(axis="x", labelsize=7)
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:.0f}\u202f%"))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.text(0.02, 0.01, f"Antal svar: {q['n']}", fontsize=7, color="#555555")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    for ext in ("png", "pdf", "svg"):
        fig.savefig(os.path.join(out, f"{qid}.{ext}"), dpi=200, metadata={"CreationDate": None} if ext == "pdf"
                    else ({"Date": None} if ext == "svg" else None))
    plt.close(fig)


def main():
    folder, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    questions = load(folder)
    for qid, q in questions.items():
        draw(qid, q, out)
    print(f"{len(questions)} charts x png,pdf,svg -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
