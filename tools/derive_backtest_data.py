#!/usr/bin/env python3
"""Writes the base population of the back-test (`zorgsim backtest`, docs/validation.md):
the population on 1 January 2017 per municipality of 2024, as CBS published it then.

Input (already in the repository, CBS open data, CC BY 4.0, "Bron: CBS"):
  data/nederland/kwb/wmo_hbh_jeugdzorg_bevolkingsdynamiek_gemeente_2017-2019.csv
      CBS 70072NED (Regionale kerncijfers Nederland), rows of 2017: population on 1 January
      2017 per municipality of 2017 in nine age bands (both sexes: 0-4, 5-9, 10-14, 15-19,
      20-24, 25-44, 45-64, 65-79, 80+) and by sex (all ages). The extract lacks some
      municipalities (83 of the 388 of 2017; see data/nederland/SOURCES.md).
  data/nederland/municipal_changes.csv, municipalities.csv: old codes to the codes of 2024.

Output: data/nederland/backtest/population_2017.csv and the Gelderland selection
data/gelderland/backtest/population_2017.csv, columns geo_code,sex,age_group,persons:
  sex "all" with the nine bands; age_group "all" with sex male and female.
A municipality of 2024 is written only when every predecessor that existed in 2017 has
complete figures; split municipalities (Littenseradiel 2018, Winsum 2019, Haaren 2021) are
divided by the shares of municipal_changes.csv with largest-remainder rounding (counts stay
integers and add up). The extract has no national row: NL01 is the sum of the municipalities
written times the ratio of national to their births + deaths in 2012-2016 (a ratio estimate).

Usage, from the repository root (standard library only, deterministic output):
    python3 tools/derive_backtest_data.py
"""

import csv
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import national_flows  # noqa: E402  (_existed: which codes existed in a year)
from national_flows import allocate  # noqa: E402

REPO = os.path.dirname(HERE)
NL_DIR = os.path.join(REPO, "data", "nederland")
KWB = os.path.join(NL_DIR, "kwb", "wmo_hbh_jeugdzorg_bevolkingsdynamiek_gemeente_2017-2019.csv")
YEAR = 2017
BANDS = [("0-4", "popjongerdan5jaarleeftijdsgroep"), ("5-9", "popk5tot10jaarleeftijdsgroep"),
         ("10-14", "popk10tot15jaarleeftijdsgroep"), ("15-19", "popk15tot20jaarleeftijdsgroep"),
         ("20-24", "popk20tot25jaarleeftijdsgroep"), ("25-44", "popk25tot45jaarleeftijdsgroep"),
         ("45-64", "popk45tot65jaarleeftijdsgroep"), ("65-79", "popk65tot80jaarleeftijdsgroep"),
         ("80+", "popk80jaarofouderleeftijdsgroep")]
SEXES = [("male", "popmannen"), ("female", "popvrouwen")]


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def complete_2017_rows():
    """{2017 code: {label: persons}} for rows whose bands and sexes are all present and add up."""
    out = {}
    for r in read(KWB):
        if r["perioden"] != str(YEAR):
            continue
        cols = [c for _, c in BANDS] + [c for _, c in SEXES] + ["poptotalebevolking"]
        if any(r[c].strip() == "" for c in cols):
            continue
        v = {label: int(r[c]) for label, c in BANDS + SEXES}
        total = int(r["poptotalebevolking"])
        if sum(v[b] for b, _ in BANDS) != total or v["male"] + v["female"] != total:
            sys.exit("%s: %s %d bands or sexes do not add up to %d" % (KWB, r["codering_regio"], YEAR, total))
        out[r["codering_regio"]] = v
    return out


def mapping_to_2024(names):
    """{old or 2024 code: [(2024 code, share)]} from municipal_changes.csv."""
    m = defaultdict(list)
    for r in read(os.path.join(NL_DIR, "municipal_changes.csv")):
        m[r["old_code"]].append((r["geo_code"], float(r["share"])))
    for code in names:
        m.setdefault(code, [(code, 1.0)])
    return m


def municipal_rows(names, mapping, have):
    contributors = defaultdict(set)
    for old, succ in mapping.items():
        for gm, _ in succ:
            contributors[gm].add(old)
    values, missing = {}, []
    for gm in sorted(names):
        need = sorted(c for c in contributors[gm] if national_flows._existed(c, YEAR, names))
        if not need or any(c not in have for c in need):
            missing.append(gm)
            continue
        vals = defaultdict(int)
        for c in need:
            for label, v in have[c].items():
                vals[label] += dict(allocate(v, mapping[c]))[gm]
        values[gm] = vals
    return values, missing


def national_ratio(codes):
    """NL01 births + deaths 2012-2016 over the same of the covered municipalities: the factor
    that takes their population to the whole country (a ratio estimate, as for the national
    flows of 2017-2019 in tools/national_flows.py)."""
    nl, covered = 0, 0
    for r in read(os.path.join(NL_DIR, "population_flows.csv")):
        if int(r["year"]) >= YEAR:
            continue
        v = int(r["births"]) + int(r["deaths"])
        if r["geo_code"] == "NL01":
            nl += v
        elif r["geo_code"] in codes:
            covered += v
    return nl / covered


def write(path, values, codes):
    # NL01 stands for the whole country (the engine's national rates and pools use it): the
    # covered municipalities' sum times national_ratio, rounded per cell.
    ratio = national_ratio(set(codes))
    national = defaultdict(int)
    for c in codes:
        for label, v in values[c].items():
            national[label] += v
    for label in list(national):
        national[label] = int(round(national[label] * ratio))
    sexes = national["male"] + national["female"]
    bands = sum(national[b] for b, _ in BANDS)
    national["female"] += bands - sexes   # rounding: keep male + female = the band sum
    print("NL01: %d covered persons x %.6f = %d" % (sum(sum(values[c][b] for b, _ in BANDS) for c in codes),
                                                      ratio, bands))
    rows = []
    for c, vals in [("NL01", national)] + [(c, values[c]) for c in sorted(codes)]:
        rows += [[c, "all", b, vals[b]] for b, _ in BANDS]
        rows += [[c, s, "all", vals[s]] for s, _ in SEXES]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["geo_code", "sex", "age_group", "persons"])
        w.writerows(rows)


def main():
    names = {r["geo_code"]: r["geo_name"] for r in read(os.path.join(NL_DIR, "municipalities.csv"))}
    values, missing = municipal_rows(names, mapping_to_2024(names), complete_2017_rows())
    covered = sum(sum(v[b] for b, _ in BANDS) for v in values.values())
    print("1 Jan %d: %d of %d municipalities of 2024 complete, %d persons; without: %s"
          % (YEAR, len(values), len(names), covered, " ".join(missing)))
    write(os.path.join(NL_DIR, "backtest", "population_2017.csv"), values, list(values))
    gld = {r["geo_code"] for r in read(os.path.join(REPO, "data", "gelderland", "municipalities.csv"))}
    gld_codes = [c for c in values if c in gld]
    print("Gelderland: %d of %d municipalities" % (len(gld_codes), len(gld)))
    # The Gelderland file keeps the national row of the whole country (same NL01 as above).
    path = os.path.join(REPO, "data", "gelderland", "backtest", "population_2017.csv")
    write(path, values, list(values))
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    keep = [ln for ln in lines if ln.split(",")[0] in gld or ln.startswith(("geo_code", "NL01"))]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(keep) + "\n")


if __name__ == "__main__":
    main()
