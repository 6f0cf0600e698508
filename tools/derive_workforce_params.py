#!/usr/bin/env python3
"""Write the default workforce parameters of zorgsim (data/gelderland/workforce/).

Usage (from the repository root):

    python3 tools/derive_workforce_params.py --data data/gelderland

Writes three files into <data>/workforce/:

  * workforce_segments.csv          one row per workforce segment
  * workforce_age_distribution.csv  age structure of the employees per segment
  * state_pension_age.csv           AOW age per year 2021..2050

Every input figure below is a constant with its source (URL or table + period), or is
marked as an assumption with its reason. The arithmetic is done here so that it can be
checked and rerun; docs/workforce-parameters.md explains every number. The only files
read are <data>/population_national.csv (national population 1-1-2021, for the inflow
per 1000 inhabitants aged 20-29) and <data>/mortality.csv (UN WPP 2024 death rates, for
the AOW-age projection after the last year fixed by law). Standard library only;
deterministic output (Decimal arithmetic, explicit rounding, "\\n" line endings).
"""

import argparse
import csv
import io
import os
import sys
from decimal import Decimal as D, ROUND_HALF_EVEN

SEGMENTS = ["vvt", "gehandicaptenzorg", "jeugd", "sociaal_domein"]

NAMES = {
    "vvt": ("Verpleging, verzorging en thuiszorg",
            "Nursing, residential and home care (VVT)"),
    "gehandicaptenzorg": ("Gehandicaptenzorg", "Disability care"),
    "jeugd": ("Jeugdzorg", "Youth care"),
    "sociaal_domein": ("Sociaal werk (Wmo-begeleiding, maatschappelijke opvang)",
                       "Social work (social-support services)"),
}

# --------------------------------------------------------------------------------------
# 1. Employees per segment (persons, AZW branch definitions; werknemers, not zzp'ers)
# --------------------------------------------------------------------------------------
EMPLOYEES = {
    "vvt": (444000, 2020,
            "CBS/AZW news 22-02-2021 'Meer werknemers in zorg en welzijn in derde kwartaal 2020': "
            "branche VVT 'ruim 444 duizend' werknemers Q3 2020 (text reproduced at "
            "https://www.liwwadders.nl/meer-werknemers-in-zorg-en-welzijn-in-derde-kwartaal-2020); "
            "no 2021 branch count found"),
    "gehandicaptenzorg": (189000, 2021,
            "CBS werknemersenquete/AZW via Skipr 19-08-2025 (https://www.skipr.nl/nieuws/record-aantal-"
            "vacatures-meer-zzpers-en-hogere-werkdruk-in-de-gehandicaptenzorg/): employees rose to "
            "189 duizend by Q3 2021"),
    "jeugd": (32000, 2021,
            "Jeugdzorg Werkt! 'Wie werken in jeugdzorg?' (https://www.jeugdzorg-werkt.nl/werkgevers/"
            "wie-werken-jeugdzorg): 32.000 medewerkers June 2021 (32.400 Feb 2022); cross-check CBS/AZW "
            "Q3 2020: 31.400 werknemers AZW-branche jeugdzorg"),
    "sociaal_domein": (54300, 2020,
            "AZW StatLine via Sociaal Werk Werkt! kwartaalupdate 09-09-2020 (https://www.sociaalwerk-"
            "werkt.nl/werkgevers/nieuwsoverzicht/kwartaalupdate-arbeidsmarktcijfers-sociaal-werk): "
            "54.300 werknemers branche sociaal werk Q1 2020; Movisie 2023 gives 58.000"),
}

# --------------------------------------------------------------------------------------
# 2. Part-time factor (FTE per employee)
# --------------------------------------------------------------------------------------
PART_TIME = {
    "vvt": (D("0.60"),
            "derived: AZW Q3 2018 deeltijdfactor 0.62 intramuraal and 0.56 zorg thuis (ActiZ via "
            "Skipr 02-2019 https://www.skipr.nl/actueel/id37511-vvt-sector-haalt-20-duizend-nieuwe-"
            "medewerkers-binnen.html); value between both; Sigra facts&figures (AZW) also reports 60% "
            "for VVT (https://www.sigra.nl/facts-en-figures)"),
    "gehandicaptenzorg": (D("0.68"),
            "assumption: no branch figure found, sector average used: 0.68 (SiRM 2023 "
            "https://www.sirm.nl/insights/de-potentie-van-een-hogere-deeltijdfactor; CBS Q3 2018: 67%); "
            "GHZ jeugd-part Jan 2019: 9390 fte / 13240 werknemers = 0.71 (CBS jeugddomein 2019)"),
    "jeugd": (D("0.79"),
            "derived: AZW-branche jeugdzorg Jan 2019: 27270 fte / 34410 werknemers = 0.7925 (CBS "
            "'Arbeidsmarktgegevens van het jeugddomein, 2019', table 3.1.1.2, https://www.cbs.nl/nl-nl/"
            "longread/aanvullende-statistische-diensten/2020/arbeidsmarktgegevens-van-het-jeugddomein-"
            "2019/3-resultaten)"),
    "sociaal_domein": (D("0.68"),
            "assumption: no branch figure found, sector average 0.68 (SiRM 2023 "
            "https://www.sirm.nl/insights/de-potentie-van-een-hogere-deeltijdfactor; CBS Q3 2018: 67%)"),
}

# --------------------------------------------------------------------------------------
# 3. Sector in- and outflow 2021 (AZW definitions: in/out of the whole sector zorg en
#    welzijn breed; moves between branches are not counted; the year figure is the Q4
#    figure, flows over the preceding 12 months). CBS table via Wellsupport/CBS 20-06-2024
#    https://wellsupport.nl/helft-werknemers-zorg-en-welzijn-blijft-na-baanwissel-binnen-bedrijfstak/
#    (CBS longread 'Uitstroom zorg en welzijn is klein, wel veel wisselingen binnen bedrijfstak').
# --------------------------------------------------------------------------------------
INFLOW_2021 = D(162100)    # Q4 2021, x1000 = 162.1
OUTFLOW_2021 = D(137900)   # Q4 2021, x1000 = 137.9
SALDO_2021 = D(24200)      # Q4 2021, x1000 = 24.2
# Sector stock end of 2021: "1,4 miljoen medewerkers (AZW 2021)" (published_figures.csv,
# RegioPlus). Stock at the start of 2021 = 1 400 000 - saldo 2021.
STOCK_END_2021 = D(1400000)
STOCK_START_2021 = STOCK_END_2021 - SALDO_2021          # 1 375 800
SECTOR_OUTFLOW_RATE = OUTFLOW_2021 / STOCK_START_2021   # ~0.1002
SECTOR_INFLOW_RATE = INFLOW_2021 / STOCK_START_2021     # ~0.1178
# Composition of inflow 2022 (CBS via Blik op Nieuws 2023-05, "In 2022 opnieuw meer werknemers in
# zorg en welzijn", https://www.blikopnieuws.nl/gezondheid/298550/in-2022-opnieuw-meer-werknemers-in-zorg-en-welzijn.html;
# corroborated by nu.nl): 175000 entrants, 88000 from education, 43000 re-entrants, 44000 lateral
# entrants (after age 25). School-leavers scale with the 18-24 cohort, the others with 25-54.
INFLOW_TOTAL_2022 = D(175000)
INFLOW_SCHOOL = D(88000)
# Retirement at AOW age is modelled explicitly; the AZW outflow includes it. Assumption:
# the employees who reach AOW age in a year are one single-year cohort of the 55+ group,
# which spans about 12 single ages (55 .. AOW age 66-67), so AOW exits = share55+/12.
AOW_COHORTS_IN_55PLUS = D(12)

# --------------------------------------------------------------------------------------
# 4. Age structure, Q1 2020 (CBS 'Arbeidsmarktprofiel van zorg en welzijn' 2020, table
#    3.1.1, https://www.cbs.nl/nl-nl/longread/statistische-trends/2020/arbeidsmarktprofiel-
#    van-zorg-en-welzijn/3-kenmerken-branches-zorg-en-welzijn): % <35, 35-55, 55+.
# --------------------------------------------------------------------------------------
AGE3 = {
    "vvt": (D("30.2"), D("40.7"), D("29.1")),
    "gehandicaptenzorg": (D("39.0"), D("39.7"), D("21.3")),
    "jeugd": (D("39.3"), D("44.5"), D("16.2")),
    "sociaal_domein": (D("32.6"), D("43.6"), D("23.8")),
}
AGE3_SOURCE = ("CBS Arbeidsmarktprofiel zorg en welzijn 2020, tabel 3.1.1 (Q1 2020, AZW branche; "
               "https://www.cbs.nl/nl-nl/longread/statistische-trends/2020/arbeidsmarktprofiel-van-"
               "zorg-en-welzijn/3-kenmerken-branches-zorg-en-welzijn)")
# Split of <35 into 15-24 / 25-34 (assumption, see docs): MBO-level branches with many
# student jobs 0.40, HBO-level branches (SKJ-registered youth workers, social workers) 0.20.
SHARE_1524_OF_UNDER35 = {"vvt": D("0.40"), "gehandicaptenzorg": D("0.40"),
                         "jeugd": D("0.20"), "sociaal_domein": D("0.20")}
# Split of 55+ into 55-64 / 65+ (assumption): 65+ = employees aged 65 up to AOW age plus
# the few working past it; about 1.2 of the ~12 single ages of the 55+ group.
SHARE_65PLUS_OF_55PLUS = D("0.10")

# --------------------------------------------------------------------------------------
# 5. Productive (direct client) hours per FTE per year
# --------------------------------------------------------------------------------------
CONTRACT_HOURS = D(1878)       # CAO Gehandicaptenzorg 2021-2024 art. 6:1: 1878 h/yr = 36 h/wk
VACATION_HOURS = D(144)        # BW art. 7:634: statutory minimum 4 x weekly hours = 4 x 36
HOLIDAY_HOURS = D("43.2")      # CAO GHZ art. 6:4: 7.2 h per weekday public holiday; 6 assumed
SICKNESS = {                   # CBS/AZW Q2 2021 (CBS news 13-09-2021, via blikopnieuws/NRC)
    "vvt": D("0.079"), "gehandicaptenzorg": D("0.072"),
    "jeugd": D("0.065"), "sociaal_domein": D("0.065"),   # sector average 6.5% (no branch figure)
}
DIRECT_SHARE = {               # assumption: share of available hours that is direct client time
    "vvt": D("0.65"), "gehandicaptenzorg": D("0.65"),
    "jeugd": D("0.55"), "sociaal_domein": D("0.55"),
}

# --------------------------------------------------------------------------------------
# 6. AOW age (state pension age) fixed by law / by ministerial decision
# --------------------------------------------------------------------------------------
SRC_TEMP = ("Wet temporisering verhoging AOW-leeftijd (Stb. 2019), schedule 2020-2024, e.g. "
            "https://kwps.nl/pensioenakkoord/wetten-en-wetsvoorstellen")
AOW_FIXED = [
    (2021, 66, 4, SRC_TEMP),
    (2022, 66, 7, SRC_TEMP + "; CBS https://www.cbs.nl/nl-nl/nieuws/2022/27/prognose-in-2035-vooral-"
                  "meer-inwoners-in-en-om-grotere-gemeenten/aow-leeftijd"),
    (2023, 66, 10, SRC_TEMP),
    (2024, 67, 0, SRC_TEMP),
    (2025, 67, 0, "fixed by law/decision: AOW 67 in 2025 and 2026 (ED 11-2021 https://www.ed.nl/"
                  "binnenland/aow-leeftijd-blijft-ook-in-2027-op-67-jaar~aaf044d55/)"),
    (2026, 67, 0, "fixed by law/decision: AOW 67 in 2025 and 2026 (ED 11-2021 https://www.ed.nl/"
                  "binnenland/aow-leeftijd-blijft-ook-in-2027-op-67-jaar~aaf044d55/)"),
    (2027, 67, 0, "fixed by decision Nov 2021 (ED 11-2021 https://www.ed.nl/binnenland/aow-leeftijd-"
                  "blijft-ook-in-2027-op-67-jaar~aaf044d55/)"),
    (2028, 67, 3, "fixed by decision Nov 2022, CBS L(2028)=21.05 (https://www.blikopnieuws.nl/nieuws/"
                  "296350/aow-leeftijd-in-2028-met-drie-maanden-omhoog.html)"),
    (2029, 67, 3, "fixed by decision Nov 2023 (https://www.accountancyvanmorgen.nl/2023/11/15/aow-"
                  "leeftijd-wijzigt-niet-in-2029/)"),
    (2030, 67, 3, "fixed by decision Nov 2024 (https://nos.nl/artikel/2543722-aow-leeftijd-blijft-in-"
                  "2030-staan-op-67-jaar-en-drie-maanden)"),
    (2031, 67, 3, "fixed by decision Nov 2025, CBS L(2031)=21 yr 7 days (https://seniorenjournaal.nl/"
                  "pensioen/aow-leeftijd-gaat-in-2031-niet-omhoog)"),
]
# Statutory rule (AOW art. 7a as amended after the 2019 pension agreement): each year the
# AOW age of year t (decided in t-5) rises by 3 months when
#   V = 2/3 * (L - 20.64) - (P - 67) >= 0.25,
# L = CBS projection of the (sex-neutral period) remaining life expectancy at 65 in year t,
# P = AOW age of year t-1 (years); it never falls. Checked against published decisions:
# L(2027)=20.93 -> V=0.19 no rise; L(2028)=21.05 -> V=0.27 rise; L(2031)=21.019 with
# P=67.25 -> V=0.003 no rise.
L_2031 = D("21.019")           # 21 years and 7 days
PROJ_LAST_YEAR = 2050


def q(x, places):
    return x.quantize(D(1).scaleb(-places), rounding=ROUND_HALF_EVEN)


def fmt(x):
    """Plain notation, no trailing zeros, no exponent."""
    if isinstance(x, int):
        return str(x)
    s = format(x.normalize(), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s if s not in ("-0", "") else "0"


def read_population_bands(path):
    """National population 1-1-2021 aged 18-24 and 25-54 (both sexes). 18-19 is taken as 2/5
    of the 15-19 group (assumption: uniform within the 5-year group)."""
    b = {"18-24": D(0), "25-54": D(0)}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["geo_code"] != "NL01":
                continue
            g, n = r["age_group"], D(int(r["persons"]))
            if g == "15-19":
                b["18-24"] += n * 2 / 5
            elif g == "20-24":
                b["18-24"] += n
            elif g in ("25-29", "30-34", "35-39", "40-44", "45-49", "50-54"):
                b["25-54"] += n
    if b["18-24"] == 0 or b["25-54"] == 0:
        sys.exit("no NL01 rows for ages 15-54 in %s" % path)
    return b


def read_population_20_29(path):
    total = 0
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["geo_code"] == "NL01" and r["age_group"] in ("20-24", "25-29"):
                total += int(r["persons"])
    if total == 0:
        sys.exit("no NL01 rows for ages 20-29 in %s" % path)
    return total


def e65_by_period(path):
    """Sex-neutral e65 (mean of male and female) from WPP abridged mx, per period."""
    mx = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            mx.setdefault((r["sex"], r["period"]), {})[int(r["age"])] = float(r["mx"])
    out = {}
    for (sex, period) in mx:
        m = mx[(sex, period)]
        l, t = 1.0, 0.0
        for a in (65, 70, 75, 80, 85, 90, 95):
            qx = 5 * m[a] / (1 + 2.5 * m[a])
            d = l * qx
            t += 5 * (l - d) + 2.5 * d
            l -= d
        t += l / m[100]
        out.setdefault(period, []).append(t)
    # period "Y0-Y5" runs 1 July Y0 .. 30 June Y5; its midpoint is 1 January Y0+3
    return sorted((int(p[:4]) + 3.0, sum(v) / len(v)) for p, v in out.items())


def interp(points, x):
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if x0 <= x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    sys.exit("year %s outside WPP periods" % x)


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="data/gelderland")
    args = ap.parse_args()
    outdir = os.path.join(args.data, "workforce")
    os.makedirs(outdir, exist_ok=True)

    pop2029 = read_population_20_29(os.path.join(args.data, "population_national.csv"))
    cohorts = read_population_bands(os.path.join(args.data, "population_national.csv"))
    bands = pop_bands(os.path.join(args.data, "population_national.csv"))
    pop3544, pop4554 = D(bands["35-44"]), D(bands["45-54"])
    print("national population 20-29 on 1-1-2021: %d" % pop2029)
    print("sector 2021: stock at start %s, outflow rate %s, inflow rate %s"
          % (fmt(STOCK_START_2021), fmt(q(SECTOR_OUTFLOW_RATE, 5)), fmt(q(SECTOR_INFLOW_RATE, 5))))

    # ---- age distribution
    age_rows, share55 = [], {}
    for s in SEGMENTS:
        u35, m3555, o55 = (v / 100 for v in AGE3[s])
        f1524 = SHARE_1524_OF_UNDER35[s]
        shares = {
            "15-24": u35 * f1524,
            "25-34": u35 * (1 - f1524),
            "35-44": m3555 * pop3544 / (pop3544 + pop4554),
            "45-54": m3555 * pop4554 / (pop3544 + pop4554),
            "55-64": o55 * (1 - SHARE_65PLUS_OF_55PLUS),
            "65+": o55 * SHARE_65PLUS_OF_55PLUS,
        }
        rounded = {k: q(v, 4) for k, v in shares.items()}
        rounded["45-54"] += D(1) - sum(rounded.values())   # force exact sum 1
        share55[s] = o55
        for g in ("15-24", "25-34", "35-44", "45-54", "55-64", "65+"):
            src = AGE3_SOURCE
            if g in ("15-24", "25-34"):
                src += ("; split of <35 is an assumption: %s of <35 is 15-24" % fmt(f1524))
            elif g in ("35-44", "45-54"):
                src += ("; split of 35-55 by national population 35-44 vs 45-54 on 1-1-2021 "
                        "(population_national.csv): %d vs %d" % (pop3544, pop4554))
            else:
                src += "; split of 55+ is an assumption: 10% of 55+ is 65+"
            age_rows.append([s, g, fmt(rounded[g]), src])
        assert sum(rounded.values()) == 1

    # ---- segments
    seg_rows = []
    for s in SEGMENTS:
        emp, year, esrc = EMPLOYEES[s]
        ptf, psrc = PART_TIME[s]
        aow_exit = share55[s] / AOW_COHORTS_IN_55PLUS
        attr = q(SECTOR_OUTFLOW_RATE - aow_exit, 3)
        asrc = ("derived: AZW sector outflow 2021 (Q4 2021, 12 months) 137900 / stock start 2021 "
                "1375800 (=1400000 end 2021 - saldo 24200) = %s, minus AOW-age exits estimated as "
                "share 55+ (%s, CBS Q1 2020) / 12 = %s (assumption: one of ~12 single ages in 55+ "
                "reaches AOW age each year); sector rate applied to the segment (assumption); "
                "flows: CBS AZW via https://wellsupport.nl/helft-werknemers-zorg-en-welzijn-blijft-"
                "na-baanwissel-binnen-bedrijfstak/"
                % (fmt(q(SECTOR_OUTFLOW_RATE, 4)), fmt(share55[s]), fmt(q(aow_exit, 4))))
        inflow_persons = SECTOR_INFLOW_RATE * emp
        school = inflow_persons * INFLOW_SCHOOL / INFLOW_TOTAL_2022
        lateral = inflow_persons - school
        school1000 = q(school / cohorts["18-24"] * 1000, 3)
        lateral1000 = q(lateral / cohorts["25-54"] * 1000, 3)
        isrc = ("derived: AZW sector inflow 2021 (Q4 2021, 12 months) 162100 / stock start 2021 "
                "1375800 = %s per employee (assumption: sector rate applies to the segment) x %d "
                "employees = %s persons/yr; split by the CBS 2022 composition of inflow (88000 "
                "from education of 175000; 43000 re-entrants + 44000 lateral entrants; CBS via "
                "https://www.blikopnieuws.nl/gezondheid/298550/in-2022-opnieuw-meer-werknemers-in-"
                "zorg-en-welzijn.html): %s school-leavers / national population 18-24 (%s) x 1000 "
                "and %s others / population 25-54 (%s) x 1000, 1-1-2021; level calibrated in "
                "workforce_calibration.csv"
                % (fmt(q(SECTOR_INFLOW_RATE, 4)), emp, fmt(q(inflow_persons, 0)),
                   fmt(q(school, 0)), fmt(q(cohorts["18-24"], 0)), fmt(q(lateral, 0)),
                   fmt(q(cohorts["25-54"], 0))))
        per1000 = "%s+%s" % (fmt(school1000), fmt(lateral1000))
        avail = (CONTRACT_HOURS - VACATION_HOURS - HOLIDAY_HOURS) * (1 - SICKNESS[s])
        prod = q(avail * DIRECT_SHARE[s] / 10, 0) * 10          # rounded to 10 hours
        hsrc = ("assumption built from sourced parts: (1878 CAO GHZ 2021-2024 art. 6:1 - 144 "
                "statutory vacation BW 7:634 - 43.2 weekday holidays CAO GHZ art. 6:4) x (1 - "
                "sickness %s, CBS/AZW Q2 2021) = %s available h; x direct-client share %s "
                "(assumption: overhead staff + indirect time) = %s, rounded to 10"
                % (fmt(SICKNESS[s]), fmt(q(avail, 1)), fmt(DIRECT_SHARE[s]),
                   fmt(q(avail * DIRECT_SHARE[s], 1))))
        nl, en = NAMES[s]
        seg_rows.append([s, nl, en, emp, year, esrc, fmt(ptf), psrc, fmt(attr), asrc,
                         fmt(school1000), fmt(lateral1000), isrc, fmt(prod), hsrc])
        print("%-18s emp %6d ptf %s attr %s inflow %6s/yr = %s per 1000 18-24 + per 1000 25-54; prod h %s"
              % (s, emp, fmt(ptf), fmt(attr), fmt(q(inflow_persons, 0)), per1000, fmt(prod)))

    write_csv(os.path.join(outdir, "workforce_segments.csv"),
              ["segment", "name_nl", "name_en", "employees_national", "employees_year",
               "employees_source", "part_time_factor", "part_time_source", "attrition_rate",
               "attrition_source", "inflow_school_leavers_per_1000_aged_18_24",
               "inflow_lateral_per_1000_aged_25_54", "inflow_source",
               "productive_hours_per_fte", "productive_hours_source"], seg_rows)
    write_csv(os.path.join(outdir, "workforce_age_distribution.csv"),
              ["segment", "age_group", "share", "source"], age_rows)

    # ---- base-year shortage (base_shortage.csv): demand = supply x (1 + share) in the base year
    emp_vvt = dict((r[0], r[3]) for r in seg_rows)["vvt"]
    vvt_short = D(14200) + D(5600)       # published_figures.csv, arbeidsmarkt rows, 2024 (AZW)
    short_rows = [["vvt", fmt(q(vvt_short / D(emp_vvt), 4)),
                   "approximation: expected shortage 2024 VVT 14200 + thuiszorg 5600 persons "
                   "(AZW/Prognosemodel via published_figures.csv) / %d VVT employees; a 2024 figure "
                   "applied to the base year" % emp_vvt]]
    # Gehandicaptenzorg: "in de gehandicaptenzorg groeit het tekort naar 8.400 medewerkers" in
    # 2024 (ABF Research, PMZW December 2023 edition, Skipr 2023-12).
    ghz_short = D(8400)
    short_rows.append(["gehandicaptenzorg", fmt(q(ghz_short / D(EMPLOYEES["gehandicaptenzorg"][0]), 4)),
                       "approximation: expected shortage 2024 of 8400 employees in gehandicaptenzorg "
                       "(ABF Research, Prognosemodel Zorg en Welzijn, December 2023 edition, via Skipr "
                       "2023-12 https://www.skipr.nl/nieuws/personeelstekort-groeit-naar-maar-liefst-190-000-"
                       "zorgmedewerkers-in-2033/) / %d employees; a 2024 figure applied to the base year"
                       % EMPLOYEES["gehandicaptenzorg"][0]])
    # Youth care: "Eind 2021 lag het tekort nog op ongeveer 700 professionals" (ABF Research for
    # AZW, via Jeugdautoriteit 2024) - the base year itself.
    jeugd_short = D(700)
    short_rows.append(["jeugd", fmt(q(jeugd_short / D(EMPLOYEES["jeugd"][0]), 4)),
                       "measured/derived: shortage of about 700 youth-care professionals at the end of "
                       "2021 (ABF Research/AZW, via Jeugdautoriteit magazine 2024 https://magazines."
                       "jeugdautoriteit.nl/jamagazine/2024/14/onderzoek-arbeidsmarkt-jeugdzorg) / %d "
                       "employees (June 2021); later: 1300 of 36800 in 2025 (FNV via Skipr 2025-04)"
                       % EMPLOYEES["jeugd"][0]])
    # Social work: AZW prognoses 2022-2031 "van 600 sociaal werkers in 2022 naar 2.800 in 2031".
    sw_short = D(600)
    short_rows.append(["sociaal_domein", fmt(q(sw_short / D(EMPLOYEES["sociaal_domein"][0]), 4)),
                       "approximation: expected shortage of 600 social workers in 2022 (AZW prognoses "
                       "2022-2031, via Sociaal Werk Nederland 19-09-2022 https://www.sociaalwerknederland."
                       "nl/actueel/nieuws/11794-toekomstbestendige-arbeidsmarkt-omvat-zorg-en-welzijn) / "
                       "%d employees (Q1 2020); a 2022 figure applied to the base year"
                       % EMPLOYEES["sociaal_domein"][0]])
    write_csv(os.path.join(outdir, "base_shortage.csv"), ["segment", "shortage_share", "source"], short_rows)

    # ---- AOW age
    e65 = e65_by_period(os.path.join(args.data, "mortality.csv"))
    aow_rows = [[y, a, m, src] for (y, a, m, src) in AOW_FIXED]
    p_months = AOW_FIXED[-1][1] * 12 + AOW_FIXED[-1][2]
    e_anchor = D(repr(interp(e65, 2031.5)))
    for y in range(AOW_FIXED[-1][0] + 1, PROJ_LAST_YEAR + 1):
        lx = L_2031 + (D(repr(interp(e65, y + 0.5))) - e_anchor)
        v = D(2) / D(3) * (lx - D("20.64")) - (D(p_months) / 12 - D(67))
        if v >= D("0.25"):
            p_months += 3
        aow_rows.append([y, p_months // 12, p_months % 12,
                         "projection (assumption): statutory rule V=2/3(L-20.64)-(P-67), +3 months "
                         "if V>=0.25, never down; L = CBS L(2031)=21.019 + change in sex-neutral e65 "
                         "from UN WPP 2024 medium mortality (mortality.csv) since 2031; L=%s"
                         % fmt(q(lx, 3))])
    write_csv(os.path.join(outdir, "state_pension_age.csv"),
              ["year", "age_years", "age_months", "source"], aow_rows)
    for r in aow_rows:
        print("AOW %d: %d y %d m" % (r[0], r[1], r[2]))


def pop_bands(path):
    """National population 1-1-2021 in the bands 35-44 and 45-54 (both sexes)."""
    b = {"35-44": 0, "45-54": 0}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["geo_code"] != "NL01":
                continue
            if r["age_group"] in ("35-39", "40-44"):
                b["35-44"] += int(r["persons"])
            elif r["age_group"] in ("45-49", "50-54"):
                b["45-54"] += int(r["persons"])
    return b


if __name__ == "__main__":
    main()
