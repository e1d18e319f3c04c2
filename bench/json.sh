#!/usr/bin/env bash
# Benchmark (JMH 1.37): the queue engine's hand-written LuaJson against Jackson on the JSON of every
# job (bench/jmh/LuaJsonBenchmark.java): worker finishes, broker batches, the finish_and_take reply,
# job payloads. Two regimes, both printed by JMH in us/op (lower is better):
#   warm: steady state after JIT warm-up (avgt, 1 fork, 3 x 1 s warm-up, 5 x 1 s measured);
#   cold: the first COLD_CALLS calls in a fresh JVM, as a worker's first jobs run (ss, COLD_FORKS
#         forks; class loading and Jackson's serializer set-up included).
#   bench/json.sh                  # both
#   MODE=warm bench/json.sh        # or MODE=cold
#   COLD_FORKS=10 COLD_CALLS=200 FILTER='reply' bench/json.sh
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${MODE:-both}
COLD_FORKS=${COLD_FORKS:-5}
COLD_CALLS=${COLD_CALLS:-200}
FILTER=${FILTER:-LuaJsonBenchmark}
JMH_VERSION=1.37
OUT=$(mktemp -d /tmp/worklane-bench-json.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

JAVA_HOME=${JAVA_HOME:-}
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA_HOME="$candidate"; fi
done
export JAVA_HOME
echo "bench: building the engine, fetching JMH $JMH_VERSION"
./mvnw -B -q -ntp -pl adapters-redis -am compile dependency:build-classpath \
  -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=runtime -Djacoco.skip=true >/dev/null
for artifact in org.openjdk.jmh:jmh-core:$JMH_VERSION org.openjdk.jmh:jmh-generator-annprocess:$JMH_VERSION \
  net.sf.jopt-simple:jopt-simple:5.0.4 org.apache.commons:commons-math3:3.6.1; do
  ./mvnw -B -q -ntp dependency:copy -Dartifact="$artifact" -DoutputDirectory="$OUT/jmh" >/dev/null
done
JMH_CP=$(ls "$OUT"/jmh/*.jar | tr '\n' ':')
CP="adapters-redis/target/classes:$(cat "$OUT/cp.txt"):$JMH_CP"
mkdir -p "$OUT/classes"
"$JAVA_HOME/bin/javac" -proc:full -processorpath "$JMH_CP" -cp "$CP" -d "$OUT/classes" \
  bench/jmh/LuaJsonBenchmark.java
RUN=("$JAVA_HOME/bin/java" -XX:+UseSerialGC -cp "$OUT/classes:$CP" org.openjdk.jmh.Main "$FILTER" -jvmArgs -XX:+UseSerialGC)
if [ "$MODE" != cold ]; then
  echo "== warm (avgt, us/op)"
  "${RUN[@]}" -bm avgt -f 1 -wi 3 -w 1s -i 5 -r 1s -tu us 2>&1 | sed -n '/^Benchmark/,$p'
fi
if [ "$MODE" != warm ]; then
  echo "== cold: first $COLD_CALLS calls in a fresh JVM, $COLD_FORKS forks (ss, us/op)"
  "${RUN[@]}" -bm ss -f "$COLD_FORKS" -wi 0 -i "$COLD_CALLS" -tu us 2>&1 | sed -n '/^Benchmark/,$p'
fi
