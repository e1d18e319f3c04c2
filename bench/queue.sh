#!/usr/bin/env bash
# Benchmark: the job queue (issue #8 §13) against BullMQ 6.7 in the same run, on the same machine,
# on the same Redis (the machine's, 127.0.0.1:6379; started if stopped).
# Both sides: enqueue 10 000 no-op jobs in batches of 1 000 (BullMQ's addBulk; Worklane's broker
# intake, which is what the outbox relay calls), then drain them with one worker set at
# concurrency 50, completed jobs removed on completion (the peer's removeOnComplete: true).
# Runs alternate (peer, Worklane, peer, Worklane …) RUNS times; prints every run as
#   <who> jobs/s enqueue=N process=N total=N
# and the medians, and the ratio of Worklane's median total to BullMQ's.
#   bench/queue.sh                   # 3 runs each
#   RUNS=5 JOBS=20000 bench/queue.sh
#   PEERS=/path/to/peers bench/queue.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-3}
JOBS=${JOBS:-10000}
CONCURRENCY=${CONCURRENCY:-50}
BATCH=${BATCH:-1000}
PEERS=${PEERS:-$ROOT/../shared/peers}
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xms64m -Xmx384m"}
OUT=$(mktemp -d /tmp/worklane-bench-queue.XXXXXX)

. bench/lib.sh
bench_services

# Java: the newest JDK >= 21; the engine and its benchmark main from the test classes.
JAVA=java
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA="$candidate/bin/java"; fi
done
echo "bench: building the engine and its benchmark main"
./mvnw -B -q -ntp -pl adapters-redis -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test -Djacoco.skip=true >/dev/null
CP="adapters-redis/target/test-classes:adapters-redis/target/classes:$(cat "$OUT/cp.txt")"

# BullMQ: the peer script with its npm packages, outside the read-only peers folder.
PEER_DIR="$OUT/peer"
mkdir -p "$PEER_DIR"
cp "$PEERS/bullmq-bench.js" "$PEER_DIR/"
echo "bench: installing bullmq 6.7 + ioredis for the peer"
(cd "$PEER_DIR" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent bullmq@6.7 ioredis >/dev/null)

peer_run() {
  (cd "$PEER_DIR" && node bullmq-bench.js "$JOBS" "$CONCURRENCY" "$BATCH") >"$OUT/peer.json"
  jq -r '"bullmq \(.bullmq)  jobs/s enqueue=\(.enqueue_jobs_per_s) process=\(.process_jobs_per_s) total=\(.total_jobs_per_s)"' "$OUT/peer.json"
}
worklane_run() {
  # shellcheck disable=SC2086
  echo "worklane        $("$JAVA" $JAVA_OPTS -cp "$CP" dev.worklane.adapter.out.redis.queue.QueueBenchmark "$JOBS" "$CONCURRENCY" "$BATCH" | grep '^jobs/s')"
}

for run in $(seq 1 "$RUNS"); do
  peer_run | tee -a "$OUT/peer.lines"
  worklane_run | tee -a "$OUT/worklane.lines"
done

median() { sed -E "s|.*$1=([0-9]+).*|\1|" "$2" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo
for who in peer worklane; do
  printf '%-15s median jobs/s enqueue=%s process=%s total=%s\n' "$who" \
    "$(median enqueue "$OUT/$who.lines")" "$(median process "$OUT/$who.lines")" "$(median total "$OUT/$who.lines")"
done
awk -v w="$(median total "$OUT/worklane.lines")" -v p="$(median total "$OUT/peer.lines")" \
  'BEGIN { printf "ratio total worklane/bullmq = %.2fx (bar: >= 1.00x)\n", w / p }'
rm -rf "$OUT"
