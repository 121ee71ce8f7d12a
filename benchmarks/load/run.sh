#!/usr/bin/env bash
# One command for the Match.Shortlist load test over loopback (see docs/scaling.md):
#   benchmarks/load/run.sh [--work DIR] [--national] [--duration S] [--max-calls N] [--levels 1,8,32] [--warmup S] [--no-build] [--no-restart]
#                          [--tree DIR]   (serve the api built in another work tree of this repository: compare.sh)
#                          [--candidates N --vacancies N]   (other sizes, e.g. a quick smoke test of this script)
#                          [--prepare-only]   (build, data, ranker and client, then stop: replicas.sh starts from there)
#
# Default: 100,000 candidates + 20,000 open vacancies (synth --vacancies 20000, which also writes 30,000 past
# vacancies and their match history). --national: 400,000 candidates + 400,000 open vacancies, generated without
# past vacancies and match history (synth --no-history; see docs/scaling.md), served with the ranker trained by the default run (which it runs first if
# needed), a short load (levels 8, 10 s or 1,000 calls) and the server's RSS.
#
# Steps: build Release; synth into WORK (reused when present); import; train + promote the ranker (fairness
# override "load test", recorded in the registry); start the api on a free loopback port with a fresh signing key
# and RateLimitPerSecond=1000000 (so the per-caller token bucket never throttles the test); time start-up to
# SERVING and to the first shortlist; npm ci + the load test; VmRSS/VmHWM of the server; a second start on the
# same index (warm start); summary.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${TMPDIR:-/tmp}/matchengine-load"
national=0
build=1
restart=1
prepare_only=0
duration=""
max_calls=""
levels=""
warmup=3 # seconds of unrecorded calls before each level; the api's JIT keeps tiering up for ~8 s of load after a start
custom_candidates=""
custom_vacancies=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --work) work="$2"; shift 2 ;;
    --national) national=1; shift ;;
    --no-build) build=0; shift ;;
    --prepare-only) prepare_only=1; shift ;;
    --no-restart) restart=0; shift ;; # skip the second start (quicker repeated load runs)
    --duration) duration="$2"; shift 2 ;;
    --max-calls) max_calls="$2"; shift 2 ;;
    --levels) levels="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --tree) repo="$(cd "$2" && pwd)"; shift 2 ;;
    --candidates) custom_candidates="$2"; shift 2 ;; # smoke tests of the script itself
    --vacancies) custom_vacancies="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

as_of="2025-06-30" # synth's default "today"
if [[ $national -eq 1 ]]; then
  candidates=400000; vacancies=400000; size="national"
  duration="${duration:-10}"; max_calls="${max_calls:-1000}"; levels="${levels:-8}"; startup_timeout=1800
else
  candidates=100000; vacancies=20000; size="100k"
  duration="${duration:-20}"; max_calls="${max_calls:-5000}"; levels="${levels:-1,8,32}"; startup_timeout=300
fi
if [[ -n "$custom_candidates$custom_vacancies" ]]; then
  candidates="${custom_candidates:-$candidates}"; vacancies="${custom_vacancies:-$vacancies}"; size="${candidates}x${vacancies}"
fi
dir="$work/$size"
mkdir -p "$dir"
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
seconds_since() { echo "scale=1; ($(date +%s%N) - $1) / 1000000000" | bc; }

if [[ $build -eq 1 ]]; then
  log "building Release"
  dotnet build "$repo/api/MatchEngine.Api.csproj" -c Release -nologo -v q >&2
  dotnet build "$repo/training/MatchEngine.Training.csproj" -c Release -nologo -v q >&2
fi
cli() { dotnet "$repo/training/bin/Release/net10.0/matchengine.dll" "$@"; }
api_dll="$repo/api/bin/Release/net10.0/MatchEngine.Api.dll"

# --- data: synth, import, ranker (each step skipped when its marker says it is done) ---
if [[ ! -f "$dir/world/.complete" ]]; then
  log "synth: $candidates candidates, $vacancies open vacancies into $dir/world"
  rm -rf "$dir/world"
  t=$(date +%s%N)
  history=()
  # National: no past vacancies and match history (synth --no-history); generating that history costs
  # O(past vacancies x candidates), hours at 400k x 400k, and serving does not need it.
  [[ $national -eq 1 ]] && history=(--no-history)
  cli synth --out "$dir/world" --seed 42 --candidates "$candidates" --vacancies "$vacancies" --region GV "${history[@]}" >&2
  echo "$(seconds_since "$t")" > "$dir/world/.complete"
fi
if [[ ! -f "$dir/data/.imported" ]]; then
  log "import into $dir/data"
  rm -rf "$dir/data"
  t=$(date +%s%N)
  cli import "$dir/world" --data "$dir/data" | tail -1 >&2
  echo "$(seconds_since "$t")" > "$dir/data/.imported"
fi
promoted="$dir/data/models/ranker/promoted.json"
if [[ ! -f "$promoted" ]]; then
  if [[ $national -eq 1 ]]; then
    # The national world has no match history to learn from: serve the ranker of the 100k run (same features).
    [[ -f "$work/100k/data/models/ranker/promoted.json" ]] || "$0" --work "$work" --no-build --prepare-only >&2
    log "copying the ranker of $work/100k"
    mkdir -p "$dir/data/models"
    cp -r "$work/100k/data/models/ranker" "$dir/data/models/"
  else
    log "train ranker"
    t=$(date +%s%N)
    cli train ranker --data "$dir/data" | tail -1 > "$dir/train-ranker.json"
    # The run promotes the better model unless the fairness audit blocks it; then promote that one by hand
    # (synthetic data; the reason is recorded in the registry's promotion history).
    blocked=$(node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); if(!r.promoted) console.log(r.promotion_blocked.split(":")[0])' "$dir/train-ranker.json")
    if [[ -n "$blocked" ]]; then
      log "promote $blocked (fairness override: load test)"
      cli models promote "$blocked" --reason "load test" --override-fairness "load test" --data "$dir/data" >&2
    fi
    [[ -f "$promoted" ]] || { echo "no promoted ranker in $dir/data" >&2; exit 1; }
    echo "$(seconds_since "$t")" > "$dir/data/.trained"
  fi
fi

# --- client ---
(cd "$here" && npm ci --silent --no-audit --no-fund >&2)
vacancy_ids="$dir/vacancy-ids.txt"
node -e '
  const fs = require("fs"); const [file, asOf, out] = process.argv.slice(1);
  const ids = fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map(JSON.parse)
    .filter(v => !v.closes_at || v.closes_at >= asOf).map(v => v.id);
  fs.writeFileSync(out, ids.slice(0, 2000).join("\n") + "\n");' "$dir/world/vacancies.jsonl" "$as_of" "$vacancy_ids"
first_vacancy=$(head -1 "$vacancy_ids")
[[ $prepare_only -eq 1 ]] && { log "prepared $dir"; exit 0; }

# --- server ---
key=$(cli token --new-key)
token=$(cli token --user loadtest --role accountmanager --region GV --hours 8 --signing-key "$key")
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
server_pid=""
stop_server() { if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi; server_pid=""; }
trap stop_server EXIT
start_server() { # $1: log file; sets server_pid and startup (the STARTUP json of startup.js)
  local since; since=$(date +%s%3N)
  MatchEngine__Auth__SigningKey="$key" ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$api_dll" --MatchEngine:DataDirectory="$dir/data" --MatchEngine:Port="$port" \
    --MatchEngine:RateLimitPerSecond=1000000 --Logging:LogLevel:Default=Warning > "$1" 2>&1 &
  server_pid=$!
  startup=$(node "$here/startup.js" --target "127.0.0.1:$port" --since "$since" --token "$token" --vacancy "$first_vacancy" --timeout "$startup_timeout" | sed -n 's/^STARTUP //p')
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; } # utime + stime, clock ticks
rss() { awk '/^(VmRSS|VmHWM):/ { printf "%s%s %.0f MB", sep, $1, $2/1024; sep=", " }' "/proc/$server_pid/status"; }

log "start 1 on the freshly imported index, port $port"
start_server "$dir/api-1.log"; startup1="$startup"
log "start 1: $startup1"
rss_after_start=$(rss)
log "load test: levels $levels, each ${duration} s or $max_calls calls"
load_out="$dir/loadtest-$(date -u +%Y%m%dT%H%M%S).txt"
ticks_before=$(cpu_ticks)
t_load=$(date +%s%N)
node "$here/loadtest.js" --target "127.0.0.1:$port" --token "$token" --vacancies "$vacancy_ids" \
  --levels "$levels" --duration "$duration" --max-calls "$max_calls" --warmup "$warmup" --server-pid "$server_pid" | tee "$load_out"
rss_after_load=$(rss)
load_wall=$(seconds_since "$t_load")
cpu_seconds=$(echo "scale=2; ($(cpu_ticks) - $ticks_before) / $(getconf CLK_TCK)" | bc)
load_calls=$(sed -n 's/^LOADTEST_TOTAL {"calls_including_warmup":\([0-9]*\)}/\1/p' "$load_out")
cpu_per_call=$(echo "scale=2; 1000 * $cpu_seconds / $load_calls" | bc)
stop_server

startup2="skipped (--no-restart)"; rss_after_restart="-"
if [[ $restart -eq 1 ]]; then
  log "start 2 (restart on the same index)"
  start_server "$dir/api-2.log"; startup2="$startup"
  rss_after_restart=$(rss)
  stop_server
fi

cat <<SUMMARY

== MatchEngine load test summary ($size: $candidates candidates, $vacancies open vacancies; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg))
synth ${candidates}/${vacancies}: $(cat "$dir/world/.complete") s, import: $(cat "$dir/data/.imported") s, ranker: $(if [[ -f "$dir/data/.trained" ]]; then echo "$(cat "$dir/data/.trained") s"; else echo "copied from the 100k run"; fi)   (each reused when present)
start 1 (after import):  $startup1
start 2 (restart):       $startup2
server RSS after start 1: $rss_after_start
server RSS after load:    $rss_after_load
server RSS after restart + one shortlist: $rss_after_restart
server CPU during the load test: ${cpu_seconds} s over ${load_wall} s wall for ${load_calls} calls (warm-ups included) = ${cpu_per_call} ms CPU per shortlist
on disk: index $(du -sm "$dir/data/index" | cut -f1) MB, store $(du -cm "$dir/data"/store.db* | tail -1 | cut -f1) MB
load test output: $load_out
$(grep '^LOADTEST ' "$load_out")
SUMMARY
