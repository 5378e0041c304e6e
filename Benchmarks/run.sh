#!/usr/bin/env bash
# Stapel's benchmark (see Benchmarks/README.md): builds the release binary and the floor program, then prints
# one run's figures with the core count and load average.  Options go to bench.py (--repeat N, --sections abcdef).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ -z "${STAPEL:-}" ]; then
  swift build -c release --static-swift-stdlib --product stapel >/dev/null
  STAPEL=$root/.build/release/stapel
fi
python3 -c "import matplotlib" 2>/dev/null || { echo "needs matplotlib: pip install matplotlib" >&2; exit 1; }
floor=$(mktemp -d)/floor
cc -O2 -o "$floor" Benchmarks/floor/floor.c $(pkg-config --cflags --libs pangocairo libpng) -lm 2>/dev/null
exec python3 Benchmarks/bench.py --stapel "$STAPEL" --floor "$floor" "$@"
