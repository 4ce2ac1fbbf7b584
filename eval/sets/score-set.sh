#!/usr/bin/env bash
# Rebuilds one of eval/sets/NAME from its sources (corpus ids) and scores a built chuxi on it.
# usage (from anywhere): eval/sets/score-set.sh NAME [CHUXI]
#   CHUXI: path to the chuxi binary, relative to the repo root (default .build/release/chuxi)
# The corpus is read from ../shared/corpora relative to the repo root.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
set_dir=eval/sets/${1:?usage: eval/sets/score-set.sh NAME [CHUXI]}
bin=${2:-.build/release/chuxi}
[ -d "$set_dir" ] || { echo "no set at $set_dir" >&2; exit 2; }
[ -x "$bin" ] || { echo "no chuxi at $bin (swift build -c release)" >&2; exit 2; }
arts=../shared/corpora/pfr199801/articles
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
mkdir -p "$t/in"
while IFS= read -r line; do
  id=${line#pfr199801:}; [ -n "$id" ] || continue
  cp "$arts/$id.txt" "$t/in/"
done < "$set_dir/sources.txt"
"$bin" extract "$t/in" --out "$t/out" >/dev/null
python3 ../shared/eval/score.py --gold "$set_dir/gold.csv" --pred "$t/out/attendance.csv" \
  --negatives "$set_dir/negatives.txt" --show
