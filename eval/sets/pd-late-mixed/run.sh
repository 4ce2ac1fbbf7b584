#!/usr/bin/env bash
# Score a built chuxi on the pd-late-mixed set.
# usage (from anywhere): eval/sets/pd-late-mixed/run.sh [CHUXI]   (default: .build/release/chuxi)
# Paths are relative to the repo root (/work/main); the corpus lives in ../shared.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bin=${1:-.build/release/chuxi}
set_dir=eval/sets/pd-late-mixed
src=../shared/corpora/pfr199801/articles
[ -x "$bin" ] || { echo "no chuxi at $bin (swift build -c release)"; exit 2; }
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
mkdir -p "$t/in"
while read -r line; do
  id=${line#pfr199801:}; [ -n "$id" ] || continue
  cp "$src/$id.txt" "$t/in/"
done < "$set_dir/sources.txt"
"$bin" extract "$t/in" --out "$t/out"
python3 ../shared/eval/score.py --gold "$set_dir/gold.csv" --pred "$t/out/attendance.csv" \
  --negatives "$set_dir/negatives.txt" --show
