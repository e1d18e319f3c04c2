#!/usr/bin/env bash
# Benchmark (issue #7 §9): the task API on a large project.
#   1. GET /api/v2/projects/{id}/tasks?perPage=20&cursor=<from the middle>  (project of 10 000 tasks)
#   2. GET /api/v1/tasks/{id}
# wrk on this machine: 2 threads, 32 connections, 40 s warm-up, 30 s measured, bearer token of a
# member, rate limits ON (budgets raised so the bench user is never refused). Worklane runs from its
# jar against the machine's PostgreSQL and Redis (127.0.0.1:5432, :6379; started if stopped).
# Bar: the task page >= 4 000 req/s with p99 <= 25 ms.
#   bench/tasks.sh
#   DURATION=60 bench/tasks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30}
# 40 s: on 2 cores the JIT needs that long to compile the page's call tree while serving it.
WARMUP=${WARMUP:-40}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-18080}
MGMT_PORT=${MGMT_PORT:-18081}
TASKS=${TASKS:-10000}
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xms48m -Xmx384m -XX:TrimNativeHeapInterval=5000"}
DB=worklane_bench_tasks

. bench/lib.sh
bench_tools
bench_services
bench_jar

psql_bench() { psql -h 127.0.0.1 -U postgres -qAt "$DB" "$@"; }

data=$(mktemp -d /tmp/worklane-bench-tasks.XXXXXX)
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)" postgres 2>/dev/null
psql -h 127.0.0.1 -U postgres -qc "create database $DB" postgres
SERVER_PORT=$PORT WORKLANE_MANAGEMENT_PORT=$MGMT_PORT WORKLANE_DATA_DIR="$data" \
WORKLANE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB WORKLANE_DB_USERNAME=postgres \
WORKLANE_REDIS_URL=redis://127.0.0.1:6379 WORKLANE_REDIS_KEY_PREFIX="bench-tasks-$$:" WORKLANE_DEMO_ENABLED=false \
  "$JAVA" $JAVA_OPTS -jar "$JAR" \
    --worklane.rate-limit.limits.global.capacity=1000000000 \
    --worklane.rate-limit.limits.authenticated.capacity=1000000000 \
    --worklane.rate-limit.limits.guest.capacity=1000000000 \
    >"$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"; for db in 0 1 2; do redis-cli -n $db --scan --pattern "bench-tasks-$$:*" | xargs -r redis-cli -n $db del >/dev/null; done' EXIT
for _ in $(seq 1 120); do curl -fs "localhost:$PORT/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "localhost:$PORT/ready" >/dev/null || { echo "bench: Worklane did not become ready"; tail -20 "$data/app.log"; exit 1; }

api() { curl -fs -H 'Content-Type: application/json' "$@"; }
email="bench-manager-$RANDOM@example.com"
user_id=$(api -X POST "localhost:$PORT/api/v1/auth/register" -d "{\"email\":\"$email\",\"password\":\"bench password 123\"}" | jq -r .data.id)
psql_bench -c "insert into user_roles(user_id, role) values ('$user_id', 'MANAGER')"
token=$(api -X POST "localhost:$PORT/api/v1/auth/login" -d "{\"email\":\"$email\",\"password\":\"bench password 123\"}" | jq -r .data.accessToken)
project=$(api -X POST "localhost:$PORT/api/v1/projects" -H "Authorization: Bearer $token" -d '{"key":"BENCH","name":"Bench project"}' | jq -r .data.id)

# 10 000 tasks in one statement (the API would take minutes); numbers 1..N, spread statuses,
# priorities and creation times, half of them assigned to the bench user.
psql_bench <<SQL
insert into tasks (id, project_id, number, title, description, status, priority, assignee_id,
                   reporter_id, due_date, version, created_at, updated_at)
select gen_random_uuid(), '$project', n, 'Task ' || n, 'Bench task number ' || n,
       (array['TODO','IN_PROGRESS','DONE'])[1 + n % 3], (array['LOW','MEDIUM','HIGH','URGENT'])[1 + n % 4],
       case when n % 2 = 0 then '$user_id'::uuid end, '$user_id', null, 0,
       now() - make_interval(secs => ($TASKS - n)), now() - make_interval(secs => ($TASKS - n))
  from generate_series(1, $TASKS) n;
update projects set task_counter = $TASKS where id = '$project';
analyze tasks;
SQL

# A cursor from the middle: walk pages of 100 to task TASKS/2, then ask for pages of 20 from there.
cursor=""
for _ in $(seq 1 $((TASKS / 200))); do
  cursor=$(api "localhost:$PORT/api/v2/projects/$project/tasks?perPage=100${cursor:+&cursor=$cursor}" -H "Authorization: Bearer $token" | jq -r .meta.nextCursor)
done
page_url="http://127.0.0.1:$PORT/api/v2/projects/$project/tasks?perPage=20&cursor=$cursor"
first=$(api "$page_url" -H "Authorization: Bearer $token" | jq -r '.data[0].key')
task_id=$(api "$page_url" -H "Authorization: Bearer $token" | jq -r '.data[0].id')
echo "bench: project of $TASKS tasks, page from the middle starts at $first; wrk -t$THREADS -c$CONNECTIONS ${DURATION}s after ${WARMUP}s warm-up, $(nproc) cores, JVM: $JAVA_OPTS"

run() { # $1 = label, $2 = url
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer $token" "$2" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $token" "$2" | bench_summary "$1"
}
run "GET /api/v2/projects/{id}/tasks?perPage=20 (mid)" "$page_url" | tee "$data/page.line"
run "GET /api/v1/tasks/{id}" "http://127.0.0.1:$PORT/api/v1/tasks/$task_id"
rps=$(bench_field req/s "$data/page.line")
p99=$(bench_field p99 "$data/page.line")
awk -v r="$rps" -v p="$p99" 'BEGIN { printf "task page: %s req/s (bar >= 4000), p99 %s ms (bar <= 25): %s\n", r, p, (r >= 4000 && p <= 25) ? "meets the bar" : "BELOW THE BAR" }'
