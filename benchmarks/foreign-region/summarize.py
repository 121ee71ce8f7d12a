#!/usr/bin/env python3
import json, os, sys
root = sys.argv[1]
out = ["# External MatchEngine test — summary (today 2025-10-01, 60 open vacancies each)", "",
       "NDCG@10 vs the full truth (gains E[grade], grade 0/1/3; ideal = full truth's top 10 of the whole consenting pool).", "",
       "| truth-policy | inv/hire % | truth | record-only | logistic | logistic (avail vs closes_at) | ME | ME --exact | rule | ME/record-only | ME−logistic (90% CI) | ≥0.90×truth | ≥logistic+0.02 | promoted | proposal_auc | retrieval recall (hires / whole-pool) | served |",
       "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
diag = ["", "Top-10 diagnostics (mean hours gap h / km beyond own reach / required-skill coverage / distance km / weeks available after posted+21d):", "",
        "| truth-policy | truth top10 | ME top10 | logistic top10 |", "|---|---|---|---|"]
odd = []
for name in sorted(os.listdir(root)):
    p = os.path.join(root, name, "eval", "eval.json")
    if not os.path.exists(p):
        continue
    r = json.load(open(p))
    g = json.load(open(os.path.join(root, name, "gen.log")) ) if False else json.loads(open(os.path.join(root, name, "gen.log")).read().strip().splitlines()[-1])
    t = r.get("train", {})
    ov = os.path.join(root, name, "override.log")
    if os.path.exists(ov):
        t = dict(t)
        t["promoted"] = "blocked by fairness gate; admin override " + next((l.split()[1] for l in open(ov) if l.startswith("override-promoted")), "?")
        t["promoted_kind"] = t.get("best_kind") or "?"
    ci = r["me_minus_logistic_90ci"]
    out.append(f"| {name} | {100*g['invited_rate']:.1f}/{100*g['hired_rate']:.1f} | {r['truth']:.3f} | {r['record_only']:.3f} | {r['logistic']:.3f} | {r.get('logistic_avail_vs_closes', float('nan')):.3f} | "
               f"{r['matchengine']:.3f} | {r.get('matchengine_exact', float('nan')):.3f} | {r['rule']:.3f} | {r['matchengine']/r['record_only']:.3f} | "
               f"{r['me_minus_logistic']:+.3f} ({ci[0]:+.3f}..{ci[1]:+.3f}) | "
               f"{'met' if r['target_me_ge_0.90_truth'] else 'NOT'} | {'met' if r['target_me_ge_logistic_plus_0.02'] else 'NOT'} | "
               f"{t.get('promoted')} ({t.get('promoted_kind')}) | {t.get('proposal_auc')} | {t.get('retrieval_recall')} / {t.get('whole_pool_retrieval_recall')} | "
               f"{', '.join(f'{k}×{v}' for k, v in r['served_models'].items())} |")
    dd = r["diagnostics_top10"]
    f = lambda x: f"{x['hgap']:.2f} / {x['over']:.2f} / {x['cov_req']:.2f} / {x['dist']:.1f} / {x.get('weeks_late', float('nan')):.2f}"
    diag.append(f"| {name} | {f(dd['truth'])} | {f(dd['matchengine'])} | {f(dd['logistic'])} |")
    from collections import Counter
    for o, n in Counter(o.split(":", 1)[1].split(":", 1)[-1][:160] if o.startswith("shortlist") else o for o in r["oddities"]).items():
        odd.append(f"- {name}: {n}x {o}")
print("\n".join(out + diag + ["", "Oddities seen by eval.py:", ""] + (odd or ["- none"])))
