#!/usr/bin/env bash
# The console's shortlist page over the load test's region (100,000 candidates + 20,000 open vacancies; see
# docs/scaling.md): prepares the data as run.sh does (reused when present), starts the api with its console on a free
# loopback port, signs in as an accountmanager of region GV and times the page /vacatures/{id}/shortlijst for one
# vacancy after another (console-page.js): medians and p90 of the time to the first byte and to the whole page.
#   benchmarks/load/console-page.sh [--work DIR] [--pages N] [--warmup N] [--no-build]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${TMPDIR:-/tmp}/matchengine-load"
pages=200
warmup=20
build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --work) work="$2"; shift 2 ;;
    --pages) pages="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

build_flag=(); [[ $build -eq 0 ]] && build_flag=(--no-build)
"$here/run.sh" --work "$work" --prepare-only "${build_flag[@]}"
dir="$work/100k"
cli() { dotnet "$repo/training/bin/Release/net10.0/matchengine.dll" "$@"; }
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

key=$(cli token --new-key)
token=$(cli token --user console-page --role accountmanager --region GV --hours 8 --signing-key "$key")
port=$(free_port)
console_port=$(free_port)
MatchEngine__Auth__SigningKey="$key" ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$repo/api/bin/Release/net10.0/MatchEngine.Api.dll" --MatchEngine:DataDirectory="$dir/data" --MatchEngine:Port="$port" \
  --MatchEngine:ConsolePort="$console_port" --MatchEngine:RateLimitPerSecond=1000000 --Logging:LogLevel:Default=Warning \
  > "$dir/api-console.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
node "$here/startup.js" --target "127.0.0.1:$port" --since "$(date +%s%3N)" --token "$token" \
  --vacancy "$(head -1 "$dir/vacancy-ids.txt")" --timeout 300 >&2
node "$here/console-page.js" --console "http://127.0.0.1:$console_port" --token "$token" \
  --vacancies "$dir/vacancy-ids.txt" --pages "$pages" --warmup "$warmup"
