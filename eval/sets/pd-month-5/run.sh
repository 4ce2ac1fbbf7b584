#!/usr/bin/env bash
# Rebuild and score the pd-month-5 set with a built chuxi (eval/sets/score-set.sh does the work).
# usage (from anywhere): eval/sets/pd-month-5/run.sh [CHUXI]   (default: .build/release/chuxi)
exec "$(dirname "$0")/../score-set.sh" pd-month-5 "$@"
