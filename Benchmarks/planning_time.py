#!/usr/bin/env python3
"""Runs a stapel command with --log-format json and prints the seconds from launch to its "start" event (all
planning: reading the survey, scoping questions, digests, deciding what is out of date) and to its end.
    python3 Benchmarks/planning_time.py STAPEL render SURVEY --out DIR --format ... [more args]
"""
import subprocess
import sys
import time

t0 = time.monotonic()
cmd = ["stdbuf", "-oL"] + sys.argv[1:] + ["--log-format", "json"]
p = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
start = None
for line in p.stdout:
    if start is None and '"event":"start"' in line:
        start = time.monotonic() - t0
p.wait()
end = time.monotonic() - t0
print(f"planning_s {start if start is not None else float('nan'):.3f} total_s {end:.3f} exit {p.returncode}")
