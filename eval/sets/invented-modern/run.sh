#!/usr/bin/env bash
# Rebuild and score the invented-modern set with a built chuxi (eval/sets/score-set.sh does the work).
# usage (from anywhere): eval/sets/invented-modern/run.sh [CHUXI]   (default: .build/release/chuxi)
exec "$(dirname "$0")/../score-set.sh" invented-modern "$@"
