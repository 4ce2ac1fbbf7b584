#!/usr/bin/env bash
# Rebuild and score the web-district-county-2 set with a built chuxi (eval/sets/score-set.sh does the work).
# usage (from anywhere): eval/sets/web-district-county-2/run.sh [CHUXI]   (default: .build/release/chuxi)
exec "$(dirname "$0")/../score-set.sh" web-district-county-2 "$@"
