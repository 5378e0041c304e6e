#!/usr/bin/env bash
# Renders the bundled survey's full report (every question format, sv and en, --jobs 2) RUNS times into fresh
# folders and reports every file whose bytes differ from the first run's: equal inputs must give equal bytes,
# whatever the threads did. Not a test (a rare difference needs tens of runs to show); see Benchmarks/README.md.
#   Benchmarks/determinism.sh [STAPEL] [RUNS]      (defaults: the release build, 50 runs)
# JOBS=1 renders on one thread; KEEP=DIR copies both versions of every differing file there (first-…, run-N-…),
# for `deflate_tokens.py` to compare a PNG's two streams token by token.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
stapel=${1:-$here/../.build/release/stapel}
runs=${2:-50}
survey=${SURVEY:-$here/../Surveys/digitalisering-2024}
formats=${FORMATS:-png,pdf,svg,csv,tex,md,html,alt,index}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$stapel" render "$survey" --out "$work/first" --format "$formats" --lang "${LANGS:-sv,en}" --jobs "${JOBS:-2}" --quiet --force
files=$(cd "$work/first" && find . -type f ! -name '.stapel*' | sort)
differing=0
for run in $(seq 2 "$runs"); do
  rm -rf "$work/run"
  "$stapel" render "$survey" --out "$work/run" --format "$formats" --lang "${LANGS:-sv,en}" --jobs "${JOBS:-2}" --quiet --force
  changed=0
  for f in $files; do
    if ! cmp -s "$work/first/$f" "$work/run/$f"; then
      echo "run $run: $f differs"; changed=1
      if [ -n "${KEEP:-}" ]; then
        mkdir -p "$KEEP"; name=$(echo "${f#./}" | tr / _)
        cp "$work/first/$f" "$KEEP/first-$name"; cp "$work/run/$f" "$KEEP/run-$run-$name"
      fi
    fi
  done
  differing=$((differing + changed))
done
echo "$runs runs of $(echo "$files" | wc -l) files: $differing run(s) with a file whose bytes differ from the first run's"
[ "$differing" -eq 0 ]
