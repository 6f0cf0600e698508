#!/usr/bin/env python3
"""Calibrates the care workforce to the Prognosemodel Zorg en Welzijn (PMZW, ABF Research for
the AZW programme), nationally, and writes <data>/workforce/workforce_calibration.csv for the
national and the Gelderland dataset (docs/workforce-parameters.md section 7).

Usage (from the repository root, after building the CLI):

    python3 tools/calibrate_workforce.py [--cli build/cli/zorgsim]

Two parameters per segment, both in workforce_calibration.csv:
  inflow_factor           multiplies both inflow rates of workforce_segments.csv (school-leavers
                          per 1000 aged 18-24, re-entrants + lateral entrants per 1000 aged 25-54);
  demand_growth_per_year  growth of FTE demand per modelled care hour up to demand_growth_until
                          (PMZW's demand grows faster than the care model's hours: labour
                          intensity, policy and use trends the catalogue does not hold).

The baseline is run on data/nederland with the CLI (cohort engine). Supply is linear in the
inflow factor (a stock-flow model with proportional exits), so two runs (factor 1 and 0) give
the factor that meets a supply target exactly; demand is a fixed path times (1+g)^years, solved
by bisection. A third run checks the result. Standard-library Python, deterministic.

Targets (persons, national; every figure with its source in TARGETS below):
  vvt                supply +105,600 and demand +170,100 over 2023-2033 (PMZW Dec 2023 edition:
                     V&V +27,000 / +68,700 and thuiszorg +78,600 / +101,400);
  gehandicaptenzorg  shortage +20,600 over 2024-2033 (8,400 in 2024, PMZW Dec 2023 edition, times
                     the sector's factor 190,000 / 55,000 from 2024 to 2033: an assumption, no
                     branch trajectory was found);
  jeugd              shortage +4,200 over 2024-2034 (1,300 -> 5,500, PMZW Dec 2024 edition via
                     FNV Jeugdzorg);
  sociaal_domein     shortage +2,200 over 2022-2031 (600 -> 2,800, AZW prognoses 2022-2031).
For the last three only the shortage path is published, so their demand keeps the care model's
growth (demand_growth_per_year 0, an assumption) and the inflow factor meets the shortage path.
"""

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile

SEGMENTS = ["vvt", "gehandicaptenzorg", "jeugd", "sociaal_domein"]
DEMAND_GROWTH_UNTIL = 2033  # the PMZW horizon of the Dec 2023 edition; no extra growth after

SKIPR_VVT = "https://www.skipr.nl/nieuws/nieuwe-prognose-zegt-het-arbeidsmarkttekort-in-de-vvt-loopt-verder-op/"
SKIPR_2033 = ("https://www.skipr.nl/nieuws/personeelstekort-groeit-naar-maar-liefst-190-000-"
              "zorgmedewerkers-in-2033/")
AZWINFO = "https://www.azwinfo.nl/nieuws/nieuwe-prognoses-beschikbaar-het-arbeidsmarkttekort-loopt-verder-op/"
FNV_JEUGD = "https://www.skipr.nl/nieuws/fnv-veel-kinderen-zonder-jeugdhulp-als-kabinet-niet-ingrijpt/"
SWN = ("https://www.sociaalwerknederland.nl/actueel/nieuws/11794-toekomstbestendige-arbeidsmarkt-"
       "omvat-zorg-en-welzijn")

# kind: "supply+demand" (growth of both, persons) or "shortage" (growth of demand - supply).
TARGETS = {
    "vvt": {"kind": "supply+demand", "from": 2023, "to": 2033,
            "supply": 27000 + 78600, "demand": 68700 + 101400,
            "source": "PMZW December 2023 edition (ABF Research/AZW), via Skipr 2024-03 (%s): "
                      "verpleging en verzorging demand +68700 and supply +27000, thuiszorg demand "
                      "+101400 and supply +78600 persons 2023-2033; sum +170100 / +105600" % SKIPR_VVT},
    "gehandicaptenzorg": {"kind": "shortage", "from": 2024, "to": 2033,
                          "shortage": round(8400 * 190000 / 55000) - 8400,
                          "source": "shortage 8400 in 2024 (PMZW December 2023 edition via Skipr "
                                    "2023-12, %s) x the sector factor 190000/55000 from 2024 to 2033 "
                                    "(same edition, azwinfo %s) = 29018; growth +20618 (assumption: "
                                    "no branch figure for 2033 found)" % (SKIPR_2033, AZWINFO)},
    "jeugd": {"kind": "shortage", "from": 2024, "to": 2034, "shortage": 5500 - 1300,
              "source": "shortage 1300 now and 5500 in 2034 (PMZW December 2024 edition, AZW via "
                        "FNV Jeugdzorg, Skipr 2025-04 %s); growth +4200; 'now' taken as 2024" % FNV_JEUGD},
    "sociaal_domein": {"kind": "shortage", "from": 2022, "to": 2031, "shortage": 2800 - 600,
                       "source": "shortage 600 social workers in 2022 and 2800 in 2031 (AZW "
                                 "prognoses 2022-2031, via Sociaal Werk Nederland 19-09-2022 %s); "
                                 "growth +2200; the December 2023 edition gives 7500 in 2033 "
                                 "(sociaalwerk-werkt.nl), a check only" % SWN},
}


def read_part_time(data):
    with open(os.path.join(data, "workforce", "workforce_segments.csv"), newline="",
              encoding="utf-8") as f:
        return {r["segment"]: float(r["part_time_factor"]) for r in csv.DictReader(f)}


def write_calibration(path, params, sources=None):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["segment", "inflow_factor", "demand_growth_per_year", "demand_growth_until",
                    "source"])
        for s in SEGMENTS:
            k, g = params[s]
            w.writerow([s, "%.4f" % k, "%.5f" % g, DEMAND_GROWTH_UNTIL,
                        (sources or {}).get(s, "calibration run")])


def national_series(cli, data, out):
    """Runs the baseline; returns {segment: {"demand": {year: persons}, "supply": {...}}}."""
    subprocess.run([cli, "run", "--data", data, "--out", out, "--quiet"], check=True)
    ptf = read_part_time(data)
    series = {s: {"demand": {}, "supply": {}} for s in SEGMENTS}
    names = {"workforce_demand_fte": "demand", "workforce_supply_fte": "supply"}
    with open(os.path.join(out, "results.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["geo_level"] != "municipality" or r["indicator"] not in names:
                continue
            s = r["care_type"]
            if s not in series:
                continue
            d = series[s][names[r["indicator"]]]
            y = int(r["year"])
            d[y] = d.get(y, 0.0) + float(r["value"]) / ptf[s]  # FTE -> persons
    return series


def growth_factor(g, base_year, year):
    return (1.0 + g) ** max(0, min(year, DEMAND_GROWTH_UNTIL) - base_year)


def solve_demand_growth(demand, base_year, y0, y1, target):
    """g such that demand(y1)(1+g)^.. - demand(y0)(1+g)^.. = target (bisection)."""
    lo, hi = -0.05, 0.10
    for _ in range(200):
        g = (lo + hi) / 2
        d = demand[y1] * growth_factor(g, base_year, y1) - demand[y0] * growth_factor(g, base_year, y0)
        lo, hi = (g, hi) if d < target else (lo, g)
    return (lo + hi) / 2


def calibrate(one, zero, base_year):
    params = {}
    for s in SEGMENTS:
        t = TARGETS[s]
        y0, y1 = t["from"], t["to"]
        d = one[s]["demand"]
        g = 0.0
        if t["kind"] == "supply+demand":
            g = solve_demand_growth(d, base_year, y0, y1, t["demand"])
            supply_target = t["supply"]
        else:
            # shortage growth = demand growth - supply growth (demand without extra growth)
            supply_target = (d[y1] - d[y0]) - t["shortage"]
        s1 = one[s]["supply"][y1] - one[s]["supply"][y0]
        s0 = zero[s]["supply"][y1] - zero[s]["supply"][y0]
        k = (supply_target - s0) / (s1 - s0)
        params[s] = (k, g)
    return params


def report(series, base_year):
    rows = []
    for s in SEGMENTS:
        t = TARGETS[s]
        y0, y1 = t["from"], t["to"]
        d, u = series[s]["demand"], series[s]["supply"]
        dg, sg = d[y1] - d[y0], u[y1] - u[y0]
        got = {"demand": dg, "supply": sg, "shortage": dg - sg}
        for key in ("demand", "supply", "shortage"):
            if key in t or (t["kind"] == "supply+demand" and key != "shortage"):
                want = t[key]
                rows.append((s, key, y0, y1, want, got[key], (got[key] - want) / abs(want)))
        print("%-18s %d-%d: demand %+9.0f (%+5.1f%%), supply %+9.0f (%+5.1f%%), shortage %d: "
              "%7.0f -> %7.0f persons"
              % (s, y0, y1, dg, 100 * dg / d[y0], sg, 100 * sg / u[y0], base_year,
                 d[base_year] - u[base_year], d[y1] - u[y1]))
    print("\ntarget            quantity  period      published      model   deviation")
    for s, key, y0, y1, want, got, dev in rows:
        print("%-18s %-9s %d-%d %+10.0f %+10.0f %+9.1f%%" % (s, key, y0, y1, want, got, 100 * dev))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cli", default="build/cli/zorgsim")
    ap.add_argument("--data", default="data/nederland", help="national dataset to run")
    ap.add_argument("--write", nargs="*", default=["data/nederland", "data/gelderland"],
                    help="datasets whose workforce_calibration.csv is written")
    args = ap.parse_args()
    base_year = 2021
    tmp = tempfile.mkdtemp(prefix="zorgsim-calibration-")
    try:
        data = os.path.join(tmp, "data")
        shutil.copytree(args.data, data)
        cal = os.path.join(data, "workforce", "workforce_calibration.csv")
        write_calibration(cal, {s: (1.0, 0.0) for s in SEGMENTS})
        one = national_series(args.cli, data, os.path.join(tmp, "one"))
        write_calibration(cal, {s: (0.0, 0.0) for s in SEGMENTS})
        zero = national_series(args.cli, data, os.path.join(tmp, "zero"))
        params = calibrate(one, zero, base_year)
        for s in SEGMENTS:
            if params[s][0] < 0:
                sys.exit("%s: the target needs a negative inflow factor (%.3f)" % (s, params[s][0]))
        write_calibration(cal, params)
        check = national_series(args.cli, data, os.path.join(tmp, "check"))
        print("calibrated (inflow factor, demand growth per year until %d):" % DEMAND_GROWTH_UNTIL)
        for s in SEGMENTS:
            print("  %-18s %.4f  %.5f" % (s, params[s][0], params[s][1]))
        print()
        report(check, base_year)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    sources = {}
    for s in SEGMENTS:
        k, g = params[s]
        what = ("inflow factor and demand growth" if TARGETS[s]["kind"] == "supply+demand" else
                "inflow factor (demand growth 0: assumption, no published demand growth)")
        sources[s] = ("calibrated by tools/calibrate_workforce.py (%s) so that the national "
                      "baseline (data/nederland) reproduces: %s" % (what, TARGETS[s]["source"]))
    for folder in args.write:
        write_calibration(os.path.join(folder, "workforce", "workforce_calibration.csv"), params,
                          sources)
        print("wrote", os.path.join(folder, "workforce", "workforce_calibration.csv"))


if __name__ == "__main__":
    main()
