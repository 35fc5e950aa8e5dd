#!/usr/bin/env bash
# Checks docker/grafana/dashboards/customer-service.json against what the service really exposes:
# the JSON parses, every metric name its PromQL uses appears in a live /metrics output, every
# label it selects or groups by is one that metric carries (or one Prometheus adds: job,
# instance, and the role of docker/prometheus/prometheus.yml), and every role it names is a role
# Prometheus labels targets with. promtool is not needed, so it cannot check the syntax as fully.
#
#   scripts/check-dashboard.sh                 # runs the jar (all roles, free ports), drives a little traffic, checks
#   scripts/check-dashboard.sh FILE|URL ...    # checks against saved /metrics outputs (scripts/cluster-demo.sh leaves one per process) or live ports
set -euo pipefail
cd "$(dirname "$0")/.."

DASHBOARD=${DASHBOARD:-docker/grafana/dashboards/customer-service.json}
PROMETHEUS=docker/prometheus/prometheus.yml
JAR=$PWD/modules/app/target/customer-service.jar
WORK=$(mktemp -d -t customer-service-dashboard-XXXXXX)
PID=
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

jq -e . "$DASHBOARD" > /dev/null || { echo "$DASHBOARD does not parse" >&2; exit 1; }
# Every query: the panels' targets, and the variables' queries.
jq -c '(.. | objects | select(has("expr")) | .expr),
       (.templating.list[]? | select(.type == "query") | .query | if type == "object" then .query else . end)' \
  "$DASHBOARD" > "$WORK/exprs"

SOURCES=()
if [ $# -gt 0 ]; then
  n=0
  for source in "$@"; do
    n=$((n + 1))
    case "$source" in
      http://*|https://*) curl -sf "$source" > "$WORK/metrics-$n" ;;
      *) cp "$source" "$WORK/metrics-$n" ;;
    esac
    SOURCES+=("$WORK/metrics-$n")
  done
else
  [ -f "$JAR" ] || mvn -B -q -DskipTests package
  # Series appear once something has happened (a request, a failure), so the run drives a
  # little of each kind before the scrape.
  read -r HTTP AUTH MANAGEMENT DB < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(4)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])
for s in socks: s.close()')
  (cd "$WORK" && HTTP_PORT=$HTTP AUTH_PORT=$AUTH MANAGEMENT_PORT=$MANAGEMENT DB_EMBEDDED_PORT=$DB \
    AUTH_PASSWORD_ITERATIONS=10000 exec java -Xmx384m -jar "$JAR" > "$WORK/service.log" 2>&1) &
  PID=$!
  for _ in $(seq 1 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$MANAGEMENT/health/ready")" = 200 ] && break
    kill -0 "$PID" 2>/dev/null || { echo "the service stopped; its log:" >&2; cat "$WORK/service.log" >&2; exit 1; }
    sleep 0.5
  done
  ACCESS=$(curl -sf -X POST "localhost:$AUTH/api/auth/register/" -H 'Content-Type: application/json' \
    -d '{"email": "dashboard@example.com", "first_name": "Dash", "last_name": "Board", "phone_number": "+15551234567", "password1": "Pass123!", "password2": "Pass123!"}' \
    | jq -r .tokens.access)
  PROFILE='{"street_address": "123 Test St", "city": "Portland", "state": "Oregon", "postal_code": "97201", "country": "USA"}'
  for _ in 1 2; do   # the second is a 409: a handler failure and a reply failure
    curl -s -o /dev/null -X POST "localhost:$HTTP/api/v1/customers/profile/create/" -H "Authorization: Bearer $ACCESS" \
      -H 'Content-Type: application/json' -d "$PROFILE"
  done
  for _ in 1 2 3; do curl -s -o /dev/null "localhost:$HTTP/api/v1/customers/profile/" -H "Authorization: Bearer $ACCESS"; done
  curl -s -o /dev/null "localhost:$HTTP/api/v1/customers/profile/"
  curl -sf "localhost:$MANAGEMENT/metrics" > "$WORK/metrics-live"
  SOURCES=("$WORK/metrics-live")
fi

python3 - "$WORK/exprs" "$PROMETHEUS" "${SOURCES[@]}" <<'PY'
import json, re, sys

exprs_file, prometheus_file, *sources = sys.argv[1:]
exprs = [json.loads(line) for line in open(exprs_file) if line.strip()]

# Metric name -> the labels its samples carry, over every source.
labels = {}
sample = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s')
for source in sources:
    for line in open(source):
        m = sample.match(line)
        if m:
            labels.setdefault(m.group(1), set()).update(re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)="', m.group(3) or ""))
if not labels:
    sys.exit("no metrics in " + ", ".join(sources))

roles = set(re.findall(r'^\s*role:\s*"?([\w-]+)"?\s*$', open(prometheus_file).read(), re.M))
added = {"job", "instance", "role"}          # Prometheus's target labels
labels.setdefault("up", set())               # Prometheus's own series per target

keywords = {"by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset"}
problems = []
names_seen = set()
for expr in exprs:
    text = re.sub(r'\$\{?\w+\}?', "0", expr)   # Grafana's variables
    grouped = []
    values = re.fullmatch(r'\s*label_values\((.*),\s*([a-zA-Z_]\w*)\s*\)\s*', text)
    if values:                               # a variable's query: label_values(selector, label)
        text = values.group(1)
        grouped.append(values.group(2))
    for role in re.findall(r'role=~?"([^"]*)"', text):
        if role not in roles and role != "0":
            problems.append(f"role {role!r} is not a role in {prometheus_file}: {expr}")
    # Selectors first, with their matchers; then strings, durations and groupings go.
    used = []
    for name, matchers in re.findall(r'([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{([^}]*)\}', text):
        if name not in keywords:
            used.append(name)
            for label in re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)', re.sub(r'"[^"]*"', '""', matchers)):
                if name in labels and label not in labels[name] | added:
                    problems.append(f"{name} has no label {label!r}: {expr}")
    bare = re.sub(r'\{[^}]*\}', "", re.sub(r'"[^"]*"', '""', text))
    bare = re.sub(r'\[[^\]]*\]', "", bare)
    def grouping(m):
        grouped.extend(l.strip() for l in m.group(2).split(",") if l.strip())
        return " "
    bare = re.sub(r'\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)', grouping, bare)
    for m in re.finditer(r'[a-zA-Z_:][a-zA-Z0-9_:]*', bare):
        word = m.group(0)
        if word in keywords or bare[m.end():].lstrip().startswith("("):
            continue                          # a function or an aggregation
        if re.fullmatch(r'[0-9.eE+-]+', word):
            continue
        used.append(word)
    for name in used:
        names_seen.add(name)
        if name not in labels:
            problems.append(f"metric {name!r} is not in any /metrics output: {expr}")
    carried = set().union(*(labels.get(n, set()) for n in used)) | added
    for label in grouped:
        if label not in carried:
            problems.append(f"grouping by {label!r}, which none of {sorted(set(used))} carries: {expr}")

for p in problems:
    print("  " + p)
print(f"{len(exprs)} queries, {len(names_seen)} metric names, checked against {len(labels)} metrics "
      f"from {len(sources)} /metrics output(s): {'OK' if not problems else str(len(problems)) + ' problem(s)'}")
sys.exit(1 if problems else 0)
PY
