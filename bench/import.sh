#!/usr/bin/env bash
# Directory import at scale (issue 15): a PJSIP import of N users (default 10,000) on the in-process AMI simulator and
# an in-memory H2 database, applied while one client switches 10 users back and forth. Prints one line:
#   IMPORT-BENCH users=… read_ms=… apply_ms=… users_per_s=… switches=… switch_p50_ms=… switch_p95_ms=… switch_max_ms=…
# Usage: bench/import.sh [--users 10000] [--ami host:port --ami-user … --ami-secret …]
# With --ami the gateway talks to that Asterisk instead and imports the PJSIP endpoints it has (however many).
set -euo pipefail
cd "$(dirname "$0")/.."
users=10000
props=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --users) users="$2"; shift 2 ;;
    --ami) props+=("-Dgateway.ami.simulator.enabled=false" "-Dgateway.ami.servers.main.host=${2%:*}"
                   "-Dgateway.ami.servers.main.port=${2##*:}"); shift 2 ;;
    --ami-user) props+=("-Dgateway.ami.servers.main.username=$2"); shift 2 ;;
    --ami-secret) props+=("-Dgateway.ami.servers.main.secret=$2"); shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
./mvnw -B -q test-compile
./mvnw -B -q surefire:test@default-test -Dtest=ImportScaleTest -Dimport.scale.users="$users" "${props[@]}" \
  -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E 'IMPORT-BENCH|ERROR\]|Tests run'
