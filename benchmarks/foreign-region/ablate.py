#!/usr/bin/env python3
"""What the grading's own logistic regression owes to its features and to the history it trains on.

usage: ablate.py RUN_DIR   (a folder run.sh wrote: RUN_DIR/contract, RUN_DIR/truth.json)

Refits eval.py's logistic regression on the region's logged proposals four ways and prints each one's whole-pool NDCG@10
against the full truth on the open vacancies: all features on all history; on the first 80% of the history by posting
date (as MatchEngine trains before its time split); and both without the fields MatchEngine does not read as features
(care tasks, debts, car, doelgroepregister).
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval import features, Logistic, ndcg_at, FEATS
from common import read_jsonl, prep_candidate

run = sys.argv[1]
contract = os.path.join(run, "contract")
truth = json.load(open(os.path.join(run, "truth.json")))
employers = {e["id"]: e for e in read_jsonl(os.path.join(contract, "employers.jsonl"))}
vacancies = {v["id"]: v for v in read_jsonl(os.path.join(contract, "vacancies.jsonl"))}
candidates = {c["id"]: prep_candidate(c) for c in read_jsonl(os.path.join(contract, "candidates.jsonl"))}
labels = {}
for e in read_jsonl(os.path.join(contract, "match_events.jsonl")):
    key = (e["vacancy_id"], e["candidate_id"])
    labels[key] = max(labels.get(key, 0), 1 if e["stage"] in ("invited", "hired", "rejected") else 0)
posted = sorted({vacancies[v]["posted_at"] for v, _ in labels})
cut = posted[int(len(posted) * 0.8)]
rows = [(features(vacancies[v], candidates[c], employers[vacancies[v]["employer_id"]])[0], label, vacancies[v]["posted_at"] < cut)
        for (v, c), label in labels.items() if candidates[c]["consent_matching"]]
pool = truth["candidates"]
pool_features = {v: [features(vacancies[v], candidates[c], employers[vacancies[v]["employer_id"]])[0] for c in pool] for v in truth["vacancies"]}


def grade(name, keep, early):
    idx = [i for i, f in enumerate(FEATS) if f in keep]
    fit = [r for r in rows if r[2] or not early]
    model = Logistic(1.0).fit([[r[0][i] for i in idx] for r in fit], [r[1] for r in fit])
    total = 0.0
    for v, t in truth["vacancies"].items():
        scores = [model.score([f[i] for i in idx]) for f in pool_features[v]]
        ranked = [c for _, c in sorted(zip(scores, pool), key=lambda x: -x[0])]
        total += ndcg_at(ranked, dict(zip(pool, t["full"])), t["full"])
    print(f"{name:55s} {total / len(truth['vacancies']):.3f}")


read = set(FEATS) - {"care", "debt", "car", "doelgroep"}
grade("all features, all history", set(FEATS), False)
grade("all features, first 80% of the history", set(FEATS), True)
grade("without care/debt/car/doelgroep, all history", read, False)
grade("without care/debt/car/doelgroep, first 80% of the history", read, True)
