#!/usr/bin/env bash
# P1 (mass switch) and P5 (reconcile after an Asterisk restart): see README "Benchmarks".
#   bench/pbx.sh [--users 10000] [--team-size 50] [--connections 1] [--ami host:port --ami-user … --ami-secret …]
# P1 end to end (the built jar, one TIME trigger for every user, firing -> last user confirmed by Asterisk):
#   bench/pbx.sh --mode end-to-end [--users 10000] [--team-size 50] [--ami host:port --ami-user … --ami-secret …]
set -euo pipefail
cd "$(dirname "$0")/.."
main=io.profilegateway.pbx.PbxBenchmark
args=()
while [[ $# -gt 0 ]]; do
  if [[ "$1" == "--mode" ]]; then
    case "$2" in
      end-to-end) main=io.profilegateway.pbx.PbxEndToEndBenchmark ;;
      reconciler) ;;
      *) echo "--mode must be reconciler (default) or end-to-end" >&2; exit 2 ;;
    esac
    shift 2
  else
    args+=("$1"); shift
  fi
done
if [[ "$main" == *EndToEnd* ]]; then
  ./mvnw -B -q package -DskipTests
else
  ./mvnw -B -q test-compile
fi
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
exec java -Xmx2g -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  "$main" "${args[@]}"
