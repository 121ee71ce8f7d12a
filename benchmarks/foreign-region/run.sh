#!/usr/bin/env bash
# A region this repository's generator did not make, graded by its own hidden truth.
# usage: benchmarks/foreign-region/run.sh [--work DIR] [--seed N] [--gen "GEN.PY OPTIONS"] [--matchengine PATH]
#   (--gen passes more options to gen.py, e.g. --gen "--history 80" or --gen "--candidates 15000 --open 30")
#   (TRUTHS="smooth interact", POLICIES="narrow broad text" narrow the runs; --matchengine grades another build, e.g. an
#   earlier commit's: git worktree add /tmp/old REV && dotnet build /tmp/old/training -c Release, then
#   --matchengine /tmp/old/training/bin/Release/net10.0/matchengine)
# Per truth × history policy: gen.py writes a contract folder and the truth of its 60 open vacancies, `matchengine import`,
# `train ranker --as-of 2025-10-01`, then eval.py grades `shortlist` on the open vacancies against the truth, next to the
# truth's record-only ranking, its own logistic regression and a rule. Writes WORK/<truth>-<policy>/ and WORK/summary.md.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${TMPDIR:-/tmp}/matchengine-foreign
SEED=11
ME=$ROOT/training/bin/Release/net10.0/matchengine
GEN=""
while [ $# -gt 0 ]; do
  case $1 in
    --work) WORK=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --gen) GEN=$2; shift 2 ;;
    --matchengine) ME=$2; shift 2 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$ME" ] || dotnet build "$ROOT/training" -c Release >/dev/null
TODAY=2025-10-01
mkdir -p "$WORK"
for T in ${TRUTHS:-smooth interact}; do for P in ${POLICIES:-narrow broad text}; do
  R=$WORK/$T-$P
  echo "== $T-$P ($(date -u +%T))"
  rm -rf "$R"; mkdir -p "$R"
  PYTHONHASHSEED=0 python3 "$HERE/gen.py" --out "$R/contract" --seed "$SEED" --policy "$P" --truth "$T" --today $TODAY --truth-file "$R/truth.json" $GEN > "$R/gen.log"
  "$ME" import "$R/contract" --data "$R/data" > "$R/import.log"
  "$ME" train ranker --data "$R/data" --as-of $TODAY > "$R/train.log" 2> "$R/train.err"
  PROMOTED=$(tail -1 "$R/train.log" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("promoted") or "")')
  if [ -z "$PROMOTED" ]; then
    # The fairness gate held the chosen version back: record why, then promote it as an admin would, to grade it.
    tail -1 "$R/train.log" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["promotion_blocked"]); print("override-promoted", j["best"])' > "$R/override.log"
    "$ME" models promote "$(tail -1 "$R/override.log" | cut -d' ' -f2)" --override-fairness "foreign region: grade the chosen version" --data "$R/data" >> "$R/override.log"
  fi
  python3 "$HERE/eval.py" --data "$R/data" --truth "$R/truth.json" --contract "$R/contract" --out "$R/eval" --train-log "$R/train.log" --me "$ME" > "$R/eval.log"
  grep -E "^\| (logistic|matchengine) \||^matchengine - logistic" "$R/eval.log"
done; done
python3 "$HERE/summarize.py" "$WORK" > "$WORK/summary.md"
echo "summary: $WORK/summary.md"
