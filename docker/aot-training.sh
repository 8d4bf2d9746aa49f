#!/bin/sh
# The AOT training run of the image build (docker/Dockerfile, stage "training"): starts a private PostgreSQL and the
# AMI simulator, runs the gateway through bin/gateway with AOT_TRAINING=1, exercises what a real start does (the
# schema migration, the AMI login, the first full reconcile) and what it serves (users, a profile, switches over
# the REST API, pbx-state, health, metrics), stops it, and leaves the cache in $AOT_CACHE. The cache records the
# classes loaded and linked and the profiles of the methods run; a JVM started with -XX:AOTCache= finds them ready.
#   usage: docker/aot-training.sh   (as a user that may run initdb: not root)
# Environment: GATEWAY_APP (default /app/quarkus-app), AOT_CACHE (default $GATEWAY_APP/gateway.aot), JAVA,
#   AOT_DATABASE (postgresql, the default, for the image's PostgreSQL build; h2 for the H2 build in
#   target/quarkus-app: the Maven profile "aot" trains that one, see pom.xml), AOT_PORT_BASE (default 55000: the
#   ports of PostgreSQL, the simulator and the gateway are AOT_PORT_BASE + 432, + 38, + 3080).
set -eu

app=$(cd "${GATEWAY_APP:-/app/quarkus-app}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
start=$here/../bin/gateway
[ -x "$start" ] || start=$here/gateway
work=$(mktemp -d)
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
database=${AOT_DATABASE:-postgresql}
port_base=${AOT_PORT_BASE:-55000}
pg_port=$((port_base + 432))
ami_port=$((port_base + 38))
http_port=$((port_base + 3080))
java=${JAVA:-java}

cleanup() {
  [ -n "${gateway_pid:-}" ] && kill "$gateway_pid" 2>/dev/null || true
  [ -n "${simulator_pid:-}" ] && kill "$simulator_pid" 2>/dev/null || true
  "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ "$database" = postgresql ]; then
  "$pgbin/initdb" -D "$work/pg" -U gateway --auth=trust >/dev/null
  "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
    -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U gateway gateway
  export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$pg_port/gateway
  export QUARKUS_DATASOURCE_USERNAME=gateway
fi

"$java" -cp "$app/app/*" io.profilegateway.pbx.simulator.SimulatorMain "$ami_port" training training-secret \
  >"$work/simulator.log" 2>&1 &
simulator_pid=$!

# the H2 build keeps its database in ./data below the working directory: the training's own
cd "$work"
# a second full reconcile during the training (the first is the start's): -Dgateway.ami.reconcile-interval
JAVA_OPTS="${JAVA_OPTS:-} -Dgateway.ami.reconcile-interval=5s" \
QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=60S \
QUARKUS_HTTP_PORT=$http_port \
GATEWAY_ADMIN_PASSWORD=training-password \
GATEWAY_AMI_SERVERS_MAIN_HOST=127.0.0.1 \
GATEWAY_AMI_SERVERS_MAIN_PORT=$ami_port \
GATEWAY_AMI_SERVERS_MAIN_USERNAME=training \
GATEWAY_AMI_SERVERS_MAIN_SECRET=training-secret \
GATEWAY_APP=$app AOT_TRAINING=1 "$start" >"$work/gateway.log" 2>&1 &
gateway_pid=$!

base=http://127.0.0.1:$http_port
tries=0
until curl -fsS "$base/q/health/ready" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -gt 240 ] || ! kill -0 "$gateway_pid" 2>/dev/null; then
    echo "AOT training: the gateway did not become ready; its log:" >&2
    cat "$work/gateway.log" >&2
    exit 1
  fi
  sleep 0.5
done

api() { curl -fsS -u admin:training-password -H 'Content-Type: application/json' "$@"; }
id() { sed -n 's/^{"id":\([0-9]*\).*/\1/p'; }
api "$base/api/v1/teams" -d '{"name":"training","queue":"training"}' >/dev/null
on=$(api "$base/api/v1/profiles" -d '{"name":"Training on","assignment":"ADMIN","presence":"available",
  "enterActions":[{"type":"TEAM_LOGIN","team":"training"},{"type":"SET_REACHABILITY","enabled":true}],
  "leaveActions":[]}' | id)
off=$(api "$base/api/v1/profiles" -d '{"name":"Training off","assignment":"ADMIN","presence":"away",
  "enterActions":[{"type":"TEAM_PAUSE","team":"training","reason":"training"},
  {"type":"SET_REDIRECT","kind":"ALWAYS","target":"2000"}],
  "leaveActions":[{"type":"TEAM_UNPAUSE","team":"training"},{"type":"UNSET_REDIRECT","kind":"ALWAYS"}]}' | id)
for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  user=$(api "$base/api/v1/users" -d '{"extension":"'$((7000 + n))'","displayName":"Training '$n'",
    "devices":["PJSIP/'$((7000 + n))'"]}' | id)
  for round in 1 2 3 4 5; do
    api -X PUT "$base/api/v1/users/$user/profile" -d '{"profileId":'"$on"'}' >/dev/null
    api -X PUT "$base/api/v1/users/$user/profile" -d '{"profileId":'"$off"'}' >/dev/null
  done
  api "$base/api/v1/users/$user/pbx-state" >/dev/null
  api "$base/api/v1/users/$user/history" >/dev/null
done
api "$base/api/v1/users?size=50" >/dev/null
api "$base/api/v1/me" >/dev/null
curl -fsS "$base/q/health" >/dev/null
curl -fsS "$base/q/metrics" >/dev/null

sleep 6 # the periodic full reconcile (every 5 s here) runs once more with the users above
kill "$gateway_pid"
wait "$gateway_pid" || true # the JVM writes the cache as it exits
gateway_pid=
cache=${AOT_CACHE:-$app/gateway.aot}
if [ ! -s "$cache" ]; then
  echo "AOT training: no cache in $cache; the gateway's log:" >&2
  cat "$work/gateway.log" >&2
  exit 1
fi
echo "AOT training: $(du -h "$cache" | cut -f1) cache in $cache"
