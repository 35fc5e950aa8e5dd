#!/usr/bin/env bash
# The split, clustered topology of docker/compose.yaml as local processes on loopback (no Docker
# engine needed): PostgreSQL (embedded-db), the authentication service, two HTTP processes, one
# customers, one auth-proxy and one history process. It runs the seed flow through them, kills
# the customers process (kill -9), shows the 503s, starts a new one and shows the recovery.
# Everything it started is stopped when it ends, however it ends.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=modules/app/target/customer-service.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests package
WORK=$(mktemp -d -t customer-service-cluster-XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped everything; logs were in $WORK"
}
trap cleanup EXIT

export JWT_SECRET=cluster-demo-secret-0123456789-0123456789
export DB_HOST=localhost DB_PORT=55432 DB_EMBEDDED_DATA_DIR="$WORK/postgres"
export CLUSTER_MEMBERS=127.0.0.1 AUTH_PASSWORD_ITERATIONS=10000

start() { # name, then launcher arguments; extra environment before the call
  java -Xmx384m -jar "$JAR" "${@:2}" > "$WORK/$1.log" 2>&1 &
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
    if grep -q "customer-service \(listening\|started\)" "$WORK/$1.log"; then echo "  $2 started"; return; fi
    sleep 0.5
  done
  echo "  $2 did not start; see $WORK/$1.log" >&2; exit 1
}
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

echo "== starting the topology (logs in $WORK)"
start db embedded-db --port 55432
for _ in $(seq 1 60); do grep -q "Ctrl-C stops it" "$WORK/db.log" && break; sleep 0.5; done
start auth --cluster --roles auth;               wait_log auth "authentication service (:8001)"
start customers --cluster --roles customers;     wait_log customers "customers"
start history --cluster --roles history;         wait_log history "history"
start auth-proxy --cluster --roles auth-proxy;   wait_log auth-proxy "auth proxy"
HTTP_PORT=8002 start http-1 --cluster --roles http
HTTP_PORT=8012 start http-2 --cluster --roles http
wait_for http://localhost:8002/health/ready "http-1 (:8002)"
wait_for http://localhost:8012/health/ready "http-2 (:8012)"

echo "== the seed flow through the cluster"
EMAIL="demo-$RANDOM@example.com"
ACCESS=$(curl -s -X POST localhost:8001/api/auth/register/ -H 'Content-Type: application/json' \
  -d "{\"email\": \"$EMAIL\", \"first_name\": \"Demo\", \"last_name\": \"User\", \"phone_number\": \"+15551234567\", \"password1\": \"Pass123!\", \"password2\": \"Pass123!\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["tokens"]["access"])')
echo "  registered $EMAIL at :8001"
echo "  create profile at http-1: $(code -X POST localhost:8002/api/v1/customers/profile/create/ -H "Authorization: Bearer $ACCESS" \
  -H 'Content-Type: application/json' -d '{"street_address": "123 Test St", "city": "Portland", "state": "Oregon", "postal_code": "97201", "country": "USA"}')"
echo "  read it at http-2: $(curl -s localhost:8012/api/v1/customers/profile/ -H "Authorization: Bearer $ACCESS" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["city"], d["user"]["phone_number"], "user_data_complete:", d["user_data_complete"])')"

echo "== kill -9 the customers process"
kill -9 "$PID_customers"
sleep 1
for _ in 1 2 3 4 5; do
  echo "  GET profile at http-1: $(curl -s -o /dev/null -w '%{http_code} in %{time_total}s' localhost:8002/api/v1/customers/profile/ -H "Authorization: Bearer $ACCESS")"
done
echo "  readiness of http-1: $(curl -s localhost:8002/health/ready)"

echo "== a new customers process joins"
start customers --cluster --roles customers; wait_log customers "new customers"
wait_for http://localhost:8002/health/ready "http-1, with no restart"
echo "  GET profile at http-1: $(code localhost:8002/api/v1/customers/profile/ -H "Authorization: Bearer $ACCESS")"
echo "  GET profile at http-2: $(code localhost:8012/api/v1/customers/profile/ -H "Authorization: Bearer $ACCESS")"
echo "== done"
