#!/usr/bin/env bash
# The benchmark suite: builds the jar, starts the service on an embedded PostgreSQL, creates
# CUSTOMERS customers (100,000) with their users, mints tokens, and drives each scenario with wrk
# from its own process over loopback: once at saturation, once at about half that rate. It also
# measures the two ceilings on the same machine (a bare Vert.x HTTP server, pgbench select-only)
# and the same read through a two-process split. Results: bench/results/<date>-<commit>.md.
# Everything it starts is stopped when it ends. Knobs: DURATION (s per run), CONNECTIONS, CUSTOMERS.
# HOT_PATH_ONLY=1 runs GET profile/ alone (no other scenario, ceiling or split), LABEL names the
# results file's variant: with a service setting in the environment (VERTX_EVENT_LOOPS=4 ...),
# that measures one tuning against the default.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export BENCH_DIR="$ROOT/bench"
DURATION=${DURATION:-10}
# 128 connections: with 32 the hot path was bound by its round trips, not by the service (round 4).
export CONNECTIONS=${CONNECTIONS:-128} THREADS=2
CUSTOMERS=${CUSTOMERS:-100000}
DB_PORT_BENCH=${DB_PORT_BENCH:-55450}
API=18002; AUTH=18001; BARE=18090; SPLIT_API=18012; MANAGEMENT=18102; SPLIT_MANAGEMENT=18112

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client; }
command -v gnuplot >/dev/null || { apt-get update -qq && apt-get install -y -qq gnuplot-nox; }
JAR=modules/app/target/customer-service.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests package

WORK=$(mktemp -d -t customer-service-bench-XXXXXX)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
export JWT_SECRET=bench-secret-0123456789-0123456789-0123456789
export DB_HOST=localhost DB_PORT=$DB_PORT_BENCH DB_EMBEDDED_DATA_DIR="$WORK/pg"
# Tuned for this machine (bench/README.md, round 3): the service reaches PostgreSQL through its
# Unix socket (the embedded server's is in the JVM's temporary directory), and runs one event
# loop, as it shares two cores with PostgreSQL and wrk. DB_SOCKET_DIR= (empty) or
# VERTX_EVENT_LOOPS=0 measure without either.
export DB_SOCKET_DIR=${DB_SOCKET_DIR-/tmp} VERTX_EVENT_LOOPS=${VERTX_EVENT_LOOPS-1}
export HTTP_HOST=127.0.0.1 HTTP_PORT=$API AUTH_HOST=127.0.0.1 AUTH_PORT=$AUTH CLUSTER_MEMBERS=127.0.0.1 CLUSTER_PORT=5801
export MANAGEMENT_HOST=127.0.0.1 MANAGEMENT_PORT=$MANAGEMENT
PSQL="psql -h localhost -p $DB_PORT_BENCH -U customer_service -d customer_service -q -t -A"

wait_ready() { for _ in $(seq 1 240); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return; sleep 0.5; done; echo "not ready: $1" >&2; exit 1; }
start() { java -Xmx1g -jar "$JAR" "${@:2}" > "$WORK/$1.log" 2>&1 & PIDS+=($!); LAST_PID=$!; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# PostgreSQL's CPU: the bench server's postmaster (the first line of postmaster.pid) with what it
# has reaped (cutime, cstime: backends and autovacuum workers that have exited), and its children
# now alive (backends, WAL writer, checkpointer). A child that exits during a run is counted whole
# in the postmaster's fields after it, its share before the run in the children's before it.
db_ticks() {
  local postmaster=$(head -1 "$DB_EMBEDDED_DATA_DIR/postmaster.pid")
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat"
    for p in $(pgrep -P "$postmaster"); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done
  } | awk '{s += $1} END {print s + 0}'
}
peak_rss_mb() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

echo "== setting up in $WORK"
start db embedded-db --port "$DB_PORT_BENCH"
for _ in $(seq 1 60); do grep -q "Ctrl-C stops it" "$WORK/db.log" && break; sleep 0.5; done
# The figures hold for the durability measured with: the default, every commit on disk.
echo "== database durability: $($PSQL -c "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')")"
start service --roles all; SERVICE_PID=$LAST_PID
wait_ready "http://127.0.0.1:$API/health/ready"
echo "== creating $CUSTOMERS customers and their users"
$PSQL <<SQL
INSERT INTO auth.users (email, email_key, first_name, last_name, phone_number, password)
  SELECT 'bench' || g || '@example.com', 'bench' || g || '@example.com', 'Bench', 'User' || g, '+1555' || lpad(g::text, 7, '0'), 'pbkdf2_sha256\$1\$s\$h'
  FROM generate_series(1, $CUSTOMERS) g;
INSERT INTO customers.customer (user_id, street_address, city, state, postal_code, country, company_name, is_verified)
  SELECT id, (n % 900 + 1) || ' Main St', (ARRAY['Portland','Seattle','Austin','Boston','Toronto','London'])[n % 6 + 1],
         (ARRAY['OR','WA','TX','MA','ON','England'])[n % 6 + 1], (ARRAY['97201','98101','78701','02108','M5H 2M9','SW1A 1AA'])[n % 6 + 1],
         (ARRAY['USA','USA','USA','USA','Canada','United Kingdom'])[n % 6 + 1], CASE WHEN n % 3 = 0 THEN 'Company ' || n END, n % 2 = 0
  FROM (SELECT id, row_number() OVER () AS n FROM auth.users) u;
VACUUM (ANALYZE) customers.customer;
VACUUM (ANALYZE) auth.users;
SQL
# pgbench's own tables for the select-only and write ceilings, as the embedded server's superuser
# (the service's role may not create databases).
psql -h localhost -p "$DB_PORT_BENCH" -U postgres -q -c "DROP DATABASE IF EXISTS pgbench" -c "CREATE DATABASE pgbench" > /dev/null
pgbench -h localhost -p "$DB_PORT_BENCH" -U postgres -i -s 10 -q pgbench > "$WORK/pgbench-init.log" 2>&1
# Settle the bulk load before measuring: the VACUUM above sets the rows' hint bits and leaves
# autovacuum nothing to do, and a checkpoint writes the load's pages out now rather than during a
# scenario (the hot path was once 30.7k against 39.0k in the previous run, staff reads unaffected).
psql -h localhost -p "$DB_PORT_BENCH" -U postgres -q -c CHECKPOINT
$PSQL -c "SELECT user_id FROM customers.customer ORDER BY random() LIMIT 2000" > "$WORK/users"
$PSQL -c "SELECT id FROM customers.customer ORDER BY random() LIMIT 2000" > "$WORK/ids"
python3 "$BENCH_DIR/mint_tokens.py" "$JWT_SECRET" < "$WORK/users" > "$WORK/customer-tokens"
echo "$(cat /proc/sys/kernel/random/uuid),admin" | python3 "$BENCH_DIR/mint_tokens.py" "$JWT_SECRET" > "$WORK/staff-token"
export CUSTOMER_TOKENS="$WORK/customer-tokens" CUSTOMER_IDS="$WORK/ids" STAFF_TOKEN="$WORK/staff-token"

RESULTS="$WORK/results.tsv"
: > "$RESULTS"
# run NAME URL SCRIPT PID [ENV=...]: saturation, then about half of it; one row each.
run() {
  local name=$1 url=$2 script=$3 pid=$4; shift 4
  local modes="saturation half"
  # A ceiling is what saturation gives; there is no "half" of it to measure.
  [ -n "${SATURATION_ONLY:-}" ] && modes=saturation
  for mode in $modes; do
    local rate=0
    [ "$mode" = half ] && rate=${HALF_RATE:-$(( ${SATURATED_RPS%.*} / 2 ))}
    local before=$(cpu_ticks "$pid") db_before=$(db_ticks) start_ns=$(date +%s%N)
    local line
    line=$(env "$@" RATE=$rate wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$BENCH_DIR/lua/$script" "$url" | grep '^RESULT' | sed 's/^RESULT //' || true)
    # A run that served nothing says so here, not as a traceback in the report at the end.
    [ -n "$line" ] || { echo "wrk gave no result for $name ($mode): see $WORK" >&2; exit 1; }
    local after=$(cpu_ticks "$pid") db_after=$(db_ticks) seconds
    seconds=$(python3 -c "print(($(date +%s%N) - $start_ns) / 1e9)")
    local cpu=$(python3 -c "print(round(($after - $before) / $(getconf CLK_TCK) / $seconds * 100))")
    local db_cpu=$(python3 -c "print(round(($db_after - $db_before) / $(getconf CLK_TCK) / $seconds * 100))")
    local rps=$(python3 -c "import json; r = json.loads('$line'); print(round(r['requests'] / r['seconds']))")
    [ "$mode" = saturation ] && SATURATED_RPS=$rps
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$mode" "$line" "$cpu" "$(peak_rss_mb "$pid")" "$rps" "$db_cpu" >> "$RESULTS"
    echo "  $name ($mode${rate:+, offered ~$rate/s}): $rps req/s $line cpu ${cpu}%, database ${db_cpu}%"
  done
}

SWEEP="$WORK/sweep.tsv"
: > "$SWEEP"
# sweep NAME URL SCRIPT: after run NAME, offers a quarter to five quarters of its saturated rate,
# one DURATION each, for the plot of what is served and how slowly against what is offered.
sweep() {
  local name=$1 url=$2 script=$3 quarter
  for quarter in 1 2 3 4 5; do
    local rate=$(( ${SATURATED_RPS%.*} * quarter / 4 )) line
    line=$(RATE=$rate wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$BENCH_DIR/lua/$script" "$url" | grep '^RESULT' | sed 's/^RESULT //')
    python3 -c "import json,sys; r = json.loads(sys.argv[3]); print(sys.argv[1], sys.argv[2], round(r['requests'] / r['seconds']), r['p99_ms'], r['errors'], sep='\t')" \
      "$name" "$rate" "$line" >> "$SWEEP"
    echo "  $name, offered ~$rate/s: $(tail -1 "$SWEEP" | cut -f3) req/s, p99 $(tail -1 "$SWEEP" | cut -f4) ms"
  done
}

echo "== warming up (JIT, the auth proxy's cache)"
# Every scenario's own path, not only the reads': without a warm-up of its own, a write scenario
# shared the service's CPU with the JIT compiling its path (bench/README.md, round 7).
WARM_UP="get_profile staff_get"
[ -z "${HOT_PATH_ONLY:-}" ] && WARM_UP="$WARM_UP patch_profile increment list"
# Three DURATIONs each: after one, the C2 compiler still took about as much CPU as the event loop
# during the next scenario (bench/README.md, round 7).
for script in $WARM_UP; do
  RATE=0 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((3 * DURATION))s" -s "$BENCH_DIR/lua/$script.lua" "http://127.0.0.1:$API" > /dev/null
done

# The database's ceilings, each measured just before the scenario that is read against it (the
# service idle): this machine's speed drifts within a run, so a ceiling measured at the run's end
# may find it faster or slower than its scenario did (bench/README.md, round 8). pgbench runs
# prepared, with about as many clients as the service has connections, reaching PostgreSQL the
# way the service does (through its Unix socket by default; over TCP too, for reference).
PG_VIA=${DB_SOCKET_DIR:-localhost}
tps() { awk -F'= ' '/^tps/ {printf "%.0f", $2; exit}'; }
# select_only HOST: select-only by primary key, what the database alone can do for a read.
select_only() { pgbench -h "$1" -p "$DB_PORT_BENCH" -U postgres -S -M prepared -c 8 -j 2 -T "$DURATION" pgbench 2>/dev/null; }
select_ceiling() {
  local out
  out=$(select_only "$PG_VIA")
  PG_TPS=$(echo "$out" | tps)
  PG_LAT=$(echo "$out" | awk -F'= ' '/latency average/ {print $2}')
  echo "  ceiling: pgbench select-only by primary key (8 clients, via $PG_VIA): $PG_TPS tps, latency average $PG_LAT"
  if [ -n "$DB_SOCKET_DIR" ]; then
    PG_TCP_TPS=$(select_only localhost | tps)
    echo "  for reference, pgbench over TCP: $PG_TCP_TPS tps"
  fi
}
# pgbench's simple update (-N: an UPDATE, a SELECT and an INSERT in one transaction, each commit on
# disk as the service's are): the write ceiling.
write_ceiling() {
  export PG_WRITE_TPS=$(pgbench -h "$PG_VIA" -p "$DB_PORT_BENCH" -U postgres -N -M prepared -c 8 -j 2 -T "$DURATION" pgbench 2>/dev/null | tps)
  echo "  ceiling: pgbench simple update (-N, 8 clients): $PG_WRITE_TPS tps"
}
# The list page's own statements on the service's data (bench/list_page.sql).
list_ceiling() {
  export PG_LIST_TPS=$(pgbench -h "$PG_VIA" -p "$DB_PORT_BENCH" -U customer_service -n -f "$BENCH_DIR/list_page.sql" -M prepared -c 8 -j 2 -T "$DURATION" customer_service 2>/dev/null | tps)
  echo "  ceiling: the list page's statements (bench/list_page.sql, 8 clients): $PG_LIST_TPS pages/s"
}

echo "== scenarios, each after its ceiling"
select_ceiling
run "GET profile/ (hot path)" "http://127.0.0.1:$API" get_profile.lua "$SERVICE_PID"
HOT_PATH_RPS=$SATURATED_RPS
sweep "GET profile/ (hot path)" "http://127.0.0.1:$API" get_profile.lua
if [ -z "${HOT_PATH_ONLY:-}" ]; then
  run "GET <id>/ as staff (user data from the proxy's cache)" "http://127.0.0.1:$API" staff_get.lua "$SERVICE_PID"
  write_ceiling
  run "PATCH profile/update/" "http://127.0.0.1:$API" patch_profile.lua "$SERVICE_PID"
  sweep "PATCH profile/update/" "http://127.0.0.1:$API" patch_profile.lua
  run "POST increment_service/, many customers" "http://127.0.0.1:$API" increment.lua "$SERVICE_PID"
  run "POST increment_service/, one customer" "http://127.0.0.1:$API" increment.lua "$SERVICE_PID" ONE_CUSTOMER=1
  list_ceiling
  run "GET list page (city, is_verified, ordering)" "http://127.0.0.1:$API" list.lua "$SERVICE_PID"
fi

# split_run PAIR: the hot path with http and the auth proxy in one clustered JVM and the data roles
# in another (as in docker/compose.yaml: one cross-process hop per read), warmed as one process is:
# after one DURATION the JIT was still compiling the clustered paths (bench/README.md, round 3).
split_run() {
  start "data-$1" --cluster --roles customers,history,auth; DATA_PID=$LAST_PID
  for _ in $(seq 1 240); do grep -q "customer-service listening" "$WORK/data-$1.log" && break; sleep 0.5; done
  HTTP_PORT=$SPLIT_API MANAGEMENT_PORT=$SPLIT_MANAGEMENT start "http-$1" --cluster --roles http,auth-proxy; HTTP_PID=$LAST_PID
  wait_ready "http://127.0.0.1:$SPLIT_API/health/ready"
  RATE=0 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((2 * DURATION))s" -s "$BENCH_DIR/lua/get_profile.lua" "http://127.0.0.1:$SPLIT_API" > /dev/null
  run "GET profile/, http and data in two clustered JVMs (http process), pair $1" "http://127.0.0.1:$SPLIT_API" get_profile.lua "$HTTP_PID"
  kill "$HTTP_PID" "$DATA_PID"; wait "$HTTP_PID" "$DATA_PID" 2>/dev/null || true
}

# What the metrics cost, and what the split costs. Two processes of one jar differ here at
# saturation by more than the effects measured (the machine is shared with wrk and PostgreSQL;
# bench/README.md, round 7), so one run against one says little: fresh processes alternate,
# metrics on then off, then the split (metrics on, as one process by default), three rounds, each
# warmed as the first was. The report compares the medians, and the service CPU per request at one
# offered rate for the single processes (half the hot path's first saturation), which depends less
# on how the two cores were shared out.
kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
for pair in 1 2 3; do
  for metrics in on off; do
    METRICS_ENABLED=$([ "$metrics" = on ] && echo true || echo false) start "service-metrics-$metrics-$pair" --roles all; SERVICE_PID=$LAST_PID
    wait_ready "http://127.0.0.1:$API/health/ready"
    RATE=0 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((2 * DURATION))s" -s "$BENCH_DIR/lua/get_profile.lua" "http://127.0.0.1:$API" > /dev/null
    HALF_RATE=$(( ${HOT_PATH_RPS%.*} / 2 )) run "GET profile/ (hot path), metrics $metrics, pair $pair" "http://127.0.0.1:$API" get_profile.lua "$SERVICE_PID"
    kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
  done
  if [ -z "${HOT_PATH_ONLY:-}" ]; then split_run "$pair"; fi
done

if [ -z "${HOT_PATH_ONLY:-}" ]; then
  echo "== ceilings"
  java -cp "$JAR" "$BENCH_DIR/BareHttpServer.java" "$BARE" > "$WORK/bare.log" 2>&1 & PIDS+=($!); BARE_PID=$!
  for _ in $(seq 1 60); do grep -q listening "$WORK/bare.log" && break; sleep 0.5; done
  SATURATION_ONLY=1 run "ceiling: bare Vert.x HTTP, fixed JSON" "http://127.0.0.1:$BARE" bare.lua "$BARE_PID"
  kill "$BARE_PID"
fi

COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
OUT="$BENCH_DIR/results/$(date -u +%Y-%m-%d)-$COMMIT${LABEL:+-$LABEL}.md"
# The service settings given in the environment, for the header: what this run varied.
SETTINGS=$(env | grep -E '^(VERTX|HTTP_TOKEN|HTTP_INSTANCES|DB_POOL|DB_SOCKET|CUSTOMERS_INSTANCES|AUTH_PROXY_INSTANCES|METRICS)[A-Z_]*=' | sort | tr '\n' ' ' || true)
python3 - "$RESULTS" "$OUT" "$COMMIT" "$PG_TPS" "$PG_LAT" "$DURATION" "$CONNECTIONS" "$CUSTOMERS" "$SETTINGS" "${PG_VIA:-}" "${PG_TCP_TPS:-}" <<'PY'
import json, os, platform, subprocess, sys
results, out, commit, pg_tps, pg_lat, duration, connections, customers, settings, pg_via, pg_tcp_tps = sys.argv[1:]
rows = [line.rstrip("\n").split("\t") for line in open(results) if line.strip()]
def java(): return subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
mem = [l for l in open("/proc/meminfo") if l.startswith("MemTotal")][0].split()[1]
cpu = [l for l in open("/proc/cpuinfo") if l.startswith("model name")]
with open(out, "w") as f:
    f.write(f"# Benchmark results, commit {commit}\n\n")
    f.write(f"Machine: {len(cpu)} cores ({cpu[0].split(':')[1].strip() if cpu else 'unknown'}), {int(mem)//1024//1024} GiB, {platform.platform()}, {java()}.\n")
    f.write(f"Load: wrk, {os.environ['THREADS']} threads, {connections} connections, {duration} s per run, over loopback on the same machine as the service and PostgreSQL.\n")
    f.write(f"Data: {customers} customers and users. \"half\" offers half the saturated rate on one schedule of send times per wrk thread (lua/common.lua); req/s is what was served.\n")
    f.write(f"Service settings: {settings.strip() or 'the defaults of conf/application.json'}.\n\n")
    f.write("| scenario | load | req/s | p50 ms | p99 ms | p99.9 ms | errors | service CPU % | database CPU % | peak RSS MB |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
    for name, mode, line, cpu_pct, rss, rps, db_pct in rows:
        r = json.loads(line)
        f.write(f"| {name} | {mode} | {rps} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | {r['p999_ms']:.2f} | {r['errors']} | {cpu_pct} | {db_pct} | {rss} |\n")
    if pg_tps:
        via = "the Unix socket in " + pg_via if pg_via.startswith("/") else "TCP"
        f.write(f"| ceiling: pgbench select-only by primary key, 8 clients, via {via} | saturation | {pg_tps} tps | avg {pg_lat} | | | | | | |\n")
    if pg_tcp_tps:
        f.write(f"| for reference: the same pgbench over TCP | saturation | {pg_tcp_tps} tps | | | | | | | |\n")
    if os.environ.get("PG_WRITE_TPS"):
        f.write(f"| ceiling: pgbench simple update (-N -M prepared), 8 clients | saturation | {os.environ['PG_WRITE_TPS']} tps | | | | | | | |\n")
    if os.environ.get("PG_LIST_TPS"):
        f.write(f"| ceiling: the list page's statements (bench/list_page.sql), 8 clients | saturation | {os.environ['PG_LIST_TPS']} pages/s | | | | | | | |\n")
    # Each scenario against its ceiling, measured in this run.
    def per_request_us(cpu_pct, rps): return int(cpu_pct) * 10000 / int(rps)
    saturated = {name: (int(rps), cpu_pct, db_pct) for name, mode, line, cpu_pct, rss, rps, db_pct in rows if mode == "saturation"}
    ratios = []
    def ratio(scenario, ceiling, label):
        if scenario in saturated and ceiling:
            rps, cpu_pct, db_pct = saturated[scenario]
            ratios.append(f"- {scenario}: {rps / int(ceiling):.0%} of {label}; CPU per request: the service"
                          f" {per_request_us(cpu_pct, rps):.0f} µs, PostgreSQL {per_request_us(db_pct, rps):.0f} µs")
    ratio("GET profile/ (hot path)", pg_tps, "the select-only ceiling")
    ratio("PATCH profile/update/", os.environ.get("PG_WRITE_TPS"), "the write ceiling")
    ratio("POST increment_service/, many customers", os.environ.get("PG_WRITE_TPS"), "the write ceiling")
    ratio("GET list page (city, is_verified, ordering)", os.environ.get("PG_LIST_TPS"), "the list ceiling")
    # The alternating pairs: medians of what each served at saturation, and of its CPU per request at one offered rate.
    def pairs(metrics, mode):
        return [(int(rps), per_request_us(cpu_pct, rps)) for name, m, line, cpu_pct, rss, rps, db_pct in rows
                if m == mode and name.startswith(f"GET profile/ (hot path), metrics {metrics}, pair")]
    def median(values): return sorted(values)[len(values) // 2]
    on, off = pairs("on", "saturation"), pairs("off", "saturation")
    if on and off:
        served = lambda runs: ", ".join(str(rps) for rps, cpu in runs)
        ratios.append(f"- metrics on: {median([r for r, c in on]) / median([r for r, c in off]):.0%} of the hot path with metrics off"
                      f" (medians of {len(on)} alternating pairs; on {served(on)}, off {served(off)} req/s)")
        cpu_on, cpu_off = median([c for r, c in pairs("on", "half")]), median([c for r, c in pairs("off", "half")])
        ratios.append(f"- service CPU per hot-path request at one offered rate: {cpu_on:.0f} µs with metrics on, {cpu_off:.0f} µs off"
                      f" ({cpu_on / cpu_off - 1:+.0%}; medians)")
    split = [int(rps) for name, m, line, cpu_pct, rss, rps, db_pct in rows
             if m == "saturation" and name.startswith("GET profile/, http and data in two clustered JVMs (http process), pair")]
    if split and on:
        ratios.append(f"- the split: {1 - median(split) / median([r for r, c in on]):.0%} below one process (medians of {len(split)} runs, each after"
                      f" a metrics pair; split {', '.join(map(str, split))} against one process with metrics on, as the split runs)")
    if ratios:
        f.write("\nRatios (saturation):\n" + "\n".join(ratios) + "\n")
print(open(out).read())
PY
# The plot of the sweeps, beside the results: served req/s and p99 against offered load.
PLOT="${OUT%.md}-load.png"
gnuplot <<GP
set terminal pngcairo size 1100,420 font ",10"
set output "$PLOT"
set datafile separator "\t"
set multiplot layout 1,2 title "commit $COMMIT: served and p99 latency against offered load (wrk over loopback)"
set xlabel "offered requests/s"; set ylabel "served requests/s"; set key top left; set grid
plot "< grep -F 'GET profile/ (hot path)' $SWEEP" using 2:3 with linespoints title "GET profile/", \
     "< grep -F 'PATCH profile/update/' $SWEEP" using 2:3 with linespoints title "PATCH profile/update/"
set ylabel "p99 ms"; set logscale y
plot "< grep -F 'GET profile/ (hot path)' $SWEEP" using 2:4 with linespoints title "GET profile/", \
     "< grep -F 'PATCH profile/update/' $SWEEP" using 2:4 with linespoints title "PATCH profile/update/"
unset multiplot
GP
printf '\n![served and p99 against offered load](%s)\n' "$(basename "$PLOT")" >> "$OUT"
echo "results: $OUT, plot: $PLOT"
