#!/usr/bin/env python3
"""Where MatchEngine's top 10 loses against the record-only truth's top 10, field by field of the hidden truth.

usage: terms.py RUN_DIR [RUN_DIR ...]   (RUN_DIR: a region of run.sh, e.g. WORK/smooth-narrow, after eval.py)

For each record field the truth reads, a pair's contribution is f(record) - f(record with that field 0): exact for the
additive `smooth` truth, where each field has its own terms; for `interact` a field's interactions count with it. Prints,
averaged over the open vacancies' top 10s, the contribution in MatchEngine's shortlist, in the record-only truth's own
ranking, and the difference (log-odds per candidate).
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import read_jsonl, pair_record, prep_candidate
import truths as T


def main():
    for run in sys.argv[1:]:
        meta = json.load(open(os.path.join(run, "truth.json")))
        f = T.TRUTHS[meta["truth"]]
        contract = os.path.join(run, "contract")
        cands = {c["id"]: prep_candidate(c) for c in read_jsonl(os.path.join(contract, "candidates.jsonl"))}
        vacs = {v["id"]: v for v in read_jsonl(os.path.join(contract, "vacancies.jsonl"))}
        emps = {e["id"]: e for e in read_jsonl(os.path.join(contract, "employers.jsonl"))}
        rows = json.load(open(os.path.join(run, "eval", "per_vacancy.json")))
        pool = meta["candidates"]
        sums = {"matchengine": {}, "record_only": {}}
        for row in rows:
            v = vacs[row["vacancy"]]
            emp = emps[v["employer_id"]]
            rec = dict(zip(pool, meta["vacancies"][row["vacancy"]]["record"]))
            tops = {"matchengine": row["me_ids"], "record_only": sorted(pool, key=lambda c: -rec[c])[:10]}
            for who, ids in tops.items():
                for cid in ids:
                    r = pair_record(v, cands[cid])
                    z = f(r, v, emp)
                    for field, value in r.items():
                        if isinstance(value, (int, float)) and value != 0:
                            part = z - f(dict(r, **{field: 0}), v, emp)
                            sums[who][field] = sums[who].get(field, 0.0) + part / (10 * len(rows))
        fields = [k for k in sums["record_only"] if abs(sums["record_only"][k]) > 1e-9 or abs(sums["matchengine"].get(k, 0)) > 1e-9]
        print(f"== {run}\n{'field':16s} {'matchengine':>12s} {'record_only':>12s} {'difference':>11s}")
        for k in fields:
            me, ro = sums["matchengine"].get(k, 0.0), sums["record_only"][k]
            print(f"{k:16s} {me:12.3f} {ro:12.3f} {me - ro:+11.3f}")


if __name__ == "__main__":
    main()
