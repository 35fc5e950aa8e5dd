#!/usr/bin/env bash
# The split, clustered topology of docker/compose.yaml as local processes on loopback (no Docker
# engine needed): PostgreSQL (embedded-db), the authentication service, two HTTP processes, one
# customers, one auth-proxy and one history process. It runs the seed flow through them, kills
# the customers process (kill -9), shows the 503s and the failure counts rising in an HTTP
# process's metrics, starts a new one and shows the recovery. Each process has its own
# management port (in compose each container uses 9102; here they share loopback).
# Everything it started is stopped when it ends, however it ends.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=modules/app/target/customer-service.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests package
WORK=$(mktemp -d -t customer-service-cluster-XXXXXX)
PIDS=()
declare -A MANAGEMENT=([auth]=9201 [customers]=9202 [history]=9203 [auth-proxy]=9204 [http-1]=9205 [http-2]=9206)
cleanup() {
  # Each process's last metrics stay beside its log, for scripts/check-dashboard.sh or a look afterwards.
  for name in "${!MANAGEMENT[@]}"; do curl -s -m 2 -o "$WORK/$name.metrics" "localhost:${MANAGEMENT[$name]}/metrics" || true; done
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped everything; logs and metrics were in $WORK"
}
trap cleanup EXIT

export JWT_SECRET=cluster-demo-secret-0123456789-0123456789
export DB_HOST=localhost DB_PORT=55432 DB_EMBEDDED_DATA_DIR="$WORK/postgres"
export CLUSTER_MEMBERS=127.0.0.1 AUTH_PASSWORD_ITERATIONS=10000

start() { # name, then launcher arguments; extra environment before the call
  MANAGEMENT_PORT=${MANAGEMENT[$1]:-0} java -Xmx384m -jar "$JAR" "${@:2}" > "$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  eval "PID_${1//-/_}=$!"
}
wait_for() { # url, what
  for _ in $(seq 1 120); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = "200" ]; then echo "  $2 ready"; return; fi
    sleep 0.5
  done
  echo "  $2 did not become ready; see $WORK" >&2; exit 1
}
wait_log() { # name, what
  for _ in $(seq 1 120); do
    if grep -qs "customer-service \(listening\|started\)" "$WORK/$1.log"; then echo "  $2 started"; return; fi
    sleep 0.5
  done
  echo "  $2 did not start; see $WORK/$1.log" >&2; exit 1
}
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
ready() { # name: its management port's readiness, which must be 200
  local answer
  answer=$(curl -sf "localhost:${MANAGEMENT[$1]}/health/ready") \
    || { echo "  $1's management port :${MANAGEMENT[$1]} did not answer 200 at /health/ready" >&2; exit 1; }
  echo "  $1 management :${MANAGEMENT[$1]} /health/ready: $answer"
}
failures() { # name: its bus reply failures to customers.* by kind, and its customer API answers 5xx by code
  curl -s "localhost:${MANAGEMENT[$1]}/metrics" | awk '
    function label(name,   s) { s = $0; if (!sub(".*" name "=\"", "", s)) return ""; sub(/".*/, "", s); return s }
    /^vertx_eventbus_reply_failures_total\{/ && label("address") ~ /^customers\./ { bus[label("failure")] += $NF }
    /^vertx_http_server_requests_total\{/ && label("route") ~ /^\/api\/v1\/customers/ && label("code") ~ /^5/ { api[label("code")] += $NF }
    END {
      printf "bus reply failures (customers.*): NO_HANDLERS %d, TIMEOUT %d, RECIPIENT_FAILURE %d; customer API: 503 %d, 504 %d\n",
        bus["NO_HANDLERS"], bus["TIMEOUT"], bus["RECIPIENT_FAILURE"], api["503"], api["504"]
    }'
}

echo "== starting the topology (logs in $WORK)"
start db embedded-db --port 55432
for _ in $(seq 1 60); do grep -qs "Ctrl-C stops it" "$WORK/db.log" && break; sleep 0.5; done
start auth --cluster --roles auth;               wait_log auth "authentication service (:8001)"
start customers --cluster --roles customers;     wait_log customers "customers"
start history --cluster --roles history;         wait_log history "history"
start auth-proxy --cluster --roles auth-proxy;   wait_log auth-proxy "auth proxy"
HTTP_PORT=8002 start http-1 --cluster --roles http
HTTP_PORT=8012 start http-2 --cluster --roles http
wait_for http://localhost:8002/health/ready "http-1 (:8002)"
wait_for http://localhost:8012/health/ready "http-2 (:8012)"
echo "== every process's management port"
for name in auth customers history auth-proxy http-1 http-2; do ready "$name"; done

echo "== the seed flow through the cluster"
EMAIL="demo-$RANDOM@example.com"
ACCESS=$(curl -s -X POST localhost:8001/api/auth/register/ -H 'Content-Type: application/json' \
  -d "{\"email\": \"$EMAIL\", \"first_name\": \"Demo\", \"last_name\": \"User\", \"phone_number\": \"+15551234567\", \"password1\": \"Pass123!\", \"password2\": \"Pass123!\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["tokens"]["access"])')
echo "  registered $EMAIL at :8001"
echo "  create profile at http-1: $(code -X POST localhost:8002/api/v1/customers/profile/create/ -H "Authorization: Bearer $ACCESS" \
  -H 'Content-Type: application/json' -d '{"street_address": "123 Test St", "city": "Portland", "state": "Oregon", "postal_code": "97201", "country": "USA"}')"
echo "  read it at http-2: $(curl -s localhost:8012/api/v1/customers/profile/ -H "Authorization: Bearer $ACCESS" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["city"], d["phone_number"], "user_data_complete:", d["user_data_complete"])')"

echo "== kill -9 the customers process"
BEFORE=$(failures http-1)
kill -9 "$PID_customers"
wait "$PID_customers" 2>/dev/null || true
sleep 1
for _ in 1 2 3 4 5; do
  echo "  GET profile at http-1: $(curl -s -o /dev/null -w '%{http_code} in %{time_total}s' localhost:8002/api/v1/customers/profile/ -H "Authorization: Bearer $ACCESS")"
done
echo "  readiness of http-1: $(curl -s localhost:8002/health/ready)"
AFTER=$(failures http-1)
echo "  http-1 metrics before the kill: $BEFORE"
echo "  http-1 metrics after the kill:  $AFTER"
[ "$AFTER" != "$BEFORE" ] || { echo "  http-1's failure counts did not move" >&2; exit 1; }

echo "== a new customers process joins"
start customers --cluster --roles customers; wait_log customers "new customers"
wait_for http://localhost:8002/health/ready "http-1, with no restart"
echo "  GET profile at http-1: $(code localhost:8002/api/v1/customers/profile/ -H "Authorization: Bearer $ACCESS")"
echo "  GET profile at http-2: $(code localhost:8012/api/v1/customers/profile/ -H "Authorization: Bearer $ACCESS")"
ready customers
echo "== done"
