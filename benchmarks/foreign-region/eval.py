#!/usr/bin/env python3
"""Grade MatchEngine's shortlists on the open vacancies against the external generator's hidden truth.

usage: eval.py --data DATA --truth TRUTH.json --contract DIR [--out OUTDIR] [--train-log LOG] [--exact] [--me PATH]

NDCG@10 with linear gains = E[grade] under the full truth (person luck included); the ideal is the full truth's own
top 10 of the whole consenting pool.  Compared: full truth (1.0), record-only truth, a pure-Python L2 logistic
regression trained on the logged proposals (label invited-or-hired), MatchEngine's shortlist (default and --exact),
and a rule (within the candidate's own reach first, then by number of required skills held, then by distance).
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import read_jsonl, pair_record, prep_candidate, d

ME_DEFAULT = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "training", "bin", "Release", "net10.0", "matchengine")


# ------------------------------------------------------------------------------------------ metrics

def dcg(gains):
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at(ranked_ids, gain_of, ideal_gains, k=10):
    ideal = dcg(sorted(ideal_gains, reverse=True)[:k])
    got = dcg([gain_of.get(c, 0.0) for c in ranked_ids[:k]])
    return got / ideal if ideal > 0 else 0.0


# ------------------------------------------------------------------------------------------ features (baseline)

FEATS = ["cov_req", "cov_pref", "cert_missing", "log_exp_same", "log_exp_rel", "desired_isco", "desired_sector",
         "dist", "over", "beyond_reach", "dist_ratio", "hgap", "shifts_missing", "dutch_gap", "edu_gap", "load_gap",
         "weeks_late", "log_spell", "outflows", "care", "debt", "coach", "car", "doelgroep", "inclusive"]


def features(v, c, emp, avail_ref="start"):
    r = pair_record(v, c)
    if avail_ref == "closes" and v.get("closes_at"):
        r = dict(r)
        r["weeks_late"] = max(0.0, (d(c["available_from"]) - d(v["closes_at"])).days / 7.0)
    return [r["cov_req"], r["cov_pref"], r["cert_missing"], math.log1p(r["exp_same"]), math.log1p(r["exp_rel"]),
            r["desired_isco"], r["desired_sector"], r["dist"], r["over"], 1.0 if r["over"] > 0 else 0.0,
            min(r["dist"] / r["maxkm"], 5.0), r["hgap"], r["shifts_missing"], r["dutch_gap"], r["edu_gap"],
            r["load_gap"], min(r["weeks_late"], 26.0), math.log1p(r["spell"]), r["outflows"], r["care"], r["debt"],
            r["coach"], r["car"], r["doelgroep"], 1.0 if emp.get("inclusive") else 0.0], r


def solve(A, b):
    n = len(b)
    M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for col in range(n):
        piv = max(range(col, n), key=lambda i: abs(M[i][col]))
        M[col], M[piv] = M[piv], M[col]
        p = M[col][col]
        if abs(p) < 1e-12:
            continue
        for i in range(n):
            if i != col and M[i][col] != 0:
                f = M[i][col] / p
                for j in range(col, n + 1):
                    M[i][j] -= f * M[col][j]
    return [M[i][n] / M[i][i] if abs(M[i][i]) > 1e-12 else 0.0 for i in range(n)]


class Logistic:
    """L2-regularised logistic regression on standardised features, fitted by Newton/IRLS."""

    def __init__(self, l2=1.0):
        self.l2 = l2

    def fit(self, X, y, iters=25):
        n, p = len(X), len(X[0])
        self.mu = [sum(x[j] for x in X) / n for j in range(p)]
        self.sd = [max(1e-9, math.sqrt(sum((x[j] - self.mu[j]) ** 2 for x in X) / n)) for j in range(p)]
        Z = [[1.0] + [(x[j] - self.mu[j]) / self.sd[j] for j in range(p)] for x in X]
        w = [0.0] * (p + 1)
        for _ in range(iters):
            H = [[0.0] * (p + 1) for _ in range(p + 1)]
            g = [0.0] * (p + 1)
            for z, t in zip(Z, y):
                s = sum(a * b for a, b in zip(w, z))
                pr = 1 / (1 + math.exp(-max(-30, min(30, s))))
                wt = pr * (1 - pr)
                e = pr - t
                for i in range(p + 1):
                    zi = z[i]
                    g[i] += e * zi
                    wz = wt * zi
                    Hi = H[i]
                    for j in range(i, p + 1):
                        Hi[j] += wz * z[j]
            for i in range(p + 1):
                for j in range(i):
                    H[i][j] = H[j][i]
            for i in range(1, p + 1):
                g[i] += self.l2 * w[i]
                H[i][i] += self.l2
            step = solve(H, g)
            w = [a - b for a, b in zip(w, step)]
            if max(abs(s) for s in step) < 1e-6:
                break
        self.w = w
        return self

    def score(self, x):
        return self.w[0] + sum(self.w[j + 1] * (x[j] - self.mu[j]) / self.sd[j] for j in range(len(x)))


# ------------------------------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--contract", required=True)
    ap.add_argument("--out")
    ap.add_argument("--train-log")
    ap.add_argument("--exact", action="store_true", help="also call shortlist --exact")
    ap.add_argument("--me", default=ME_DEFAULT)
    a = ap.parse_args()
    out = a.out or os.path.join(os.path.dirname(os.path.abspath(a.data)), "eval")
    os.makedirs(out, exist_ok=True)

    truth = json.load(open(a.truth))
    emps = {e["id"]: e for e in read_jsonl(os.path.join(a.contract, "employers.jsonl"))}
    vacs = {v["id"]: v for v in read_jsonl(os.path.join(a.contract, "vacancies.jsonl"))}
    cands = {c["id"]: prep_candidate(c) for c in read_jsonl(os.path.join(a.contract, "candidates.jsonl"))}
    events = read_jsonl(os.path.join(a.contract, "match_events.jsonl"))
    pool_ids = truth["candidates"]
    pool_set = set(pool_ids)
    nonconsent = {cid for cid, c in cands.items() if not c["consent_matching"]}

    # --- logistic regression on the logged proposals (label: invited or hired)
    lab = {}
    for e in events:
        key = (e["vacancy_id"], e["candidate_id"])
        lab.setdefault(key, 0)
        if e["stage"] in ("invited", "hired", "rejected"):
            lab[key] = 1
    X, X2, y = [], [], []
    for (vid, cid), l in lab.items():
        if cid not in cands or not cands[cid]["consent_matching"]:
            continue
        v = vacs[vid]
        X.append(features(v, cands[cid], emps[v["employer_id"]])[0])
        X2.append(features(v, cands[cid], emps[v["employer_id"]], "closes")[0])
        y.append(l)
    lr = Logistic(l2=1.0).fit(X, y)
    # ablation: the same model with availability measured against closes_at (as the engine's gap texts do)
    lr2 = Logistic(l2=1.0).fit(X2, y)
    lr_weights = {n: round(w, 3) for n, w in zip(["intercept"] + FEATS, lr.w)}

    rows = []
    modes = ["default"] + (["exact"] if a.exact else [])
    served = {}
    oddities = []
    diag = {k: {"hgap": [], "over": [], "cov_req": [], "dist": [], "weeks_late": []} for k in ("truth", "matchengine", "logistic")}
    for vid, tv in truth["vacancies"].items():
        v = vacs[vid]
        emp = emps[v["employer_id"]]
        full = dict(zip(pool_ids, tv["full"]))
        rec = dict(zip(pool_ids, tv["record"]))
        gains = tv["full"]
        feats, feats2, recs = {}, {}, {}
        for cid in pool_ids:
            feats[cid], recs[cid] = features(v, cands[cid], emp)
            feats2[cid] = features(v, cands[cid], emp, "closes")[0]
        truth_rank = sorted(pool_ids, key=lambda c: -full[c])
        rec_rank = sorted(pool_ids, key=lambda c: -rec[c])
        lr_rank = sorted(pool_ids, key=lambda c: -lr.score(feats[c]))
        lr2_rank = sorted(pool_ids, key=lambda c: -lr2.score(feats2[c]))
        rule_rank = sorted(pool_ids, key=lambda c: (recs[c]["over"] > 0,
                                                     -round(recs[c]["cov_req"] * recs[c]["n_req"]), recs[c]["dist"]))
        row = {"vacancy": vid, "sector": v["sector"], "isco": v["isco"],
               "truth": ndcg_at(truth_rank, full, gains), "record_only": ndcg_at(rec_rank, full, gains),
               "logistic": ndcg_at(lr_rank, full, gains), "logistic_avail_vs_closes": ndcg_at(lr2_rank, full, gains),
               "rule": ndcg_at(rule_rank, full, gains)}
        for mode in modes:
            cmd = [a.me, "shortlist", "--vacancy", vid, "--top", "10", "--json", "--data", a.data]
            if mode == "exact":
                cmd.append("--exact")
            p = subprocess.run(cmd, capture_output=True, text=True)
            with open(os.path.join(out, f"shortlist_{vid}_{mode}.json"), "w") as fh:
                fh.write(p.stdout)
            if p.returncode != 0:
                oddities.append(f"shortlist {vid} {mode}: exit {p.returncode}: {p.stderr.strip()[:300]}")
                row["matchengine" if mode == "default" else "matchengine_exact"] = 0.0
                continue
            j = json.loads(p.stdout.strip().splitlines()[-1])
            ids = [c["candidate_id"] for c in j["candidates"]]
            served[j.get("model_version")] = served.get(j.get("model_version"), 0) + 1
            if len(ids) != 10:
                oddities.append(f"shortlist {vid} {mode}: {len(ids)} candidates, not 10")
            bad = [c for c in ids if c in nonconsent or c not in pool_set]
            if bad:
                oddities.append(f"shortlist {vid} {mode}: non-consenting/unknown candidates {bad}")
            if len(set(ids)) != len(ids):
                oddities.append(f"shortlist {vid} {mode}: duplicate candidates")
            key = "matchengine" if mode == "default" else "matchengine_exact"
            row[key] = ndcg_at(ids, full, gains)
            if mode == "default":
                row["me_ids"] = ids
                row["me_items"] = j["candidates"]
                for c in ids:
                    if c in recs:
                        for k2 in ("hgap", "over", "cov_req", "dist", "weeks_late"):
                            diag["matchengine"][k2].append(recs[c][k2])
        for c in truth_rank[:10]:
            for k2 in ("hgap", "over", "cov_req", "dist", "weeks_late"):
                diag["truth"][k2].append(recs[c][k2])
        for c in lr_rank[:10]:
            for k2 in ("hgap", "over", "cov_req", "dist", "weeks_late"):
                diag["logistic"][k2].append(recs[c][k2])
        row["truth_top10"] = truth_rank[:10]
        rows.append(row)

    def mean(xs):
        return sum(xs) / len(xs) if xs else float("nan")

    cols = ["truth", "record_only", "logistic", "logistic_avail_vs_closes", "matchengine"] + (["matchengine_exact"] if a.exact else []) + ["rule"]
    res = {c: mean([r.get(c, 0.0) for r in rows]) for c in cols}
    # paired bootstrap of matchengine - logistic over vacancies
    rng = random.Random(1)
    diffs = [r["matchengine"] - r["logistic"] for r in rows]
    boots = sorted(mean([diffs[rng.randrange(len(diffs))] for _ in diffs]) for _ in range(2000))
    res["me_minus_logistic"] = mean(diffs)
    res["me_minus_logistic_90ci"] = [boots[100], boots[1899]]
    res["target_me_ge_0.90_truth"] = res["matchengine"] >= 0.90 * res["truth"]
    res["target_me_ge_logistic_plus_0.02"] = res["matchengine"] >= res["logistic"] + 0.02
    res["diagnostics_top10"] = {k: {k2: round(mean(v2), 3) for k2, v2 in d.items()} for k, d in diag.items()}
    res["served_models"] = served
    res["oddities"] = oddities
    res["logistic_weights"] = lr_weights
    res["logistic_train_pairs"] = len(y)
    res["logistic_train_positive_rate"] = round(sum(y) / len(y), 4)
    res["vacancies"] = len(rows)
    if a.train_log and os.path.exists(a.train_log):
        last = [l for l in open(a.train_log).read().splitlines() if l.startswith("{")][-1]
        tj = json.loads(last)
        prom = tj.get("promoted")
        kind = next((k for k, m in tj.get("models", {}).items() if prom and m.get("version") == prom), None)
        best_kind = next((k for k, m in tj.get("models", {}).items() if tj.get("best") and m.get("version") == tj.get("best")), None)
        res["train"] = {"promoted": prom, "promoted_kind": kind, "best": tj.get("best"), "best_kind": best_kind,
                        "proposal_auc": tj.get("proposal_auc"), "narrow_history": tj.get("narrow_history"),
                        "retrieval_recall": tj.get("retrieval_recall"),
                        "whole_pool_retrieval_recall": tj.get("whole_pool_retrieval_recall"),
                        "promotion_blocked": tj.get("promotion_blocked"),
                        "whole_pool_ndcg@10": {k: m.get("whole_pool", {}).get("ndcg@10")
                                               for k, m in tj.get("models", {}).items()}}
    with open(os.path.join(out, "per_vacancy.json"), "w") as fh:
        json.dump(rows, fh, ensure_ascii=False)
    with open(os.path.join(out, "eval.json"), "w") as fh:
        json.dump(res, fh, indent=1, ensure_ascii=False)

    lines = ["| ranking | NDCG@10 vs full truth |", "| --- | --- |"]
    for c in cols:
        lines.append(f"| {c} | {res[c]:.3f} |")
    lines.append("")
    lines.append(f"matchengine - logistic = {res['me_minus_logistic']:+.3f} (90% CI {res['me_minus_logistic_90ci'][0]:+.3f}"
                 f" to {res['me_minus_logistic_90ci'][1]:+.3f}, paired bootstrap over {len(rows)} vacancies)")
    lines.append(f"target matchengine >= 0.90 x truth: {'MET' if res['target_me_ge_0.90_truth'] else 'NOT MET'}"
                 f" ({res['matchengine']:.3f} vs {0.9 * res['truth']:.3f})")
    lines.append(f"target matchengine >= logistic + 0.02: {'MET' if res['target_me_ge_logistic_plus_0.02'] else 'NOT MET'}"
                 f" ({res['matchengine']:.3f} vs {res['logistic'] + 0.02:.3f})")
    lines.append("top-10 means (hours gap h / km beyond reach / required-skill coverage / distance km / weeks available after posted+21d):")
    for k, dd in res["diagnostics_top10"].items():
        lines.append(f"  {k:12s} hgap {dd['hgap']:.2f}  over {dd['over']:.2f}  cov_req {dd['cov_req']:.2f}  dist {dd['dist']:.1f}  late {dd['weeks_late']:.2f}")
    lines.append(f"served: {served}")
    if "train" in res:
        lines.append("train ranker: " + json.dumps({k: v for k, v in res["train"].items() if k != 'whole_pool_ndcg@10'}))
    for o in oddities[:20]:
        lines.append("ODDITY: " + o)
    txt = "\n".join(lines)
    open(os.path.join(out, "eval.md"), "w").write(txt + "\n")
    print(txt)


if __name__ == "__main__":
    main()
