"""Shared helpers for the external generator / evaluator (stdlib only).

Everything here is derived from the data contract (docs/contract/README.md) and the engine's reference
vocabularies (engine/LabelResolution/Data/*.txt, engine/Domain/IscoTitles.cs) only.
"""
import json
import math
import datetime as dt

EDU = ["none", "vo", "mbo1", "mbo2", "mbo3", "mbo4", "hbo", "wo"]
CEFR = ["none", "A1", "A2", "B1", "B2", "C1", "C2"]
LOAD = ["low", "medium", "high"]
SHIFTS = ["day", "evening", "night", "weekend"]
CUSTOMER_FACING = {"zorg", "kinderopvang", "horeca", "detailhandel", "overheid"}
SAFETY_SECTORS = {"bouw", "logistiek", "techniek", "energie"}

# Synonyms as people type them (a subset of engine/LabelResolution/Data/synonyms.txt): canonical -> typed forms.
SYNONYMS = {
    "VCA": ["B-VCA", "VCA basis", "basisveiligheid VCA"],
    "BHV": ["bedrijfshulpverlening", "BHV-diploma"],
    "rijbewijs B": ["autorijbewijs", "B-rijbewijs"],
    "rijbewijs C": ["vrachtwagenrijbewijs", "C-rijbewijs"],
    "code 95": ["code95"],
    "heftruckcertificaat": ["heftruckdiploma", "heftruckbewijs"],
    "diploma PM": ["diploma pedagogisch medewerker"],
    "EHBO kinderen": ["kinder-EHBO"],
    "heftruck rijden": ["heftruckchauffeur", "heftruck besturen"],
    "orderpicken": ["orderpicker", "orders verzamelen"],
    "vakkenvullen": ["vakkenvuller", "schappen vullen"],
    "schoonmaken": ["schoonmaakwerk", "poetsen"],
    "klantvriendelijkheid": ["klantvriendelijk", "klantgericht"],
    "computervaardig": ["computervaardigheden", "computerkennis"],
    "nauwkeurigheid": ["nauwkeurig werken", "nauwkeurig"],
    "Engels": ["spreekt Engels"],
    "hygiëne (HACCP)": ["HACCP"],
    "gastvrijheid": ["gastvrij"],
    "tillen": ["zwaar tillen", "sjouwen"],
    "afwassen": ["afwas"],
}
TYPED_TO_CANON = {}
for _c, _ts in SYNONYMS.items():
    TYPED_TO_CANON[_c.lower()] = _c
    for _t in _ts:
        TYPED_TO_CANON[_t.lower()] = _c


def canon(label):
    return TYPED_TO_CANON.get(label.strip().lower(), label.strip())


def canon_set(labels):
    return {canon(x).lower() for x in labels}


# Occupations: isco -> (title, sectors, skills, certs {cert: P(required)}, edu_min options, dutch_min options,
#                        load, typical shifts, typical hour bands)
OCC = {
    "9112": ("schoonmaker", ["schoonmaak"], ["schoonmaken", "hygiëne (HACCP)", "nauwkeurigheid", "tillen"], {"VCA": 0.1},
             ["none", "none", "vo"], ["none", "A1", "A2"], "medium", ["day", "evening"], [(8, 16), (12, 20), (16, 24), (20, 28)]),
    "9111": ("huishoudelijke hulp", ["zorg"], ["huishouden", "schoonmaken", "communicatie", "wassen"], {},
             ["none", "vo"], ["A2", "B1"], "medium", ["day"], [(8, 16), (12, 20), (16, 24)]),
    "5322": ("thuiszorgmedewerker", ["zorg"], ["persoonlijke verzorging", "observeren", "rapporteren", "huishouden", "medicatie"], {},
             ["mbo2", "mbo3"], ["B1", "B1", "B2"], "medium", ["day", "evening", "weekend"], [(16, 24), (24, 32), (20, 28)]),
    "5329": ("zorgassistent", ["zorg"], ["persoonlijke verzorging", "activiteiten begeleiden", "dementiezorg", "bedden opmaken"], {},
             ["mbo1", "mbo2"], ["A2", "B1"], "medium", ["day", "evening", "weekend"], [(16, 24), (24, 32), (12, 20)]),
    "5311": ("pedagogisch medewerker", ["kinderopvang"], ["kinderen begeleiden", "communicatie", "observeren", "rapporteren"],
             {"diploma PM": 0.8, "EHBO kinderen": 0.4}, ["mbo3", "mbo3", "mbo4"], ["B1", "B2"], "low", ["day"], [(24, 32), (16, 24), (28, 36)]),
    "5120": ("kok", ["horeca"], ["koken", "hygiëne (HACCP)", "menu samenstellen", "snijden"], {},
             ["mbo2", "vo"], ["A2", "B1"], "medium", ["evening", "weekend"], [(24, 32), (32, 38), (28, 36)]),
    "9412": ("keukenhulp", ["horeca"], ["afwassen", "snijden", "hygiëne (HACCP)", "schoonmaken"], {},
             ["none"], ["none", "A1", "A2"], "medium", ["evening", "weekend", "day"], [(8, 16), (12, 20), (16, 24)]),
    "5131": ("medewerker bediening", ["horeca"], ["maaltijden serveren", "gastvrijheid", "klantvriendelijkheid", "afruimen", "kassa"], {},
             ["none", "vo"], ["A2", "B1"], "medium", ["evening", "weekend"], [(12, 20), (16, 24), (24, 32)]),
    "5223": ("verkoopmedewerker", ["detailhandel"], ["klantvriendelijkheid", "kassa", "communicatie", "vakkenvullen"], {},
             ["vo", "mbo1"], ["B1", "A2"], "low", ["day", "weekend"], [(12, 20), (16, 24), (24, 32)]),
    "5230": ("kassamedewerker", ["detailhandel"], ["kassa", "klantvriendelijkheid", "nauwkeurigheid"], {},
             ["none", "vo"], ["A2", "B1"], "low", ["day", "evening", "weekend"], [(8, 16), (12, 20)]),
    "9334": ("vakkenvuller", ["detailhandel"], ["vakkenvullen", "tillen", "voorraadbeheer"], {},
             ["none"], ["none", "A1"], "medium", ["evening", "day", "night"], [(8, 16), (12, 20), (16, 24)]),
    "4321": ("magazijnmedewerker", ["logistiek"], ["magazijnwerk", "voorraadbeheer", "orderpicken", "computervaardig"], {"heftruckcertificaat": 0.3},
             ["vo", "mbo1", "mbo2"], ["A2", "A1"], "high", ["day", "evening"], [(32, 40), (24, 32), (36, 40)]),
    "9321": ("orderpicker", ["logistiek"], ["orderpicken", "inpakken", "tillen", "magazijnwerk"], {},
             ["none"], ["none", "A1"], "high", ["day", "evening", "night"], [(24, 32), (32, 40), (16, 24)]),
    "8344": ("heftruckchauffeur", ["logistiek", "productie"], ["heftruck rijden", "magazijnwerk", "orderpicken"], {"heftruckcertificaat": 0.95, "VCA": 0.3},
             ["vo", "mbo1"], ["A1", "A2"], "medium", ["day", "evening", "night"], [(32, 40), (36, 40)]),
    "8332": ("vrachtwagenchauffeur", ["logistiek"], ["vrachtwagen rijden", "planning"], {"rijbewijs C": 1.0, "code 95": 0.9},
             ["vo", "mbo2"], ["A2", "B1"], "medium", ["day", "night"], [(32, 40), (36, 40)]),
    "9621": ("bezorger", ["logistiek", "detailhandel"], ["planning", "klantvriendelijkheid", "tillen"], {"rijbewijs B": 0.7},
             ["none"], ["A1", "A2"], "medium", ["day", "evening"], [(12, 20), (16, 24), (24, 32)]),
    "9313": ("bouwhulp", ["bouw"], ["sloopwerk", "tillen", "bestrating", "werken op hoogte"], {"VCA": 0.85},
             ["none"], ["none", "A1"], "high", ["day"], [(32, 40), (36, 40)]),
    "7115": ("timmerman", ["bouw"], ["timmeren", "kozijnen plaatsen", "tekeninglezen", "werken op hoogte"], {"VCA": 0.9},
             ["mbo2", "mbo3"], ["A2"], "high", ["day"], [(36, 40), (32, 40)]),
    "7412": ("elektromonteur", ["techniek", "energie"], ["elektrotechniek", "kabels trekken", "storingen zoeken", "tekeninglezen"], {"VCA": 0.9},
             ["mbo2", "mbo3", "mbo4"], ["A2", "B1"], "medium", ["day"], [(36, 40), (32, 40)]),
    "7126": ("installatiemonteur", ["energie", "techniek", "bouw"], ["cv-installaties", "warmtepompen", "sanitair", "zonnepanelen monteren"], {"VCA": 0.9},
             ["mbo2", "mbo3"], ["A2", "B1"], "high", ["day"], [(36, 40), (32, 40)]),
    "9214": ("medewerker groenvoorziening", ["groen"], ["maaien", "snoeien", "onkruid wieden", "tillen"], {"VCA": 0.2},
             ["none"], ["none", "A1"], "high", ["day"], [(24, 32), (32, 40), (16, 24)]),
    "6113": ("hovenier", ["groen"], ["snoeien", "bestrating", "maaien", "planning"], {"VCA": 0.3, "rijbewijs B": 0.4},
             ["mbo1", "mbo2"], ["A2"], "high", ["day"], [(32, 40), (36, 40)]),
    "9329": ("productiemedewerker", ["productie"], ["inpakken", "nauwkeurigheid", "tillen"], {"VCA": 0.2},
             ["none"], ["none", "A1", "A2"], "medium", ["day", "evening", "night"], [(24, 32), (32, 40), (36, 40)]),
    "8189": ("productieoperator", ["productie", "energie"], ["storingen zoeken", "nauwkeurigheid", "computervaardig", "planning"], {"VCA": 0.6},
             ["mbo2", "mbo3"], ["A2", "B1"], "medium", ["day", "evening", "night"], [(36, 40), (32, 40)]),
    "4110": ("administratief medewerker", ["overheid"], ["computervaardig", "planning", "nauwkeurigheid", "communicatie"], {},
             ["mbo2", "mbo3", "mbo4"], ["B1", "B2"], "low", ["day"], [(16, 24), (24, 32), (32, 36)]),
    "4222": ("klantcontactmedewerker", ["overheid", "energie"], ["communicatie", "computervaardig", "klantvriendelijkheid", "Engels"], {},
             ["mbo2", "mbo3"], ["B2", "B1"], "low", ["day", "evening"], [(16, 24), (24, 32), (32, 36)]),
    "5414": ("beveiliger", ["overheid", "detailhandel"], ["observeren", "rapporteren", "communicatie"], {"BHV": 0.7},
             ["mbo2", "vo"], ["B1"], "low", ["evening", "night", "weekend"], [(24, 32), (32, 40)]),
    "5151": ("facilitair medewerker", ["overheid", "zorg"], ["schoonmaken", "planning", "klantvriendelijkheid", "tillen"], {"BHV": 0.4},
             ["vo", "mbo1"], ["A2", "B1"], "medium", ["day"], [(20, 28), (24, 32), (32, 36)]),
}
GENERAL_SKILLS = ["communicatie", "computervaardig", "Engels", "klantvriendelijkheid", "nauwkeurigheid", "planning", "tillen"]
SECTORS = sorted({s for o in OCC.values() for s in o[1]})

# Arbeidsmarktregio Groningen: municipality -> (centre lat, lon, weight)
REGION = "GR"
MUNIS = {
    "GM0014": ("Groningen", 53.219, 6.567, 0.42),
    "GM1966": ("Het Hogeland", 53.330, 6.520, 0.07),
    "GM1969": ("Westerkwartier", 53.165, 6.400, 0.08),
    "GM0765": ("Pekela", 53.100, 7.000, 0.03),
    "GM0037": ("Stadskanaal", 52.990, 6.950, 0.07),
    "GM1950": ("Westerwolde", 52.990, 7.110, 0.04),
    "GM0047": ("Veendam", 53.105, 6.880, 0.06),
    "GM1952": ("Midden-Groningen", 53.160, 6.760, 0.10),
    "GM1895": ("Oldambt", 53.140, 7.035, 0.06),
    "GM1979": ("Eemsdelta", 53.320, 6.860, 0.07),
}


def km(lat1, lon1, lat2, lon2):
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def d(s):
    return dt.date.fromisoformat(s)


def read_jsonl(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                out.append(json.loads(line))
    return out


def sigmoid(x):
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


START_LAG_DAYS = 21  # the truth's notion of a vacancy's start: posted_at + 21 days


def pair_record(v, c):
    """Record-level quantities of a pair, as the truth (and, independently, the baselines) read them."""
    req = [s.lower() for s in v.get("skills_required", [])]
    pref = [s.lower() for s in v.get("skills_preferred", [])]
    cs = c["_skills"]
    cc = c["_certs"]
    cov_req = (sum(1 for s in req if s in cs) / len(req)) if req else 1.0
    cov_pref = (sum(1 for s in pref if s in cs) / len(pref)) if pref else 0.0
    certs = [x.lower() for x in v.get("certificates_required", [])]
    cert_missing = sum(1 for x in certs if x not in cc)
    isco = v["isco"]
    exp_same = sum(e["years"] for e in c.get("experience", []) if e["isco"] == isco)
    exp_rel = sum(e["years"] for e in c.get("experience", []) if e["isco"] != isco and e["isco"][:2] == isco[:2])
    dist = km(v["lat"], v["lon"], c["lat"], c["lon"])
    over = max(0.0, dist - c["max_distance_km"])
    hgap = max(0.0, v["hours_min"] - c["hours_max"]) + max(0.0, c["hours_min"] - v["hours_max"])
    shifts_missing = sum(1 for s in v["shifts"] if s not in c["shifts_ok"])
    shifts_all_missing = 1 if shifts_missing == len(v["shifts"]) else 0
    dutch_gap = max(0, CEFR.index(v.get("dutch_min", "none")) - CEFR.index(c["dutch"]))
    edu_gap = max(0, EDU.index(v.get("education_min", "none")) - EDU.index(c["education"]))
    load_gap = max(0, LOAD.index(v["physical_load"]) - LOAD.index(c["physical_capacity"]))
    start = d(v["posted_at"]) + dt.timedelta(days=START_LAG_DAYS)
    weeks_late = max(0.0, (d(c["available_from"]) - start).days / 7.0)
    return {
        "cov_req": cov_req, "cov_pref": cov_pref, "n_req": len(req), "cert_missing": cert_missing,
        "exp_same": exp_same, "exp_rel": exp_rel,
        "desired_isco": 1 if isco in c.get("desired_isco", []) else 0,
        "desired_sector": 1 if v["sector"] in c.get("desired_sectors", []) else 0,
        "dist": dist, "over": over, "maxkm": c["max_distance_km"], "hgap": hgap,
        "shifts_missing": shifts_missing, "shifts_all_missing": shifts_all_missing,
        "dutch_gap": dutch_gap, "edu_gap": edu_gap, "load_gap": load_gap, "weeks_late": weeks_late,
        "spell": c["months_in_bijstand"], "outflows": c["prior_outflows"],
        "care": 1 if c.get("care_tasks") else 0, "debt": 1 if c.get("debt_support") else 0,
        "coach": 1 if c.get("needs_jobcoach") else 0,
        "car": 1 if "car" in c["transport"] else 0, "pt": 1 if "public_transport" in c["transport"] else 0,
        "doelgroep": 1 if c.get("doelgroepregister") else 0,
    }


def prep_candidate(c):
    c["_skills"] = canon_set(c.get("skills", []))
    c["_certs"] = canon_set(c.get("certificates", []))
    return c
