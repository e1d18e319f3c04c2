#!/usr/bin/env bash
# Benchmark: GET /api/v1/users/me with a valid bearer token (the authenticated cached read), against
# the Express peer of ../shared/peers/express in the same run, on the same machine, against the
# same PostgreSQL and Redis (the machine's, 127.0.0.1:5432 and :6379; started if stopped).
# wrk: 2 threads, 32 connections, 20 s warm-up, 30 s measured. Prints one line per run and the
# ratio Worklane / peer (req/s) with both p99s. Worklane also runs once with the cache off.
# Rate limits stay ON in Worklane (budgets raised so the bench user is never refused), the access
# log at INFO, every security check on the path.
#   bench/users-me.sh                     # peer, Worklane cache on, Worklane cache off
#   DURATION=60 bench/users-me.sh         # seconds per measured run
#   PEERS=/path/to/peers bench/users-me.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-20}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-18080}
MGMT_PORT=${MGMT_PORT:-18081}
PEERS=${PEERS:-$ROOT/../shared/peers}
# The JVM options the README recommends for a small (2-core) host; override to compare.
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xms48m -Xmx384m -XX:TrimNativeHeapInterval=5000"}
OUT=$(mktemp -d /tmp/worklane-bench.XXXXXX)


. bench/lib.sh
bench_tools
bench_services
bench_jar


peer() {
  local work
  work=$(mktemp -d /tmp/worklane-bench-peer.XXXXXX)
  cp -r "$PEERS/express" "$work/"
  # The peer's own script starts it (PM2 cluster of 2), warms up 5 s and measures DURATION seconds.
  (cd "$work/express" && bash bench.sh "$DURATION" "$CONNECTIONS") >"$OUT/peer.txt" 2>"$OUT/peer.err" || true
  awk '/GET \/api\/v1\/users\/me/ { printf "%-28s req/s=%-9s p50=%-7s p99=%-7s non-2xx=%s\n", "express peer (PM2 x2)", $3, $6, $9, $12 }' "$OUT/peer.txt" | tee "$OUT/peer.line"
  rm -rf "$work"
}

worklane() { # $1 = label, $2 = cache enabled (true/false)
  local data log pid token email rss
  data=$(mktemp -d /tmp/worklane-bench-data.XXXXXX)
  log="$data/app.log"
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists worklane_bench with (force)" postgres 2>/dev/null
  psql -h 127.0.0.1 -U postgres -qc "create database worklane_bench" postgres
  SERVER_PORT=$PORT WORKLANE_MANAGEMENT_PORT=$MGMT_PORT WORKLANE_DATA_DIR="$data" \
  WORKLANE_DB_URL=jdbc:postgresql://127.0.0.1:5432/worklane_bench WORKLANE_DB_USERNAME=postgres \
  WORKLANE_REDIS_URL=redis://127.0.0.1:6379 WORKLANE_REDIS_KEY_PREFIX="bench-$$-$2:" \
  WORKLANE_CACHE_ENABLED="$2" WORKLANE_DEMO_ENABLED=false \
    "$JAVA" $JAVA_OPTS -jar "$JAR" \
      --worklane.rate-limit.limits.global.capacity=1000000000 \
      --worklane.rate-limit.limits.authenticated.capacity=1000000000 \
      --worklane.rate-limit.limits.guest.capacity=1000000000 \
      >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -fs "localhost:$PORT/ready" >/dev/null 2>&1 && break; sleep 1; done
  curl -fs "localhost:$PORT/ready" >/dev/null || { echo "bench: Worklane did not become ready"; tail -20 "$log"; kill "$pid"; return 1; }
  sleep 10
  rss=$(awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$pid/status")
  email="bench-$RANDOM@example.com"
  curl -fs -X POST "localhost:$PORT/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"bench password 123\"}" >/dev/null
  token=$(curl -fs -X POST "localhost:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"bench password 123\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/users/me" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$PORT/api/v1/users/me" | bench_summary "$1 (idle RSS ${rss} MB)" | tee "$OUT/$2.line"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  for db in 0 1 2; do redis-cli -n "$db" --scan --pattern "bench-$$-$2:*" | xargs -r redis-cli -n "$db" del >/dev/null; done
}

echo "bench: GET /api/v1/users/me, wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s after a warm-up, $(nproc) cores, PostgreSQL + Redis of this machine; Worklane JVM: $JAVA_OPTS"
peer
worklane "worklane cache on" true
worklane "worklane cache off" false
awk -v w="$(bench_field req/s "$OUT/true.line")" -v p="$(bench_field req/s "$OUT/peer.line")" \
    -v wp99="$(bench_field p99 "$OUT/true.line")" -v pp99="$(bench_field p99 "$OUT/peer.line")" \
  'BEGIN { printf "ratio worklane / express peer = %.2fx req/s (bar 2.0x); p99 %.2f ms vs %.2f ms (bar: lower)\n", w / p, wp99, pp99 }'
rm -rf "$OUT"
