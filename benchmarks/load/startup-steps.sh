#!/usr/bin/env bash
# Start-up of the api on an existing data directory, step by step: starts the api N times (default 5),
# each time prints the seconds to gRPC health SERVING (as run.sh's startup probe measures it, from the
# process start), the CPU seconds the api used until then (user + system, all threads) and the warm-up's
# per-step log lines, then stops it; last line: the median.
#   benchmarks/load/startup-steps.sh DATA_DIR [RUNS]
# Build first (dotnet build api -c Release). Wrap in `flock /tmp/matchengine-bench.lock` on a shared machine.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
data="${1:?give the data directory}"
runs="${2:-5}"
api_dll="$repo/api/bin/Release/net10.0/MatchEngine.Api.dll"
[[ -d "$here/node_modules" ]] || (cd "$here" && npm ci --silent --no-audit --no-fund >&2)
key=$(head -c 32 /dev/urandom | base64)
log_file=$(mktemp)
trap 'rm -f "$log_file"' EXIT
servings=()
for run in $(seq 1 "$runs"); do
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  since=$(date +%s%3N)
  MatchEngine__Auth__SigningKey="$key" ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$api_dll" --MatchEngine:DataDirectory="$data" --MatchEngine:Port="$port" \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:MatchEngine.Api.Hosting.Warmup=Information > "$log_file" 2>&1 &
  pid=$!
  startup=$(node "$here/startup.js" --target "127.0.0.1:$port" --since "$since" --timeout 300 | sed -n 's/^STARTUP //p')
  cpu=$(awk -v tck="$(getconf CLK_TCK)" '{ printf "%.1f (user %.1f, system %.1f)", ($14 + $15) / tck, $14 / tck, $15 / tck }' "/proc/$pid/stat")
  sleep 0.2
  kill "$pid"; wait "$pid" 2>/dev/null || true
  serving=$(node -e 'console.log((JSON.parse(process.argv[1]).serving_ms / 1000).toFixed(1))' "$startup")
  servings+=("$serving")
  echo "run $run: SERVING at $serving s, CPU $cpu s; $(grep -A1 "Warmup\[" "$log_file" | grep -v 'Warmup\[\|^--' | sed 's/^ *//' | paste -sd ';' -)"
done
echo "median SERVING: $(printf '%s\n' "${servings[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }') s over $runs runs"
