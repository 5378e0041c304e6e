#!/usr/bin/env bash
# Proves two builds of stapel write the same report: renders the bundled survey (every format, sv and en) with
# both binaries into fresh folders and compares them (byte-identical; PNGs by decoded pixels).
#   Benchmarks/compare-outputs.sh OLD_STAPEL NEW_STAPEL [extra compare_outputs.py options]
# Another survey: SURVEY=Surveys/anes96 LANGS=en,de Benchmarks/compare-outputs.sh ...; FORMATS=… for other formats
# (default: every question format and the gallery; the PDF and DOCX reports, which run pdflatex and pandoc for
# seconds, only when named).
# e.g. OLD_STAPEL made from an older commit:
#   git worktree add /tmp/stapel-old <commit> && (cd /tmp/stapel-old && swift build -c release --product stapel)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
old=${1:?old stapel binary}; new=${2:?new stapel binary}; shift 2
survey=${SURVEY:-$here/../Surveys/digitalisering-2024}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$old" render "$survey" --out "$work/old" --format "${FORMATS:-png,pdf,svg,csv,tex,md,html,alt,index}" --lang "${LANGS:-sv,en}" --quiet --force
"$new" render "$survey" --out "$work/new" --format "${FORMATS:-png,pdf,svg,csv,tex,md,html,alt,index}" --lang "${LANGS:-sv,en}" --quiet --force
rm -rf "$work/old/.stapel" "$work/new/.stapel" 2>/dev/null || true
python3 "$here/compare_outputs.py" "$work/old" "$work/new" "$@"
