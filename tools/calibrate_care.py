#!/usr/bin/env python3
"""Derive zorgsim's care catalogue and its calibration (data/<dataset>/care/).

Usage (from the repository root):

    python3 tools/calibrate_care.py --data data/gelderland [--report]

Writes four files into <data>/care/:

    care_types.csv                 catalogue: names, domain, workforce segment, hours and
                                   cost per client per year, each with its source
    care_prevalence.csv            national prevalence (clients per inhabitant) by care
                                   type, sex and age group
    care_calibration_targets.csv   the national figures the prevalence reproduces
    care_municipal_index.csv       municipal level relative to the national age profile

The engine computes demand = population(age, sex) x prevalence(type, age, sex) x
index(type, municipality). Everything here is calibrated against the national
population on 1 January 2021 (population_national.csv).

Method and every assumption: docs/care-calibration.md. With --report the script prints
the fit tables (Markdown) that the document quotes.

Design rules (as tools/derive_default_data.py):
  * Python 3 standard library only; deterministic (a rerun gives identical bytes).
  * One function per output file.
  * Every number that does not come from an input file is a named constant below with
    its source (URL / CBS table) or an "assumption:" with a one-line reason.
  * Inputs are checked for presence and columns; the script stops with a message
    naming the file if something is off.
"""

import argparse
import csv
import math
import os
import re
import sys
from collections import defaultdict
from decimal import Decimal

# --------------------------------------------------------------------------------------
# Constants
# --------------------------------------------------------------------------------------

OPEN_AGE = 100  # age groups are inclusive; last == 100 means "and older"
FIVE_YEAR_GROUPS = [(a, a + 4) for a in range(0, 95, 5)] + [(95, OPEN_AGE)]
SEXES = ("male", "female")
BASE_POPULATION_DATE = "1-1-2021"

INPUT_FILES = {
    "population_national": "population_national.csv",
    "population": "population.csv",
    "municipalities": "municipalities.csv",
    "regions": "regions.csv",
    "published": "published_figures.csv",
    "kwb_gm": "kwb/wmo-hbh_kwb_regiokerncijfers_gemeente_2017-2019_gelderland.csv",
    "kwb_wijk": "kwb/wmo-totaal_kwb_wijk_2015-2019_gelderland.csv",
}
REQUIRED_COLUMNS = {
    "population_national": ["geo_code", "sex", "age_group", "persons"],
    "population": ["geo_code", "sex", "age_group", "persons"],
    "municipalities": ["geo_code", "geo_name"],
    "regions": ["region_type", "region_code", "region_name", "geo_code"],
    "published": ["topic", "indicator", "region_code", "period", "age_group", "sex", "value",
                  "unit", "publisher", "table_or_publication", "url", "note"],
    "kwb_gm": ["perioden", "codering_regio", "wmoclienten", "percentagejongerenmetjeugdzorg",
               "k0tot15jaar", "k15tot25jaar", "k25tot45jaar", "k45tot65jaar", "k65jaarofouder",
               "popk65tot80jaarleeftijdsgroep", "popk80jaarofouderleeftijdsgroep"],
    "kwb_wijk": ["perioden", "codering_regio", "wmoclienten", "k0tot15jaar", "k15tot25jaar",
                 "k25tot45jaar", "k45tot65jaar", "k65jaarofouder"],
}

URL_SKIPR_WMO2024 = "https://www.skipr.nl/nieuws/cbs-uitgaven-wmo-stijgen-naar-6-miljard-vooral-meer-huishoudelijke-hulp/"
URL_CBS_84580 = "https://www.cbs.nl/nl-nl/cijfers/detail/84580NED"
URL_CBS_JEUGDHULP_2021 = "https://www.cbs.nl/nl-nl/longread/rapportages/2022/jeugdhulp-2021/1-jongeren-met-jeugdhulp"
URL_CBS_JEUGDHULP_2019 = "https://longreads.cbs.nl/jeugdhulp2019/jongeren-met-jeugdhulp/"
URL_CBS_JB_H1_2021 = "https://www.blikopnieuws.nl/nieuws/290675/380-duizend-jongeren-met-jeugdzorg-in-1e-halfjaar-2021.html"
URL_CBS_JZ_2019 = "https://www.cbs.nl/nl-nl/nieuws/2020/18/443-duizend-jongeren-met-jeugdzorg-in-2019"
URL_NJI_VERBLIJF = "https://www.nji.nl/nl/Databank/Cijfers-over-Jeugd-en-Opvoeding/Cijfers-per-voorziening/Jeugdhulp-met-verblijf"
URL_JEUGDAUTORITEIT = "http://www.jeugdautoriteit.nl/publicaties/de-stand-van-de-jeugdzorg/1.-de-kosten-van-de-jeugdzorg"
URL_STAATVENZ_WLZ = "https://www.staatvenz.nl/zorguitgaven-en-ontvangsten-wlz"
URL_VEKTIS_WV = "https://www.vektis.nl/intelligence/publicaties/factsheet-wijkverpleging-2022"
URL_RIJKSFIN_2020 = "https://www.rijksfinancien.nl/jaarverslag/2020/XVI/onderdeel/866094"
URL_CBS_84839_VOORST = "https://www.cbs.nl/nl-nl/cijfers/detail/84839NED?q=inkomen+voorst"
URL_ZZP_VV5 = "https://www.inovum.nl/zorg-met-verblijf/vergoedingen-en-indicatie/zorgzwaartepakket/"
URL_HENGELO_HH = ("https://www.hengelo.nl/Welkom-in-Hengelo/BIS(content)/Bestuursstukken/Raadsstukken-2013/"
                  "96922-Stukken-Zaaknummer/1004197---Basistarieven-voor-Hulp-bij-het-Huishouden.html")
URL_SKIPR_HH_TARIEF = "https://www.skipr.nl/nieuws/tarieven-huishoudelijke-hulp-in-de-lift/"

# ---- National figures looked up outside published_figures.csv (value, source) ----------
# Wmo spending 2020 (CBS 84580NED, gerealiseerde uitgaven, 1 000 euro, excl. uitvoeringskosten).
WMO_SPEND_2020_TOTAL_K = 5615732
WMO_SPEND_2020_EXCL_VO_K = 3690883
WMO_SPEND_2020_OT_K = 1659427
WMO_SPEND_2020_HBH_K = 1314542
# Jeugdhulp 2021 in natura, persons 0-22 (CBS Jeugdhulp 2021, table 1.0.1, provisional).
JH2021_ONLY_WITHOUT_STAY = 399720
JH2021_BOTH = 24580
JH2021_ONLY_WITH_STAY = 19320
# Jeugdbescherming / jeugdreclassering, persons in H1 2021 (CBS news Oct 2021, provisional).
JB_H1_2021 = 37000
JR_H1_2021 = 7000
# Jeugdhulp met verblijf 2019: under 18 and under 23 (NJi databank, CBS data).
VERBLIJF_2019_UNDER18 = 40020
VERBLIJF_2019_UNDER23 = 42975
# 2019 youth client counts for the cost derivation.
JH2019_WITHOUT_STAY = 404980          # CBS Jeugdhulp 2019, table 1.0.2 (x1000: 404,98)
JB_2019 = 41000                       # CBS news 2020-18: 'ruim 41 duizend' jeugdbescherming (<18)
JR_2019 = 9000                        # CBS news 2020-18: '9 duizend' jeugdreclassering (<18)
YOUTH_SPEND_2019_LOW = 5.4e9          # Jeugdautoriteit 'De Stand van de Jeugdzorg 2023' ch.1:
YOUTH_SPEND_2019_HIGH = 5.6e9         #   2019 spending between 5.4 and 5.6 billion euro
# Pgb-only share of jeugdhulp clients (CBS Jeugdhulp 2022, table by financing form).
JH_PGB_ONLY = {2018: (396205, 14670, 6885), 2019: (410745, 13920, 6325)}  # (ZIN only, ZIN+PGB, PGB only)
# Voogdij by single age 0..17, 31-12-2023 (CBS 85095NED): age shape of jeugdbescherming.
VOOGDIJ_2023_BY_AGE = [75, 85, 90, 160, 215, 270, 345, 390, 455, 510, 545, 620, 685, 735, 825, 915, 870, 960]
# Wlz spending 2021, million euro (VWS Jaarverslag 2021 via staatvenz.nl).
WLZ_SPEND_2021_ZIN_M = 24607.3        # zorg in natura binnen contracteerruimte
WLZ_SPEND_2021_PGB_M = 2632.4         # persoonsgebonden budgetten
# Wlz grondslag 2018 (CBS 84529NED, provisional): VV share of indicated persons.
WLZ_2018_PSYCHOGERIATRISCH = 92335
WLZ_2018_SOMATISCH = 59220
# Wijkverpleging (Zvw): clients 2021 and 2019, spending 2019 (million euro).
WV_CLIENTS_2021 = 584000              # Vektis factsheet wijkverpleging 2022
WV_CLIENTS_2019 = 585000              # Vektis: 'sinds 2018 stabiel rond de 585 duizend'
WV_SPEND_2019_M = 3530                # VWS jaarverslag 2020, tabel 15 (rijksfinancien.nl)
# Wmo use by sex, age 70+, 2016 (CBS Statistische Trends 2020, tabellenbijlage table 1).
WMO_70PLUS_2016_MEN_PCT = 16.1
WMO_70PLUS_2016_WOMEN_PCT = 32.6
# Wmo maatwerk use, all ages, H1 2018: 'ligt 60 procent hoger bij vrouwen dan bij mannen' (VNG Realisatie / GMSD).
WMO_ALL_AGES_2018_WOMEN_OVER_MEN = 1.6
# Hulpmiddelen en diensten subtypes, Voorst 2023 (CBS 84839NED): the only subtype detail found.
VOORST_2023 = {"vervoersdiensten": 515, "vervoervoorzieningen": 295, "rolstoelen": 180,
               "woonvoorzieningen": 85, "total_persons": 855}
# ZZP VV5: average hours of care per week (care provider page quoting the ZZP definition).
ZZP_VV5_HOURS_PER_WEEK = 18
# HbH hourly price: Hengelo basistarief HH2 2014 and the 2015-2019 rise (Berenschot).
HH2_TARIFF_2014 = 21.00
HH2_TARIFF_RISE_2015_2019 = 0.10

# ---- Assumptions (reason in the comment; listed in docs/care-calibration.md section 9) --
# All-in price per hour of professional care, used to turn cost per client into hours.
PRICE_PER_HOUR_BEGELEIDING = 60.0     # assumption: individual begeleiding tariffs ~55-65/h; dagbesteding lower
PRICE_PER_HOUR_RESIDENTIAL = 60.0     # assumption: residential (BW, jeugd met verblijf) same providers as begeleiding
PRICE_PER_HOUR_YOUTH_AMBULANT = 90.0  # assumption: specialist ambulant youth care / GI casework incl. overhead
PRICE_PER_HOUR_WIJKVERPLEGING = 75.0  # assumption: between verzorging and verpleging hourly tariffs
# Client-share mixtures of age shapes (see build_profiles()).
BEGELEIDING_ELDERLY_SHARE = 0.5       # assumption: begeleiding (all adult ages) vs dagbesteding/verzorging (elderly)
HULPMIDDELEN_ELDERLY_SHARE = 0.8      # assumption: mobility/housing aids mostly age-related, some lifelong disability
VERVOER_ELDERLY_SHARE = 0.8           # assumption: as hulpmiddelen
WIJKVERPLEGING_ELDERLY_SHARE = 0.75   # assumption: mostly elderly, but also adults and children (Vektis)
VV_DOUBLING_YEARS = 4.5               # assumption: nursing-home type care rises much more steeply with age than HbH
VV_PLATEAU = 0.6                      # assumption: even at the highest ages many people live at home without Wlz
YOUNG_ADULT_FRACTION_15_19 = 0.4      # only ages 18-19 of the 15-19 group are adults (2 of 5 years)

CARE_TYPES = [
    # code, Dutch name, English name, domain, workforce segment
    ("wmo_hh", "hulp bij het huishouden", "household help", "wmo", "vvt"),
    ("wmo_begeleiding", "begeleiding / ondersteuning thuis", "support at home (begeleiding, dagbesteding)",
     "wmo", "gehandicaptenzorg"),
    ("wmo_hulpmiddelen", "hulpmiddelen en woonvoorzieningen", "aids and home adaptations", "wmo",
     "sociaal_domein"),
    ("wmo_vervoer", "vervoersvoorzieningen", "transport services and aids", "wmo", "sociaal_domein"),
    ("wmo_bw", "beschermd wonen en maatschappelijke opvang", "sheltered housing and shelter", "wmo",
     "sociaal_domein"),
    ("jeugd_ambulant", "jeugdhulp zonder verblijf", "youth care without stay", "jeugd", "jeugd"),
    ("jeugd_verblijf", "jeugdhulp met verblijf", "youth care with stay", "jeugd", "jeugd"),
    ("jeugd_bescherming", "jeugdbescherming en jeugdreclassering", "child protection and youth probation",
     "jeugd", "jeugd"),
    ("wlz", "Wlz-indicatie", "long-term care indication (Wlz)", "wlz", "vvt"),
    ("wijkverpleging", "wijkverpleging", "district nursing (Zvw)", "zvw", "vvt"),
]
TYPE_CODES = [t[0] for t in CARE_TYPES]
YOUTH_TYPES = ("jeugd_ambulant", "jeugd_verblijf", "jeugd_bescherming")
OTHER_WMO_TYPES = ("wmo_begeleiding", "wmo_hulpmiddelen", "wmo_vervoer", "wmo_bw")

# Youth prevalence groups: single years 0..18, 19-22 (CBS '19 jaar of ouder'), 23+ (zero).
YOUTH_GROUPS = [(a, a) for a in range(0, 19)] + [(19, 22), (23, OPEN_AGE)]

AALTEN = "GM0197"


def die(message):
    sys.stderr.write("calibrate_care.py: error: " + message + "\n")
    sys.exit(1)


# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------

def fmt(x, sig=8):
    """Plain decimal with at most `sig` significant digits, no trailing zeros, never 1e-05."""
    if x == 0:
        return "0"
    d = Decimal(repr(float(x)))
    q = Decimal(1).scaleb(d.adjusted() - sig + 1)
    d = d.quantize(q)
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def group_label(g):
    first, last = g
    if last >= OPEN_AGE:
        return "%d+" % first
    if first == last:
        return "%d" % first
    return "%d-%d" % (first, last)


def parse_group(label):
    label = label.strip()
    if label.endswith("+"):
        return (int(label[:-1]), OPEN_AGE)
    if "-" in label:
        a, b = label.split("-")
        return (int(a), int(b))
    return (int(label), int(label))


def midpoint(g):
    first, last = g
    return first + 2.5 if last >= OPEN_AGE else (first + last + 1) / 2.0


def num(text):
    """KWB cell -> float or None (empty = missing). Float32 artefacts are rounded away."""
    text = (text or "").strip()
    if text in ("", "."):
        return None
    return round(float(text), 4)


def read_csv(path, key):
    if not os.path.isfile(path):
        die("missing input file %s (run tools/derive_national_data.py first?)" % path)
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in REQUIRED_COLUMNS[key] if c not in (reader.fieldnames or [])]
        if missing:
            die("%s lacks column(s) %s" % (path, ", ".join(missing)))
        return list(reader)


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


# --------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------

class Inputs:
    """Everything read from the dataset folder, checked once."""

    def __init__(self, data_dir):
        raw = {k: read_csv(os.path.join(data_dir, v), k) for k, v in INPUT_FILES.items()}
        self.published = raw["published"]
        self.kwb_gm = raw["kwb_gm"]
        self.kwb_wijk = raw["kwb_wijk"]
        # National population 1-1-2021 by 5-year group and sex.
        self.nat = {}
        for r in raw["population_national"]:
            self.nat[(parse_group(r["age_group"]), r["sex"])] = float(r["persons"])
        for g in FIVE_YEAR_GROUPS:
            for s in SEXES:
                if (g, s) not in self.nat:
                    die("population_national.csv lacks %s %s" % (s, group_label(g)))
        # Municipal population 1-1-2021.
        self.munis = [(r["geo_code"], r["geo_name"]) for r in raw["municipalities"]]
        self.muni_name = dict(self.munis)
        self.pop = defaultdict(dict)
        for r in raw["population"]:
            self.pop[r["geo_code"]][(parse_group(r["age_group"]), r["sex"])] = float(r["persons"])
        for code, _ in self.munis:
            if len(self.pop.get(code, {})) != 40:
                die("population.csv: %s does not have 40 rows" % code)
        # Region membership: type -> geo -> code.
        self.region_of = defaultdict(dict)
        self.region_name = {}
        for r in raw["regions"]:
            self.region_of[r["region_type"]][r["geo_code"]] = r["region_code"]
            self.region_name[r["region_code"]] = r["region_name"]

    def pub(self, indicator, period, age_group="totaal", sex="totaal", region="NL01"):
        """One row of published_figures.csv -> (value, url, table). Stops if not found."""
        hits = [r for r in self.published
                if r["indicator"] == indicator and r["period"] == period and r["age_group"] == age_group
                and r["sex"] == sex and r["region_code"] == region]
        if len(hits) != 1:
            die("published_figures.csv: expected one row for %r %s %s %s %s, found %d"
                % (indicator, region, period, age_group, sex, len(hits)))
        r = hits[0]
        return float(r["value"]), r["url"], r["table_or_publication"]

    def pub_note(self, indicator, period, age_group="totaal", sex="totaal", region="NL01"):
        hits = [r for r in self.published
                if r["indicator"] == indicator and r["period"] == period and r["age_group"] == age_group
                and r["sex"] == sex and r["region_code"] == region]
        return hits[0]["note"] if len(hits) == 1 else ""


# --------------------------------------------------------------------------------------
# Population splitting (for youth single years)
# --------------------------------------------------------------------------------------

def graduate_monotone(bounds, totals):
    """Python port of sim/graduation.cpp (Fritsch-Carlson on the cumulative curve)."""
    n = len(totals)
    x = list(map(float, bounds))
    c = [0.0] * (n + 1)
    delta = [0.0] * n
    for k in range(n):
        c[k + 1] = c[k] + totals[k]
        delta[k] = totals[k] / (x[k + 1] - x[k])
    m = [0.0] * (n + 1)
    m[0], m[n] = delta[0], delta[n - 1]
    for k in range(1, n):
        m[k] = (delta[k - 1] + delta[k]) / 2.0
    for k in range(n):
        if delta[k] == 0.0:
            m[k] = m[k + 1] = 0.0
            continue
        a, b = m[k] / delta[k], m[k + 1] / delta[k]
        s = a * a + b * b
        if s > 9.0:
            tau = 3.0 / math.sqrt(s)
            m[k], m[k + 1] = tau * a * delta[k], tau * b * delta[k]

    def cum(k, age):
        h = x[k + 1] - x[k]
        t = (age - x[k]) / h
        t2, t3 = t * t, t * t * t
        return ((2 * t3 - 3 * t2 + 1) * c[k] + (t3 - 2 * t2 + t) * h * m[k]
                + (-2 * t3 + 3 * t2) * c[k + 1] + (t3 - t2) * h * m[k + 1])

    out = []
    for k in range(n):
        prev, assigned, width = c[k], 0.0, bounds[k + 1] - bounds[k]
        for j in range(1, width + 1):
            nxt = c[k + 1] if j == width else cum(k, x[k] + j)
            v = max(0.0, nxt - prev)
            if j == width:
                v = max(0.0, totals[k] - assigned)
            out.append(v)
            assigned += v
            prev = nxt
    return out


def single_year_population(pop5, method):
    """{(group, sex): persons} for 5-year groups -> {(age, sex)} for ages 0..94 and the 95+ block.

    method 'even' splits each 5-year group evenly (the reference the brief prescribes);
    'monotone' mirrors the engine's graduation (sim/graduation.cpp)."""
    out = {}
    for s in SEXES:
        closed = FIVE_YEAR_GROUPS[:-1]
        totals = [pop5[(g, s)] for g in closed]
        if method == "even":
            single = [t / 5.0 for t in totals for _ in range(5)]
        else:
            single = graduate_monotone([g[0] for g in closed] + [95], totals)
        for age, v in enumerate(single):
            out[(age, s)] = v
        out[("95+", s)] = pop5[((95, OPEN_AGE), s)]
    return out


def group_population(pop5, single, g, s):
    """Population of an arbitrary age group: exact for unions of 5-year groups, else via `single`."""
    first, last = g
    if first % 5 == 0 and (last >= OPEN_AGE or last % 5 == 4):
        return sum(pop5[(h, s)] for h in FIVE_YEAR_GROUPS if h[0] >= first and (h[1] <= last))
    total = 0.0
    top = 94 if last >= OPEN_AGE else last
    for a in range(first, top + 1):
        total += single[(a, s)]
    if last >= OPEN_AGE:
        total += single[("95+", s)]
    return total


# --------------------------------------------------------------------------------------
# National prevalence profiles
# --------------------------------------------------------------------------------------

class Profile:
    """Prevalence of one care type: list of (group, {sex: rate}) covering 0..100+."""

    def __init__(self, groups):
        self.groups = list(groups)
        self.rate = {(g, s): 0.0 for g in self.groups for s in SEXES}
        self.basis = {g: "" for g in self.groups}

    def add(self, other, factor=1.0):
        for k in self.rate:
            self.rate[k] += factor * other.rate[k]

    def clients(self, pop5, single, age_filter=None, sexes=SEXES):
        """Sum of rate x population over groups inside age_filter (first, last) and sexes."""
        total = 0.0
        for g in self.groups:
            if age_filter is not None and not (g[0] >= age_filter[0] and g[1] <= age_filter[1]):
                continue
            for s in sexes:
                total += self.rate[(g, s)] * group_population(pop5, single, g, s)
        return total


def shape_profile(groups, weight, female_factor=1.0):
    """Unscaled profile from a weight function weight(group) (male) x female_factor (female)."""
    p = Profile(groups)
    for g in groups:
        w = weight(g)
        p.rate[(g, "male")] = w
        p.rate[(g, "female")] = w * female_factor
    return p


def scaled(p, target, pop5, single, age_filter=None):
    """Scale a profile so that its clients (within age_filter) equal target."""
    current = p.clients(pop5, single, age_filter)
    if current <= 0:
        die("internal: empty shape cannot be scaled")
    q = Profile(p.groups)
    for k in p.rate:
        q.rate[k] = p.rate[k] * target / current
    return q


def adult_weight(base):
    """Adult shape: 0 below 15, ages 18-19 only in the 15-19 group."""
    def w(g):
        if g[0] < 15:
            return 0.0
        if g == (15, 19):
            return YOUNG_ADULT_FRACTION_15_19 * base(g)
        return base(g)
    return w


def logistic_weight(L, k, m0):
    """Adult logistic age curve L / (1 + exp(-k (age - m0))) (0 below 15; 18-19 only in 15-19)."""
    return adult_weight(lambda g: L / (1.0 + math.exp(-k * (midpoint(g) - m0))))


def fit_hbh(inp, targets, R, pop5, single):
    """Fit the HbH age curve to three targets (total, 75-84 and 85+).

    Shape: logistic in age, rate = L / (1 + exp(-k (age - m0))) for males, x R for females
    (exponential rise at younger ages, levelling off at the oldest ages where people move
    to Wlz care). Three parameters, three targets: for a given k, m0 is found by bisection
    so that the 85+ / 75-84 ratio matches, L then follows from the 85+ target; k itself is
    found by bisection so that the total matches."""
    T, T75, T85 = targets["total"], targets["75-84"], targets["85+"]

    def clients(L, k, m0, age_filter):
        w = logistic_weight(L, k, m0)
        total = 0.0
        for g in FIVE_YEAR_GROUPS:
            if age_filter and not (g[0] >= age_filter[0] and g[1] <= age_filter[1]):
                continue
            total += w(g) * (pop5[(g, "male")] + R * pop5[(g, "female")])
        return total

    def solve(k):
        lo, hi = 0.0, 200.0
        for _ in range(200):
            mid = (lo + hi) / 2
            ratio = clients(1.0, k, mid, (85, OPEN_AGE)) / clients(1.0, k, mid, (75, 84))
            if ratio > T85 / T75:
                hi = mid
            else:
                lo = mid
        m0 = (lo + hi) / 2
        L = T85 / clients(1.0, k, m0, (85, OPEN_AGE))
        return L, m0, clients(L, k, m0, None)

    lo, hi = 0.02, 0.5
    if not (solve(lo)[2] > T > solve(hi)[2]):
        die("HbH fit: no logistic slope k in [%.2f, %.2f] reproduces the total %g" % (lo, hi, T))
    for _ in range(200):
        mid = (lo + hi) / 2
        if solve(mid)[2] > T:
            lo = mid
        else:
            hi = mid
    k = (lo + hi) / 2
    L, m0, _ = solve(k)
    if L * R > 1.0:
        die("HbH fit: female plateau %g exceeds 1" % (L * R))
    return shape_profile(FIVE_YEAR_GROUPS, logistic_weight(L, k, m0), R), {"L": L, "k": k, "m0": m0}


class Calibration:
    """All national figures, targets and fitted profiles."""

    def __init__(self, inp):
        self.inp = inp
        self.pop5 = inp.nat
        self.even = single_year_population(inp.nat, "even")
        self.mono = single_year_population(inp.nat, "monotone")
        self.targets = []  # (type, age-group label, sex, clients, period, source)
        self.national = {}  # named national figures used later
        self._collect_national()

    # ---- national figures -----------------------------------------------------------

    def _collect_national(self):
        inp = self.inp
        n = self.national
        for y in ("2017", "2018", "2019", "2020"):
            n["wmo_total", y] = inp.pub("personen met Wmo-maatwerkvoorziening in jaar", y)
            n["wmo_hh", y] = inp.pub("Wmo hulp bij het huishouden in jaar", y)
            n["wmo_ot", y] = inp.pub("Wmo ondersteuning thuis in jaar", y)
            n["wmo_hd", y] = inp.pub("Wmo hulpmiddelen en diensten in jaar", y)
            n["wmo_vo", y] = inp.pub("Wmo verblijf en opvang in jaar", y)
        for key, age in (("hh_share_75_84", "75-84"), ("hh_share_85", "85+")):
            n[key, "2024"] = inp.pub("aandeel met Wmo hulp bij het huishouden", "2024", age)
            # The 2017 share is in the note of the same row ("14% in 2017").
            note = inp.pub_note("aandeel met Wmo hulp bij het huishouden", "2024", age)
            match = re.match(r"\s*([0-9.]+)% in 2017", note)
            if not match:
                die("published_figures.csv: no '<x>% in 2017' in the note of the %s HbH share row" % age)
            n[key, "2017"] = (float(match.group(1)), n[key, "2024"][1], "note of the 2024 row")
        n["hh_share_75_84", "2022 H2"] = inp.pub("aandeel met Wmo hulp bij het huishouden", "2022 H2", "75-84")
        n["hh_share_85", "2022 H2"] = inp.pub("aandeel met Wmo hulp bij het huishouden", "2022 H2", "85+")
        n["wmo_75plus_share", "2024 H1"] = inp.pub("aandeel met Wmo-maatwerkvoorziening", "2024 H1", "75+")
        for y in ("2018", "2019"):
            n["jz_pct", y] = inp.pub("percentage jeugd tot 23 jaar met jeugdzorg", y, "0-22")
        n["jz_0_17", "2021"] = inp.pub("jeugd tot 18 jaar met jeugdzorg in jaar", "2021", "0-17")
        n["jz_18_22", "2021"] = inp.pub("jeugd 18 tot 23 jaar met jeugdzorg in jaar", "2021", "18-22")
        n["jz_0_22", "2021"] = inp.pub("jeugd tot 23 jaar met jeugdzorg (in natura en pgb) in jaar", "2021", "0-22")
        n["wlz", "2021"] = inp.pub("personen met Wlz-indicatie op peildatum", "2021")
        # Aalten's own series.
        for y in ("2019", "2020", "2021", "2022"):
            n["aalten_total", y] = inp.pub("Wmo-clienten (maatwerk) in jaar", y, region=AALTEN)
            n["aalten_hh", y] = inp.pub("Wmo hulp bij het huishouden in jaar", y, region=AALTEN)
            n["aalten_ot", y] = inp.pub("Wmo ondersteuning thuis in jaar", y, region=AALTEN)
        n["aalten_hd", "2019"] = inp.pub("Wmo hulpmiddelen en diensten in jaar", "2019", region=AALTEN)

    def pop_total(self, age_filter):
        return sum(self.pop5[(g, s)] for g in FIVE_YEAR_GROUPS for s in SEXES
                   if g[0] >= age_filter[0] and g[1] <= age_filter[1])

    def target(self, ctype, group, clients, period, source, sex="total"):
        self.targets.append((ctype, group, sex, clients, period, source))

    # ---- youth base shape (CBS 85095NED, point prevalence 31-12-2023) -------------------

    def youth_base_counts(self):
        """Counts by (age 0..18 or '19-22', sex) on 31-12-2023 (CBS 85095NED, both sexes by single
        year; males only for ages 0-6). The male share of ages 7-11 and of 12-22 is set so that
        the two published 2023 sex-specific figures are reproduced as shares of all clients:
        boys 8-11 and girls 12-17 with jeugdhulp zonder verblijf (CBS news April 2024), out of
        all youth with jeugdhulp zonder verblijf 2023 (CBS Jeugdmonitor 2024).
        assumption: the age distribution of year counts follows the point counts."""
        inp = self.inp
        period = "2023-12-31"
        ind = "jongeren met jeugdzorg in natura op peildatum"
        total = {a: inp.pub(ind, period, str(a))[0] for a in range(0, 19)}
        total["19-22"] = inp.pub(ind, period, "19+")[0]
        male = {a: inp.pub(ind, period, str(a), "man")[0] for a in range(0, 7)}
        male_total = inp.pub(ind, period, "totaal", "man")[0]
        boys_8_11 = inp.pub("jongens 8-12 jaar met jeugdhulp zonder verblijf", "2023", "8-11", "man")[0]
        girls_12_17 = inp.pub("meisjes 12-18 jaar met jeugdhulp zonder verblijf", "2023", "12-17", "vrouw")[0]
        all_2023 = inp.pub("jongeren met jeugdhulp zonder verblijf", "2023", "0-22")[0]
        point_all = sum(total.values())
        m_child = (boys_8_11 / all_2023) * point_all / sum(total[a] for a in range(8, 12))
        m_teen = 1.0 - (girls_12_17 / all_2023) * point_all / sum(total[a] for a in range(12, 18))
        for a in range(7, 12):
            male[a] = m_child * total[a]
        for a in list(range(12, 19)) + ["19-22"]:
            male[a] = m_teen * total[a]
        counts = {}
        for a in total:
            counts[(a, "male")] = male[a]
            counts[(a, "female")] = total[a] - male[a]
        self.youth_sex_shares = (m_child, m_teen, sum(male.values()), male_total)
        return counts

    def youth_shape(self):
        """Point-prevalence shape by YOUTH_GROUPS and sex (counts 2023 / population 2021, even split)."""
        counts = self.youth_base_counts()
        p = Profile(YOUTH_GROUPS)
        for g in YOUTH_GROUPS:
            key = g[0] if g[0] == g[1] else ("19-22" if g == (19, 22) else None)
            for s in SEXES:
                if key is None:
                    continue
                p.rate[(g, s)] = counts[(key, s)] / group_population(self.pop5, self.even, g, s)
        return p

    def youth_two_band(self, shape, t_0_17, t_18_22):
        """Scale the shape separately within 0-17 and 18-22 to two year-count targets."""
        a = scaled(shape, t_0_17, self.pop5, self.even, (0, 17))
        b = scaled(shape, t_18_22, self.pop5, self.even, (18, 22))
        p = Profile(YOUTH_GROUPS)
        for g in YOUTH_GROUPS:
            src = a if g[1] <= 17 else b
            for s in SEXES:
                p.rate[(g, s)] = src.rate[(g, s)] if g[1] <= 22 else 0.0
        return p

    # ---- build all profiles -----------------------------------------------------------

    def build_profiles(self, R, Ry):
        """All ten prevalence profiles for given female/male rate ratios at equal age:
        R for elderly-care components, Ry for the non-elderly (flat) components of Wmo types."""
        pop5, even = self.pop5, self.even
        n = self.national
        self.targets = []
        prof = {}
        basis = {}

        # Wmo 2020 year counts.
        T_hh, url_hh, _ = n["wmo_hh", "2020"]
        # 75-84 and 85+ shares for 2020: linear interpolation between 2017 and 2024 (year figures).
        def interp(key):
            v17, v24 = n[key, "2017"][0], n[key, "2024"][0]
            return v17 + (v24 - v17) * (2020 - 2017) / (2024 - 2017)
        share_75 = interp("hh_share_75_84") / 100.0
        share_85 = interp("hh_share_85") / 100.0
        T75 = share_75 * self.pop_total((75, 84))
        T85 = share_85 * self.pop_total((85, OPEN_AGE))
        hh, hh_par = fit_hbh(self.inp, {"total": T_hh, "75-84": T75, "85+": T85}, R, pop5, even)
        self.hh_par = hh_par
        self.hh_shares_2020 = (share_75, share_85)
        prof["wmo_hh"] = hh
        basis["wmo_hh"] = "logistic age curve fitted to MLZ/GMSD 2020 total + 75-84 and 85+ shares (interpolated 2017-2024); female x R"
        self.target("wmo_hh", "total", T_hh, "2020", "MLZ/GMSD (CBS) Wmo hulp bij het huishouden in jaar 2020 (provisional); " + url_hh)
        self.target("wmo_hh", "75-84", T75, "2020",
                    "derived: %s%% (interpolated between 14%% in 2017 and 16%% in 2024; CBS Landelijke Monitor Wmo 2024 via %s) x NL population 75-84 %s"
                    % (fmt(share_75 * 100, 5), URL_SKIPR_WMO2024, BASE_POPULATION_DATE))
        self.target("wmo_hh", "85+", T85, "2020",
                    "derived: %s%% (interpolated between 28%% in 2017 and 30%% in 2024; same source) x NL population 85+ %s"
                    % (fmt(share_85 * 100, 5), BASE_POPULATION_DATE))

        # Reusable shapes. ELDERLY = the fitted HbH age curve (male rates), females x R.
        elderly = shape_profile(FIVE_YEAR_GROUPS, lambda g: hh.rate[(g, "male")], R)
        elderly_neutral = shape_profile(FIVE_YEAR_GROUPS, lambda g: hh.rate[(g, "male")])
        flat_adult = shape_profile(FIVE_YEAR_GROUPS, adult_weight(lambda g: 1.0), Ry)
        flat_all = shape_profile(FIVE_YEAR_GROUPS, lambda g: 1.0, Ry)
        flat_all_neutral = shape_profile(FIVE_YEAR_GROUPS, lambda g: 1.0)
        working_age = shape_profile(FIVE_YEAR_GROUPS, adult_weight(
            lambda g: 1.0 if g[1] <= 64 else (0.5 if g[1] <= 74 else 0.25)), Ry)

        def mixture(total, parts):
            p = Profile(FIVE_YEAR_GROUPS)
            for share, shape in parts:
                p.add(scaled(shape, share * total, pop5, even))
            return p

        # Ondersteuning thuis (begeleiding).
        T_ot, url_ot, _ = n["wmo_ot", "2020"]
        prof["wmo_begeleiding"] = mixture(T_ot, [(BEGELEIDING_ELDERLY_SHARE, elderly),
                                                 (1 - BEGELEIDING_ELDERLY_SHARE, flat_adult)])
        basis["wmo_begeleiding"] = "MLZ 2020 total; assumption: 50% of clients HbH age shape (female x R) + 50% flat 18+ (female x Ry)"
        self.target("wmo_begeleiding", "total", T_ot, "2020", "MLZ/GMSD (CBS) Wmo ondersteuning thuis in jaar 2020 (provisional); " + url_ot)

        # Hulpmiddelen en diensten split into hulpmiddelen and vervoer (Voorst subtype mix).
        T_hd, url_hd, _ = n["wmo_hd", "2020"]
        v = VOORST_2023
        vervoer_items = v["vervoersdiensten"] + v["vervoervoorzieningen"]
        aid_items = v["rolstoelen"] + v["woonvoorzieningen"]
        self.vervoer_share = vervoer_items / float(vervoer_items + aid_items)
        T_verv = T_hd * self.vervoer_share
        T_aid = T_hd - T_verv
        prof["wmo_hulpmiddelen"] = mixture(T_aid, [(HULPMIDDELEN_ELDERLY_SHARE, elderly),
                                                   (1 - HULPMIDDELEN_ELDERLY_SHARE, flat_all)])
        prof["wmo_vervoer"] = mixture(T_verv, [(VERVOER_ELDERLY_SHARE, elderly),
                                               (1 - VERVOER_ELDERLY_SHARE, flat_adult)])
        basis["wmo_hulpmiddelen"] = "derived total (H&D 2020 x Voorst subtype mix); assumption: 80% HbH age shape (female x R) + 20% flat all ages (female x Ry)"
        basis["wmo_vervoer"] = "derived total (H&D 2020 x Voorst subtype mix); assumption: 80% HbH age shape (female x R) + 20% flat 18+ (female x Ry)"
        src_split = ("derived: MLZ/GMSD hulpmiddelen en diensten 2020 (%s persons; %s) x %s share (Voorst 2023 subtype counts: vervoersdiensten %d + vervoervoorzieningen %d vs rolstoelen %d + woonvoorzieningen %d; CBS 84839NED %s); assumption: Voorst mix holds nationally"
                     % (fmt(T_hd), url_hd, "%s", v["vervoersdiensten"], v["vervoervoorzieningen"],
                        v["rolstoelen"], v["woonvoorzieningen"], URL_CBS_84839_VOORST))
        self.target("wmo_hulpmiddelen", "total", T_aid, "2020", src_split % ("aids " + fmt(1 - self.vervoer_share, 4)))
        self.target("wmo_vervoer", "total", T_verv, "2020", src_split % ("transport " + fmt(self.vervoer_share, 4)))

        # Verblijf en opvang (beschermd wonen, maatschappelijke opvang).
        T_vo, url_vo, _ = n["wmo_vo", "2020"]
        prof["wmo_bw"] = mixture(T_vo, [(1.0, working_age)])
        basis["wmo_bw"] = "MLZ 2020 total; assumption: flat 18-64, half 65-74, quarter 75+ (female x Ry)"
        self.target("wmo_bw", "total", T_vo, "2020", "MLZ/GMSD (CBS) Wmo verblijf en opvang in jaar 2020 (provisional); " + url_vo)

        # Youth: year counts 2021, age/sex shape from 85095NED point prevalence 31-12-2023.
        shape = self.youth_shape()
        jz017, url_jz, _ = n["jz_0_17", "2021"]
        jz1822 = n["jz_18_22", "2021"][0]
        jz_total = n["jz_0_22", "2021"][0]
        age_split = jz1822 / (jz017 + jz1822)
        T_amb = JH2021_ONLY_WITHOUT_STAY + JH2021_BOTH
        T_ver = JH2021_ONLY_WITH_STAY + JH2021_BOTH
        amb_1822 = T_amb * age_split
        ver_1822 = T_ver * (1 - VERBLIJF_2019_UNDER18 / float(VERBLIJF_2019_UNDER23))
        prof["jeugd_ambulant"] = self.youth_two_band(shape, T_amb - amb_1822, amb_1822)
        prof["jeugd_verblijf"] = self.youth_two_band(shape, T_ver - ver_1822, ver_1822)
        self.youth_age_split = (age_split, ver_1822 / T_ver)
        src_amb = ("derived: CBS Jeugdhulp 2021 zonder verblijf (%d only + %d both = %d persons 0-22; %s) split by age as all jeugdzorg 2021 (18-22: %s of %s; NJi %s)"
                   % (JH2021_ONLY_WITHOUT_STAY, JH2021_BOTH, T_amb, URL_CBS_JEUGDHULP_2021, fmt(jz1822), fmt(jz017 + jz1822), url_jz))
        src_ver = ("derived: CBS Jeugdhulp 2021 met verblijf (%d only + %d both = %d persons 0-22; %s) split by age as verblijf 2019 (under 18 %d of under 23 %d; %s)"
                   % (JH2021_ONLY_WITH_STAY, JH2021_BOTH, T_ver, URL_CBS_JEUGDHULP_2021, VERBLIJF_2019_UNDER18, VERBLIJF_2019_UNDER23, URL_NJI_VERBLIJF))
        self.target("jeugd_ambulant", "0-17", T_amb - amb_1822, "2021", src_amb)
        self.target("jeugd_ambulant", "18-22", amb_1822, "2021", src_amb)
        self.target("jeugd_verblijf", "0-17", T_ver - ver_1822, "2021", src_ver)
        self.target("jeugd_verblijf", "18-22", ver_1822, "2021", src_ver)
        # Jeugdbescherming: voogdij age shape 0-17; jeugdreclassering flat 12-22; sex-neutral.
        jb_shape = Profile(YOUTH_GROUPS)
        jr_shape = Profile(YOUTH_GROUPS)
        for g in YOUTH_GROUPS:
            tot = sum(group_population(pop5, even, g, s) for s in SEXES)
            for s in SEXES:
                if g[1] <= 17:
                    jb_shape.rate[(g, s)] = VOOGDIJ_2023_BY_AGE[g[0]] / tot
                if g[0] >= 12 and g[1] <= 22:
                    jr_shape.rate[(g, s)] = 1.0
        jb = scaled(jb_shape, JB_H1_2021, pop5, even)
        jr = scaled(jr_shape, JR_H1_2021, pop5, even)
        prof["jeugd_bescherming"] = Profile(YOUTH_GROUPS)
        prof["jeugd_bescherming"].add(jb)
        prof["jeugd_bescherming"].add(jr)
        self.target("jeugd_bescherming", "0-22", JB_H1_2021 + JR_H1_2021, "2021 H1",
                    "CBS: %d jeugdbescherming + %d jeugdreclassering persons in H1 2021 (provisional; overlap ignored; %s); H1 count = lower bound of the year count"
                    % (JB_H1_2021, JR_H1_2021, URL_CBS_JB_H1_2021))
        basis["jeugd_ambulant"] = "CBS 85095NED single-year shape 31-12-2023 (sex split 7-22 from CBS 2023 boys 8-11 / girls 12-17), scaled to 2021 year counts 0-17 and 18-22"
        basis["jeugd_verblijf"] = basis["jeugd_ambulant"] + "; assumption: same age shape as all jeugdzorg"
        basis["jeugd_bescherming"] = "jeugdbescherming: CBS 85095NED voogdij age shape 0-17; jeugdreclassering: assumption flat 12-22; sex-neutral; scaled to H1 2021"

        # Wlz: VV (steep elderly, x R) + other grondslagen (flat, half at 85+), peildatum 2021.
        T_wlz, url_wlz, _ = n["wlz", "2021"]
        wlz_2018 = self.inp.pub("personen met Wlz-indicatie op peildatum", "2018")[0]
        self.vv_share = (WLZ_2018_PSYCHOGERIATRISCH + WLZ_2018_SOMATISCH) / wlz_2018
        # VV: logistic from age 60 with an assumed slope (doubling every VV_DOUBLING_YEARS at
        # lower ages) and plateau VV_PLATEAU; the midpoint age is solved so that the VV part
        # of the 2021 total is met.
        T_vv = self.vv_share * T_wlz
        scale = VV_DOUBLING_YEARS / math.log(2.0)

        def vv_profile(m50):
            return shape_profile(FIVE_YEAR_GROUPS, lambda g: 0.0 if g[0] < 60 else
                                 VV_PLATEAU / (1.0 + math.exp(-(midpoint(g) - m50) / scale)))
        lo, hi = 60.0, 140.0
        for _ in range(200):
            mid = (lo + hi) / 2
            if vv_profile(mid).clients(pop5, even) > T_vv:
                lo = mid
            else:
                hi = mid
        self.vv_m50 = (lo + hi) / 2
        vv = vv_profile(self.vv_m50)
        gz = shape_profile(FIVE_YEAR_GROUPS, lambda g: 1.0 if g[1] <= 84 else 0.5)
        prof["wlz"] = Profile(FIVE_YEAR_GROUPS)
        prof["wlz"].add(vv)
        prof["wlz"].add(scaled(gz, T_wlz - T_vv, pop5, even))
        basis["wlz"] = ("84529NED 2021 total; VV share %s (2018 grondslag); assumption: VV logistic from 60 (doubling 4.5 y, plateau 0.6), other grondslagen flat (half at 85+); sex-neutral"
                        % fmt(self.vv_share, 4))
        self.target("wlz", "total", T_wlz, "2021 (peildatum)", "CBS 84529NED personen met Wlz-indicatie op peildatum 2021; " + url_wlz)

        # Wijkverpleging: year count 2021 (Vektis).
        prof["wijkverpleging"] = mixture(WV_CLIENTS_2021, [(WIJKVERPLEGING_ELDERLY_SHARE, elderly_neutral),
                                                          (1 - WIJKVERPLEGING_ELDERLY_SHARE, flat_all_neutral)])
        basis["wijkverpleging"] = "Vektis 2021 total; assumption: 75% HbH age shape + 25% flat all ages; sex-neutral at equal age"
        self.target("wijkverpleging", "total", WV_CLIENTS_2021, "2021", "Vektis factsheet wijkverpleging 2022: 584 thousand persons in 2021; " + URL_VEKTIS_WV)

        for t in TYPE_CODES:
            for g in prof[t].groups:
                prof[t].basis[g] = basis[t]
        self.profiles = prof
        return prof

    def all_wmo(self, prof=None):
        """All-Wmo profile (persons with at least one maatwerk provision).

        Within each age group and sex the probability of any provision is taken as
        1 - prod(1 - p_type) (as if the types were independent), then the whole profile is
        scaled to the 2020 national total. assumption: independence only shapes the age
        profile (people with several provisions are concentrated where prevalences are
        high, i.e. the oldest ages); the level comes from the published total."""
        prof = prof or self.profiles
        T = self.national["wmo_total", "2020"][0]
        p = Profile(FIVE_YEAR_GROUPS)
        for k in p.rate:
            none = 1.0
            for t in ("wmo_hh", "wmo_begeleiding", "wmo_hulpmiddelen", "wmo_vervoer", "wmo_bw"):
                none *= 1.0 - prof[t].rate[k]
            p.rate[k] = 1.0 - none
        union = p.clients(self.pop5, self.even)
        type_sum = sum(prof[t].clients(self.pop5, self.even) for t in
                       ("wmo_hh", "wmo_begeleiding", "wmo_hulpmiddelen", "wmo_vervoer", "wmo_bw"))
        self.overlap = T / type_sum
        self.union_scale = T / union
        return scaled(p, T, self.pop5, self.even)

    def crude_sex_ratio(self, p, age_filter):
        f = p.clients(self.pop5, self.even, age_filter, ("female",)) / sum(
            self.pop5[(g, "female")] for g in FIVE_YEAR_GROUPS if g[0] >= age_filter[0] and g[1] <= age_filter[1])
        m = p.clients(self.pop5, self.even, age_filter, ("male",)) / sum(
            self.pop5[(g, "male")] for g in FIVE_YEAR_GROUPS if g[0] >= age_filter[0] and g[1] <= age_filter[1])
        return f / m

    def fit(self):
        """Fit the two female/male rate ratios (at equal age) to two published crude ratios of
        all-Wmo use: R (elderly components) to women/men at 70+ (CBS 2016: 32.6% vs 16.1%) and
        Ry (flat, non-elderly components) to women/men at all ages (VNG/GMSD 2018 H1: 60% higher
        among women). Fixed-point iteration; deterministic."""
        target_70 = WMO_70PLUS_2016_WOMEN_PCT / WMO_70PLUS_2016_MEN_PCT
        target_all = WMO_ALL_AGES_2018_WOMEN_OVER_MEN
        R, Ry = 1.5, 1.0
        for _ in range(500):
            prof = self.build_profiles(R, Ry)
            allwmo = self.all_wmo(prof)
            r70 = self.crude_sex_ratio(allwmo, (70, OPEN_AGE))
            rall = self.crude_sex_ratio(allwmo, (0, OPEN_AGE))
            R_new = R * (target_70 / r70)
            Ry_new = Ry * (target_all / rall) ** 2
            if abs(R_new - R) < 1e-11 and abs(Ry_new - Ry) < 1e-11:
                R, Ry = R_new, Ry_new
                break
            R, Ry = R_new, Ry_new
        else:
            die("sex-ratio fit did not converge (R=%g, Ry=%g)" % (R, Ry))
        if Ry <= 0:
            die("sex-ratio fit gave Ry <= 0")
        self.R, self.Ry = R, Ry
        self.build_profiles(R, Ry)
        self.wmo_all = self.all_wmo()
        return self.profiles


# --------------------------------------------------------------------------------------
# Output 1: care_types.csv
# --------------------------------------------------------------------------------------

def care_type_costs(cal):
    """Hours and cost per client per year with sources; returns {type: (hours, hsrc, cost, csrc)}."""
    n = cal.national
    out = {}
    T_hh = n["wmo_hh", "2020"][0]
    T_ot = n["wmo_ot", "2020"][0]
    T_hd = n["wmo_hd", "2020"][0]
    T_vo = n["wmo_vo", "2020"][0]
    cost_hh = WMO_SPEND_2020_HBH_K * 1000.0 / T_hh
    cost_ot = WMO_SPEND_2020_OT_K * 1000.0 / T_ot
    spend_hd_k = WMO_SPEND_2020_EXCL_VO_K - WMO_SPEND_2020_OT_K - WMO_SPEND_2020_HBH_K
    cost_hd = spend_hd_k * 1000.0 / T_hd
    spend_vo_k = WMO_SPEND_2020_TOTAL_K - WMO_SPEND_2020_EXCL_VO_K
    cost_vo = spend_vo_k * 1000.0 / T_vo
    hh_price = HH2_TARIFF_2014 * (1 + HH2_TARIFF_RISE_2015_2019)
    out["wmo_hh"] = (
        cost_hh / hh_price,
        "assumption: hours = cost / hourly price EUR %s (Hengelo basistarief HH2 2014 EUR %s %s raised %d%% 2015-2019 per Berenschot evaluation %s); cost %s / %s"
        % (fmt(hh_price, 4), fmt(HH2_TARIFF_2014, 4), URL_HENGELO_HH, round(HH2_TARIFF_RISE_2015_2019 * 100), URL_SKIPR_HH_TARIEF, fmt(round(cost_hh)), fmt(hh_price, 4)),
        cost_hh,
        "derived: CBS 84580NED gerealiseerde uitgaven hulp bij het huishouden 2020 EUR %sk / %s clients 2020 (MLZ); price level 2020; %s"
        % (WMO_SPEND_2020_HBH_K, fmt(T_hh), URL_CBS_84580))
    out["wmo_begeleiding"] = (
        cost_ot / PRICE_PER_HOUR_BEGELEIDING,
        "assumption: hours = cost / EUR %s per hour (individual begeleiding tariffs ~55-65/h; dagbesteding cheaper per hour)" % fmt(PRICE_PER_HOUR_BEGELEIDING),
        cost_ot,
        "derived: CBS 84580NED gerealiseerde uitgaven ondersteuning thuis 2020 EUR %sk / %s clients 2020 (MLZ); price level 2020; %s"
        % (WMO_SPEND_2020_OT_K, fmt(T_ot), URL_CBS_84580))
    hd_src = ("derived: CBS 84580NED 2020 totaal excl. verblijf en opvang %sk - ondersteuning thuis %sk - HbH %sk = hulpmiddelen en diensten EUR %sk / %s clients 2020 (MLZ); price level 2020; assumption: same cost per client for aids and transport; %s"
              % (WMO_SPEND_2020_EXCL_VO_K, WMO_SPEND_2020_OT_K, WMO_SPEND_2020_HBH_K, spend_hd_k, fmt(T_hd), URL_CBS_84580))
    zero_src = "assumption: 0 - provisions and transport services; assessment (ergotherapist) and drivers are not care-workforce hours"
    out["wmo_hulpmiddelen"] = (0.0, zero_src, cost_hd, hd_src)
    out["wmo_vervoer"] = (0.0, zero_src, cost_hd, hd_src)
    out["wmo_bw"] = (
        cost_vo / PRICE_PER_HOUR_RESIDENTIAL,
        "assumption: hours = cost / EUR %s per hour (same provider types and prices as begeleiding; includes 24h presence)" % fmt(PRICE_PER_HOUR_RESIDENTIAL),
        cost_vo,
        "derived: CBS 84580NED 2020 totaal %sk - totaal excl. verblijf en opvang %sk = verblijf en opvang EUR %sk / %s clients 2020 (MLZ); price level 2020; %s"
        % (WMO_SPEND_2020_TOTAL_K, WMO_SPEND_2020_EXCL_VO_K, spend_vo_k, fmt(T_vo), URL_CBS_84580))
    # Youth: 2019 spending over 2019 clients, verblijf weighted by the Wmo BW/OT cost ratio.
    spend = (YOUTH_SPEND_2019_LOW + YOUTH_SPEND_2019_HIGH) / 2
    w_stay = cost_vo / cost_ot
    jb_jr = JB_2019 + JR_2019
    unit = spend / (JH2019_WITHOUT_STAY + w_stay * VERBLIJF_2019_UNDER23 + jb_jr)
    cal.youth_cost = {"spend": spend, "w_stay": w_stay, "unit": unit, "jb_jr": jb_jr}
    ysrc = ("derived: youth care spending 2019 EUR %s bn (midpoint of 5.4-5.6; Jeugdautoriteit 'De Stand van de Jeugdzorg 2023' %s) / (zonder verblijf %d [%s] + %s x met verblijf %d [%s] + jeugdbescherming %d + jeugdreclassering %d [%s]); "
            "assumption: a client with stay costs %s x a client without stay (ratio of Wmo beschermd wonen to begeleiding cost 2020); price level 2019"
            % (fmt(spend / 1e9, 3), URL_JEUGDAUTORITEIT, JH2019_WITHOUT_STAY, URL_CBS_JEUGDHULP_2019, fmt(w_stay, 4), VERBLIJF_2019_UNDER23,
               URL_NJI_VERBLIJF, JB_2019, JR_2019, URL_CBS_JZ_2019, fmt(w_stay, 4)))
    out["jeugd_ambulant"] = (unit / PRICE_PER_HOUR_YOUTH_AMBULANT,
                             "assumption: hours = cost / EUR %s per hour (all-in price of ambulant youth care incl. overhead)" % fmt(PRICE_PER_HOUR_YOUTH_AMBULANT),
                             unit, ysrc)
    out["jeugd_bescherming"] = (unit / PRICE_PER_HOUR_YOUTH_AMBULANT,
                                "assumption: hours = cost / EUR %s per hour (GI casework priced like ambulant youth care)" % fmt(PRICE_PER_HOUR_YOUTH_AMBULANT),
                                unit, ysrc + "; assumption: jeugdbescherming/-reclassering cost per client = ambulant")
    out["jeugd_verblijf"] = (unit * w_stay / PRICE_PER_HOUR_RESIDENTIAL,
                             "assumption: hours = cost / EUR %s per hour (residential price as Wmo beschermd wonen)" % fmt(PRICE_PER_HOUR_RESIDENTIAL),
                             unit * w_stay, ysrc)
    T_wlz = n["wlz", "2021"][0]
    wlz_spend = (WLZ_SPEND_2021_ZIN_M + WLZ_SPEND_2021_PGB_M) * 1e6
    out["wlz"] = (
        ZZP_VV5_HOURS_PER_WEEK * 52.0,
        "derived: %d hours/week (zorgzwaartepakket VV5 definition as quoted by %s) x 52; assumption: VV5 is representative of the average Wlz client"
        % (ZZP_VV5_HOURS_PER_WEEK, URL_ZZP_VV5),
        wlz_spend / T_wlz,
        "derived: Wlz zorg in natura binnen contracteerruimte EUR %s m + pgb EUR %s m (VWS jaarverslag 2021; %s) / %s persons with indication 2021 (CBS 84529NED); price level 2021"
        % (fmt(WLZ_SPEND_2021_ZIN_M), fmt(WLZ_SPEND_2021_PGB_M), URL_STAATVENZ_WLZ, fmt(T_wlz)))
    wv_cost = WV_SPEND_2019_M * 1e6 / WV_CLIENTS_2019
    out["wijkverpleging"] = (
        wv_cost / PRICE_PER_HOUR_WIJKVERPLEGING,
        "assumption: hours = cost / EUR %s per hour (between verzorging and verpleging tariffs)" % fmt(PRICE_PER_HOUR_WIJKVERPLEGING),
        wv_cost,
        "derived: Zvw wijkverpleging spending 2019 EUR %s m (VWS jaarverslag 2020 tabel 15; %s) / about %d clients 2019 (Vektis: stable around 585 thousand since 2018; %s); price level 2019"
        % (WV_SPEND_2019_M, URL_RIJKSFIN_2020, WV_CLIENTS_2019, URL_VEKTIS_WV))
    return out


def write_care_types(cal, out_dir):
    costs = care_type_costs(cal)
    cal.costs = costs
    rows = []
    for code, nl, en, domain, segment in CARE_TYPES:
        hours, hsrc, cost, csrc = costs[code]
        rows.append([code, nl, en, domain, segment, fmt(round(hours)), hsrc, fmt(round(cost)), csrc, "1"])
    write_csv(os.path.join(out_dir, "care_types.csv"),
              ["care_type", "name_nl", "name_en", "domain", "workforce_segment", "hours_per_client_year",
               "hours_source", "cost_per_client_year", "cost_source", "additive"], rows)
    return rows


# --------------------------------------------------------------------------------------
# Output 2: care_prevalence.csv
# --------------------------------------------------------------------------------------

def check_coverage(groups, what):
    ages = []
    for g in sorted(groups):
        ages.extend(range(g[0], g[1] + 1))
    if ages != list(range(0, OPEN_AGE + 1)):
        die("%s: age groups do not cover 0..100+ exactly once" % what)


def write_care_prevalence(cal, out_dir):
    rows = []
    for t in TYPE_CODES:
        p = cal.profiles[t]
        check_coverage(p.groups, t)
        for s in SEXES:
            for g in sorted(p.groups):
                r = p.rate[(g, s)]
                if not (0.0 <= r <= 1.0):
                    die("%s %s %s: prevalence %g outside 0..1" % (t, s, group_label(g), r))
                basis = p.basis[g]
                if r == 0.0:
                    basis = "not applicable at this age (0)"
                rows.append([t, s, group_label(g), fmt(r), basis])
    write_csv(os.path.join(out_dir, "care_prevalence.csv"),
              ["care_type", "sex", "age_group", "prevalence", "basis"], rows)
    return rows


# --------------------------------------------------------------------------------------
# Output 3: care_calibration_targets.csv
# --------------------------------------------------------------------------------------

def reproduce(cal, t, group_label_text, method):
    p = cal.profiles[t]
    single = cal.even if method == "even" else cal.mono
    if group_label_text == "total":
        return p.clients(cal.pop5, single)
    return p.clients(cal.pop5, single, parse_group(group_label_text))


def write_care_calibration_targets(cal, out_dir):
    rows = []
    cal.fit_table = []
    for t, g, sex, clients, period, source in cal.targets:
        rows.append([t, g, sex, fmt(round(clients)), period, source])
        even = reproduce(cal, t, g, "even")
        mono = reproduce(cal, t, g, "monotone")
        cal.fit_table.append((t, g, period, clients, even, mono))
        if abs(even / clients - 1) > 0.01:
            die("fit check failed: %s %s reproduces %g against %g" % (t, g, even, clients))
    write_csv(os.path.join(out_dir, "care_calibration_targets.csv"),
              ["care_type", "age_group", "sex", "target_clients", "period", "source"], rows)
    return rows


# --------------------------------------------------------------------------------------
# Output 4: care_municipal_index.csv
# --------------------------------------------------------------------------------------

# KWB age bands -> covering 5-year groups.
HBH_BANDS = [("k0tot15jaar", (0, 14)), ("k15tot25jaar", (15, 24)), ("k25tot45jaar", (25, 44)),
             ("k45tot65jaar", (45, 64)), ("popk65tot80jaarleeftijdsgroep", (65, 79)),
             ("popk80jaarofouderleeftijdsgroep", (80, OPEN_AGE))]
WIJK_BANDS = [("k0tot15jaar", (0, 14)), ("k15tot25jaar", (15, 24)), ("k25tot45jaar", (25, 44)),
              ("k45tot65jaar", (45, 64)), ("k65jaarofouder", (65, OPEN_AGE))]
# Municipal boundaries that changed between the KWB year and 2021 (not comparable).
BOUNDARY_CHANGED = {("GM0299", 2017)}


def in_band(g, band):
    return g[0] >= band[0] and g[1] <= band[1]


class MunicipalIndex:
    def __init__(self, inp, cal):
        self.inp, self.cal = inp, cal
        self.codes = [c for c, _ in inp.munis]
        self.hbh_rows = {}   # (code, year) -> row
        for r in inp.kwb_gm:
            self.hbh_rows[(r["codering_regio"].strip(), int(r["perioden"]))] = r
        self.wijk = defaultdict(lambda: {"clients": 0.0, "suppressed": 0, "wijken": 0,
                                         "bands": defaultdict(float)})
        for r in inp.kwb_wijk:
            code = "GM" + r["codering_regio"].strip()[2:6]
            y = int(r["perioden"])
            d = self.wijk[(code, y)]
            d["wijken"] += 1
            v = num(r["wmoclienten"])
            if v is None:
                d["suppressed"] += 1
            else:
                d["clients"] += v
            for col, _ in WIJK_BANDS:
                d["bands"][col] += num(r[col]) or 0.0

    def band_rate(self, profile, code, band):
        """Average national prevalence within a band, weighted by the municipality's own
        2021 composition (5-year groups x sex) inside the band."""
        pop = self.inp.pop[code]
        num_ = den = 0.0
        for g in FIVE_YEAR_GROUPS:
            if in_band(g, band):
                for s in SEXES:
                    num_ += profile.rate[(g, s)] * pop[(g, s)]
                    den += pop[(g, s)]
        return num_ / den if den else 0.0

    def national_factor(self, profile, total_y, year, bands, band_pop_of):
        """Scale from the fitted (base-year) national profile to year `year`:
        k = T_y / sum(prev x popNL_y), popNL_y approximated by popNL_2021 x Gelderland band growth
        from year to 2021 (municipalities with KWB rows in that year and unchanged boundaries)."""
        growth = {}
        for col, band in bands:
            y_sum = p21 = 0.0
            for code in self.codes:
                bp = band_pop_of(code, year)
                if bp is None:
                    continue
                y_sum += bp[col]
                p21 += sum(self.inp.pop[code][(g, s)] for g in FIVE_YEAR_GROUPS if in_band(g, band) for s in SEXES)
            growth[col] = y_sum / p21
        expected_nl = 0.0
        for col, band in bands:
            for g in FIVE_YEAR_GROUPS:
                if in_band(g, band):
                    for s in SEXES:
                        expected_nl += profile.rate[(g, s)] * self.cal.pop5[(g, s)] * growth[col]
        return total_y / expected_nl, growth

    def hbh_band_pop(self, code, year):
        r = self.hbh_rows.get((code, year))
        if r is None or (code, year) in BOUNDARY_CHANGED:
            return None
        vals = {col: num(r[col]) for col, _ in HBH_BANDS}
        if any(v is None for v in vals.values()):
            return None
        return vals

    def wijk_band_pop(self, code, year):
        d = self.wijk.get((code, year))
        if d is None or (code, year) in BOUNDARY_CHANGED:
            return None
        return dict(d["bands"])

    def expected(self, profile, code, band_pop, bands, k):
        return k * sum(band_pop[col] * self.band_rate(profile, code, band) for col, band in bands)

    def expected_2021(self, profile, code):
        pop = self.inp.pop[code]
        return sum(profile.rate[(g, s)] * pop[(g, s)] for g in FIVE_YEAR_GROUPS for s in SEXES)

    # ---- own figures ------------------------------------------------------------------

    def own_hbh(self):
        cal, n = self.cal, self.cal.national
        prof = cal.profiles["wmo_hh"]
        out = {}
        factors = {}
        for y in (2017, 2018, 2019):
            factors[y] = self.national_factor(prof, n["wmo_hh", str(y)][0], y, HBH_BANDS, self.hbh_band_pop)
        self.hbh_growth = {y: factors[y][1] for y in factors}
        for code in self.codes:
            if code == AALTEN:
                continue
            for y in (2019, 2018, 2017):
                r = self.hbh_rows.get((code, y))
                bp = self.hbh_band_pop(code, y)
                if r is None or bp is None or num(r["wmoclienten"]) is None:
                    continue
                obs = num(r["wmoclienten"])
                exp = self.expected(prof, code, bp, HBH_BANDS, factors[y][0])
                out[code] = (obs / exp, obs, exp, y, "own (CBS %s %d)" % ({2017: "84751NED", 2018: "84752NED", 2019: "84753NED"}[y], y),
                             "kwb/wmo-hbh_kwb_regiokerncijfers_gemeente_2017-2019_gelderland.csv (CBS %s; KWB age bands %d)"
                             % ({2017: "84751NED", 2018: "84752NED", 2019: "84753NED"}[y], y))
                break
        # Aalten: own series; 2020 against the fitted 2020 profile with population 1-1-2021.
        obs, url, table = cal.national["aalten_hh", "2020"]
        exp = self.expected_2021(prof, AALTEN)
        out[AALTEN] = (obs / exp, obs, exp, 2020, "own (CBS %s 2020 Aalten series)" % table,
                       "published_figures.csv: Aalten HbH 2020 = %s; %s" % (fmt(obs), url))
        return out

    def wijk_correction(self):
        """Wijk sums understate the municipal Wmo total (clients without a wijk, suppressed
        wijken). The only municipality with both figures is Aalten 2019: CBS municipal total /
        sum of its wijken. judgement call: this factor is applied to every wijk sum."""
        d = self.wijk.get((AALTEN, 2019))
        if d is None or d["clients"] <= 0:
            die("wijk file has no Aalten 2019 rows to calibrate the wijk-sum correction")
        return self.cal.national["aalten_total", "2019"][0] / d["clients"]

    def own_all_wmo(self):
        cal, n = self.cal, self.cal.national
        prof = cal.wmo_all
        corr = self.wijk_correction()
        self.wijk_corr = corr
        factors = {y: self.national_factor(prof, n["wmo_total", str(y)][0], y, WIJK_BANDS, self.wijk_band_pop)
                   for y in (2017, 2018, 2019)}
        out = {}
        for code in self.codes:
            for y in (2019, 2018, 2017):
                d = self.wijk.get((code, y))
                bp = self.wijk_band_pop(code, y)
                if d is None or bp is None or d["clients"] <= 0:
                    continue
                exp = self.expected(prof, code, bp, WIJK_BANDS, factors[y][0])
                obs = d["clients"] * corr
                note = "sum of %d wijken" % d["wijken"]
                if d["suppressed"]:
                    note += ", %d suppressed" % d["suppressed"]
                note += ", x %s wijk-sum correction" % fmt(corr, 5)
                out[code] = (obs / exp, obs, exp, y, note)
                break
        return out

    def own_youth(self):
        out = {}
        for code in self.codes:
            for y in (2019, 2018):
                r = self.hbh_rows.get((code, y))
                if r is None or num(r["percentagejongerenmetjeugdzorg"]) is None:
                    continue
                pct = num(r["percentagejongerenmetjeugdzorg"])
                nat_pct, url, _ = self.cal.national["jz_pct", str(y)]
                zin, both, pgb = JH_PGB_ONLY[y]
                nat_zin = nat_pct * (1 - pgb / float(zin + both + pgb))
                out[code] = (pct / nat_zin, pct, nat_zin, y)
                break
        return out

    # ---- regional fallback --------------------------------------------------------------

    def region_level(self, own, code, youth):
        """Population-weighted mean index of the region's members with an own figure:
        zorgregio if any, else (youth types) jeugdregio, else COROP, else province."""
        order = ["zorgregio"] + (["jeugdregio"] if youth else []) + ["corop", "province"]
        for rtype in order:
            rcode = self.inp.region_of[rtype].get(code)
            if rcode is None:
                continue
            members = [c for c, rc in self.inp.region_of[rtype].items() if rc == rcode and c in own]
            if not members:
                continue
            w = {c: sum(self.inp.pop[c].values()) for c in members}
            level = sum(own[c] * w[c] for c in members) / sum(w.values())
            return level, rtype, rcode, members
        die("no region with own figures for %s" % code)

    def build(self):
        hbh = self.own_hbh()
        allwmo = self.own_all_wmo()
        youth = self.own_youth()
        cal, n = self.cal, self.cal.national
        # Aalten's own series for the other Wmo types.
        aalten = {}
        ot_obs, ot_url, ot_tab = n["aalten_ot", "2020"]
        aalten["wmo_begeleiding"] = (ot_obs / self.expected_2021(cal.profiles["wmo_begeleiding"], AALTEN),
                                     "own (CBS %s 2020 Aalten series: ondersteuning thuis %s)" % (ot_tab, fmt(ot_obs)), ot_url)
        hd_obs, hd_url, hd_tab = n["aalten_hd", "2019"]
        hd_prof = Profile(FIVE_YEAR_GROUPS)
        hd_prof.add(cal.profiles["wmo_hulpmiddelen"])
        hd_prof.add(cal.profiles["wmo_vervoer"])
        k19, _ = self.national_factor(hd_prof, n["wmo_hd", "2019"][0], 2019, HBH_BANDS, self.hbh_band_pop)
        hd_exp = self.expected(hd_prof, AALTEN, self.hbh_band_pop(AALTEN, 2019), HBH_BANDS, k19)
        for t in ("wmo_hulpmiddelen", "wmo_vervoer"):
            aalten[t] = (hd_obs / hd_exp, "own (CBS %s 2019 Aalten series: hulpmiddelen en diensten %s)" % (hd_tab, fmt(hd_obs)), hd_url)
        tot_obs, tot_url, tot_tab = n["aalten_total", "2020"]
        aalten_all = tot_obs / self.expected_2021(cal.wmo_all, AALTEN)
        aalten["wmo_bw"] = (aalten_all, "own (CBS %s 2020 Aalten series: all Wmo %s)" % (tot_tab, fmt(tot_obs)), tot_url)
        self.aalten = aalten
        self.aalten_detail = {"hd": (hd_obs, hd_exp), "all": (tot_obs, self.expected_2021(cal.wmo_all, AALTEN))}
        # Own dictionaries per type (index, ...). Region fallback uses own figures of that type.
        own = {"wmo_hh": {c: v[0] for c, v in hbh.items()}}
        allwmo_idx = {c: v[0] for c, v in allwmo.items()}
        allwmo_idx[AALTEN] = aalten_all   # Aalten's own all-Wmo total replaces its wijk sum
        for t in OTHER_WMO_TYPES:
            own[t] = dict(allwmo_idx)
            own[t][AALTEN] = aalten[t][0]
        youth_idx = {c: v[0] for c, v in youth.items()}
        for t in YOUTH_TYPES:
            own[t] = dict(youth_idx)
        rows = []
        self.summary = {}
        for t in TYPE_CODES:
            entries = []
            for code in self.codes:
                if t in ("wlz", "wijkverpleging"):
                    entries.append((code, 1.0, "national (no municipal figure)", ""))
                    continue
                if code in own[t]:
                    idx = own[t][code]
                    if t == "wmo_hh":
                        basis, source = hbh[code][4], hbh[code][5]
                    elif t in YOUTH_TYPES:
                        pct, nat, y = youth[code][1], youth[code][2], youth[code][3]
                        basis = "own (KWB %s %d: %s%% of <23 vs national in natura %s%%; same index for all youth types)" % (
                            {2018: "84286NED", 2019: "84583NED"}[y], y, fmt(pct, 4), fmt(nat, 4))
                        source = "kwb/wmo-hbh_kwb_regiokerncijfers_gemeente_2017-2019_gelderland.csv; national %% %s (NJi/CBS)" % y
                    elif code == AALTEN:
                        basis, source = aalten[t][1], aalten[t][2]
                    else:
                        obs, exp, y, note = allwmo[code][1], allwmo[code][2], allwmo[code][3], allwmo[code][4]
                        basis = "own (all Wmo clients, wijk file %d, %s; same index for begeleiding/hulpmiddelen/vervoer/bw)" % (y, note)
                        source = "kwb/wmo-totaal_kwb_wijk_2015-2019_gelderland.csv (CBS Wmo-clienten per wijk %d)" % y
                    entries.append((code, idx, basis, source))
                else:
                    level, rtype, rcode, members = self.region_level(own[t], code, t in YOUTH_TYPES)
                    basis = "region %s (%s %s; population-weighted mean of %d members with own figure)" % (
                        rcode, rtype, self.inp.region_name.get(rcode, ""), len(members))
                    entries.append((code, level, basis, "members: " + " ".join(sorted(members))))
            for code, idx, basis, source in entries:
                rows.append([t, code, fmt(idx, 6), basis, source])
            self.summary[t] = entries
        self.hbh, self.allwmo, self.youth = hbh, allwmo, youth
        return rows


def write_care_municipal_index(inp, cal, out_dir):
    mi = MunicipalIndex(inp, cal)
    rows = mi.build()
    if len(rows) != len(TYPE_CODES) * len(inp.munis):
        die("internal: municipal index has %d rows" % len(rows))
    write_csv(os.path.join(out_dir, "care_municipal_index.csv"),
              ["care_type", "geo_code", "index", "basis", "source"], rows)
    return rows, mi


# --------------------------------------------------------------------------------------
# Report (Markdown, quoted by docs/care-calibration.md)
# --------------------------------------------------------------------------------------

def report(inp, cal, mi, files):
    out = []
    p = out.append
    p("## Generated tables (tools/calibrate_care.py --report)\n")
    p("Files written:\n")
    for name, n_rows in files:
        p("- `%s`: %d rows" % (name, n_rows))
    p("\nFemale/male rate ratios at equal age: R = %s for elderly-care components (fitted to the crude 70+ all-Wmo ratio %s/%s = %s, CBS 2016), Ry = %s for the flat Wmo components (fitted to the crude all-ages ratio %s, VNG/GMSD 2018 H1)."
      % (fmt(cal.R, 4), WMO_70PLUS_2016_WOMEN_PCT, WMO_70PLUS_2016_MEN_PCT,
         fmt(WMO_70PLUS_2016_WOMEN_PCT / WMO_70PLUS_2016_MEN_PCT, 4), fmt(cal.Ry, 4), WMO_ALL_AGES_2018_WOMEN_OVER_MEN))
    hp = cal.hh_par
    p("HbH curve (male, adult ages): rate = %s / (1 + exp(-%s x (age - %s))); females x R; at younger ages doubling every %s years."
      % (fmt(hp["L"], 4), fmt(hp["k"], 4), fmt(hp["m0"], 4), fmt(math.log(2) / hp["k"], 3)))
    p("All-Wmo: persons / sum of type clients 2020 = %s; the independence union is scaled by %s to the 2020 total." % (fmt(cal.overlap, 4), fmt(cal.union_scale, 4)))
    p("Youth sex split: male share ages 7-11 = %s, ages 12-22 = %s (from boys 8-11 and girls 12-17, 2023); implied male point total %s vs published %s (%+.1f%%)."
      % (fmt(cal.youth_sex_shares[0], 4), fmt(cal.youth_sex_shares[1], 4), fmt(round(cal.youth_sex_shares[2])),
         fmt(cal.youth_sex_shares[3]), (cal.youth_sex_shares[2] / cal.youth_sex_shares[3] - 1) * 100))
    p("Youth 18-22 share: ambulant %s (all jeugdzorg 2021), verblijf %s (verblijf 2019)."
      % (fmt(cal.youth_age_split[0], 4), fmt(cal.youth_age_split[1], 4)))
    p("Wlz VV logistic midpoint age = %s (plateau %s, doubling %s years at lower ages)." % (fmt(cal.vv_m50, 4), VV_PLATEAU, VV_DOUBLING_YEARS))
    p("Wlz VV share (2018 grondslag) = %s. Wmo transport share of hulpmiddelen en diensten = %s.\n"
      % (fmt(cal.vv_share, 4), fmt(cal.vervoer_share, 4)))

    p("### Fit: targets vs reproduced (population %s)\n" % BASE_POPULATION_DATE)
    p("| care type | age | period | target | reproduced (even split) | diff | reproduced (engine split) | diff |")
    p("|---|---|---|---:|---:|---:|---:|---:|")
    for t, g, period, target, even, mono in cal.fit_table:
        p("| %s | %s | %s | %s | %s | %+.3f%% | %s | %+.3f%% |" % (
            t, g, period, fmt(round(target)), fmt(round(even)), (even / target - 1) * 100,
            fmt(round(mono)), (mono / target - 1) * 100))

    p("\n### Checks (and the two fitted sex ratios)\n")
    p("| check | model | published | note |")
    p("|---|---:|---:|---|")
    pop5, even = cal.pop5, cal.even
    hh = cal.profiles["wmo_hh"]
    r75 = hh.clients(pop5, even, (75, 84)) / cal.pop_total((75, 84)) * 100
    r85 = hh.clients(pop5, even, (85, OPEN_AGE)) / cal.pop_total((85, OPEN_AGE)) * 100
    p("| HbH %% of 75-84 | %.1f | %s (2022 H2) / %s (2024) | half-year vs year counts |" % (
        r75, fmt(cal.national["hh_share_75_84", "2022 H2"][0]), fmt(cal.national["hh_share_75_84", "2024"][0])))
    p("| HbH %% of 85+ | %.1f | %s (2022 H2) / %s (2024) | |" % (
        r85, fmt(cal.national["hh_share_85", "2022 H2"][0]), fmt(cal.national["hh_share_85", "2024"][0])))
    w75 = cal.wmo_all.clients(pop5, even, (75, OPEN_AGE)) / cal.pop_total((75, OPEN_AGE)) * 100
    p("| any Wmo maatwerk %% of 75+ | %.1f | %s (2024 H1) | half-year, new CBS method, 4 years later |" % (
        w75, fmt(cal.national["wmo_75plus_share", "2024 H1"][0])))
    ratio_all = cal.crude_sex_ratio(cal.wmo_all, (0, OPEN_AGE))
    ratio_70 = cal.crude_sex_ratio(cal.wmo_all, (70, OPEN_AGE))
    p("| women/men crude ratio, any Wmo, 70+ (fitted via R) | %.3f | %.3f (2016) | CBS Statistische Trends 2020, tabellenbijlage |" % (
        ratio_70, WMO_70PLUS_2016_WOMEN_PCT / WMO_70PLUS_2016_MEN_PCT))
    p("| women/men crude ratio, any Wmo, all ages (fitted via Ry) | %.3f | 1.6 (2018 H1) | VNG Realisatie: use 60%% higher among women |" % ratio_all)
    for t in TYPE_CODES:
        prof = cal.profiles[t]
        tot = prof.clients(pop5, even)
        fem = prof.clients(pop5, even, None, ("female",))
        old = prof.clients(pop5, even, (65, OPEN_AGE))
        p("| %s: clients / %% female / %% 65+ | %s / %.1f / %.1f | | model only |" % (t, fmt(round(tot)), fem / tot * 100, old / tot * 100))

    p("\n### Care types (hours and cost per client per year)\n")
    p("| care type | segment | hours | cost (EUR) |")
    p("|---|---|---:|---:|")
    for code, nl, en, domain, seg in CARE_TYPES:
        h, _, c, _ = cal.costs[code]
        p("| %s | %s | %s | %s |" % (code, seg, fmt(round(h)), fmt(round(c))))
    yc = cal.youth_cost
    p("\nYouth cost derivation: EUR %s / (%d + %s x %d + %d) = EUR %s per client without stay; with stay EUR %s."
      % (fmt(yc["spend"]), JH2019_WITHOUT_STAY, fmt(yc["w_stay"], 4), VERBLIJF_2019_UNDER23, yc["jb_jr"],
         fmt(round(yc["unit"])), fmt(round(yc["unit"] * yc["w_stay"]))))

    p("\n### Municipal index summary\n")
    p("| care type | min | median | max | own | region |")
    p("|---|---:|---:|---:|---:|---:|")
    for t in TYPE_CODES:
        vals = sorted(e[1] for e in mi.summary[t])
        own = sum(1 for e in mi.summary[t] if e[2].startswith("own"))
        reg = sum(1 for e in mi.summary[t] if e[2].startswith("region"))
        med = vals[len(vals) // 2] if len(vals) % 2 else (vals[len(vals) // 2 - 1] + vals[len(vals) // 2]) / 2
        p("| %s | %.3f | %.3f | %.3f | %d | %d |" % (t, vals[0], med, vals[-1], own, reg))

    p("\n### Gelderland: observed vs expected (own figures)\n")
    p("| figure | municipalities | observed | expected | observed/expected |")
    p("|---|---:|---:|---:|---:|")
    o = sum(v[1] for c, v in mi.hbh.items())
    e = sum(v[2] for c, v in mi.hbh.items())
    p("| Wmo HbH (latest of 2017-2019; Aalten 2020) | %d | %s | %s | %.3f |" % (len(mi.hbh), fmt(round(o)), fmt(round(e)), o / e))
    o = sum(v[1] for v in mi.allwmo.values())
    e = sum(v[2] for v in mi.allwmo.values())
    p("| all Wmo, wijk sums x %s (latest of 2017-2019) | %d | %s | %s | %.3f |" % (fmt(mi.wijk_corr, 5), len(mi.allwmo), fmt(round(o)), fmt(round(e)), o / e))
    hd_o, hd_e = mi.aalten_detail["hd"]
    p("| Aalten hulpmiddelen en diensten 2019 | 1 | %s | %s | %.3f |" % (fmt(hd_o), fmt(round(hd_e)), hd_o / hd_e))
    a_o, a_e = mi.aalten_detail["all"]
    p("| Aalten all Wmo 2020 | 1 | %s | %s | %.3f |" % (fmt(a_o), fmt(round(a_e)), a_o / a_e))
    if ("GM0197", 2019) in mi.wijk:
        d = mi.wijk[("GM0197", 2019)]
        p("| Aalten all Wmo 2019: wijk sum vs municipal figure | 1 | %s | %s (municipal) | %.3f |" % (
            fmt(d["clients"]), fmt(cal.national["aalten_total", "2019"][0]), d["clients"] / cal.national["aalten_total", "2019"][0]))

    p("\n### Municipal indices\n")
    p("| code | municipality | wmo_hh | basis | other Wmo | basis | youth | basis |")
    p("|---|---|---:|---|---:|---|---:|---|")
    idx = {t: {e[0]: e for e in mi.summary[t]} for t in TYPE_CODES}

    def short(b):
        if b.startswith("own"):
            return "own " + b.split("(")[1].split(")")[0].split(";")[0].replace("CBS ", "")
        return b.split(" (")[0]
    for code, name in inp.munis:
        a, b, c = idx["wmo_hh"][code], idx["wmo_begeleiding"][code], idx["jeugd_ambulant"][code]
        p("| %s | %s | %.3f | %s | %.3f | %s | %.3f | %s |" % (code, name, a[1], short(a[2]), b[1], short(b[2]), c[1], short(c[2])))
    p("\nAalten other Wmo types: " + "; ".join("%s %.3f" % (t, mi.aalten[t][0]) for t in OTHER_WMO_TYPES))
    growth = mi.hbh_growth
    p("\nNational population of year y approximated as NL 2021 x Gelderland band growth (KWB year y -> 2021): "
      + "; ".join("%d: %s" % (y, ", ".join("%s %.3f" % (col.replace("popk", "").replace("jaarleeftijdsgroep", "").replace("jaarofouderleeftijdsgroep", "+").replace("jaar", ""), 1 / g)
                                           for col, g in growth[y].items())) for y in sorted(growth)))
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="dataset folder, e.g. data/gelderland")
    ap.add_argument("--report", action="store_true", help="print the Markdown fit report")
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        die("dataset folder %s does not exist" % args.data)
    inp = Inputs(args.data)
    out_dir = os.path.join(args.data, "care")
    os.makedirs(out_dir, exist_ok=True)

    cal = Calibration(inp)
    cal.fit()
    files = []
    files.append(("care_types.csv", len(write_care_types(cal, out_dir))))
    files.append(("care_prevalence.csv", len(write_care_prevalence(cal, out_dir))))
    files.append(("care_calibration_targets.csv", len(write_care_calibration_targets(cal, out_dir))))
    rows, mi = write_care_municipal_index(inp, cal, out_dir)
    files.append(("care_municipal_index.csv", len(rows)))

    worst = max(abs(even / target - 1) for _, _, _, target, even, _ in cal.fit_table)
    worst_mono = max(abs(mono / target - 1) for _, _, _, target, _, mono in cal.fit_table)
    print("calibrate_care.py: wrote %s" % ", ".join("%s (%d rows)" % f for f in files))
    print("  fit: %d targets, max |diff| %.4f%% (even split), %.4f%% (engine monotone split)"
          % (len(cal.fit_table), worst * 100, worst_mono * 100))
    print("  R = %.4f, Ry = %.4f; HbH logistic k = %.4f, m0 = %.2f, L = %.4f" % (cal.R, cal.Ry, cal.hh_par["k"], cal.hh_par["m0"], cal.hh_par["L"]))
    if args.report:
        sys.stdout.write("\n" + report(inp, cal, mi, files))


if __name__ == "__main__":
    main()
