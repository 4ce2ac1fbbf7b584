#!/usr/bin/env bash
# Rebuild and score the web-county-city-4 set with a built chuxi (eval/sets/score-set.sh does the work).
# usage (from anywhere): eval/sets/web-county-city-4/run.sh [CHUXI]   (default: .build/release/chuxi)
exec "$(dirname "$0")/../score-set.sh" web-county-city-4 "$@"
