#!/usr/bin/env bash
# Rebuild and score the web-national-foreign-7 set with a built chuxi (eval/sets/score-set.sh does the work).
# usage (from anywhere): eval/sets/web-national-foreign-7/run.sh [CHUXI]   (default: .build/release/chuxi)
exec "$(dirname "$0")/../score-set.sh" web-national-foreign-7 "$@"
