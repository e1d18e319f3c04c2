#!/usr/bin/env bash
# Benchmark: GET /api/v1/users/me with a valid bearer token, cache on vs cache off.
# wrk on this machine, 32 connections, 30 s per run after a 20 s warm-up. Prints req/s, p50, p99
# and the on/off ratio. Worklane runs from its jar on the embedded defaults (PostgreSQL + Redis)
# in a throw-away data directory. Rate limits stay ON, with budgets raised so the bench user is
# never refused (the limiter's Redis round trips are part of what is measured).
#   bench/users-me.sh            # both runs
#   DURATION=60s bench/users-me.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-18080}
# The JVM options the README recommends for a small (2-core) host; override to compare.
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xms48m -Xmx384m"}
MGMT_PORT=${MGMT_PORT:-18081}

command -v wrk >/dev/null || { echo "bench: installing wrk"; apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }

JAVA=java
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA="$candidate/bin/java"; fi
done
JAR=bootstrap/target/worklane.jar
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests -Djacoco.skip=true package

run() { # $1 = cache enabled (true/false)
  local data log pid token email
  data=$(mktemp -d /tmp/worklane-bench.XXXXXX)
  log="$data/app.log"
  SERVER_PORT=$PORT WORKLANE_MANAGEMENT_PORT=$MGMT_PORT WORKLANE_DATA_DIR="$data" \
  WORKLANE_CACHE_ENABLED="$1" WORKLANE_DEMO_ENABLED=false \
    "$JAVA" $JAVA_OPTS -jar "$JAR" \
      --worklane.rate-limit.limits.global.capacity=1000000000 \
      --worklane.rate-limit.limits.authenticated.capacity=1000000000 \
      --worklane.rate-limit.limits.guest.capacity=1000000000 \
      >"$log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' RETURN
  for _ in $(seq 1 120); do curl -fs "localhost:$PORT/ready" >/dev/null 2>&1 && break; sleep 1; done
  curl -fs "localhost:$PORT/ready" >/dev/null || { echo "bench: Worklane did not become ready"; tail -20 "$log"; return 1; }
  sleep 10
  local rss
  rss=$(awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/$pid/status")
  email="bench-$RANDOM@example.com"
  curl -fs -X POST "localhost:$PORT/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"bench password 123\"}" >/dev/null
  token=$(curl -fs -X POST "localhost:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"bench password 123\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/users/me" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$PORT/api/v1/users/me" >"$data/wrk.txt"
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$data/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$data/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$data/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$data/wrk.txt")
  printf "cache=%-5s  req/s=%-10s p50=%-9s p99=%-9s non-2xx=%-4s idle RSS=%s\n" "$1" "$rps" "$p50" "$p99" "${non2xx:-0}" "$rss"
  echo "$rps" >"/tmp/worklane-bench-rps-$1"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}

echo "bench: GET /api/v1/users/me, $CONNECTIONS connections, $DURATION (warm-up $WARMUP), $(nproc) cores, JVM: $JAVA_OPTS"
run true
run false
awk -v on="$(cat /tmp/worklane-bench-rps-true)" -v off="$(cat /tmp/worklane-bench-rps-false)" \
  'BEGIN { printf "ratio cache on / off = %.2f\n", on / off }'
