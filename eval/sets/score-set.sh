#!/usr/bin/env bash
# Rebuilds one of eval/sets/NAME from its sources (corpus ids or fetched web texts) and scores a built chuxi on it.
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
# A line is `pfr199801:ID` (copied from the corpus), `invented:STEM` (texts/STEM.txt of the set:
# text written for the project, so it is committed) or `STEM URL` (a web text, fetched once
# by whoever rebuilds the set and kept outside the repository as TEXTS/STEM.txt, where TEXTS
# is $SET_TEXTS, else ../local-sets/NAME/texts beside the repository).
texts=${SET_TEXTS:-../local-sets/$1/texts}
while IFS= read -r line; do
  [ -n "$line" ] || continue
  case $line in
    pfr199801:*) cp "$arts/${line#pfr199801:}.txt" "$t/in/" ;;
    invented:*) cp "$set_dir/texts/${line#invented:}.txt" "$t/in/" ;;  # the project's own invented text
    *) stem=${line%% *}
       [ -f "$texts/$stem.txt" ] || { echo "missing $texts/$stem.txt: fetch ${line#* } (see $set_dir/README.md)" >&2; exit 2; }
       cp "$texts/$stem.txt" "$t/in/" ;;
  esac
done < "$set_dir/sources.txt"
"$bin" extract "$t/in" --out "$t/out" >/dev/null
python3 ../shared/eval/score.py --gold "$set_dir/gold.csv" --pred "$t/out/attendance.csv" \
  --negatives "$set_dir/negatives.txt" --show
