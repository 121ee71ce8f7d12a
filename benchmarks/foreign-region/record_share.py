#!/usr/bin/env python3
"""Share of the best attainable record-level gain that MatchEngine's top 10 holds, per region of a run.sh work folder.

usage: record_share.py WORK/<truth>-<policy> [...]

For each open vacancy: the mean record-only expected gain (truth.json "record") of MatchEngine's top 10
(eval/shortlist_<id>_default.json) against that of the record-only truth's own top 10; prints both means and their ratio.
"""
import json
import os
import sys


def share(region):
    truth = json.load(open(os.path.join(region, "truth.json")))
    pool = truth["candidates"]
    best = served = 0.0
    for vid, tv in truth["vacancies"].items():
        gain = dict(zip(pool, tv["record"]))
        shortlist = json.load(open(os.path.join(region, "eval", f"shortlist_{vid}_default.json")))
        best += sum(sorted(gain.values(), reverse=True)[:10]) / 10
        served += sum(gain.get(c["candidate_id"], 0.0) for c in shortlist["candidates"][:10]) / 10
    n = len(truth["vacancies"])
    return best / n, served / n


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    for region in sys.argv[1:]:
        best, served = share(region)
        print(f"{os.path.basename(region.rstrip('/'))}: record-only top 10 {best:.3f}, MatchEngine top 10 {served:.3f}, share {served / best:.3f}")
