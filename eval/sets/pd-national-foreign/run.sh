#!/usr/bin/env bash
# Rebuild and score the pd-national-foreign set with a built chuxi.
# usage (from anywhere): eval/sets/pd-national-foreign/run.sh [CHUXI]
#   CHUXI: path to the chuxi binary, relative to the repo root (default .build/release/chuxi)
# The corpus is read from ../shared/corpora relative to the repo root.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cd "$root"
bin=${1:-.build/release/chuxi}
[ -x "$bin" ] || { echo "no chuxi at $bin (swift build -c release)" >&2; exit 2; }
arts=../shared/corpora/pfr199801/articles
score=../shared/eval/score.py
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
mkdir -p "$t/in"
while IFS= read -r line; do
  id=${line#pfr199801:}; [ -n "$id" ] || continue
  cp "$arts/$id.txt" "$t/in/"
done < "$here/sources.txt"
"$bin" extract "$t/in" --out "$t/out" >/dev/null
python3 "$score" --gold "$here/gold.csv" --pred "$t/out/attendance.csv" \
  --negatives "$here/negatives.txt" --show
