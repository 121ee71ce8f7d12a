#!/usr/bin/env python3
"""External synthetic-region generator for MatchEngine (stdlib only, written from the data contract alone).

usage: gen.py --out DIR --seed N --policy narrow|broad|text --truth smooth|interact [--truth-file FILE]
          [--candidates 3000] [--history 600] [--open 60] [--today 2025-10-01]

Writes the contract files into DIR and the hidden truth of the open vacancies to --truth-file
(default: DIR/../truth_<basename DIR>.json), outside the contract directory.
"""
import argparse
import datetime as dt
import json
import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (OCC, GENERAL_SKILLS, SECTORS, SYNONYMS, REGION, MUNIS, EDU, CEFR, LOAD, SHIFTS,
                    km, d, pair_record, prep_candidate, canon)
import truths as T

BIJSTAND_START_FLOOR = dt.date(2015, 1, 1)


def wchoice(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def jitter(rng, lat, lon, sd_km):
    lat2 = lat + rng.gauss(0, sd_km) / 111.0
    lon2 = lon + rng.gauss(0, sd_km) / (111.0 * math.cos(math.radians(lat)))
    return round(min(53.65, max(50.8, lat2)), 3), round(min(7.25, max(3.4, lon2)), 3)


def typed(rng, label, p):
    if label in SYNONYMS and rng.random() < p:
        return rng.choice(SYNONYMS[label])
    return label


def iso_dt(day, rng):
    off = "+02:00" if 4 <= day.month <= 10 else "+01:00"
    return f"{day.isoformat()}T{rng.randint(8, 16):02d}:{rng.randint(0, 59):02d}:00{off}"


# ---------------------------------------------------------------------------------------------- records

def make_employers(rng, n):
    emps = []
    munis = list(MUNIS)
    mw = [MUNIS[m][3] for m in munis]
    sector_w = {"zorg": 3, "logistiek": 3, "schoonmaak": 2, "horeca": 2, "detailhandel": 3, "bouw": 2, "techniek": 1.5,
                "energie": 1, "groen": 1, "kinderopvang": 1, "productie": 2, "overheid": 1.5}
    secs = SECTORS
    for i in range(n):
        m = wchoice(rng, munis, mw)
        lat, lon = jitter(rng, MUNIS[m][1], MUNIS[m][2], 2.5)
        sec = wchoice(rng, secs, [sector_w.get(s, 1) for s in secs])
        emps.append({
            "id": f"wg-{i + 1:04d}", "name": f"{sec.capitalize()} {MUNIS[m][0]} {i + 1}", "sector": sec,
            "lat": lat, "lon": lon, "size": wchoice(rng, ["small", "medium", "large"], [5, 3, 2]),
            "inclusive": rng.random() < 0.3,
        })
    return emps


def make_candidates(rng, n, today):
    cands = []
    munis = list(MUNIS)
    mw = [MUNIS[m][3] for m in munis]
    occs = list(OCC)
    occ_w = {"9112": 3, "9111": 2, "9321": 3, "9334": 2, "9412": 2, "9329": 3, "9313": 2, "9214": 2, "9621": 2,
             "5329": 2, "5223": 2, "5230": 2, "5131": 2, "4321": 2, "5151": 1.5}
    ow = [occ_w.get(o, 1) for o in occs]
    for i in range(n):
        m = wchoice(rng, munis, mw)
        lat, lon = jitter(rng, MUNIS[m][1], MUNIS[m][2], 3.0)
        birth = rng.randint(1960, 2006)
        age = today.year - birth
        mig = wchoice(rng, ["nederlands", "westers", "niet-westers"], [0.45, 0.1, 0.45])
        edu = wchoice(rng, EDU, [12, 25, 18, 20, 10, 8, 5, 2] if mig == "nederlands" else [22, 22, 18, 16, 9, 6, 5, 2])
        if mig == "nederlands":
            dutch = wchoice(rng, CEFR, [0, 0, 1, 6, 25, 40, 28])
        else:
            dutch = wchoice(rng, CEFR, [3, 20, 27, 28, 14, 6, 2])
        # spell: many long spells
        r = rng.random()
        if r < 0.25:
            months = rng.randint(0, 11)
        elif r < 0.55:
            months = rng.randint(12, 47)
        else:
            months = min(240, int(48 + rng.expovariate(1 / 45.0)))
        spell_start = today - dt.timedelta(days=int(months * 30.44))
        # experience
        exp = []
        n_exp = wchoice(rng, [0, 1, 2, 3], [22, 43, 25, 10])
        eocc = set()
        for _ in range(n_exp):
            o = wchoice(rng, occs, ow)
            if o in eocc:
                continue
            eocc.add(o)
            yrs = round(min(age - 16, rng.lognormvariate(0.7, 0.9)), 1)
            exp.append({"isco": o, "years": max(0.0, yrs)})
        desired = set()
        for e in exp:
            if rng.random() < 0.6:
                desired.add(e["isco"])
        while len(desired) < wchoice(rng, [1, 2, 3], [45, 40, 15]):
            desired.add(wchoice(rng, occs, ow))
        desired = sorted(desired)
        dsect = sorted({OCC[o][1][0] for o in desired if rng.random() < 0.7})
        # skills
        skills = set()
        for e in exp:
            for s in OCC[e["isco"]][2]:
                if rng.random() < (0.65 if e["years"] >= 1 else 0.35):
                    skills.add(s)
        for o in desired:
            for s in OCC[o][2]:
                if rng.random() < 0.22:
                    skills.add(s)
        for s in rng.sample(GENERAL_SKILLS, k=wchoice(rng, [0, 1, 2, 3], [20, 40, 30, 10])):
            skills.add(s)
        transport = []
        has_car = rng.random() < (0.35 if age > 25 else 0.15)
        if has_car:
            transport.append("car")
        if rng.random() < 0.8:
            transport.append("bike")
        if rng.random() < 0.6 or not transport:
            transport.append("public_transport")
        certs = set()
        secs_exp = {OCC[e["isco"]][1][0] for e in exp}
        if has_car or rng.random() < 0.15:
            certs.add("rijbewijs B")
        if rng.random() < 0.06 + (0.5 if secs_exp & {"bouw", "techniek", "energie"} else 0):
            certs.add("VCA")
        if rng.random() < 0.03 + (0.45 if secs_exp & {"logistiek"} else 0):
            certs.add("heftruckcertificaat")
        if rng.random() < 0.08:
            certs.add("BHV")
        if any(e["isco"] == "8332" for e in exp) and rng.random() < 0.7:
            certs.update(["rijbewijs C", "code 95", "rijbewijs B"])
        if any(e["isco"] == "5311" for e in exp) and EDU.index(edu) >= 4 and rng.random() < 0.7:
            certs.add("diploma PM")
            if rng.random() < 0.5:
                certs.add("EHBO kinderen")
        hmax = wchoice(rng, [8, 12, 16, 20, 24, 28, 32, 36, 38, 40], [3, 5, 10, 12, 15, 10, 15, 12, 4, 14])
        hmin = max(4, hmax - wchoice(rng, [0, 4, 8, 12, 16], [15, 30, 30, 15, 10]))
        hmin = min(hmin, hmax)
        shifts = ["day"] if rng.random() < 0.93 else []
        for s, p in (("evening", 0.4), ("night", 0.15), ("weekend", 0.35)):
            if rng.random() < p:
                shifts.append(s)
        if not shifts:
            shifts = ["evening"]
        care = rng.random() < 0.22
        if care and "night" in shifts and len(shifts) > 1:
            shifts.remove("night")
        if rng.random() < 0.75:
            avail = spell_start + dt.timedelta(days=rng.randint(0, 56))
        else:
            avail = today + dt.timedelta(days=rng.randint(-28, 84))
        maxkm = wchoice(rng, [5, 8, 10, 12, 15, 20, 25, 30, 40], [8, 10, 16, 10, 18, 16, 8, 8, 6])
        if has_car and rng.random() < 0.5:
            maxkm = max(maxkm, wchoice(rng, [20, 25, 30, 40], [1, 1, 1, 1]))
        cap = wchoice(rng, LOAD, [20, 50, 30] if age < 50 else [35, 50, 15])
        doelgroep = rng.random() < 0.08
        typed_skills = sorted({typed(rng, s, 0.18) for s in sorted(skills)})
        typed_certs = sorted({typed(rng, c, 0.18) for c in sorted(certs)})
        desc_titles = ", ".join(OCC[o][0] for o in desired)
        exp_txt = "; ".join(f"{e['years']:g} jaar als {OCC[e['isco']][0]}" for e in exp) or "weinig recente werkervaring"
        text = (f"Werkzoekende uit {MUNIS[m][0]}. Ervaring: {exp_txt}. Zoekt werk als {desc_titles}. "
                f"Vaardigheden: {', '.join(typed_skills) or 'nog in kaart te brengen'}. "
                f"Beschikbaar {hmin}-{hmax} uur per week. "
                + ("Heeft zorgtaken thuis. " if care else "")
                + rng.choice(["", "Wil graag praktisch werk. ", "Spreekt ook Engels. ", "Volgt een taaltraject. ",
                              "Heeft eerder via een uitzendbureau gewerkt. ", "Zoekt een vaste plek. "]))
        cands.append({
            "id": f"kd{i + 1:05d}", "region": REGION, "municipality": m, "lat": lat, "lon": lon,
            "birth_year": birth, "education": edu, "startkwalificatie": EDU.index(edu) >= 3,
            "dutch": dutch, "experience": exp, "skills": typed_skills, "certificates": typed_certs,
            "desired_isco": desired, "desired_sectors": dsect, "hours_min": hmin, "hours_max": hmax,
            "max_distance_km": maxkm, "transport": transport, "shifts_ok": shifts,
            "available_from": avail.isoformat(), "physical_capacity": cap, "doelgroepregister": doelgroep,
            "loonwaarde_pct": rng.randint(40, 90) if doelgroep else None,
            "months_in_bijstand": months, "prior_outflows": wchoice(rng, [0, 1, 2, 3, 4], [45, 28, 15, 8, 4]),
            "care_tasks": care, "debt_support": rng.random() < 0.25, "needs_jobcoach": rng.random() < 0.15,
            "profile_text": text, "consent_matching": rng.random() < 0.9,
            "protected": {"gender": wchoice(rng, ["m", "v", "x", None], [50, 47, 1, 2]), "migration_background": mig},
        })
    return cands


def make_vacancy(rng, vid, emp, posted, closes, sroi_ids):
    occs = [o for o, v in OCC.items() if emp["sector"] in v[1]]
    o = rng.choice(occs)
    title, secs, skills, certs, edus, dutches, load, shifts_typ, bands = OCC[o]
    nreq = min(len(skills), wchoice(rng, [1, 2, 3], [30, 45, 25]))
    req = rng.sample(skills, nreq)
    rest = [s for s in skills if s not in req] + [g for g in GENERAL_SKILLS if g not in skills]
    pref = rng.sample(rest, wchoice(rng, [0, 1, 2], [30, 45, 25]))
    creq = [c for c, p in certs.items() if rng.random() < p]
    hmin, hmax = rng.choice(bands)
    if rng.random() < 0.2:
        hmin = max(4, hmin - 8)
    shifts = sorted({s for s in shifts_typ if rng.random() < 0.6} or {shifts_typ[0]}, key=SHIFTS.index)
    ntask = rng.randint(0, 4)
    tasks = []
    budget = hmax * 0.9
    for t in range(ntask):
        tsk = rng.sample(req + pref, min(len(req + pref), rng.randint(1, 2)))
        tasks.append({"id": f"t{t + 1}", "name": f"{tsk[0]} ({title})", "skills": tsk,
                      "complexity": rng.randint(1, 4), "physical_load": rng.choice([load, "low"]),
                      "hours_per_week": round(budget / ntask, 1)})
    uren = f"{hmin}-{hmax} uur" if hmin != hmax else f"{hmax} uur"
    desc = (f"{emp['name']} zoekt een {title} voor {uren} per week ({', '.join(shifts)}). "
            f"Je werkt met {', '.join(req)}" + (f"; pre is {', '.join(pref)}" if pref else "") + ". "
            + (f"Vereist: {', '.join(creq)}. " if creq else "")
            + rng.choice(["Een leuk team wacht op je. ", "Ook zonder veel ervaring welkom. ", "Goede begeleiding. ", ""]))
    return {
        "id": vid, "employer_id": emp["id"], "title": title.capitalize(), "description": desc, "isco": o,
        "sector": emp["sector"], "lat": emp["lat"], "lon": emp["lon"], "hours_min": hmin, "hours_max": hmax,
        "education_min": rng.choice(edus), "dutch_min": rng.choice(dutches), "skills_required": req,
        "skills_preferred": pref, "certificates_required": creq, "physical_load": load, "shifts": shifts,
        "contract": wchoice(rng, ["temporary", "permanent", "agency", "on_call"], [40, 25, 25, 10]),
        "positions": wchoice(rng, [1, 2, 3], [70, 20, 10]), "posted_at": posted.isoformat(),
        "closes_at": closes.isoformat() if closes else None, "open_to_jobcarving": rng.random() < 0.3,
        "offers_leerwerk": rng.random() < 0.25,
        "sroi_contract_id": rng.choice(sroi_ids) if (sroi_ids and rng.random() < 0.1) else None,
        "tasks": tasks,
    }


# ---------------------------------------------------------------------------------------------- policies

def words(text):
    out = set()
    for w in "".join(ch.lower() if ch.isalnum() else " " for ch in text).split():
        if len(w) > 3:
            out.add(w)
    return out


def propose(rng, policy, v, pool, k):
    """pool: list of (cand, record). Returns chosen candidates (with the policy's order)."""
    if policy == "broad":
        elig = [(c, r) for c, r in pool if r["dist"] <= 25]
        rng.shuffle(elig)
        return [c for c, _ in elig[:k]]
    if policy == "narrow":
        def ok(c, r):
            occ = v["isco"] in c["desired_isco"] or any(e["isco"] == v["isco"] for e in c["experience"])
            return (occ and r["dist"] <= min(15.0, c["max_distance_km"])
                    and c["hours_max"] >= v["hours_min"] and c["hours_min"] <= v["hours_max"])
        elig = [(c, r) for c, r in pool if ok(c, r)]
        wts = [math.exp(-c["months_in_bijstand"] / 24.0) * (0.5 + r["cov_req"]) for c, r in elig]
        chosen = []
        items = list(zip(elig, wts))
        # weighted sampling without replacement (Efraimidis-Spirakis)
        keyed = sorted(items, key=lambda t: -rng.random() ** (1.0 / max(t[1], 1e-9)))
        chosen = [c for (c, r), _ in keyed[:k]]
        if len(chosen) < 10:  # relax: wanted sector or a required skill, within 20 km
            ids = {x["id"] for x in chosen}
            rest = [(c, r) for c, r in pool if c["id"] not in ids and r["dist"] <= 20
                    and (v["sector"] in c["desired_sectors"] or r["cov_req"] > 0)]
            rest.sort(key=lambda t: (t[0]["months_in_bijstand"] + rng.random() * 24))
            chosen += [c for c, _ in rest[:10 - len(chosen)]]
        return chosen
    if policy == "text":
        vw = words(v["title"] + " " + " ".join(v["skills_required"] + v["skills_preferred"]))
        scored = []
        for c, r in pool:
            if r["dist"] > 40:
                continue
            cw = c["_words"]
            s = len(vw & cw) + rng.gauss(0, 0.7)
            scored.append((s, c))
        scored.sort(key=lambda t: -t[0])
        return [c for _, c in scored[:k]]
    raise SystemExit(f"unknown policy {policy}")


# ---------------------------------------------------------------------------------------------- main

def calibrate(fs, target, c_fixed=None, stage="inv"):
    """Bisection on the constant so that the mean P(stage) over the given f values equals target."""
    lo, hi = -15.0, 10.0
    for _ in range(50):
        mid = (lo + hi) / 2
        if stage == "inv":
            m = sum(T.expected(f, T.SD_PAIR, mid, 0.0)[0] for f in fs) / len(fs)
        else:
            m = sum(T.expected(f, T.SD_PAIR, c_fixed, mid)[1] for f in fs) / len(fs)
        if m < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--policy", default="narrow", choices=["narrow", "broad", "text"])
    ap.add_argument("--truth", default="smooth", choices=sorted(T.TRUTHS))
    ap.add_argument("--truth-file")
    ap.add_argument("--candidates", type=int, default=3000)
    ap.add_argument("--history", type=int, default=600)
    ap.add_argument("--open", type=int, default=60)
    ap.add_argument("--today", default="2025-10-01")
    a = ap.parse_args()
    today = d(a.today)
    out = os.path.abspath(a.out)
    os.makedirs(out, exist_ok=True)
    tfile = a.truth_file or os.path.join(os.path.dirname(out), f"truth_{os.path.basename(out)}.json")
    f_truth = T.TRUTHS[a.truth]

    # the world (employers, candidates, vacancies) depends on the seed only; policy/truth use their own streams
    rng = random.Random(a.seed)
    emps = make_employers(rng, 140)
    empd = {e["id"]: e for e in emps}
    cands = make_candidates(rng, a.candidates, today)
    for c in cands:
        prep_candidate(c)
        c["_words"] = words(c["profile_text"] + " " + " ".join(c["skills"]))
        c["_spell_start"] = today - dt.timedelta(days=int(c["months_in_bijstand"] * 30.44))
    large = [e for e in emps if e["size"] == "large"] or emps
    sroi = []
    for i, e in enumerate(rng.sample(large, 2)):
        sroi.append({"id": f"sroi-{i + 1}", "employer_id": e["id"], "description": f"Aanbesteding {e['name']}",
                     "contract_value_eur": rng.choice([800000, 1500000, 2400000]), "obligation_pct": 5,
                     "start": "2024-01-01", "end": "2026-12-31"})
    sroi_by_emp = {s["employer_id"]: s["id"] for s in sroi}
    hist_start, hist_end = dt.date(2023, 10, 1), dt.date(2025, 8, 20)
    vacs = []
    span = (hist_end - hist_start).days
    for i in range(a.history):
        emp = rng.choice(emps)
        posted = hist_start + dt.timedelta(days=rng.randint(0, span))
        closes = min(posted + dt.timedelta(days=rng.randint(14, 45)), today - dt.timedelta(days=3))
        vacs.append(make_vacancy(rng, f"vh{i + 1:04d}", emp, posted, closes,
                                 [sroi_by_emp[emp["id"]]] if emp["id"] in sroi_by_emp else []))
    opens = []
    for i in range(a.open):
        emp = rng.choice(emps)
        posted = today - dt.timedelta(days=rng.randint(2, 30))
        closes = today + dt.timedelta(days=rng.randint(7, 60))
        opens.append(make_vacancy(rng, f"vo{i + 1:03d}", emp, posted, closes,
                                  [sroi_by_emp[emp["id"]]] if emp["id"] in sroi_by_emp else []))
    routes = [
        {"id": "rt-vca", "name": "VCA basis", "provider": "Veiligheidsinstituut Noord", "kind": "certificate",
         "sector": None, "teaches_skills": [], "certifies": ["VCA"], "raises_education_to": None, "raises_dutch_to": None,
         "weeks": 1, "cost_eur": 350, "requires_dutch_min": "A2", "requires_education_min": "none",
         "with_work_placement": False, "lat": 53.219, "lon": 6.567},
        {"id": "rt-heftruck", "name": "Heftruckcertificaat", "provider": "Logistiek Opleidingen Groningen",
         "kind": "certificate", "sector": "logistiek", "teaches_skills": ["heftruck rijden"],
         "certifies": ["heftruckcertificaat"], "raises_education_to": None, "raises_dutch_to": None, "weeks": 2,
         "cost_eur": 600, "requires_dutch_min": "A1", "requires_education_min": "none", "with_work_placement": False,
         "lat": 53.16, "lon": 6.76},
        {"id": "rt-nt2", "name": "NT2 naar B1", "provider": "Alfa-college", "kind": "language", "sector": None,
         "teaches_skills": [], "certifies": [], "raises_education_to": None, "raises_dutch_to": "B1", "weeks": 26,
         "cost_eur": 1800, "requires_dutch_min": "A1", "requires_education_min": "none", "with_work_placement": False,
         "lat": None, "lon": None},
        {"id": "rt-bbl-zorg", "name": "BBL Helpende Zorg en Welzijn", "provider": "Noorderpoort", "kind": "bbl",
         "sector": "zorg", "teaches_skills": ["persoonlijke verzorging", "observeren", "rapporteren"], "certifies": [],
         "raises_education_to": "mbo2", "raises_dutch_to": None, "weeks": 52, "cost_eur": 3200,
         "requires_dutch_min": "A2", "requires_education_min": "none", "with_work_placement": True,
         "lat": None, "lon": None},
        {"id": "rt-pv-schoon", "name": "Praktijkverklaring schoonmaak", "provider": "Werkbedrijf Groningen",
         "kind": "praktijkverklaring", "sector": "schoonmaak", "teaches_skills": ["schoonmaken", "hygiëne (HACCP)"],
         "certifies": [], "raises_education_to": None, "raises_dutch_to": None, "weeks": 12, "cost_eur": 900,
         "requires_dutch_min": "none", "requires_education_min": "none", "with_work_placement": True,
         "lat": None, "lon": None},
        {"id": "rt-werkfit", "name": "Werkfit traject", "provider": "Werkbedrijf Groningen", "kind": "werkfit",
         "sector": None, "teaches_skills": ["communicatie"], "certifies": [], "raises_education_to": None,
         "raises_dutch_to": None, "weeks": 8, "cost_eur": 1200, "requires_dutch_min": "none",
         "requires_education_min": "none", "with_work_placement": False, "lat": 53.219, "lon": 6.567},
    ]

    # history: proposals by the policy, outcomes drawn from the truth
    prng = random.Random(a.seed * 1000 + {"narrow": 1, "broad": 2, "text": 3}[a.policy])
    trng = random.Random(a.seed * 1000 + 500 + sorted(T.TRUTHS).index(a.truth))
    luck = {c["id"]: trng.gauss(0, T.SD_LUCK) for c in cands}
    consenting = [c for c in cands if c["consent_matching"]]
    proposals = []  # (v, c, f, propose_day)
    for v in vacs:
        posted = d(v["posted_at"])
        pool = [(c, pair_record(v, c)) for c in consenting if c["_spell_start"] <= posted]
        k = prng.randint(10, 30)
        chosen = propose(prng, a.policy, v, pool, k)
        for c in chosen:
            r = pair_record(v, c)
            proposals.append((v, c, f_truth(r, v, empd[v["employer_id"]]),
                              posted + dt.timedelta(days=prng.randint(1, 10))))
    fl = [f + luck[c["id"]] for v, c, f, _ in proposals]
    c1 = calibrate(fl, 0.15, stage="inv")
    c2 = calibrate(fl, 0.04, c_fixed=c1, stage="hire")
    events, placements = [], []
    hired_by_v = {}
    outcome = {}
    for v, c, f, pday in proposals:
        z = f + luck[c["id"]] + trng.gauss(0, T.SD_PAIR)
        inv = trng.random() < T.sigmoid(z + c1)
        hire = inv and trng.random() < T.sigmoid(z + c2)
        outcome[(v["id"], c["id"])] = [pday, inv, hire]
        if hire:
            hired_by_v.setdefault(v["id"], []).append(c["id"])
    for vid, hs in hired_by_v.items():  # cap hires at positions
        pos = next(x["positions"] for x in vacs if x["id"] == vid)
        if len(hs) > pos:
            for cid in trng.sample(hs, len(hs) - pos):
                outcome[(vid, cid)][2] = False
    n_inv = n_hire = 0
    vby = {v["id"]: v for v in vacs}
    pid = 0
    for (vid, cid), (pday, inv, hire) in outcome.items():
        events.append({"vacancy_id": vid, "candidate_id": cid, "at": iso_dt(pday, trng), "stage": "proposed"})
        if inv:
            n_inv += 1
            iday = pday + dt.timedelta(days=trng.randint(3, 14))
            events.append({"vacancy_id": vid, "candidate_id": cid, "at": iso_dt(iday, trng), "stage": "invited"})
            oday = iday + dt.timedelta(days=trng.randint(5, 21))
            events.append({"vacancy_id": vid, "candidate_id": cid, "at": iso_dt(oday, trng),
                           "stage": "hired" if hire else "rejected"})
            if hire:
                n_hire += 1
                pid += 1
                v = vby[vid]
                c = next(x for x in cands if x["id"] == cid)
                start = min(oday + dt.timedelta(days=14), today - dt.timedelta(days=1))
                lo, hi = max(v["hours_min"], c["hours_min"]), min(v["hours_max"], c["hours_max"])
                hours = (lo + hi) / 2 if lo <= hi else v["hours_min"]
                her = None
                ended = None
                if trng.random() < 0.3:
                    hd = start + dt.timedelta(days=trng.randint(60, 540))
                    if hd < today:
                        her, ended = hd.isoformat(), (hd - dt.timedelta(days=trng.randint(0, 30))).isoformat()
                placements.append({
                    "id": f"pl{pid:05d}", "candidate_id": cid, "employer_id": v["employer_id"], "vacancy_id": vid,
                    "start": start.isoformat(), "hours_per_week": hours, "contract": v["contract"],
                    "instruments": ["jobcoach"] if c["needs_jobcoach"] else [], "route_id": None,
                    "route_completed": None, "ended": ended, "herinstroom_at": her,
                    "observed_until": today.isoformat()})

    # truth for the open vacancies over the whole consenting pool
    truth = {"today": today.isoformat(), "truth": a.truth, "policy": a.policy, "seed": a.seed,
             "c1": c1, "c2": c2, "sd_luck": T.SD_LUCK, "sd_pair": T.SD_PAIR,
             "grade": "0 not invited, 1 invited not hired, 3 hired; E[grade]=P(inv)*(1+2*P(hire|inv)); no position cap",
             "start_lag_days": 21, "candidates": [c["id"] for c in consenting], "vacancies": {}}
    for v in opens:
        full, rec = [], []
        emp = empd[v["employer_id"]]
        for c in consenting:
            f = f_truth(pair_record(v, c), v, emp)
            full.append(round(T.expected_gain_full(f, luck[c["id"]], c1, c2), 6))
            rec.append(round(T.expected_gain_record(f, c1, c2), 6))
        truth["vacancies"][v["id"]] = {"full": full, "record": rec}

    def dump(name, rows):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps({k: x for k, x in r.items() if not k.startswith("_")}, ensure_ascii=False) + "\n")

    dump("employers.jsonl", emps)
    dump("candidates.jsonl", cands)
    dump("vacancies.jsonl", vacs + opens)
    dump("routes.jsonl", routes)
    dump("sroi_contracts.jsonl", sroi)
    events.sort(key=lambda e: e["at"][:10])
    dump("match_events.jsonl", events)
    dump("placements.jsonl", placements)
    with open(tfile, "w") as fh:
        json.dump(truth, fh)
    stats = {"candidates": len(cands), "consenting": len(consenting), "history_vacancies": len(vacs),
             "open_vacancies": len(opens), "proposed": len(outcome), "invited_rate": round(n_inv / len(outcome), 4),
             "hired_rate": round(n_hire / len(outcome), 4), "placements": len(placements),
             "c1": round(c1, 3), "c2": round(c2, 3), "truth_file": tfile}
    with open(os.path.join(os.path.dirname(out), f"genstats_{os.path.basename(out)}.json"), "w") as fh:
        json.dump(stats, fh, indent=1)
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
