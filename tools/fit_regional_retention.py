#!/usr/bin/env python3
"""Score the share of arrivals tied to the own region (migration.regional_retention) on the record.

Usage (from the repository root):

    python3 tools/fit_regional_retention.py [--data data/nederland]

For every municipality of the national dataset and every year 2013-2016 it predicts the
arrivals from other municipalities from 2012 as zorgsim does with a retention share rho:

    arrivals(m, t) = arrivals(m, 2012) x [rho D_g(t) / D_g(2012) + (1 - rho) D(t) / D(2012)]

with D_g the departures of the municipality's region (province or COROP area) and D those of
the country, both taken from the record (CBS 37230ned on 2024 boundaries, population_flows.csv).
2012-2016 are the years with flows for all 342 municipalities. Prints the mean absolute
percentage error and the error weighted by arrivals per rho; docs/validation.md ("Long run")
quotes the output. It does not change any data.
"""

import argparse
import collections
import csv
import pathlib

BASE_YEAR = 2012
YEARS = range(2013, 2017)
SHARES = (0.0, 0.25, 0.5, 0.75, 1.0)


def read_flows(folder):
    arrivals, departures = {}, {}
    with open(folder / "population_flows.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code, year = row["geo_code"], int(row["year"])
            if not code.startswith("GM") or year < BASE_YEAR or year > max(YEARS):
                continue
            arrivals[(code, year)] = float(row["internal_in"])
            departures[(code, year)] = float(row["internal_out"])
    return arrivals, departures


def read_regions(folder, region_type):
    with open(folder / "regions.csv", newline="", encoding="utf-8") as f:
        return {r["geo_code"]: r["region_code"] for r in csv.DictReader(f)
                if r["region_type"] == region_type}


def score(rho, arrivals, departures, region_of):
    regional, national = collections.defaultdict(float), collections.defaultdict(float)
    for (code, year), d in departures.items():
        regional[(region_of[code], year)] += d
        national[year] += d
    errors, absolute, total = [], 0.0, 0.0
    for code in sorted({c for c, _ in arrivals}):
        g = region_of[code]
        for t in YEARS:
            factor = (rho * regional[(g, t)] / regional[(g, BASE_YEAR)] +
                      (1 - rho) * national[t] / national[BASE_YEAR])
            predicted, observed = arrivals[(code, BASE_YEAR)] * factor, arrivals[(code, t)]
            errors.append(abs(predicted / observed - 1))
            absolute += abs(predicted - observed)
            total += observed
    return 100 * sum(errors) / len(errors), 100 * absolute / total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="data/nederland", type=pathlib.Path)
    args = parser.parse_args()
    arrivals, departures = read_flows(args.data)
    for region_type in ("province", "corop"):
        region_of = read_regions(args.data, region_type)
        for rho in SHARES:
            mape, weighted = score(rho, arrivals, departures, region_of)
            print(f"{region_type:9s} rho {rho:4.2f}: mean absolute error {mape:5.2f} %, "
                  f"weighted by arrivals {weighted:5.2f} %")


if __name__ == "__main__":
    main()
