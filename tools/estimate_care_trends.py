#!/usr/bin/env python3
"""Estimate the care-use trend beyond demography per care type (care/care_trends.csv).

Usage (from the repository root, after building zorgsim):

    build/cli/zorgsim run scenarios/demografie-alleen.toml --data data/nederland \\
        --out /tmp/nl-demografie -q          # national clients at constant age-specific use
    python3 tools/estimate_care_trends.py --demography-run /tmp/nl-demografie/results.csv \\
        [--write data/gelderland/care data/nederland/care] [--report]

Method (docs/method-care.md, section 1a): for each care type with a consistent national
series, the observed yearly growth over a period is split multiplicatively into
    (1 + observed) = (1 + demographic) x (1 + residual)
where `demographic` is the growth of clients at constant age-specific use (the base-year
prevalence profile of care_prevalence.csv applied to the changing age structure):
  * 2017-2019: the CBS KWB age bands (0-14, 15-24, 25-44, 45-64, 65-79, 80+) summed over the
    municipalities present in both years with unchanged boundaries
    (data/nederland/kwb/wmo_hbh_jeugdzorg_bevolkingsdynamiek_gemeente_2017-2019.csv),
    weighted by each band's share of the type's clients on 1 January 2021;
  * 2021-2024: zorgsim's own cohort projection of data/nederland with trend 0
    (scenario demografie-alleen), national clients 2024 / 2021;
  * years between 2019 and 2021 (no age structure in the repository): the 2021-2024 rate
    (assumption, stated per row).
The residual becomes the default trend, from the base year up to taper_start_year, then
falling linearly to 0 at taper_end_year (TAPER_* below; assumption).

Python 3 standard library only; deterministic. Every observed figure is a named constant
below with its source (copied from the research file care_use_series.csv, which quotes
the publication).
"""

import argparse
import csv
import os
import sys
from collections import defaultdict

# --------------------------------------------------------------------------------------
# Observed national series (persons). Source per series; 'voorlopig' where CBS says so.
# --------------------------------------------------------------------------------------
MLZ_WMO = "https://www.monitorlangdurigezorg.nl/kerncijfers/gebruik/gebruik-wmo-maatwerkvoorzieningen"
CBS_86050 = "https://www.cbs.nl/nl-nl/cijfers/detail/86050NED"
HBH = {2017: 398090, 2018: 390950, 2019: 439060, 2020: 496120, 2024: 556180}  # MLZ 2017-2020*, 86050NED 2024*
HBH_H1 = {2019: 382000, 2020: 445000, 2023: 485000, 2024: 501130}  # CBS half-year figures (check only)
CBS_84529 = "https://cbs.nl/nl-nl/cijfers/detail/84529NED"
WLZ = {2015: 291655, 2016: 295300, 2017: 294235, 2018: 299000, 2019: 309280, 2020: 314400, 2021: 342095, 2022: 358490}
MLZ_ZVW = "https://www.monitorlangdurigezorg.nl/kerncijfers/gebruik/gebruik-zvw"
STAATVENZ_WV = "https://www.staatvenz.nl/kerncijfers/wijkverpleging"
WIJK = {2015: 511910, 2016: 540890, 2017: 557005, 2018: 588620, 2019: 586305, 2022: 579090}  # MLZ personen in jaar
JH_2019 = "https://longreads.cbs.nl/jeugdhulp2019/jongeren-met-jeugdhulp/"
JH_2021 = "https://www.cbs.nl/nl-nl/longread/rapportages/2022/jeugdhulp-2021/1-jongeren-met-jeugdhulp"
JM_2024 = "https://longreads.cbs.nl/jeugdmonitor-2024/jeugdzorg"
# jeugdhulp zonder verblijf in natura, 0-22: 2016-2019 CBS table 1.0.2; 2021 CBS Jeugdhulp 2021
# (as in care_calibration_targets.csv); 2023 Jeugdmonitor 2024 (excl. pgb, voorlopig).
JEUGD_AMB = {2016: 358125, 2017: 379790, 2018: 392035, 2019: 404980, 2021: 424300, 2023: 447000}

# assumption: the trend observed up to 2024 holds in full through 2025 and fades linearly
# to 0 in 2040 (no published taper; halfway the projection horizon, so a trend does not run
# unchanged to 2050).
TAPER_START, TAPER_END = 2025, 2040

KWB = "data/nederland/kwb/wmo_hbh_jeugdzorg_bevolkingsdynamiek_gemeente_2017-2019.csv"
KWB_BANDS = [("k0tot15jaar", 0, 14), ("k15tot25jaar", 15, 24), ("k25tot45jaar", 25, 44),
             ("k45tot65jaar", 45, 64), ("popk65tot80jaarleeftijdsgroep", 65, 79),
             ("popk80jaarofouderleeftijdsgroep", 80, 200)]


def die(msg):
    sys.exit("estimate_care_trends.py: " + msg)


def num(text):
    t = (text or "").strip()
    if t in ("", ".", "x"):
        return None
    return float(t)


def parse_group(label):
    if label.endswith("+"):
        return int(label[:-1]), 200
    if "-" in label:
        a, b = label.split("-")
        return int(a), int(b)
    return int(label), int(label)


def band_of(age):
    for col, lo, hi in KWB_BANDS:
        if lo <= age <= hi:
            return col
    die("age %d in no band" % age)


def clients_by_band(care_dir, pop_file):
    """Clients per care type and KWB band at the base-year profile on 1-1-2021 (single ages,
    5-year population split evenly)."""
    pop = {}
    with open(pop_file) as f:
        for r in csv.DictReader(f):
            lo, hi = parse_group(r["age_group"])
            hi = min(hi, 100)
            for a in range(lo, hi + 1):
                pop[(r["sex"], a)] = float(r["persons"]) / (hi - lo + 1)
    out = defaultdict(lambda: defaultdict(float))
    with open(os.path.join(care_dir, "care_prevalence.csv")) as f:
        for r in csv.DictReader(f):
            lo, hi = parse_group(r["age_group"])
            for a in range(lo, min(hi, 100) + 1):
                out[r["care_type"]][band_of(a)] += float(r["prevalence"]) * pop.get((r["sex"], a), 0.0)
    return out


def kwb_band_growth():
    """Band population 2019 / 2017 over municipalities in both years with unchanged
    boundaries (total population within 3 % of 2017; a merger moves it more)."""
    rows = {}
    with open(KWB) as f:
        for r in csv.DictReader(f):
            rows[(r["codering_regio"].strip(), int(r["perioden"]))] = r
    s = {2017: defaultdict(float), 2019: defaultdict(float)}
    n = 0
    for (code, y), r in rows.items():
        if y != 2017 or (code, 2019) not in rows:
            continue
        r19 = rows[(code, 2019)]
        v17 = [num(r[c]) for c, _, _ in KWB_BANDS]
        v19 = [num(r19[c]) for c, _, _ in KWB_BANDS]
        if None in v17 or None in v19:
            continue
        if abs(sum(v19) / sum(v17) - 1) > 0.03:
            continue
        n += 1
        for (c, _, _), a, b in zip(KWB_BANDS, v17, v19):
            s[2017][c] += a
            s[2019][c] += b
    return {c: s[2019][c] / s[2017][c] for c, _, _ in KWB_BANDS}, n


def national_clients(results_csv):
    out = defaultdict(dict)
    with open(results_csv) as f:
        for r in csv.DictReader(f):
            if r["geo_level"] == "country" and r["indicator"] == "clients" and r["sex"] == "total" and r["age_group"] == "total":
                out[r["care_type"]][int(r["year"])] = float(r["value"])
    if not out:
        die("%s has no country-level clients (run zorgsim on data/nederland)" % results_csv)
    return out


def rate(a, b, years):
    return (b / a) ** (1.0 / years) - 1.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--demography-run", required=True)
    ap.add_argument("--care", default="data/nederland/care")
    ap.add_argument("--population", default="data/nederland/population_national.csv")
    ap.add_argument("--write", nargs="*", default=[])
    ap.add_argument("--report", action="store_true")
    a = ap.parse_args()

    bands = clients_by_band(a.care, a.population)
    growth, panel = kwb_band_growth()
    nl = national_clients(a.demography_run)

    def demo_1719(t):
        tot = sum(bands[t].values())
        return (sum(bands[t][c] * growth[c] for c in bands[t]) / tot) ** 0.5 - 1.0

    def demo_2124(t):
        return rate(nl[t][2021], nl[t][2024], 3)

    def demo_mixed(t, y0, y1):
        """Yearly demographic growth y0..y1: KWB rate for years before 2019, zorgsim 2021-2024
        rate for the rest."""
        f = 1.0
        for y in range(y0, y1):
            f *= 1.0 + (demo_1719(t) if y < 2019 else demo_2124(t))
        return f ** (1.0 / (y1 - y0)) - 1.0

    rows = []

    def add(t, obs, demo, period, source):
        resid = (1 + obs) / (1 + demo) - 1
        rows.append((t, resid * 100, obs * 100, demo * 100, period, source))

    # Household help: the abonnementstarief (flat EUR 17.50 per 4 weeks in 2019, EUR 19 in 2020) raised use
    # by policy (2018 -> 2020: +27 %); that jump is not a trend. Post-break period 2020-2024.
    add("wmo_hh", rate(HBH[2020], HBH[2024], 4), demo_mixed("wmo_hh", 2020, 2024), "2020-2024 (after the abonnementstarief break 2019-2020)",
        "derived: CBS/MLZ Hulp bij het huishouden 2020* 496120 (%s) to 2024* 556180 (CBS 86050NED %s), +%.2f %%/yr "
        "(check: half-year 2020 H1 445000 to 2024 H1 501130 +%.2f %%/yr); demography: zorgsim data/nederland 2021-2024 at constant use "
        "+%.2f %%/yr (taken for 2020-2021 too, assumption); pre-break 2017-2018 -1.8 %% and the 2019-2020 policy jump not extrapolated"
        % (MLZ_WMO, CBS_86050, rate(HBH[2020], HBH[2024], 4) * 100, rate(HBH_H1[2020], HBH_H1[2024], 4) * 100, demo_2124("wmo_hh") * 100))
    # Wlz: the longest period before the opening of the Wlz to GGZ clients in 2021 (a policy
    # jump: 2020 -> 2021 +8.8 %). Age structure: KWB 2017-2019 rate for 2015-2019 (assumption
    # for 2015-2017), zorgsim 2021-2024 rate for 2019-2020 (assumption).
    add("wlz", rate(WLZ[2015], WLZ[2020], 5), demo_mixed("wlz", 2015, 2020), "2015-2020 (before the Wlz-GGZ opening of 2021)",
        "derived: CBS 84529NED personen met Wlz-indicatie 2015 291655 to 2020 314400 (%s), +%.2f %%/yr; demography: KWB age bands 2017-2019 "
        "(%d municipalities) at the 2021 profile for 2015-2019, zorgsim 2021-2024 rate for 2019-2020 (assumptions), +%.2f %%/yr; "
        "the 2021 GGZ jump (+8.8 %%) not extrapolated"
        % (CBS_84529, rate(WLZ[2015], WLZ[2020], 5) * 100, panel, demo_mixed("wlz", 2015, 2020) * 100))
    add("wijkverpleging", rate(WIJK[2017], WIJK[2022], 5), demo_mixed("wijkverpleging", 2017, 2022), "2017-2022",
        "derived: MLZ personen met wijkverpleging in jaar 2017 557005 (%s) to 2022* 579090 (%s, bron MLZ), +%.2f %%/yr; demography: KWB "
        "bands 2017-2019, zorgsim 2021-2024 rate for 2019-2022 (assumption), +%.2f %%/yr; 2015-2017 growth after the 2015 reform left out"
        % (MLZ_ZVW, STAATVENZ_WV, rate(WIJK[2017], WIJK[2022], 5) * 100, demo_mixed("wijkverpleging", 2017, 2022) * 100))
    add("jeugd_ambulant", rate(JEUGD_AMB[2019], JEUGD_AMB[2023], 4), demo_mixed("jeugd_ambulant", 2019, 2023), "2019-2023",
        "derived: CBS jeugdhulp zonder verblijf in natura 0-22: 2019* 404980 (%s), 2021 424300 (%s), 2023* 447000 (%s, excl. pgb), +%.2f %%/yr; "
        "demography: zorgsim 2021-2024 rate (assumption for 2019-2021) %+.2f %%/yr; 2016-2019 +4.2 %%/yr after the 2015 decentralisation left out"
        % (JH_2019, JH_2021, JM_2024, rate(JEUGD_AMB[2019], JEUGD_AMB[2023], 4) * 100, demo_mixed("jeugd_ambulant", 2019, 2023) * 100))

    zero = {
        "wmo_begeleiding": "assumption: 0 - MLZ ondersteuning thuis 2017-2020 (282000 to 322030, +4.5 %/yr) is a regression estimate; "
                           "CBS 86050NED 2024* gives 252955 under another definition, so the direction after 2020 is unknown; not extrapolated",
        "wmo_hulpmiddelen": "assumption: 0 - no national series of this type alone (hulpmiddelen en diensten is a derived remainder)",
        "wmo_vervoer": "assumption: 0 - no national series of this type alone (hulpmiddelen en diensten is a derived remainder)",
        "wmo_bw": "assumption: 0 - only 2020 (MLZ verblijf en opvang) in the research series",
        "jeugd_verblijf": "assumption: 0 - jeugdhulp met verblijf 2019 42975 (NJi), 2021 43900 (CBS), 2023* 41000 (CBS Jeugdmonitor): "
                          "mixed publications, too short for a trend",
        "jeugd_bescherming": "assumption: 0 - jeugdbescherming/-reclassering is ordered by a court, not a use trend; no consistent series",
    }
    out_rows = []
    for t, resid, obs, demo, period, source in rows:
        out_rows.append([t, "%.2f" % resid, str(TAPER_START), str(TAPER_END), "%.2f" % obs, "%.2f" % demo, "%.2f" % resid, period, source])
    for t, src in zero.items():
        out_rows.append([t, "0", str(TAPER_START), str(TAPER_END), "", "", "", "", src])
    header = ["care_type", "trend_pct_per_year", "taper_start_year", "taper_end_year", "observed_pct_per_year",
              "demographic_pct_per_year", "residual_pct_per_year", "period", "source"]
    for d in a.write:
        with open(os.path.join(d, "care_trends.csv"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(out_rows)
    if a.report:
        print("KWB panel: %d municipalities; band growth 2017-2019: %s" % (panel, ", ".join("%s %.4f" % (c, g) for c, g in growth.items())))
        print("| care type | observed %/yr | demographic %/yr | residual %/yr | period |")
        print("|---|---:|---:|---:|---|")
        for t, resid, obs, demo, period, _ in rows:
            print("| %s | %+.2f | %+.2f | %+.2f | %s |" % (t, obs, demo, resid, period))
        # Pre-break checks for household help.
        print("check wmo_hh 2017-2018: observed %+.2f, demographic %+.2f (KWB)" % (rate(HBH[2017], HBH[2018], 1) * 100, demo_1719("wmo_hh") * 100))
        print("check wmo_hh 2017-2024 incl. break: observed %+.2f" % (rate(HBH[2017], HBH[2024], 7) * 100))
        print("check wlz 2017-2019: observed %+.2f, demographic %+.2f (KWB); 2021-2022 %+.2f vs demography %+.2f" % (
            rate(WLZ[2017], WLZ[2019], 2) * 100, demo_1719("wlz") * 100, rate(WLZ[2021], WLZ[2022], 1) * 100, demo_2124("wlz") * 100))
        print("check jeugd_ambulant 2016-2019: observed %+.2f, demographic %+.2f (KWB)" % (
            rate(JEUGD_AMB[2016], JEUGD_AMB[2019], 3) * 100, demo_1719("jeugd_ambulant") * 100))


if __name__ == "__main__":
    main()
