#!/usr/bin/env bash
# Rebuild and score the pd-provincial-city set with a built chuxi (eval/sets/score-set.sh does the work).
# usage (from anywhere): eval/sets/pd-provincial-city/run.sh [CHUXI]   (default: .build/release/chuxi)
exec "$(dirname "$0")/../score-set.sh" pd-provincial-city "$@"
