#!/usr/bin/env bash
# A local Pacer cluster for trying it (docs/operations.md, "Running a cluster"): PostgreSQL, Kamailio as the SIP
# front door on 127.0.0.1:5060 (docs/cluster/kamailio.cfg), and three Pacer nodes on 127.0.0.2-4 (SIP :5060, API
# :8080), all on loopback. Everything lives in one directory (default: a new temporary one; PACER_CLUSTER_DIR to
# choose); Ctrl-C stops it all. Kill a node (kill -9 "$(cat DIR/node-2.pid)") and watch another take its campaigns
# over: curl -s -H 'Authorization: Bearer cluster-admin-token-0123' http://127.0.0.3:8080/api/v1/nodes
#
# Agents (docs/cluster.md): phones register with Kamailio at 127.0.0.1:5060; the nodes call them at Kamailio's
# agents' socket, 127.0.0.1:5070. PACER_AGENTS names the agents every node lists, "id:username:campaign" separated by
# spaces (users and campaigns you create through the API), e.g. PACER_AGENTS="2:desk1:1 3:desk2:1".
#
# Needs: PostgreSQL's server binaries (apt-get install postgresql), kamailio, Java 17 and Maven (./pacer builds).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${PACER_CLUSTER_DIR:-$(mktemp -d /tmp/pacer-cluster.XXXXXX)}"
mkdir -p "$dir"
pg_port="${PACER_PG_PORT:-55432}"
carrier="${PACER_CARRIER:-127.0.0.1:5090}"
token="cluster-admin-token-0123"
pids=()

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_all() {
  # Only what this script started, by process id.
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_postgres "$pg_bin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null 2>&1 || true
  echo "cluster stopped; files in $dir"
}

pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
[ -x "$pg_bin/initdb" ] || { echo "cluster: PostgreSQL binaries not found (apt-get install postgresql)" >&2; exit 2; }
command -v kamailio >/dev/null || { echo "cluster: kamailio not found (apt-get install kamailio)" >&2; exit 2; }
trap stop_all EXIT INT TERM

if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
if [ ! -d "$dir/pg" ]; then
  as_postgres "$pg_bin/initdb" -D "$dir/pg" -U postgres -A trust -E UTF8 >/dev/null
fi
as_postgres "$pg_bin/pg_ctl" -D "$dir/pg" -w -l "$dir/pg.log" -o "-h 127.0.0.1 -p $pg_port -k $dir" start >/dev/null
as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'pacer'" \
  | grep -q 1 || as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres pacer
echo "PostgreSQL on 127.0.0.1:$pg_port (database pacer)"

printf '1 sip:127.0.0.2:5060\n1 sip:127.0.0.3:5060\n1 sip:127.0.0.4:5060\n' > "$dir/pacer-nodes.list"
kamailio -DD -E -f "$here/docs/cluster/kamailio.cfg" -A "DISPATCHER_LIST=\"$dir/pacer-nodes.list\"" \
  -A "AGENTS_LISTEN_ADDR=udp:127.0.0.1:5070" \
  -A "CARRIER_URI=\"sip:$carrier\"" -P "$dir/kamailio.pid" > "$dir/kamailio.log" 2>&1 &
pids+=($!)
echo "Kamailio on 127.0.0.1:5060 (carrier $carrier; agents' socket 127.0.0.1:5070)"
agents_yaml=""
for a in ${PACER_AGENTS:-}; do
  IFS=: read -r id user campaign <<< "$a"
  agents_yaml+="    - {id: $id, username: $user, campaign: $campaign, address: \"127.0.0.1:5070\", autoConnect: false}"$'\n'
done
if [ -n "$agents_yaml" ]; then agents_block=$'\n'"${agents_yaml%$'\n'}"; else agents_block=" []"; fi

for n in 2 3 4; do
  cat > "$dir/node-$n.yaml" <<YAML
sip:
  bindAddress: 127.0.0.$n
  port: 5060
  rtp:
    portMin: $((20000 + n * 2000))
    portMax: $((21998 + n * 2000))
  trunks:
    - name: front-door          # Kamailio: carriers see one peer, and only Kamailio may send to the node
      address: 127.0.0.1:5060
      transport: udp
      maxChannels: 200
      maxCallsPerSecond: 50
  agents:$agents_block
storage:
  url: jdbc:postgresql://127.0.0.1:$pg_port/pacer
  user: postgres
  engineId: node-$n
  heartbeatMillis: 3000
  leaseMillis: 10000
api:
  host: 127.0.0.$n
  port: 8080
  adminToken: $token
YAML
  PACER_JAVA_OPTS="${PACER_JAVA_OPTS:--Xms256m -Xmx512m}" "$here/pacer" run --config "$dir/node-$n.yaml" \
    > "$dir/node-$n.log" 2>&1 &
  pids+=($!)
  echo $! > "$dir/node-$n.pid"
  echo "Pacer node-$n: SIP 127.0.0.$n:5060, API http://127.0.0.$n:8080/api/v1 (log $dir/node-$n.log)"
done
echo "admin token: $token; Ctrl-C stops the cluster"
wait
