#!/usr/bin/env bash
# Directory import at scale (issue 15): a PJSIP import of N users (default 10,000) on the in-process AMI simulator and
# an in-memory H2 database, applied while switches go on. Prints one line:
#   IMPORT-BENCH users=… read_ms=… apply_ms=… users_per_s=… switches=… switch_p50_ms=… switch_p95_ms=… switch_max_ms=…
# Usage: bench/import.sh [users]
set -euo pipefail
cd "$(dirname "$0")/.."
users="${1:-10000}"
./mvnw -B -q test-compile
./mvnw -B -q surefire:test@default-test -Dtest=ImportScaleTest -Dimport.scale.users="$users" \
  -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E 'IMPORT-BENCH|ERROR\]|Tests run'
