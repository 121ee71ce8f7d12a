#!/usr/bin/env bash
# Load test of api replicas sharing one PostgreSQL store (issue #9, part 4; see docs/postgres-replicas.md):
#   benchmarks/load/replicas.sh [--work DIR] [--replicas 2] [--levels 1,8,32] [--duration S] [--max-calls N]
#                               [--warmup S] [--database NAME] [--spread-first] [--no-build]
#
# The 100,000-candidate world of run.sh (run.sh --prepare-only builds and prepares it when needed) is imported once into a PostgreSQL database
# (default matchengine_load_100k; tests/postgres.sh makes the server ready, or MATCHENGINE_TEST_POSTGRES names one).
# Each replica gets a data directory of its own with an empty index, which it builds from the shared store on
# start, and a copy of the ranker trained by run.sh. The replicas are started one after the other (time to SERVING
# each), then the same load test as run.sh runs twice in this one run: against the first replica alone (the
# baseline), and spread over all replicas (callers round-robin over them). Reported per run: calls/s, p50/p90/p99,
# errors, the replicas' CPU per call and PostgreSQL's (all processes of the postgres user), each replica's peak RSS,
# and a restart of the first replica on its existing index (time to SERVING). --spread-first runs the spread half
# before the one-replica half (each half writes audit rows the next one inherits, so the order can be swapped).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${TMPDIR:-/tmp}/matchengine-load"
replicas=2
levels="1,8,32"
duration=20
max_calls=5000
warmup=15
database="matchengine_load_100k"
build=1
spread_first=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --work) work="$2"; shift 2 ;;
    --replicas) replicas="$2"; shift 2 ;;
    --levels) levels="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --max-calls) max_calls="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    --spread-first) spread_first=1; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$replicas" =~ ^[1-9][0-9]*$ ]] || { echo "--replicas must be a positive number" >&2; exit 2; }
[[ "$database" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "--database must be a lower-case SQL name" >&2; exit 2; }

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
seconds_since() { echo "scale=1; ($(date +%s%N) - $1) / 1000000000" | bc; }

# --- the build, the 100k world and its ranker: run.sh (each step skipped when already done) ---
base="$work/100k"
no_build=(); [[ $build -eq 0 ]] && no_build=(--no-build)
"$here/run.sh" --work "$work" "${no_build[@]}" --prepare-only
cli() { dotnet "$repo/training/bin/Release/net10.0/matchengine.dll" "$@"; }
api_dll="$repo/api/bin/Release/net10.0/MatchEngine.Api.dll"

# --- PostgreSQL: the server, then the database with the world imported once ---
# shellcheck source=../../tests/postgres.sh
source "$repo/tests/postgres.sh"
admin="$MATCHENGINE_TEST_POSTGRES"
pg_env() { # psql's environment from the Npgsql connection string in $1
  local kv key value
  IFS=';' read -ra pairs <<<"$1"
  for kv in "${pairs[@]}"; do
    key="${kv%%=*}"; value="${kv#*=}"
    case "${key,,}" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      username|"user id"|userid|user) export PGUSER="$value" ;;
      password) export PGPASSWORD="$value" ;;
    esac
  done
}
pg_env "$admin"
store="$admin;Database=$database"
dir="$work/replicas-$database"
mkdir -p "$dir"
exists=$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")
if [[ "$exists" != "1" || ! -f "$dir/.imported" ]]; then
  log "import the 100k world into PostgreSQL database $database"
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
  rm -rf "$dir/import"
  t=$(date +%s%N)
  cli import "$base/world" --postgres "$store" --data "$dir/import" | tail -1 >&2
  echo "$(seconds_since "$t")" > "$dir/.imported"
fi

# --- replicas: each its own data directory, an empty index, the ranker of run.sh ---
key=$(cli token --new-key)
token=$(cli token --user loadtest --role accountmanager --region GV --hours 8 --signing-key "$key")
vacancy_ids="$base/vacancy-ids.txt"
first_vacancy=$(head -1 "$vacancy_ids")
pids=(); ports=(); startups=()
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done; }
trap stop_all EXIT
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
start_replica() { # $1: replica number, $2: its port; sets pids[$1 - 1] and startup
  local data="$dir/replica-$1" since
  since=$(date +%s%3N)
  MatchEngine__Auth__SigningKey="$key" ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$api_dll" --MatchEngine:DataDirectory="$data" --MatchEngine:Postgres="$store" --MatchEngine:Port="$2" \
    --MatchEngine:RateLimitPerSecond=1000000 --Logging:LogLevel:Default=Warning >> "$dir/api-$1.log" 2>&1 &
  pids[$1 - 1]=$!
  startup=$(node "$here/startup.js" --target "127.0.0.1:$2" --since "$since" --token "$token" --vacancy "$first_vacancy" --timeout 600 | sed -n 's/^STARTUP //p')
}
for i in $(seq 1 "$replicas"); do
  rm -rf "$dir/replica-$i" "$dir/api-$i.log"; mkdir -p "$dir/replica-$i/models"
  cp -r "$base/data/models/ranker" "$dir/replica-$i/models/"
  ports+=("$(free_port)")
  start_replica "$i" "${ports[$((i - 1))]}"
  startups+=("$startup")
  log "replica $i (pid ${pids[$((i - 1))]}, port ${ports[$((i - 1))]}, index built from the store): $startup"
done

postgres_ticks() { # utime + stime of every process of the postgres user (the server and its backends), clock ticks
  local total=0 pid f
  for pid in $(pgrep -u postgres || true); do
    f=$(cut -d' ' -f14,15 "/proc/$pid/stat" 2>/dev/null) || continue
    total=$((total + ${f% *} + ${f#* }))
  done
  echo "$total"
}
pg_counters() { # transactions, buffer reads (hits included) and rows returned in the database so far
  psql -d postgres -tA -F ' ' -c "SELECT xact_commit + xact_rollback, blks_hit + blks_read, tup_returned FROM pg_stat_database WHERE datname = '$database'"
}
rss() { awk '/^VmHWM:/ { printf "%.0f MB", $2/1024 }' "/proc/$1/status"; }
run_load() { # $1: label, $2: how many replicas to spread over
  local targets pids_csv out ticks calls pg_ms counters after
  targets=$(printf '127.0.0.1:%s,' "${ports[@]:0:$2}"); targets="${targets%,}"
  pids_csv=$(IFS=,; echo "${pids[*]:0:$2}")
  out="$dir/loadtest-$1-$(date -u +%Y%m%dT%H%M%S).txt"
  log "load test, $1: $targets"
  ticks=$(postgres_ticks); counters=($(pg_counters))
  node "$here/loadtest.js" --target "$targets" --token "$token" --vacancies "$vacancy_ids" --levels "$levels" \
    --duration "$duration" --max-calls "$max_calls" --warmup "$warmup" --server-pid "$pids_csv" | tee "$out" >&2
  calls=$(sed -n 's/^LOADTEST_TOTAL {"calls_including_warmup":\([0-9]*\)}/\1/p' "$out")
  pg_ms=$(echo "scale=2; 1000 * ($(postgres_ticks) - ticks) / $(getconf CLK_TCK) / $calls" | bc)
  after=($(pg_counters))
  per_call() { echo "scale=1; ($1 - $2) / $calls" | bc; }
  echo "$1: PostgreSQL CPU ${pg_ms} ms per call; per call $(per_call "${after[0]}" "${counters[0]}") transactions," \
    "$(per_call "${after[1]}" "${counters[1]}") buffer reads, $(per_call "${after[2]}" "${counters[2]}") rows returned (all levels, warm-ups included)"
  grep '^LOADTEST ' "$out" | sed "s/^LOADTEST /LOADTEST_REPLICAS $1 /"
}
results_one=""; results_all=""
[[ $replicas -gt 1 && $spread_first -eq 1 ]] && results_all=$(run_load "$replicas-replicas" "$replicas")
results_one=$(run_load "1-replica" 1)
[[ $replicas -gt 1 && $spread_first -eq 0 ]] && results_all=$(run_load "$replicas-replicas" "$replicas")
hwm=(); for pid in "${pids[@]}"; do hwm+=("$(rss "$pid")"); done
log "restart replica 1 on its index (caught up from the store)"
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
start_replica 1 "${ports[0]}"
restart="$startup"

cat <<SUMMARY

== MatchEngine replica load test ($replicas replicas on PostgreSQL database $database; 100k world; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg))
import into PostgreSQL: $(cat "$dir/.imported") s (reused when present)
$(for i in $(seq 1 "$replicas"); do echo "replica $i start-up (index built from the store): ${startups[$((i - 1))]}; VmHWM after the load tests: ${hwm[$((i - 1))]}"; done)
replica 1 restart on its existing index: $restart
$results_one
$results_all
SUMMARY
