#!/usr/bin/env python3
"""Derive zorgsim's national dataset (data/nederland/) and its Gelderland selection
(data/gelderland/) from the raw public data, in one run.

Usage (from the repository root):

    python3 tools/derive_national_data.py --raw RAW   (RAW: the raw public data folder)

writes data/nederland and data/gelderland (override with --out-nl / --out-gld). Both come
from the same national derivation: every Gelderland file is the Gelderland selection of the
national one, so the two datasets give identical numbers for Gelderland municipalities
(tests/test_national.cpp checks it).

Inputs (relative to --raw; see data/nederland/SOURCES.md):
  national/cbs-pc4-age-sex-2021-by-gemeente/  population 1-1-2021 of the 342 municipalities of
                                              2024, PC4 populations (split shares, PC2 national)
  national/cbs-37230ned-monthly-2012-2017/    births, deaths, moves, migration per month
  national/cbs-37201-births-2010-2015/        births by mother's age
  national/cbs-83287NED-regions-2018/         region codes 2018, CBS change history to 2017
  national/cbs-wmo-kwb-70072-gemeente-2017-2019/  70072NED flows 2017-2019, region codes and names
  geo/gemeente_2024.geojson, wpp2024-nl/, cbs-kwb-care/, cbs-published-figures/, SOURCES.md
The municipal changes of 2018-2024 are in tools/municipal_changes.py.

Standard library only; output is deterministic (a rerun gives identical bytes).
"""

import argparse
import csv
import os
import shutil
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import derive_default_data as base          # noqa: E402  helpers and the WPP writers
import municipal_changes as changes         # noqa: E402
import national_regions as nreg             # noqa: E402
import national_flows as nflows             # noqa: E402
import national_care_index                  # noqa: E402
from derive_default_data import fail, to_int, write_csv, AGE_GROUPS, SEXES, NATIONAL_CODE  # noqa: E402

REPO_ROOT = base.REPO_ROOT
N_MUNICIPALITIES_2024 = 342   # CBS: 342 municipalities on 1 January 2023 and 2024

RAW_NL = {
    "pop2024": "national/cbs-pc4-age-sex-2021-by-gemeente/bevolking_gemeente2024_leeftijd_geslacht_2021-01-01.csv",
    "pc_age_nl": "national/cbs-pc4-age-sex-2021-by-gemeente/pc4_national/inwoners_per_postcode_leeftijd.csv",
    "pc_info_nl": "national/cbs-pc4-age-sex-2021-by-gemeente/pc4_national/postcodes.csv",
    "history": "national/cbs-83287NED-regions-2018/gm_changes_before_2018.csv",
    "kwb70072": "national/cbs-wmo-kwb-70072-gemeente-2017-2019/wmo_hbh_jeugdzorg_bevolkingsdynamiek_gemeente_2017-2019.csv",
    "kwb70072_regions": "national/cbs-wmo-kwb-70072-gemeente-2017-2019/regio_indelingen_70072NED_2017-2019.csv",
}
base.RAW.update(RAW_NL)

POP2024_HEADER = ["gm_code_2024", "gemeente_2024", "leeftijd", "inwoners", "inwoners_man", "inwoners_vrouw"]
HISTORY_HEADER = ["Bestaan tot", "Eindjaar", "Oude", "Nieuwe", "Huidige code", "Huidige naam"]

GELDERLAND = ("PV25", "Gelderland")


class Area:
    """One dataset to write: its folder, name and the municipalities it holds."""

    def __init__(self, key, out_dir, name, code, munis):
        self.key, self.out_dir, self.name, self.code, self.munis = key, out_dir, name, code, munis


# --------------------------------------------------------------------------------------
# National inputs
# --------------------------------------------------------------------------------------

def load_municipalities(ctx):
    """The 342 municipalities of 2024 (map) and their population 1-1-2021 by sex and age."""
    by_name, n = base.load_geojson_codes(ctx)
    names = {c: nm for nm, c in by_name.items()}
    if n != N_MUNICIPALITIES_2024:
        fail("%s: %d municipalities, expected %d" % (base.RAW["geojson"], n, N_MUNICIPALITIES_2024))
    rows = base.read_csv(ctx, "pop2024", POP2024_HEADER, "population 1-1-2021 on 2024 boundaries")
    pop = defaultdict(int)
    for i, r in enumerate(rows, start=2):
        gm = r["gm_code_2024"]
        where = "%s line %d" % (base.RAW["pop2024"], i)
        if gm not in names:
            fail("%s: %s is not a municipality of the 2024 map" % (where, gm))
        if r["gemeente_2024"] != names[gm]:
            fail("%s: %s is %r here but %r on the map" % (where, gm, r["gemeente_2024"], names[gm]))
        if r["leeftijd"] not in AGE_GROUPS:
            fail("%s: age group %r" % (where, r["leeftijd"]))
        pop[(gm, "male", r["leeftijd"])] += to_int(r["inwoners_man"], where)
        pop[(gm, "female", r["leeftijd"])] += to_int(r["inwoners_vrouw"], where)
    missing = sorted(gm for gm in names if not any((gm, s, a) in pop for s in SEXES for a in AGE_GROUPS))
    if missing:
        fail("%s: no population for %r" % (base.RAW["pop2024"], missing))
    ctx.report.ok("municipalities: %d on the 2024 map, each with a population by sex and age" % len(names))
    return names, pop


def load_pc4_population(ctx):
    """{PC4: persons} on 1-1-2021 from the national postcode list (split shares)."""
    with open(base.raw_file(ctx, "pc_info_nl", "national postcode list"), encoding="utf-8", newline="") as f:
        out = {}
        for r in csv.DictReader(f):
            if len(r["postcode"]) == 4:
                if r["inwoners"] != "NA":   # a few PC4 areas without inhabitants
                    out[r["postcode"]] = to_int(r["inwoners"], "postcodes.csv inwoners")
    return out


def load_history(ctx):
    return base.read_csv(ctx, "history", HISTORY_HEADER, "CBS municipal change history to 2017",
                         delimiter=";", encoding="latin-1")


def load_kwb70072(ctx):
    path = base.raw_file(ctx, "kwb70072", "70072NED/KWB national municipal file")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    need = ["perioden", "codering_regio", "gemeentenaam"] + nflows.KWB_FLOW_COLUMNS
    for c in need:
        if rows and c not in rows[0]:
            fail("unexpected header in %s: column %r missing" % (path, c))
    return path, rows


# --------------------------------------------------------------------------------------
# Writers per area
# --------------------------------------------------------------------------------------

def write_dataset_toml(ctx, area):
    if area.key == "nederland":
        text = ('name = "Nederland 2021"\n'
                'version = "nederland-2021.1"\n'
                'base_year = 2021\n'
                'province_code = "NL01"\n'
                'province_name = "Nederland"\n')
        what = "all 342 municipalities of the Netherlands (2024 boundaries)"
    else:
        text = ('name = "Gelderland 2021"\n'
                'version = "gelderland-2021.3"\n'
                'base_year = 2021\n'
                'province_code = "PV25"\n'
                'province_name = "Gelderland"\n')
        what = "the 51 Gelderland municipalities, the Gelderland selection of data/nederland"
    text += ('description = "zorgsim dataset: population of %s on 1 January 2021 by sex and 5-year age '
             'group (CBS, via PC4), CBS births by mother\'s age 2010-2015 and population flows 2012-2019 '
             '(37230ned, 70072NED) on 2024 boundaries, UN WPP 2024 mortality, fertility and migration for the '
             'Netherlands, regional classifications and the CBS/PDOK 2024 municipal map. Derived by '
             'tools/derive_national_data.py; see SOURCES.md and ../LAYOUT.md."\n' % what)
    if area.key != "nederland":
        # Moves between municipalities are closed over the whole country (method-demography.md):
        # the folder next to this one, or the shipped dataset of that name.
        text += 'national_dataset = "nederland"\n'
    os.makedirs(ctx.out_dir, exist_ok=True)
    with open(os.path.join(ctx.out_dir, "dataset.toml"), "w", encoding="utf-8", newline="") as f:
        f.write(text)
    ctx.written.append(("dataset.toml", None))


def write_municipalities(ctx, area):
    write_csv(ctx, "municipalities.csv", ["geo_code", "geo_name"],
              [[c, area.munis[c]] for c in sorted(area.munis)])


def write_population(ctx, area, pop):
    rows = [[gm, s, a, pop[(gm, s, a)]] for gm in sorted(area.munis) for s in SEXES for a in AGE_GROUPS]
    write_csv(ctx, "population.csv", ["geo_code", "sex", "age_group", "persons"], rows)
    return sum(r[3] for r in rows)


def write_population_national(ctx):
    pc_age = base.read_csv(ctx, "pc_age_nl", base.PC_AGE_HEADER, "national PC2/PC4 population by age")
    return base.write_population_national(ctx, pc_age)


def write_wpp(ctx):
    base.write_mortality(ctx)
    base.write_life_expectancy(ctx)
    base.write_fertility_tfr(ctx)
    base.write_fertility_age_pattern(ctx)
    base.write_sex_ratio(ctx)
    base.write_migration_by_age(ctx)
    base.write_migration_total(ctx)


def copy_tree(ctx, src_dir, rel):
    """Copies a folder of the repository (care and workforce parameters) byte for byte."""
    for dirpath, _, files in os.walk(src_dir):
        for fn in sorted(files):
            src = os.path.join(dirpath, fn)
            rel_out = os.path.join(rel, os.path.relpath(src, src_dir)).replace(os.sep, "/")
            dst = os.path.join(ctx.out_dir, rel_out)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(src, dst)
            ctx.written.append((rel_out, None))


def write_area(raw, area, nat, gld_dir):
    ctx = base.Ctx(raw, area.out_dir)
    os.makedirs(area.out_dir, exist_ok=True)
    write_dataset_toml(ctx, area)
    write_municipalities(ctx, area)
    total = write_population(ctx, area, nat["pop"])
    write_population_national(ctx)
    nreg.write_regions(ctx, area, nat["regions"])
    write_wpp(ctx)
    nflows.write_births(ctx, area, nat["births"])
    nflows.write_flows(ctx, area, nat["flows"])
    nflows.write_year_weights(ctx)
    write_csv(ctx, "municipal_changes.csv",
              ["old_code", "old_name", "date", "geo_code", "geo_name", "share", "source"], nat["change_rows"])
    base.copy_file(ctx, "geojson", "geo/gemeenten_2024.geojson", "CBS/PDOK municipal boundaries 2024")
    base.copy_file(ctx, "published", "published_figures.csv", "published figures")
    if area.key == "nederland":
        base.copy_file(ctx, "kwb70072", "kwb/wmo_hbh_jeugdzorg_bevolkingsdynamiek_gemeente_2017-2019.csv",
                       "70072NED/KWB national municipal file")
        # Care and workforce parameters are national (the municipal care index covers the
        # municipalities it has rows for; others use the national level): same files as Gelderland.
        for sub in ("care", "workforce"):
            copy_tree(ctx, os.path.join(gld_dir, sub), sub)
        # National assumption sets (CBS Kernprognose): published figures kept by hand in
        # data/gelderland/national_assumptions.csv, every row with its source; same file here.
        # The reception part of immigration (people displaced from Ukraine, CBS): likewise.
        for name in ("national_assumptions.csv", "reception_immigration.csv"):
            shutil.copyfile(os.path.join(gld_dir, name), os.path.join(ctx.out_dir, name))
            ctx.written.append((name, None))
    else:
        for key, name in (("kwb_gm", "wmo-hbh_kwb_regiokerncijfers_gemeente_2017-2019_gelderland.csv"),
                          ("kwb_wijk", "wmo-totaal_kwb_wijk_2015-2019_gelderland.csv")):
            base.copy_file(ctx, key, "kwb/" + name, "KWB care file (Gelderland)")
    return ctx, total


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------

def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--raw", required=True, help="raw data folder (see data/nederland/SOURCES.md)")
    p.add_argument("--out-nl", default=os.path.join(REPO_ROOT, "data", "nederland"))
    p.add_argument("--out-gld", default=os.path.join(REPO_ROOT, "data", "gelderland"))
    a = p.parse_args(argv)
    return os.path.abspath(a.raw), os.path.abspath(a.out_nl), os.path.abspath(a.out_gld)


def main(argv=None):
    raw, out_nl, out_gld = parse_args(sys.argv[1:] if argv is None else argv)
    if not os.path.isdir(raw):
        fail("raw data folder %s does not exist (pass --raw DIR)" % raw)
    ctx = base.Ctx(raw, out_nl)
    names, pop = load_municipalities(ctx)
    pc4 = load_pc4_population(ctx)
    history = load_history(ctx)
    mapping = changes.build_mapping(history, set(names), pc4, fail)
    old_names = {r["Oude"]: "" for r in history}
    kwb_path, kwb = load_kwb70072(ctx)
    for r in kwb:
        old_names[r["codering_regio"]] = r["gemeentenaam"]
    change_rows = changes.change_rows(mapping, names, old_names, set(names))
    ctx.report.ok("municipal changes: %d old codes mapped to 2024 municipalities" % len({r[0] for r in change_rows}))

    regions = nreg.assign_regions(ctx, names, mapping, kwb, pop)
    flows = nflows.national_flows(ctx, names, mapping, kwb)
    births = nflows.national_births(ctx, names, mapping)

    nat = {"pop": pop, "regions": regions, "flows": flows, "births": births, "change_rows": change_rows}
    gld = {c: n for c, n in names.items() if regions["assign"][c].get("province") == GELDERLAND[0]}
    if len(gld) != 51:
        fail("Gelderland selection has %d municipalities, expected 51" % len(gld))
    nreg.add_seed_coalitions(ctx, regions, gld)
    areas = [Area("nederland", out_nl, "Nederland", NATIONAL_CODE, dict(names)),
             Area("gelderland", out_gld, GELDERLAND[1], GELDERLAND[0], gld)]
    print("derive_national_data: raw = %s" % raw)
    for area in areas:
        actx, total = write_area(raw, area, nat, out_gld)
        print("\n%s -> %s: %d municipalities, %d persons on 1-1-2021, %d files"
              % (area.name, area.out_dir, len(area.munis), total, len(actx.written)))
        for line in actx.report.lines:
            print(line)
    # The municipal care index of the municipalities outside Gelderland (care/ was copied).
    print("\nNational care index (tools/national_care_index.py):")
    for line in national_care_index.complete(out_gld, out_nl):
        print("  " + line)
    print("\nChecks (national):")
    for line in ctx.report.lines:
        print(line)
    print("\n%d warning(s). Done." % ctx.report.n_warn)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except base.DataError as e:
        print("derive_national_data: ERROR: %s" % e, file=sys.stderr)
        sys.exit(1)
