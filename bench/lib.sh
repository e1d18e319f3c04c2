#!/usr/bin/env bash
# Shared by the bench scripts (source it): tools, the machine's services, a JDK >= 21, the jar,
# and one summary line per wrk run.

bench_tools() {
  local tool
  for tool in wrk jq; do
    command -v "$tool" >/dev/null && continue
    echo "bench: installing $tool"
    apt-get install -y -qq "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null; }
  done
}

# The machine's PostgreSQL and Redis (127.0.0.1:5432, :6379), started when installed but stopped.
bench_services() {
  pg_isready -h 127.0.0.1 -q || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n1)" main start
  redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 || redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
}

# Sets JAVA (newest JDK >= 21 found) and JAR (built when missing).
bench_jar() {
  JAVA=java
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA="$candidate/bin/java"; fi
  done
  JAR=bootstrap/target/worklane.jar
  [ -f "$JAR" ] || ./mvnw -B -q -DskipTests -Djacoco.skip=true package
}

# One line per wrk run: label, req/s, p50, p99 (ms), non-2xx. $1 = label, stdin = wrk --latency.
bench_summary() {
  awk -v label="$1" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { non2xx = $5 }
    END { printf "%-44s req/s=%-9.0f p50=%-7.2f p99=%-7.2f non-2xx=%d\n", label, rps, p50, p99, non2xx }'
}

# The number after "<name>=" in a summary line. $1 = name, $2 = file.
bench_field() { sed -E "s|.*$1=([0-9.]+).*|\1|" "$2"; }
