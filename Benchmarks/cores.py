#!/usr/bin/env python3
"""Where the cores go during one `stapel render`: a scheduler trace (Linux tracefs, as root) of one build,
summed per core and per kind of thread. Not a benchmark figure: it explains them (see Benchmarks/README.md).

    sudo python3 Benchmarks/cores.py [--stapel .build/release/stapel] [--jobs 2] [--runs 3]

Each run renders the bundled survey's full report (6 formats x sv,en) into a fresh temporary folder with
`sched_switch`, `sched_wakeup`, `sched_wakeup_new`, `sched_process_exec` and `sched_process_exit` traced,
then prints, between the binary's exec and its main thread's exit:
- per core: time running the render workers (the `--jobs` threads that ran longest), Stapel's other threads
  (Pango's font-matching threads, the flusher, the font fingerprint, planning's helpers), its main thread,
  kernel threads (writeback, RCU, ...), other processes, and idle;
- for the workers together: time runnable but waiting (while a core was idle, or while both were busy), and
  asleep (S: a lock or condition; D: the kernel, e.g. I/O) while their core was idle.
The tracer adds its own cost: a traced build takes longer than an untraced one; compare shares, not times.
"""
import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SURVEY = os.path.join(ROOT, "Surveys", "digitalisering-2024")
TRACING = "/sys/kernel/tracing"
EVENTS = ["sched/sched_switch", "sched/sched_wakeup", "sched/sched_wakeup_new", "sched/sched_process_exec",
          "sched/sched_process_exit"]
LINE = re.compile(r"^\s*(.+?)-(\d+)\s+\[(\d+)\]\s+\S+\s+([\d.]+): (\w+): (.*)$")


def write(name, value):
    with open(os.path.join(TRACING, name), "w") as f:
        f.write(value)


def trace(cmd):
    """The trace lines of one run of `cmd`, and the process's id (its main thread's)."""
    write("tracing_on", "0")
    write("trace", "")
    write("buffer_size_kb", "20000")
    write("trace_clock", "mono")
    for event in EVENTS:
        write(f"events/{event}/enable", "1")
    write("tracing_on", "1")
    try:
        proc = subprocess.Popen(cmd)
        if proc.wait() != 0:
            raise subprocess.CalledProcessError(proc.returncode, cmd)
    finally:
        write("tracing_on", "0")
        for event in EVENTS:
            write(f"events/{event}/enable", "0")
    with open(os.path.join(TRACING, "trace")) as f:
        return f.read().splitlines(), proc.pid


def field(rest, name):
    m = re.search(rf"(?:^| ){name}=(\S+)", rest)
    return m.group(1) if m else None


def analyse(lines, main):
    events = []
    for line in lines:
        m = LINE.match(line)
        if m:
            events.append((float(m.group(4)), int(m.group(3)), m.group(5), m.group(6), m.group(1), int(m.group(2))))
    ours = {main}
    for _, _, kind, rest, _, pid in events:
        if kind == "sched_wakeup_new" and pid in ours:
            ours.add(int(field(rest, "pid")))
    # From the exec of the binary (the forked child runs the harness's code before it).
    start = next((t for t, _, kind, _, _, pid in events if kind == "sched_process_exec" and pid == main),
                 next(t for t, _, _, _, _, pid in events if pid == main))
    end = next((t for t, _, kind, rest, _, _ in events
                if kind == "sched_process_exit" and int(field(rest, "pid")) == main), events[-1][0])
    names = {}
    # What runs on each core, from the switches; a task an event is recorded on is running there, and a task
    # woken onto an idle core runs there at once (a switch in from idle is not always traced).
    running = {}
    per_core = collections.defaultdict(collections.Counter)
    per_task = collections.Counter()

    def switch(core, t, pid):
        if core in running:
            since, was = running[core]
            a, b = max(since, start), min(t, end)
            if b > a:
                per_core[core][was] += b - a
                per_task[was] += b - a
        running[core] = (t, pid)

    timeline = []
    for t, core, kind, rest, comm, pid in events:
        names.setdefault(pid, comm)
        if kind == "sched_switch":
            nxt = int(field(rest, "next_pid"))
            names[nxt] = field(rest, "next_comm") or names.get(nxt, "?")
            prev_state = field(rest, "prev_state") or "?"
            timeline.append((t, core, "out", int(field(rest, "prev_pid")), prev_state))
            switch(core, t, nxt)
            timeline.append((t, core, "in", nxt, None))
            continue
        if core in running and running[core][1] != pid:
            switch(core, t, pid)
            timeline.append((t, core, "in", pid, None))
        if kind in ("sched_wakeup", "sched_wakeup_new"):
            woken, target = int(field(rest, "pid")), int(field(rest, "target_cpu"))
            timeline.append((t, target, "wake", woken, None))
            if running.get(target, (0, None))[1] == 0:
                switch(target, t, woken)
                timeline.append((t, target, "in", woken, None))
    for core in list(running):
        switch(core, end, running[core][1])

    threads = sorted((p for p in ours if p != main), key=lambda p: -per_task[p])
    # The workers: the threads that ran longest (as many as ran more than a tenth of the longest).
    workers = [p for p in threads if per_task[p] > 0.1 * per_task[threads[0]]][:8] if threads else []

    def kind_of(pid):
        if pid == 0:
            return "idle"
        if pid == main:
            return "main thread"
        if pid in workers:
            return "render workers"
        if pid in ours:
            return "Stapel's other threads"
        name = names.get(pid, "?")
        if name.startswith(("kworker", "rcu_", "ksoftirqd", "kdamond", "kcompactd", "migration", "jbd2")):
            return "kernel threads"
        return "other processes"

    # The workers' states over time, and whether a core was idle meanwhile.
    state = {w: "new" for w in workers}
    on = {}
    waits = collections.Counter()
    last = None
    for t, core, what, pid, prev_state in sorted(timeline, key=lambda e: e[0]):
        if last is not None and start <= t <= end:
            dt = t - last
            idle = any(p == 0 for p in on.values()) or len(on) < 2
            for w in workers:
                s = state[w]
                if s == "R":
                    waits["runnable, a core idle" if idle else "runnable, every core busy"] += dt
                elif s in ("S", "D") and idle:
                    waits[f"asleep ({s}) with a core idle"] += dt
        last = t
        if what == "in":
            on[core] = pid
            if pid in state:
                state[pid] = "run"
        elif what == "out" and pid in state:
            state[pid] = "R" if prev_state.startswith("R") else ("D" if "D" in prev_state else
                                                                 ("X" if prev_state in ("X", "Z") else "S"))
        elif what == "wake" and pid in state and state[pid] in ("S", "D", "new"):
            state[pid] = "R"
    window = end - start
    return window, per_core, kind_of, waits, len(workers), len(ours)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stapel", default=os.path.join(ROOT, ".build", "release", "stapel"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("cores.py reads the kernel's scheduler trace: run it as root")
    if not os.path.exists(os.path.join(TRACING, "trace")):
        subprocess.run(["mount", "-t", "tracefs", "nodev", TRACING], check=True)
    work = tempfile.mkdtemp(prefix="stapel-cores-")
    out = os.path.join(work, "out")
    try:
        for run in range(a.runs):
            shutil.rmtree(out, ignore_errors=True)
            cmd = [os.path.abspath(a.stapel), "render", SURVEY, "--out", out, "--format", "png,pdf,svg,csv,tex,md",
                   "--lang", "sv,en", "--jobs", str(a.jobs), "--quiet"]
            window, per_core, kind_of, waits, nworkers, nthreads = analyse(*trace(cmd))
            total = collections.Counter()
            print(f"run {run + 1}: {window * 1000:.1f} ms from the exec to the main thread's exit, "
                  f"{nworkers} render workers, {nthreads} Stapel threads in all")
            for core in sorted(per_core):
                kinds = collections.Counter()
                for pid, seconds in per_core[core].items():
                    kinds[kind_of(pid)] += seconds
                total.update(kinds)
                print(f"  core {core}: " + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in kinds.most_common()))
            cores = window * len(per_core)
            print("  all cores: " + ", ".join(f"{k} {v / cores * 100:.1f} %" for k, v in total.most_common()))
            print("  workers: " + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in waits.most_common()))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
