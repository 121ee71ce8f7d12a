#!/usr/bin/env bash
# Before/after load comparison on a noisy machine (see docs/scaling.md, section 1):
#   benchmarks/load/compare.sh REV [--rounds N] [--levels 8] [--duration S] [--warmup S] [--work DIR] [--after-work DIR]
#                              [--candidates N --vacancies N]   (another region size, as run.sh takes them)
#
# Builds REV in a work tree of its own ($TMPDIR/matchengine-compare-<rev>, kept for reuse) and this checkout, both in
# Release, then alternates the load test between the two (this checkout's run.sh --tree T --no-build --no-restart,
# so both sides meet the same client and script, on the same data) for N rounds
# (default 5), so that both sides meet the same background load. Prints each run's LOADTEST lines and, per side and
# level, the median calls/s, server CPU per call and p99 over the rounds. A change to the pair features needs a ranker
# trained by each side: --after-work gives this checkout a work folder of its own (the same seeded region, its own model).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
[[ $# -ge 1 && "$1" != -* ]] || { sed -n '2,11p' "$0"; exit 2; }
rev="$1"; shift
rounds=5; levels=8; duration=20; warmup=3; work="${TMPDIR:-/tmp}/matchengine-load"; after_work=""; size=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --levels) levels="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --after-work) after_work="$2"; shift 2 ;;
    --candidates|--vacancies) size+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

short=$(git -C "$repo" rev-parse --short "$rev")
base="${TMPDIR:-/tmp}/matchengine-compare-$short"
[[ -d "$base" ]] || git -C "$repo" worktree add --detach "$base" "$rev" >&2
for tree in "$base" "$repo"; do
  dotnet build "$tree/api/MatchEngine.Api.csproj" -c Release -nologo -v q >&2
  dotnet build "$tree/training/MatchEngine.Training.csproj" -c Release -nologo -v q >&2
done

results=$(mktemp); errors=$(mktemp)
for round in $(seq 1 "$rounds"); do
  for side in before after; do
    tree=$([[ $side == before ]] && echo "$base" || echo "$repo")
    dir=$([[ $side == after && -n "$after_work" ]] && echo "$after_work" || echo "$work")
    # run.sh prints each LOADTEST line twice (live and in its summary); keep the first of each. A run that measured
    # nothing (a refused model, a server that did not start) stops the comparison with run.sh's last words.
    "$here/run.sh" --tree "$tree" --work "$dir" --no-build --no-restart --levels "$levels" --duration "$duration" --warmup "$warmup" "${size[@]}" 2>"$errors" \
      | { grep '^LOADTEST {' || { echo "$side side, round $round: run.sh measured nothing; its last lines:" >&2; tail -5 "$errors" >&2; exit 1; }; } \
      | awk '!seen[$0]++' | sed "s/^LOADTEST /$side $round /" | tee -a "$results"
  done
done

node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean);
  const runs = lines.map((l) => { const [side, round, ...json] = l.split(" "); return { side, ...JSON.parse(json.join(" ")) }; });
  // The middle round, or the mean of the two middle ones for an even number of rounds.
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
    return s.length % 2 ? s[m] : Math.round((s[m - 1] + s[m]) * 50) / 100;
  };
  console.log(`\n== medians over the rounds (before = ${process.argv[2]}, after = this checkout)`);
  for (const level of [...new Set(runs.map((r) => r.concurrency))])
    for (const side of ["before", "after"]) {
      const mine = runs.filter((r) => r.side === side && r.concurrency === level);
      console.log(`${side.padEnd(6)} ${level} callers: ${median(mine.map((r) => r.throughput_per_s))} calls/s, ` +
        `server CPU ${median(mine.map((r) => r.server_cpu_ms_per_call))} ms/call, p99 ${median(mine.map((r) => r.p99_ms))} ms (${mine.length} runs)`);
    }' "$results" "$short"
rm -f "$results" "$errors"
