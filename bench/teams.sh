#!/usr/bin/env bash
# Teams benchmarks with WireMock in place of Microsoft Graph (see README "Benchmarks"). Builds the jar.
#   P2, Teams → PBX (default): all arguments go to TeamsBenchmark:
#     --users 10000 --meetings 100 --rounds 3 --intervals 2s,1s [--ami host:port --ami-user … --ami-secret …]
#   --direction pbx-to-teams: the other arguments go to PbxToTeamsBenchmark:
#     --users 10000 --calls 500 [--publish-share 0.15]   (simulator only: it places no real calls)
set -euo pipefail
cd "$(dirname "$0")/.."
MAIN=io.profilegateway.bench.TeamsBenchmark
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --direction)
      case "$2" in
        pbx-to-teams) MAIN=io.profilegateway.bench.PbxToTeamsBenchmark ;;
        teams-to-pbx) MAIN=io.profilegateway.bench.TeamsBenchmark ;;
        *) echo "--direction is teams-to-pbx or pbx-to-teams" >&2; exit 2 ;;
      esac
      shift 2 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  "$MAIN" ${ARGS[@]+"${ARGS[@]}"}
