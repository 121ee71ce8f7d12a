"""Hidden truths: z(vacancy, candidate) = f(record) + person luck u_c + pair noise e.

invite ~ sigmoid(z + c1); hire | invite ~ sigmoid(z + c2); the same e drives both stages of a pair.
grade: 0 not invited, 1 invited (not hired), 3 hired.  E[grade] = P(inv) * (1 + 2 P(hire|inv)).
"""
import math
from statistics import NormalDist
from common import sigmoid, CUSTOMER_FACING, SAFETY_SECTORS

SD_LUCK = 0.5
SD_PAIR = 0.6


def f_smooth(r, v, emp):
    inclusive = 1 if emp.get("inclusive") else 0
    z = (1.7 * r["cov_req"] + 0.5 * r["cov_pref"] - 0.9 * r["cert_missing"]
         + 0.55 * math.log1p(r["exp_same"]) + 0.2 * math.log1p(r["exp_rel"])
         + 0.45 * r["desired_isco"] + 0.2 * r["desired_sector"]
         - 0.04 * r["dist"] - 0.09 * r["over"] - 0.01 * r["over"] ** 2
         - 0.08 * r["hgap"] - 0.004 * r["hgap"] ** 2
         - 0.4 * r["shifts_missing"]
         - 0.45 * r["dutch_gap"] - 0.35 * r["edu_gap"] - 0.55 * r["load_gap"]
         - 0.12 * min(r["weeks_late"], 16.0)
         - 0.35 * math.log1p(r["spell"] / 12.0)
         + 0.2 * math.log1p(r["outflows"]) - 0.15 * r["care"] - 0.2 * r["debt"] - 0.15 * r["coach"]
         + 0.3 * r["doelgroep"] * inclusive)
    return z


def f_interact(r, v, emp):
    inclusive = 1 if emp.get("inclusive") else 0
    s = r["cov_req"]
    z = 2.4 * s * s + 0.4 * r["cov_pref"] * s
    # experience counts only with the required skills
    z += math.log1p(r["exp_same"]) * (0.1 + 0.9 * s) + 0.15 * math.log1p(r["exp_rel"]) * s
    z += 0.5 * r["desired_isco"] * (1.0 if r["exp_same"] > 0 else 0.4)
    # certificates are a near-wall in safety sectors
    z -= (1.6 if v["sector"] in SAFETY_SECTORS else 0.5) * r["cert_missing"]
    # distance matters more without a car
    if r["car"]:
        z -= 0.02 * r["dist"] + 0.06 * r["over"]
    elif r["pt"]:
        z -= 0.045 * r["dist"] + 0.2 * r["over"]
    else:
        z -= 0.06 * r["dist"] + 0.3 * r["over"]
    # Dutch gap matters in customer-facing sectors
    z -= (1.1 if v["sector"] in CUSTOMER_FACING else 0.25) * r["dutch_gap"]
    # hours: a few hours off is fine, then a cliff
    h = r["hgap"]
    z -= 0.04 * h if h <= 4 else 0.16 + 0.22 * (h - 4)
    # shifts; care tasks clash with evening/night work
    z -= 0.6 * r["shifts_missing"] + 0.8 * r["shifts_all_missing"]
    if r["care"] and any(x in ("evening", "night") for x in v["shifts"]):
        z -= 0.5
    # education threshold
    z -= 0.0 if r["edu_gap"] == 0 else (0.3 if r["edu_gap"] == 1 else 1.6)
    z -= 0.9 * r["load_gap"]
    # availability: a few weeks late costs nothing, then steep
    w = min(r["weeks_late"], 16.0)
    z -= 0.0 if w <= 4 else 0.35 * (w - 4)
    # long spells count against non-inclusive employers only
    z -= (0.1 if inclusive else 0.55) * math.log1p(r["spell"] / 12.0)
    z += r["doelgroep"] * (0.6 if inclusive else -0.3)
    z -= 0.4 * r["coach"] * (1 - inclusive) + 0.2 * r["debt"]
    z += 0.25 * math.log1p(r["outflows"])
    return z


TRUTHS = {"smooth": f_smooth, "interact": f_interact}

# equal-probability quantile nodes of N(0,1)
_N = 15
NODES = [NormalDist().inv_cdf((i + 0.5) / _N) for i in range(_N)]


def expected(z0, sd, c1, c2):
    """E over e~N(0,sd) of (P(inv), P(hire), E[grade]) at z = z0 + e."""
    pi = ph = g = 0.0
    for n in NODES:
        z = z0 + sd * n
        a = sigmoid(z + c1)
        b = sigmoid(z + c2)
        pi += a
        ph += a * b
        g += a * (1 + 2 * b)
    return pi / _N, ph / _N, g / _N


def expected_gain_full(f, u, c1, c2):
    return expected(f + u, SD_PAIR, c1, c2)[2]


def expected_gain_record(f, c1, c2):
    return expected(f, math.sqrt(SD_LUCK ** 2 + SD_PAIR ** 2), c1, c2)[2]
