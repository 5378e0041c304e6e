#!/usr/bin/env python3
"""Two stapel binaries compared with their runs interleaved, so that both see the same minutes of a shared
machine (runs of one binary a few minutes apart differ by up to 30 % here). See Benchmarks/README.md.

    python3 Benchmarks/interleaved.py OLD_STAPEL NEW_STAPEL [--rounds 5]

Each round, for each binary in turn: the full report (png,pdf,svg,csv,tex,md × sv,en) at --jobs 1 and --jobs 2
into a fresh folder, the same command again (a no-change build), and the planning time of 2,000 generated
questions (launch to the JSON log's "start" event) at --jobs 1 and --jobs 2. Prints medians.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SURVEY = os.path.join(os.path.dirname(HERE), "Surveys", "digitalisering-2024")
FULL = ["--format", "png,pdf,svg,csv,tex,md", "--lang", "sv,en"]


def run(cmd):
    """Wall and CPU (user + system) seconds of `cmd`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def planning(stapel, survey, out, jobs):
    """Seconds from launch to the "start" event; the render is stopped there."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    p = subprocess.Popen(["stdbuf", "-oL", stapel, "render", survey, "--out", out, "--format", "png,pdf,svg", "--lang", "sv",
                          "--jobs", str(jobs), "--log-format", "json"], stdout=subprocess.PIPE, text=True)
    seconds = None
    for line in p.stdout:
        if '"event":"start"' in line:
            seconds = time.perf_counter() - start
            break
    p.kill()
    p.wait()
    if seconds is None:
        sys.exit(f"{stapel} printed no start event")
    return seconds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="stapel-interleaved-")
    synthetic = os.path.join(work, "synthetic-2000")
    subprocess.run([sys.executable, os.path.join(HERE, "generate_survey.py"), "2000", synthetic], check=True,
                   stdout=subprocess.DEVNULL)
    results = {}

    def add(key, value):
        results.setdefault(key, []).append(value)

    binaries = (("old", os.path.abspath(a.old)), ("new", os.path.abspath(a.new)))
    for _ in range(a.rounds):
        for name, stapel in binaries:
            out = os.path.join(work, name)
            for jobs in (1, 2):
                shutil.rmtree(out, ignore_errors=True)
                add((name, "full", jobs), run([stapel, "render", SURVEY, "--out", out, "--jobs", str(jobs)] + FULL))
            add((name, "no-change"), run([stapel, "render", SURVEY, "--out", out] + FULL))
            for jobs in (1, 2):
                add((name, "planning", jobs), planning(stapel, synthetic, os.path.join(work, "plan"), jobs))

    def median(key, index=None):
        values = results[key]
        return statistics.median(v[index] if index is not None else v for v in values)

    load = os.getloadavg()
    print(f"{a.rounds} rounds interleaved, {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the end")
    for name, stapel in binaries:
        one, two = median((name, "full", 1), 0), median((name, "full", 2), 0)
        no_change = median((name, "no-change"), 0)
        print(f"{name} ({stapel}):\n"
              f"  full report --jobs 1 {one:.3f} s (CPU {median((name, 'full', 1), 1):.3f}), --jobs 2 {two:.3f} s "
              f"(CPU {median((name, 'full', 2), 1):.3f}), speed-up {one / two:.2f}x\n"
              f"  no-change {no_change * 1000:.1f} ms = {no_change / two * 100:.1f} % of the --jobs 2 full report\n"
              f"  2,000 questions planned: --jobs 1 {median((name, 'planning', 1)):.3f} s, --jobs 2 {median((name, 'planning', 2)):.3f} s")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
