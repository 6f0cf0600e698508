#!/usr/bin/env python3
"""Derive zorgsim's default dataset (data/gelderland/) from the raw public data.

Usage (from the repository root):

    python3 tools/derive_default_data.py --raw ../shared/data/raw --out data/gelderland

The raw folder (CBS StatLine extracts, UN WPP 2024, CBS/PDOK boundaries) is not part of
the repository; this script turns it into the small, documented CSV files that zorgsim
reads (see data/LAYOUT.md). Standard library only, so it runs anywhere Python 3.8+ runs.

Design rules:
  * One function per output file; each returns the rows it wrote.
  * Every raw file is checked for presence and for its exact header before use, and
    the script stops with a message naming the file and what was expected.
  * Output is deterministic: rows are sorted explicitly, numbers are formatted from
    their decimal text (no float round trips), so a rerun gives identical bytes.
  * Checks are printed at the end: OK lines, WARN lines (data quirks that do not stop
    the build) and the per-municipality summary table.
"""

import argparse
import csv
import hashlib
import io
import json
import os
import re
import shutil
import sys
from collections import Counter, defaultdict
from decimal import Decimal, ROUND_HALF_EVEN

# --------------------------------------------------------------------------------------
# Constants
# --------------------------------------------------------------------------------------

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PROVINCE_CODE = "PV25"
PROVINCE_NAME = "Gelderland"
NATIONAL_CODE = "NL01"
EXPECTED_MUNICIPALITIES = 51

# 5-year age groups of the base population (CBS PC4 table); open top group 95+.
AGE_GROUPS = ["%d-%d" % (a, a + 4) for a in range(0, 95, 5)] + ["95+"]

# Raw file locations, relative to --raw.
RAW = {
    "sources": "SOURCES.md",
    "pc_age": "cbs-pc4-age-sex-2021/inwoners_per_postcode_leeftijd_pc2_all_pc4_gelderland.csv",
    "pc_info": "cbs-pc4-age-sex-2021/postcodes_pc2_all_pc4_gelderland.csv",
    "geojson": "geo/gemeente_2024.geojson",
    "geo_sources": "geo/SOURCES.md",
    "gebieden": "cbs-epidemes-regional-2010-2017/83287NED_gelderland-selection.json",
    "births": "cbs-epidemes-regional-2010-2017/37201_TS_2010_2015_gelderland-selection.json",
    "flows": "cbs-epidemes-regional-2010-2017/37230ned_TS_2012_2017_gelderland-selection.json",
    "kwb_gm": "cbs-kwb-care/wmo-hbh_kwb_regiokerncijfers_gemeente_2017-2019_gelderland.csv",
    "kwb_wijk": "cbs-kwb-care/wmo-totaal_kwb_wijk_2015-2019_gelderland.csv",
    "published": "cbs-published-figures/published_figures.csv",
    "mzelst": "mzelst-covid19-misc/municipalities-population-agegroup_gelderland-selection.csv",
    "wpp_dir": "wpp2024-nl",
}

# Municipal mergers between the 2010-2017 CBS series and the 2021 base population
# (raw SOURCES.md, "Municipal mergers"). For data years before `effective_year` the
# 2021 municipality is the sum of `parts`; a year is only produced if all parts exist.
# Note GM0299 is both the successor and a part (pre-2018 Zevenaar without Rijnwaarden).
MERGERS = {
    "GM0299": {"effective_year": 2018, "parts": ["GM0299", "GM0196"]},   # Zevenaar + Rijnwaarden
    "GM1960": {"effective_year": 2019, "parts": ["GM0236", "GM0733", "GM0304"]},  # West Betuwe
}

# Care regions used by the project (table at the top of raw SOURCES.md). Codes are
# zorgsim's own short codes; the label is the text in the first column of that table.
ZORGREGIOS = [
    # (code, name written to regions.csv, label prefix in raw SOURCES.md table)
    ("ACH", "Achterhoek", "Achterhoek"),
    ("CG", "Centraal Gelderland", "Centraal Gelderland"),
    ("RIV", "Rivierenland", "Rivierenland"),
]

# Mother's age fields of CBS 37201 (as named in the epidemes JSON) -> output label.
MOTHER_AGE_FIELDS = [
    ("age_0_20", "<20"), ("age_20_25", "20-24"), ("age_25_30", "25-29"),
    ("age_30_35", "30-34"), ("age_35_40", "35-39"), ("age_40_45", "40-44"),
    ("age_45plus", "45+"),
]

# 37230ned monthly fields -> output columns of population_flows.csv.
FLOW_FIELDS = [
    ("births", "births"), ("deaths", "deaths"), ("im_gm", "internal_in"),
    ("em_gm", "internal_out"), ("im_nl", "international_in"),
    ("em_nl", "international_out"), ("corr", "corrections"),
]

SEXES = ["male", "female"]  # output order everywhere

# Significant digits kept for non-integer values (rates, percentages, thousands).
SIG_DIGITS = 8


# --------------------------------------------------------------------------------------
# Small helpers: errors, reading, writing, number formatting
# --------------------------------------------------------------------------------------

class DataError(Exception):
    """A raw file is missing or does not look as expected; stops the script."""


def fail(msg):
    raise DataError(msg)


class Report:
    """Collects check results so they can be printed together at the end."""

    def __init__(self):
        self.lines = []
        self.n_warn = 0

    def ok(self, msg):
        self.lines.append("  OK    " + msg)

    def warn(self, msg):
        self.n_warn += 1
        self.lines.append("  WARN  " + msg)

    def info(self, msg):
        self.lines.append("        " + msg)


class Ctx:
    """Paths and shared state for one run."""

    def __init__(self, raw_dir, out_dir):
        self.raw_dir = raw_dir
        self.out_dir = out_dir
        self.report = Report()
        self.written = []          # (relative path, data rows)


def raw_file(ctx, key_or_rel, what):
    """Absolute path of a raw file; fails clearly if it is missing."""
    rel = RAW.get(key_or_rel, key_or_rel)
    path = os.path.join(ctx.raw_dir, rel)
    if not os.path.isfile(path):
        fail("missing raw file %s (expected: %s)" % (path, what))
    return path


def read_csv(ctx, key, expected_header, what, delimiter=",", encoding="utf-8"):
    """Reads a CSV whose header must equal expected_header exactly; returns dict rows."""
    path = raw_file(ctx, key, what)
    with open(path, encoding=encoding, newline="") as f:
        reader = csv.reader(f, delimiter=delimiter)
        header = next(reader, None)
        if header != expected_header:
            fail("unexpected header in %s\n  expected: %s\n  found:    %s"
                 % (path, expected_header, header))
        rows = []
        for lineno, rec in enumerate(reader, start=2):
            if len(rec) != len(header):
                fail("%s line %d: %d fields, expected %d" % (path, lineno, len(rec), len(header)))
            rows.append(dict(zip(header, rec)))
    return rows


def read_csv_header(path):
    with open(path, encoding="utf-8", newline="") as f:
        return next(csv.reader(f), None)


def read_json(ctx, key, what):
    path = raw_file(ctx, key, what)
    with open(path, encoding="utf-8") as f:
        try:
            return json.load(f)
        except ValueError as e:
            fail("%s is not valid JSON (%s); expected: %s" % (path, e, what))


def fmt_num(text):
    """Formats a decimal number given as text: plain notation (no exponent, no
    thousands separator), at most SIG_DIGITS significant digits, no trailing zeros.
    Works on the text itself so the result does not depend on float rounding."""
    try:
        d = Decimal(str(text).strip())
    except Exception:
        fail("not a number: %r" % (text,))
    if not d.is_finite():
        fail("not a finite number: %r" % (text,))
    if d == 0:
        return "0"
    d = d.normalize()
    if len(d.as_tuple().digits) > SIG_DIGITS:
        d = d.quantize(Decimal(1).scaleb(d.adjusted() - SIG_DIGITS + 1),
                       rounding=ROUND_HALF_EVEN).normalize()
        fmt_num.rounded += 1
    return format(d, "f")


fmt_num.rounded = 0


def to_int(text, where):
    try:
        return int(str(text).strip())
    except ValueError:
        fail("%s: expected an integer, found %r" % (where, text))


def write_csv(ctx, rel, header, rows):
    """Writes rows (lists of str/int) as UTF-8 CSV with \\n line endings and minimal
    quoting. The caller sorts; this function only serialises."""
    path = os.path.join(ctx.out_dir, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        if len(r) != len(header):
            fail("internal: row %r does not match header %r for %s" % (r, header, rel))
        w.writerow([str(x) for x in r])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    ctx.written.append((rel, len(rows)))
    return rows


def copy_file(ctx, key, rel_out, what):
    """Byte-for-byte copy; verifies the copy by SHA-256."""
    src = raw_file(ctx, key, what)
    dst = os.path.join(ctx.out_dir, rel_out)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copyfile(src, dst)
    if sha256(src) != sha256(dst):
        fail("copy of %s to %s is not identical" % (src, dst))
    ctx.written.append((rel_out, None))
    return dst


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def age_lower(label):
    """Lower bound of an age label like '0-4', '95+', '100+', '5'."""
    m = re.match(r"^(\d+)", label)
    if not m:
        fail("cannot parse age label %r" % label)
    return int(m.group(1))


def geo_sort_key(code):
    """National, province, COROP, then municipalities; alphabetical within a level."""
    order = {"NL": 0, "PV": 1, "CR": 2, "GM": 3}
    return (order.get(code[:2], 9), code)


# --------------------------------------------------------------------------------------
# Shared raw inputs (read once, used by several outputs)
# --------------------------------------------------------------------------------------

PC_AGE_HEADER = ["postcode", "leeftijd", "inwoners", "inwoners_man", "inwoners_vrouw"]
PC_INFO_HEADER = ["postcode", "inwoners", "inwoners_man", "inwoners_vrouw", "plaats",
                  "gemeente", "provincie", "nuts3", "ggdregio"]


def load_postcode_info(ctx):
    rows = read_csv(ctx, "pc_info", PC_INFO_HEADER,
                    "CBS postcode list (PC2 + Gelderland PC4) from certegis, converted to CSV")
    for r in rows:
        if not re.fullmatch(r"\d{2}|\d{4}", r["postcode"]):
            fail("%s: postcode %r is neither PC2 nor PC4" % (RAW["pc_info"], r["postcode"]))
    return rows


def load_geojson_codes(ctx):
    """statnaam -> statcode of the 2024 municipal map; names must be unique."""
    gj = read_json(ctx, "geojson", "CBS/PDOK municipal boundaries 2024 (cartomap/nl), GeoJSON")
    if gj.get("type") != "FeatureCollection" or not isinstance(gj.get("features"), list):
        fail("%s: expected a GeoJSON FeatureCollection" % RAW["geojson"])
    by_name = {}
    for feat in gj["features"]:
        props = feat.get("properties") or {}
        code, name = props.get("statcode"), props.get("statnaam")
        if not (isinstance(code, str) and re.fullmatch(r"GM\d{4}", code) and name):
            fail("%s: feature without valid statcode/statnaam: %r" % (RAW["geojson"], props))
        if name in by_name:
            fail("%s: municipality name %r occurs twice; cannot join by name" % (RAW["geojson"], name))
        by_name[name] = code
    return by_name, len(gj["features"])


def load_kwb_classifications(ctx):
    """Regional classifications of each municipality per year from the KWB/70072NED file.
    Returns {gm: {year: {"jz": (code, name), "cr": (code, name), "pv": (code, name)}}}.
    The popcode*/popnaam* letters follow the 70072NED dimension order; we do not trust
    the letter but verify the code prefix (JZ.., CR.., PV..)."""
    path = raw_file(ctx, "kwb_gm", "KWB/Wmo municipal file from YoYo1971/WMO_JADS")
    header = read_csv_header(path)
    needed = ["perioden", "codering_regio", "gemeentenaam"]
    for c in needed:
        if c not in header:
            fail("unexpected header in %s: column %r missing" % (path, c))
    if len(header) != 472:
        fail("unexpected header in %s: %d columns, expected 472 (see cbs-kwb-care/SOURCES.md)"
             % (path, len(header)))
    rows = read_csv(ctx, "kwb_gm", header, "KWB/Wmo municipal file")

    # Find which popcode<letter> column carries each classification by its code prefix.
    letters = sorted(c[len("popcode"):] for c in header
                     if re.fullmatch(r"popcode[a-z]", c))
    wanted = {"jz": "JZ", "cr": "CR", "pv": "PV"}
    col_for = {}
    for key, prefix in wanted.items():
        hits = [l for l in letters
                if all(r["popcode" + l].strip().startswith(prefix) for r in rows)]
        if len(hits) != 1:
            fail("%s: expected exactly one popcode column with %s.. codes, found %r"
                 % (path, prefix, hits))
        col_for[key] = hits[0]
    ctx.report.ok("KWB file: jeugdregio in popcode%s/popnaam%s, COROP in popcode%s/popnaam%s, "
                  "province in popcode%s/popnaam%s"
                  % (col_for["jz"], col_for["jz"], col_for["cr"], col_for["cr"],
                     col_for["pv"], col_for["pv"]))
    out = defaultdict(dict)
    for r in rows:
        gm = r["codering_regio"].strip()
        year = to_int(r["perioden"], path + " perioden")
        out[gm][year] = {
            k: (r["popcode" + l].strip(), r["popnaam" + l].strip()) for k, l in col_for.items()
        }
        out[gm][year]["name"] = r["gemeentenaam"].strip()
    return out


def load_gebieden(ctx):
    """83287NED 'Gebieden in Nederland 2018': column-parallel arrays keyed by 'reg'."""
    d = read_json(ctx, "gebieden", "CBS 83287NED selection (epidemes), object of parallel arrays")
    for key in ["reg", "Jeugdzorgregios", "COROP-gebieden", "Provincies"]:
        if key not in d or not isinstance(d[key], list):
            fail("%s: key %r missing (expected column-parallel arrays)" % (RAW["gebieden"], key))
    n = len(d["reg"])
    if any(len(v) != n for v in d.values()):
        fail("%s: arrays have different lengths" % RAW["gebieden"])
    return {d["reg"][i]: {"jz": d["Jeugdzorgregios"][i], "cr": d["COROP-gebieden"][i],
                          "pv": d["Provincies"][i]} for i in range(n)}


def load_cbs_series(ctx, key, fields, what):
    """Epidemes CBS time series: a list of {reg, since, ndays[], field[]...}."""
    data = read_json(ctx, key, what)
    if not isinstance(data, list):
        fail("%s: expected a JSON list of region records" % RAW[key])
    out = {}
    for rec in data:
        missing = [f for f in ["reg", "since", "ndays"] + fields if f not in rec]
        if missing:
            fail("%s: record %r lacks fields %r" % (RAW[key], rec.get("reg"), missing))
        n = len(rec["ndays"])
        for f in fields:
            if len(rec[f]) != n:
                fail("%s: %s.%s has %d values, expected %d" % (RAW[key], rec["reg"], f, len(rec[f]), n))
        if rec["reg"] in out:
            fail("%s: region %s occurs twice" % (RAW[key], rec["reg"]))
        out[rec["reg"]] = rec
    return out


# --------------------------------------------------------------------------------------
# 1. dataset.toml
# --------------------------------------------------------------------------------------

def write_dataset_toml(ctx):
    text = (
        'name = "Gelderland 2021"\n'
        'version = "gelderland-2021.1"\n'
        'base_year = 2021\n'
        'province_code = "PV25"\n'
        'province_name = "Gelderland"\n'
        'description = "Default zorgsim dataset: population of the 51 Gelderland municipalities '
        'on 1 January 2021 by sex and 5-year age group (CBS, via PC4), CBS births by mother\'s age '
        '2010-2015 and population flows 2012-2016, UN WPP 2024 mortality, fertility and migration '
        'for the Netherlands, regional classifications and the CBS/PDOK 2024 municipal map. '
        'Derived by tools/derive_default_data.py; see SOURCES.md and ../LAYOUT.md."\n'
    )
    path = os.path.join(ctx.out_dir, "dataset.toml")
    os.makedirs(ctx.out_dir, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    ctx.written.append(("dataset.toml", None))


# --------------------------------------------------------------------------------------
# 2. municipalities.csv
# --------------------------------------------------------------------------------------

def write_municipalities(ctx, pc_info, map_codes):
    """The municipalities of the province as listed in the PC4 file (2022 boundaries,
    same set as 1-1-2021), with GM codes joined by exact name from the 2024 map."""
    names = sorted({r["gemeente"] for r in pc_info
                    if len(r["postcode"]) == 4 and r["provincie"] == PROVINCE_NAME})
    if len(names) != EXPECTED_MUNICIPALITIES:
        fail("%s: found %d municipalities with provincie == %s in PC4 rows, expected %d: %r"
             % (RAW["pc_info"], len(names), PROVINCE_NAME, EXPECTED_MUNICIPALITIES, names))
    unmatched = [n for n in names if n not in map_codes]
    if unmatched:
        fail("%s: municipality names not found as statnaam in %s: %r"
             % (RAW["pc_info"], RAW["geojson"], unmatched))
    munis = {map_codes[n]: n for n in names}
    if len(munis) != EXPECTED_MUNICIPALITIES:
        fail("two municipality names map to the same GM code")
    rows = [[code, munis[code]] for code in sorted(munis)]
    write_csv(ctx, "municipalities.csv", ["geo_code", "geo_name"], rows)
    ctx.report.ok("municipalities: %d names in PC4 file, all joined to a GM code of the 2024 map"
                  % len(rows))
    return munis


# --------------------------------------------------------------------------------------
# 3./4. population.csv and population_national.csv
# --------------------------------------------------------------------------------------

def load_pc_age(ctx):
    rows = read_csv(ctx, "pc_age", PC_AGE_HEADER,
                    "CBS population by postcode x age group x sex, 1-1-2021 (certegis)")
    labels = sorted({r["leeftijd"] for r in rows}, key=age_lower)
    if labels != AGE_GROUPS:
        fail("%s: age groups %r, expected %r" % (RAW["pc_age"], labels, AGE_GROUPS))
    return rows


def write_population(ctx, pc_age, pc_info, munis):
    """Sums the Gelderland PC4 rows per municipality; sexes from inwoners_man/_vrouw."""
    name_to_code = {n: c for c, n in munis.items()}
    pc4_muni = {}
    for r in pc_info:
        if len(r["postcode"]) == 4:
            pc4_muni[r["postcode"]] = name_to_code.get(r["gemeente"]) if r["provincie"] == PROVINCE_NAME else None

    pop = defaultdict(int)            # (gm, sex, age) -> persons
    total_col = defaultdict(int)      # gm -> sum of 'inwoners' (both sexes, as published)
    unmapped = Counter()
    for r in pc_age:
        pc = r["postcode"]
        if len(pc) != 4:
            continue
        gm = pc4_muni.get(pc)
        if gm is None:
            unmapped[pc] += to_int(r["inwoners"], "inwoners")
            continue
        where = "%s postcode %s %s" % (RAW["pc_age"], pc, r["leeftijd"])
        pop[(gm, "male", r["leeftijd"])] += to_int(r["inwoners_man"], where)
        pop[(gm, "female", r["leeftijd"])] += to_int(r["inwoners_vrouw"], where)
        total_col[gm] += to_int(r["inwoners"], where)

    rows = []
    for gm in sorted(munis):
        for sex in SEXES:
            for ag in AGE_GROUPS:
                rows.append([gm, sex, ag, pop[(gm, sex, ag)]])
    write_csv(ctx, "population.csv", ["geo_code", "sex", "age_group", "persons"], rows)

    # ---- checks
    rep = ctx.report
    if unmapped:
        rep.warn("PC4 areas without a Gelderland municipality (dropped): %s"
                 % ", ".join("%s (%d persons)" % kv for kv in sorted(unmapped.items())))
    else:
        rep.ok("every Gelderland PC4 of the age file has a municipality")
    pc4_in_age = {r["postcode"] for r in pc_age if len(r["postcode"]) == 4}
    no_age = sorted(set(pc4_muni) - pc4_in_age)
    if no_age:
        rep.warn("PC4 areas in the postcode list without age rows: %s" % ", ".join(no_age))
    muni_tot = {gm: sum(pop[(gm, s, a)] for s in SEXES for a in AGE_GROUPS) for gm in munis}
    # Totals as published in the postcode list ('inwoners' per PC4, summed by gemeente).
    pc_tot = defaultdict(int)
    for r in pc_info:
        if len(r["postcode"]) == 4 and r["provincie"] == PROVINCE_NAME:
            pc_tot[name_to_code[r["gemeente"]]] += to_int(r["inwoners"], "inwoners")
    for name in ["Arnhem", "Aalten", "Rozendaal"]:
        gm = name_to_code[name]
        rep.info("population %-10s %s: %7d (male+female by age)  | 'inwoners' by age %7d"
                 "  | postcode-list total %7d" % (name, gm, muni_tot[gm], total_col[gm], pc_tot[gm]))
    prov = sum(muni_tot.values())
    rep.info("population province %s: %d (male+female by age) | 'inwoners' by age %d | "
             "postcode-list total %d" % (PROVINCE_CODE, prov, sum(total_col.values()),
                                         sum(pc_tot.values())))
    max_diff = max(abs(muni_tot[g] - pc_tot[g]) for g in munis)
    msg = ("municipal totals (male+female) differ from the postcode-list totals by at most %d "
           "persons per municipality (CBS rounds every cell to 5)" % max_diff)
    (rep.ok if max_diff <= 50 else rep.warn)(msg)
    if not 2_050_000 <= prov <= 2_150_000:
        rep.warn("province total %d is far from the ~2.10 million in SOURCES.md" % prov)
    return muni_tot, pc_tot


def write_population_national(ctx, pc_age):
    """National population = sum over the 90 two-digit PC2 areas (cover all of NL)."""
    pop = defaultdict(int)
    inw = 0
    pc2s = set()
    for r in pc_age:
        if len(r["postcode"]) != 2:
            continue
        pc2s.add(r["postcode"])
        where = "%s postcode %s" % (RAW["pc_age"], r["postcode"])
        pop[("male", r["leeftijd"])] += to_int(r["inwoners_man"], where)
        pop[("female", r["leeftijd"])] += to_int(r["inwoners_vrouw"], where)
        inw += to_int(r["inwoners"], where)
    rows = [[NATIONAL_CODE, s, a, pop[(s, a)]] for s in SEXES for a in AGE_GROUPS]
    write_csv(ctx, "population_national.csv", ["geo_code", "sex", "age_group", "persons"], rows)
    total = sum(pop.values())
    rep = ctx.report
    if inw == 17_472_870:
        rep.ok("national: %d PC2 areas, 'inwoners' sums to %d as stated in SOURCES.md" % (len(pc2s), inw))
    else:
        rep.warn("national: 'inwoners' over PC2 sums to %d, SOURCES.md says 17472870" % inw)
    (rep.ok if total == inw else rep.warn)(
        "national: male+female written = %d (male %d, female %d); difference to 'inwoners' %+d "
        "(independent rounding of the sex cells)"
        % (total, sum(pop[("male", a)] for a in AGE_GROUPS),
           sum(pop[("female", a)] for a in AGE_GROUPS), total - inw))
    return total


# --------------------------------------------------------------------------------------
# 5. regions.csv
# --------------------------------------------------------------------------------------

def parse_zorgregio_table(ctx, munis):
    """Reads the 'Region | Municipalities (GM code)' table at the top of raw SOURCES.md,
    so the zorgregio membership comes from the raw documentation, not from this script."""
    path = raw_file(ctx, "sources", "raw SOURCES.md with the target-municipality table")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    table = {}
    for line in text.splitlines():
        m = re.match(r"^\|\s*([^|]+?)\s*\((\d+)\)\s*\|\s*([^|]*GM\d{4}[^|]*)\|\s*$", line)
        if not m:
            continue
        label, count, members = m.group(1), int(m.group(2)), m.group(3)
        pairs = re.findall(r"([^,]+?)\s+(GM\d{4})", members)
        if len(pairs) != count:
            fail("%s: region %r says (%d) but lists %d municipalities" % (path, label, count, len(pairs)))
        table[label] = [(n.strip(), c) for n, c in pairs]
    result = []
    for code, name, prefix in ZORGREGIOS:
        hits = [lab for lab in table if lab.startswith(prefix)]
        if len(hits) != 1:
            fail("%s: expected one table row starting with %r, found %r" % (path, prefix, hits))
        for mname, gm in table[hits[0]]:
            if gm not in munis:
                fail("%s: %s %s (region %s) is not a Gelderland municipality" % (path, mname, gm, name))
            if munis[gm] != mname:
                fail("%s: %s is %r in the table but %r in municipalities.csv"
                     % (path, gm, mname, munis[gm]))
        result.append((code, name, [gm for _, gm in table[hits[0]]]))
    if len(table) != len(ZORGREGIOS):
        fail("%s: expected %d region rows in the target table, found %r"
             % (path, len(ZORGREGIOS), sorted(table)))
    return result


def pick_latest(observations):
    """observations: list of (year, priority, source, code). Most recent year wins;
    for the same year the lower priority number wins (83287NED before KWB)."""
    return sorted(observations, key=lambda o: (-o[0], o[1]))[0]


def write_regions(ctx, munis, pc_info, kwb, gebieden):
    rep = ctx.report
    rows = []
    assign = {gm: {} for gm in munis}   # for the summary table

    # -- zorgregio (from the raw SOURCES.md table)
    for code, name, members in parse_zorgregio_table(ctx, munis):
        for gm in members:
            rows.append(["zorgregio", code, name, gm])
            assign[gm]["zorgregio"] = code
        rep.ok("zorgregio %s %s: %d members" % (code, name, len(members)))

    # -- names of JZ and CR codes, from the KWB popnaam columns (83287NED has codes only)
    names = {"jz": {}, "cr": {}}
    for gm in sorted(kwb):
        for year in sorted(kwb[gm]):        # later years overwrite earlier ones
            for k in names:
                code, name = kwb[gm][year][k]
                names[k][code] = name

    # -- jeugdregio and COROP: collect every observation per municipality
    obs = {k: defaultdict(list) for k in ("jz", "cr")}
    for gm in munis:
        if gm in gebieden:
            for k in obs:
                obs[k][gm].append((2018, 0, "83287NED 2018", gebieden[gm][k]))
        for year, v in kwb.get(gm, {}).items():
            for k in obs:
                obs[k][gm].append((year, 1, "70072NED/KWB %d" % year, v[k][0]))

    # COROP from the postcode list (2022 boundaries): majority of inhabitants per
    # municipality, COROP name -> code via the KWB code/name pairs.
    cr_by_name = {}
    for code, name in names["cr"].items():
        if name in cr_by_name and cr_by_name[name] != code:
            fail("COROP name %r has two codes in the KWB file" % name)
        cr_by_name[name] = code
    name_to_code = {n: c for c, n in munis.items()}
    nuts3_pop = defaultdict(Counter)
    for r in pc_info:
        if len(r["postcode"]) == 4 and r["provincie"] == PROVINCE_NAME:
            nuts3_pop[name_to_code[r["gemeente"]]][r["nuts3"]] += to_int(r["inwoners"], "inwoners")
    for gm, cnt in nuts3_pop.items():
        top = sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if top not in cr_by_name:
            fail("%s: COROP name %r (nuts3) has no CR code in the KWB file" % (RAW["pc_info"], top))
        obs["cr"][gm].append((2022, 9, "postcode nuts3 (2022)", cr_by_name[top]))
        if len(cnt) > 1:
            rep.info("%s %s has PC4 areas in %d COROP areas: %r" % (gm, munis[gm], len(cnt), dict(cnt)))

    no_jz = []
    src_used = {"jz": Counter(), "cr": Counter()}
    for k, rtype in (("jz", "jeugdregio"), ("cr", "corop")):
        disagreements = []
        for gm in sorted(munis):
            cands = obs[k][gm]
            # CBS classification tables first; the nuts3 fallback only if there is none.
            cbs = [o for o in cands if o[1] < 9]
            chosen = pick_latest(cbs) if cbs else (pick_latest(cands) if cands else None)
            if chosen is None:
                no_jz.append(gm)
                continue
            src_used[k][chosen[2].split(" ")[0] if "nuts3" not in chosen[2] else "nuts3"] += 1
            codes = sorted({o[3] for o in cands})
            if len(codes) > 1:
                disagreements.append("%s %s: %s" % (gm, munis[gm], ", ".join(
                    "%s=%s" % (o[2], o[3]) for o in sorted(cands))))
            code = chosen[3]
            if code not in names[k]:
                fail("%s code %s (for %s) has no name in the KWB popnaam column" % (rtype, code, gm))
            rows.append([rtype, code, names[k][code], gm])
            assign[gm][rtype] = code
        if disagreements:
            for d in disagreements:
                rep.warn("%s sources disagree for %s" % (rtype, d))
        else:
            rep.ok("%s: all sources agree for every municipality (%s)"
                   % (rtype, ", ".join("%s: %d" % kv for kv in sorted(src_used[k].items()))))
    if no_jz:
        rep.warn("jeugdregio: no source in raw data for %s -> left out of regions.csv"
                 % ", ".join("%s %s" % (gm, munis[gm]) for gm in no_jz))
    missing_cr = [gm for gm in munis if "corop" not in assign[gm]]
    if missing_cr:
        fail("no COROP found for %r" % missing_cr)

    # Pre-merger codes in the CBS classification files: must agree with the successor.
    for succ, m in MERGERS.items():
        for part in m["parts"]:
            if part == succ:
                continue
            for k, rtype in (("jz", "jeugdregio"), ("cr", "corop")):
                codes = set()
                if part in gebieden:
                    codes.add(gebieden[part][k])
                for v in kwb.get(part, {}).values():
                    codes.add(v[k][0])
                if codes and codes != {assign[succ].get(rtype)}:
                    rep.warn("pre-merger %s has %s %r, successor %s has %s"
                             % (part, rtype, sorted(codes), succ, assign[succ].get(rtype)))

    # Province: every municipality, checked against the CBS classification where present.
    wrong_pv = sorted({gm for gm in munis if gm in gebieden and gebieden[gm]["pv"] != PROVINCE_CODE} |
                      {gm for gm in munis for v in kwb.get(gm, {}).values() if v["pv"][0] != PROVINCE_CODE})
    if wrong_pv:
        rep.warn("province code other than %s in CBS files for %r" % (PROVINCE_CODE, wrong_pv))
    else:
        rep.ok("province: CBS files give %s for every municipality they cover" % PROVINCE_CODE)
    for gm in munis:
        rows.append(["province", PROVINCE_CODE, PROVINCE_NAME, gm])
        assign[gm]["province"] = PROVINCE_CODE

    type_order = {"zorgregio": 0, "jeugdregio": 1, "corop": 2, "province": 3}
    rows.sort(key=lambda r: (type_order[r[0]], r[1], r[3]))
    write_csv(ctx, "regions.csv", ["region_type", "region_code", "region_name", "geo_code"], rows)
    for rtype in ("jeugdregio", "corop"):
        counts = Counter(r[1] for r in rows if r[0] == rtype)
        rep.info("%s members: %s" % (rtype, ", ".join(
            "%s %s (%d)" % (c, names["jz" if rtype == "jeugdregio" else "cr"][c], n)
            for c, n in sorted(counts.items()))))
    return assign, no_jz, sorted({r[1] for r in rows if r[0] == "corop"})


# --------------------------------------------------------------------------------------
# 6.-12. UN WPP 2024 (national)
# --------------------------------------------------------------------------------------

def read_wpp(ctx, fname, with_age):
    """Reads a WPP text file (tab separated): country_code, country, [age,] then one
    column per year or 5-year period, and optionally 'last.observed'. Returns
    (time_columns, rows as {label_or_None: {time: text}}, last_observed or None)."""
    rel = os.path.join(RAW["wpp_dir"], fname)
    path = raw_file(ctx, rel, "UN WPP 2024 Netherlands extract (tab separated)")
    with open(path, encoding="utf-8", newline="") as f:
        recs = list(csv.reader(f, delimiter="\t"))
    if not recs:
        fail("%s is empty" % path)
    header = recs[0]
    lead = ["country_code", "country"] + (["age"] if with_age else [])
    if header[:len(lead)] != lead:
        fail("unexpected header in %s: starts with %r, expected %r" % (path, header[:len(lead)], lead))
    times = header[len(lead):]
    last_obs_idx = None
    if times and times[-1] == "last.observed":
        last_obs_idx = len(times) - 1
    time_cols = times[:last_obs_idx] if last_obs_idx is not None else times
    pattern = r"\d{4}-\d{4}" if with_age else r"\d{4}"
    bad = [t for t in time_cols if not re.fullmatch(pattern, t)]
    if bad:
        fail("unexpected header in %s: columns %r are not %s" % (path, bad, "periods" if with_age else "years"))
    rows = {}
    last_obs = None
    for rec in recs[1:]:
        if len(rec) != len(header):
            fail("%s: a row has %d fields, header has %d" % (path, len(rec), len(header)))
        if rec[0] != "528":
            fail("%s: country_code %r, expected only 528 (Netherlands)" % (path, rec[0]))
        label = rec[2] if with_age else None
        vals = rec[len(lead):]
        if last_obs_idx is not None:
            last_obs = vals[last_obs_idx]
        rows[label] = dict(zip(time_cols, vals))
    if not with_age and len(rows) != 1:
        fail("%s: expected one data row" % path)
    return time_cols, rows, last_obs


def write_mortality(ctx):
    """Central death rates m(x) by abridged age; WPP age labels '0','1','5',...,'100+'."""
    expected_ages = [0, 1] + list(range(5, 101, 5))
    rows = []
    periods_out = None
    for sex, fname in (("male", "mxM5.txt"), ("female", "mxF5.txt")):
        periods, data, _ = read_wpp(ctx, fname, with_age=True)
        labels = list(data)
        ages = [age_lower(l) for l in labels]
        if sorted(ages) != expected_ages or not all(re.fullmatch(r"\d+\+?", l) for l in labels):
            fail("%s: age labels %r, expected 0,1,5,...,95,100+" % (fname, labels))
        keep = [p for p in periods if int(p[:4]) >= 2010]
        if keep[0] != "2010-2015" or keep[-1] != "2095-2100":
            fail("%s: periods %r..%r, expected 2010-2015..2095-2100" % (fname, keep[0], keep[-1]))
        periods_out = keep
        for label in sorted(labels, key=age_lower):
            for p in keep:
                rows.append([sex, age_lower(label), p, fmt_num(data[label][p])])
    write_csv(ctx, "mortality.csv", ["sex", "age", "period", "mx"], rows)
    ctx.report.ok("mortality: 2 sexes x %d ages x %d periods (%s..%s); WPP label '100+' -> age 100"
                  % (len(expected_ages), len(periods_out), periods_out[0], periods_out[-1]))


def write_life_expectancy(ctx):
    rows = []
    for sex, est, proj in (("male", "e0M.txt", "e0Mproj.txt"), ("female", "e0F.txt", "e0Fproj.txt")):
        years, data, last_obs = read_wpp(ctx, est, with_age=False)
        vals = data[None]
        for y in years:
            if int(y) >= 2000:
                rows.append([sex, int(y), fmt_num(vals[y]), "estimate"])
        last_est = int(years[-1])
        pyears, pdata, _ = read_wpp(ctx, proj, with_age=False)
        for y in pyears:
            if int(y) <= 2100:
                rows.append([sex, int(y), fmt_num(pdata[None][y]), "projection"])
        if int(pyears[0]) != last_est + 1:
            ctx.report.warn("life expectancy %s: estimates end %d, projection starts %s"
                            % (sex, last_est, pyears[0]))
        ctx.report.ok("life expectancy %s: estimate 2000..%d (last.observed=%s), projection %s..%s"
                      % (sex, last_est, last_obs, pyears[0], min(pyears[-1], "2100")))
    rows.sort(key=lambda r: (SEXES.index(r[0]), r[1], r[3]))
    write_csv(ctx, "life_expectancy.csv", ["sex", "year", "e0", "kind"], rows)


def write_fertility_tfr(ctx):
    rows = []
    years, data, last_obs = read_wpp(ctx, "tfr.txt", with_age=False)
    for y in years:
        if int(y) >= 2000:
            rows.append([int(y), "estimate", fmt_num(data[None][y])])
    if last_obs is not None and last_obs != years[-1]:
        ctx.report.warn("tfr.txt: last.observed=%s but estimates run to %s" % (last_obs, years[-1]))
    ctx.report.ok("TFR estimate 2000..%s (last.observed=%s, excluded as a column), NL %s = %s"
                  % (years[-1], last_obs, years[-1], data[None][years[-1]]))
    for variant, fname in (("medium", "tfrprojMed.txt"), ("low", "tfrprojLow.txt"), ("high", "tfrprojHigh.txt")):
        pyears, pdata, _ = read_wpp(ctx, fname, with_age=False)
        for y in pyears:
            if int(y) <= 2100:
                rows.append([int(y), variant, fmt_num(pdata[None][y])])
    order = {"estimate": 0, "medium": 1, "low": 2, "high": 3}
    rows.sort(key=lambda r: (r[0], order[r[1]]))
    write_csv(ctx, "fertility_tfr.csv", ["year", "variant", "tfr"], rows)


def write_fertility_age_pattern(ctx):
    # Annual columns with an age column: read_wpp expects periods there, so use the
    # dedicated reader.
    years, data, _ = read_wpp_years_with_age(ctx, "percentASFR5.txt")
    labels = sorted(data, key=age_lower)
    expected = ["%d-%d" % (a, a + 4) for a in range(10, 55, 5)]
    if labels != expected:
        fail("percentASFR5.txt: age groups %r, expected %r" % (labels, expected))
    rows = []
    worst = Decimal(0)
    for y in years:
        if not 2000 <= int(y) <= 2100:
            continue
        s = Decimal(0)
        for l in labels:
            rows.append([int(y), l, fmt_num(data[l][y])])
            s += Decimal(data[l][y])
        worst = max(worst, abs(s - 100))
    write_csv(ctx, "fertility_age_pattern.csv", ["year", "age_group", "percent"], rows)
    (ctx.report.ok if worst < Decimal("0.01") else ctx.report.warn)(
        "fertility age pattern: percentages sum to 100 per year within %s" % worst)


def read_wpp_years_with_age(ctx, fname):
    """Like read_wpp(with_age=True) but with annual year columns (percentASFR5.txt)."""
    rel = os.path.join(RAW["wpp_dir"], fname)
    path = raw_file(ctx, rel, "UN WPP 2024 Netherlands extract (tab separated)")
    with open(path, encoding="utf-8", newline="") as f:
        recs = list(csv.reader(f, delimiter="\t"))
    header = recs[0] if recs else []
    if header[:3] != ["country_code", "country", "age"] or \
            not all(re.fullmatch(r"\d{4}", t) for t in header[3:]):
        fail("unexpected header in %s: expected country_code, country, age, then years" % path)
    years = header[3:]
    data = {}
    for rec in recs[1:]:
        if len(rec) != len(header) or rec[0] != "528":
            fail("%s: malformed row %r" % (path, rec[:3]))
        data[rec[2]] = dict(zip(years, rec[3:]))
    return years, data, None


def write_sex_ratio(ctx):
    years, data, _ = read_wpp(ctx, "sexRatio.txt", with_age=False)
    rows = [[int(y), fmt_num(data[None][y])] for y in years if 2000 <= int(y) <= 2100]
    if rows[0][0] != 2000 or rows[-1][0] != 2100:
        fail("sexRatio.txt: years %s..%s, expected to cover 2000..2100" % (years[0], years[-1]))
    write_csv(ctx, "sex_ratio_at_birth.csv", ["year", "males_per_female"], rows)


def write_migration_by_age(ctx):
    """Net international migration by sex and 5-year age group, thousands of persons
    per 5-year period (WPP projection periods; labels kept as in the file)."""
    rows = []
    labels_seen = None
    for sex, fname in (("male", "migrationM5.txt"), ("female", "migrationF5.txt")):
        periods, data, _ = read_wpp(ctx, fname, with_age=True)
        labels = sorted(data, key=age_lower)
        expected = ["%d-%d" % (a, a + 4) for a in range(0, 100, 5)] + ["100+"]
        if labels != expected:
            fail("%s: age groups %r, expected %r" % (fname, labels, expected))
        labels_seen = labels
        for l in labels:
            for p in periods:
                rows.append([sex, l, p, fmt_num(data[l][p])])
    write_csv(ctx, "international_migration_net_by_age.csv",
              ["sex", "age_group", "period", "persons_thousands"], rows)
    check_period_convention(ctx, rows)


def check_period_convention(ctx, rows):
    """Which calendar window does a WPP 5-year period 'Y0-Y5' cover? Compare the sum by
    age and sex with the annual totals of migration.txt/migrationprojMed.txt, once as
    calendar years Y0..Y5-1 and once as mid-year to mid-year (half of Y0, Y0+1..Y5-1,
    half of Y5). The answer matters for how the C++ side maps periods to years."""
    per_period = defaultdict(Decimal)
    for _, _, p, v in rows:
        per_period[p] += Decimal(v)
    _, proj, _ = read_wpp(ctx, "migrationprojMed.txt", with_age=False)
    _, est, _ = read_wpp(ctx, "migration.txt", with_age=False)
    annual = {int(y): Decimal(v) for y, v in est[None].items()}
    annual.update({int(y): Decimal(v) for y, v in proj[None].items()})
    cal, mid = [], []
    for p, s in per_period.items():
        y0, y5 = int(p[:4]), int(p[5:])
        if all(y in annual for y in range(y0, y5 + 1)):
            inner = sum(annual[y] for y in range(y0 + 1, y5))
            cal.append((abs(s - inner - annual[y0]), p))
            mid.append((abs(s - inner - (annual[y0] + annual[y5]) / 2), p))
    c, m = max(cal), max(mid)
    msg = ("migration by age: periods compared with annual totals: largest difference %s thousand "
           "(%s) if a period is calendar years Y0..Y5-1, %s thousand (%s) if it runs "
           "1 July Y0 - 30 June Y5" % (c[0], c[1], m[0].normalize(), m[1]))
    if m[0] < Decimal("0.1") and c[0] > 1:
        ctx.report.warn(msg + " -> WPP 5-year periods are mid-year to mid-year, not "
                        "1 Jan Y0 - 31 Dec Y5-1 as raw SOURCES.md states")
    else:
        ctx.report.ok(msg)


def write_migration_total(ctx):
    rows = []
    years, data, last_obs = read_wpp(ctx, "migration.txt", with_age=False)
    for y in years:
        if int(y) >= 2000:
            rows.append([int(y), "estimate", fmt_num(data[None][y])])
    pyears, pdata, _ = read_wpp(ctx, "migrationprojMed.txt", with_age=False)
    for y in pyears:
        if int(y) <= 2100:
            rows.append([int(y), "projection", fmt_num(pdata[None][y])])
    rows.sort(key=lambda r: (r[0], r[1]))
    write_csv(ctx, "international_migration_net_total.csv", ["year", "kind", "persons_thousands"], rows)
    ctx.report.ok("net migration total: estimate 2000..%s (last.observed=%s), projection %s..%s"
                  % (years[-1], last_obs, pyears[0], pyears[-1]))


# --------------------------------------------------------------------------------------
# 13./14. CBS births by mother's age and population flows (2010-2017 series)
# --------------------------------------------------------------------------------------

def output_regions_for_series(series, munis, corop_codes):
    """Which raw region codes feed which output geo_code, per data year.
    Returns {out_code: {year: [raw codes]}} for years where all parts exist."""
    years_of = {reg: set(rec["_years"]) for reg, rec in series.items()}
    plan = {}
    for code in [NATIONAL_CODE, PROVINCE_CODE] + list(corop_codes):
        if code in series:
            plan[code] = {y: [code] for y in years_of[code]}
    for gm in munis:
        m = MERGERS.get(gm)
        all_years = set().union(*years_of.values())
        out = {}
        for y in sorted(all_years):
            parts = m["parts"] if (m and y < m["effective_year"]) else [gm]
            if all(p in series and y in years_of[p] for p in parts):
                out[y] = parts
        if out:
            plan[gm] = out
    return plan


def annotate_years(rec, monthly):
    """Adds '_years' (data year per value) to a series record, validating 'since'
    and 'ndays' against the calendar."""
    m = re.fullmatch(r"(\d{4})-01-01", rec["since"])
    if not m:
        fail("series %s starts %r, expected YYYY-01-01" % (rec["reg"], rec["since"]))
    y0 = int(m.group(1))
    years = []
    for i, nd in enumerate(rec["ndays"]):
        if monthly:
            y, mon = y0 + i // 12, i % 12 + 1
            leap = (y % 4 == 0 and y % 100 != 0) or y % 400 == 0
            expect = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mon - 1]
        else:
            y = y0 + i
            expect = 366 if ((y % 4 == 0 and y % 100 != 0) or y % 400 == 0) else 365
        if nd != expect:
            fail("series %s value %d: ndays=%d, expected %d for the calendar" % (rec["reg"], i, nd, expect))
        years.append(y)
    rec["_years"] = years


def write_births(ctx, munis, corop_codes):
    fields = [f for f, _ in MOTHER_AGE_FIELDS] + ["born"]
    series = load_cbs_series(ctx, "births", fields,
                             "CBS 37201 births by mother's age per region (epidemes JSON)")
    for rec in series.values():
        annotate_years(rec, monthly=False)
    rep = ctx.report
    # Births by mother's age must add up to total live births.
    bad = []
    for reg, rec in sorted(series.items()):
        for i, y in enumerate(rec["_years"]):
            s = sum(rec[f][i] for f, _ in MOTHER_AGE_FIELDS)
            if s != rec["born"][i]:
                bad.append("%s %d: by age %d vs born %d" % (reg, y, s, rec["born"][i]))
    if bad:
        for b in bad:
            rep.warn("births by mother's age do not sum to born: " + b)
    else:
        rep.ok("births: by mother's age sums to 'born' for all %d regions x years" % len(series))

    plan = output_regions_for_series(series, munis, corop_codes)
    rows = []
    for code in sorted(plan, key=geo_sort_key):
        for y in sorted(plan[code]):
            parts = plan[code][y]
            for f, label in MOTHER_AGE_FIELDS + [("born", "total")]:
                v = sum(series[p][f][series[p]["_years"].index(y)] for p in parts)
                rows.append([code, y, label, v])
    write_csv(ctx, "births_by_mother_age.csv", ["geo_code", "year", "mother_age_group", "births"], rows)

    used = {p for c in plan.values() for parts in c.values() for p in parts}
    dropped = sorted(set(series) - used - set(plan))
    rep.info("births: raw regions not written: %s" % (", ".join(dropped) or "none"))
    # Province = sum of its COROP areas (COROP areas nest in provinces).
    check_nesting(ctx, "births", series, PROVINCE_CODE, corop_codes, ["born"])
    years = sorted({y for c in plan.values() for y in c})
    rep.ok("births: %d geo codes x years %d..%d (municipalities: %d)"
           % (len(plan), years[0], years[-1], sum(1 for c in plan if c.startswith("GM"))))
    return plan, series


def check_nesting(ctx, label, series, parent, children, fields):
    if parent not in series or not all(c in series for c in children):
        ctx.report.warn("%s: cannot check %s = sum of %r (missing)" % (label, parent, children))
        return
    diffs = []
    for f in fields:
        for i in range(len(series[parent][f])):
            s = sum(series[c][f][i] for c in children)
            if s != series[parent][f][i]:
                diffs.append("%s[%d] %d vs %d" % (f, i, series[parent][f][i], s))
    if diffs:
        ctx.report.warn("%s: %s != sum of %s: %s" % (label, parent, "+".join(children), "; ".join(diffs[:6])))
    else:
        ctx.report.ok("%s: %s equals the sum of %s (%s)" % (label, parent, "+".join(children), ", ".join(fields)))


def write_population_flows(ctx, munis, corop_codes, births_series):
    fields = [f for f, _ in FLOW_FIELDS] + ["pop_chg"]
    series = load_cbs_series(ctx, "flows", fields,
                             "CBS 37230ned monthly population change per region (epidemes JSON)")
    for rec in series.values():
        annotate_years(rec, monthly=True)
    # Only full calendar years: 12 monthly values in the series.
    for rec in series.values():
        cnt = Counter(rec["_years"])
        full = {y for y, n in cnt.items() if n == 12}
        partial = sorted(set(cnt) - full)
        rec["_full"] = full
        rec["_partial"] = partial
    any_rec = next(iter(series.values()))
    # Annual series record for the planner: one entry per full year.
    annual = {}
    for reg, rec in series.items():
        ys = sorted(rec["_full"])
        a = {"reg": reg, "_years": ys}
        for f in fields:
            a[f] = [sum(v for v, yy in zip(rec[f], rec["_years"]) if yy == y) for y in ys]
        annual[reg] = a

    rep = ctx.report
    plan = output_regions_for_series(annual, munis, corop_codes)
    rows = []
    balance_issues = []
    for code in sorted(plan, key=geo_sort_key):
        for y in sorted(plan[code]):
            parts = plan[code][y]
            vals = {f: sum(annual[p][f][annual[p]["_years"].index(y)] for p in parts) for f in fields}
            rows.append([code, y] + [vals[f] for f, _ in FLOW_FIELDS])
            comp = (vals["births"] - vals["deaths"] + vals["im_gm"] - vals["em_gm"]
                    + vals["im_nl"] - vals["em_nl"] + vals["corr"])
            if comp != vals["pop_chg"]:
                balance_issues.append((code, y, comp, vals["pop_chg"]))
    write_csv(ctx, "population_flows.csv",
              ["geo_code", "year"] + [o for _, o in FLOW_FIELDS], rows)
    years = sorted({y for c in plan.values() for y in c})
    rep.ok("flows: full calendar years %d..%d (partial year(s) dropped: %s), %d geo codes"
           % (years[0], years[-1], ", ".join(str(y) for y in any_rec["_partial"]) or "none", len(plan)))

    # Balance: births - deaths + in - out + corr vs the sum of monthly pop_chg.
    if balance_issues:
        by_year = defaultdict(list)
        for code, y, comp, chg in balance_issues:
            by_year[y].append((code, comp - chg))
        rep.warn("flows: births-deaths+in-out+corr != sum(pop_chg) in %d of %d geo-years; "
                 "the raw monthly series differ only in December (year-end figures)"
                 % (len(balance_issues), len(rows)))
        for y in sorted(by_year):
            diffs = by_year[y]
            nl = [d for c, d in diffs if c == NATIONAL_CODE]
            rep.info("  %d: %d geo codes differ, components minus pop_chg from %+d to %+d%s"
                     % (y, len(diffs), min(d for _, d in diffs), max(d for _, d in diffs),
                        (", NL01 %+d" % nl[0]) if nl else ""))
        ok_years = [y for y in years if y not in by_year]
        rep.info("  years where every geo code balances: %s" % (", ".join(map(str, ok_years)) or "none"))
    else:
        rep.ok("flows: components balance with sum(pop_chg) for every geo code and year")
    dec_bad = Counter()
    for reg, rec in series.items():
        for i, y in enumerate(rec["_years"]):
            comp = sum(s * rec[f][i] for f, s in (("births", 1), ("deaths", -1), ("im_gm", 1),
                                                 ("em_gm", -1), ("im_nl", 1), ("em_nl", -1), ("corr", 1)))
            if comp != rec["pop_chg"][i]:
                dec_bad[i % 12 + 1] += 1
    rep.info("  monthly imbalances by calendar month (raw regions): %s" % dict(sorted(dec_bad.items())))

    # Cross-check: annual births in 37230ned vs born in 37201 for overlapping years.
    diffs = []
    for reg in sorted(set(annual) & set(births_series)):
        b = births_series[reg]
        for y in annual[reg]["_years"]:
            if y in b["_years"]:
                d = annual[reg]["births"][annual[reg]["_years"].index(y)] - b["born"][b["_years"].index(y)]
                if d:
                    diffs.append((abs(d), reg, y, d))
    if diffs:
        w = max(diffs)
        rep.info("flows vs births table: %d region-years differ in births, largest %s %d %+d "
                 "(37230ned monthly vs 37201 annual)" % (len(diffs), w[1], w[2], w[3]))
    else:
        rep.ok("flows vs births table: annual births identical in overlapping years")
    check_nesting(ctx, "flows", series, PROVINCE_CODE, corop_codes,
                  ["births", "deaths", "im_nl", "em_nl", "corr"])
    return plan


# --------------------------------------------------------------------------------------
# 15./16. Copies: map, published figures, KWB care files
# --------------------------------------------------------------------------------------

def copy_geojson(ctx):
    dst = copy_file(ctx, "geojson", "geo/gemeenten_2024.geojson",
                    "CBS/PDOK municipal boundaries 2024 via cartomap/nl")
    # The raw SOURCES.md records the SHA-256 of the file as obtained; compare.
    src_doc = raw_file(ctx, "geo_sources", "geo/SOURCES.md")
    with open(src_doc, encoding="utf-8") as f:
        m = re.search(r"\b([0-9a-f]{64})\b", f.read())
    digest = sha256(dst)
    if m and m.group(1) == digest:
        ctx.report.ok("geojson copied byte for byte; SHA-256 matches geo/SOURCES.md (%s...)" % digest[:12])
    else:
        ctx.report.warn("geojson SHA-256 %s differs from geo/SOURCES.md (%s)"
                        % (digest, m.group(1) if m else "none recorded"))


PUBLISHED_HEADER = ["topic", "indicator", "region", "region_code", "period", "age_group", "sex",
                    "value", "unit", "publisher", "table_or_publication", "url", "note"]


def copy_published_and_kwb(ctx):
    rows = read_csv(ctx, "published", PUBLISHED_HEADER, "transcribed CBS/NJi/AZW published figures")
    copy_file(ctx, "published", "published_figures.csv", "published figures")
    ctx.report.info("published_figures.csv: %d rows (raw SOURCES.md says 168)" % len(rows))
    sizes = []
    for key, name in (("kwb_gm", "wmo-hbh_kwb_regiokerncijfers_gemeente_2017-2019_gelderland.csv"),
                      ("kwb_wijk", "wmo-totaal_kwb_wijk_2015-2019_gelderland.csv")):
        src = raw_file(ctx, key, "CBS KWB/Wmo extract from YoYo1971/WMO_JADS")
        header = read_csv_header(src)
        need = ["perioden", "codering_regio", "wmoclienten", "wmoclientenper1000inwoners"]
        if not header or any(c not in header for c in need):
            fail("unexpected header in %s: expected columns %r" % (src, need))
        copy_file(ctx, key, "kwb/" + name, "KWB care file")
        sizes.append((name, os.path.getsize(src)))
    total = sum(s for _, s in sizes) + os.path.getsize(raw_file(ctx, "published", ""))
    big = [n for n, s in sizes if s >= 1_000_000]
    if big:
        ctx.report.warn("copied files of 1 MB or more: %r" % big)
    else:
        ctx.report.ok("copied care files are each < 1 MB (%s); total with published figures %d bytes"
                      % (", ".join("%s %d B" % (n[:12], s) for n, s in sizes), total))


# --------------------------------------------------------------------------------------
# Optional cross-check: 2020 population by 10-year age (mzelst) vs the 2021 totals
# --------------------------------------------------------------------------------------

def crosscheck_mzelst(ctx, muni_tot):
    path = os.path.join(ctx.raw_dir, RAW["mzelst"])
    if not os.path.isfile(path):
        ctx.report.info("cross-check with 2020 municipal totals skipped (file absent)")
        return
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows or "Gemeentecode" not in rows[0]:
        ctx.report.warn("%s: no Gemeentecode column; cross-check skipped" % path)
        return
    age_cols = [c for c in rows[0] if c not in ("name", "safetyRegion", "Gemeentecode")]
    worst = []
    for r in rows:
        gm = r["Gemeentecode"]
        if gm in muni_tot:
            t2020 = sum(int(r[c]) for c in age_cols)
            worst.append((abs(muni_tot[gm] / t2020 - 1), gm, t2020, muni_tot[gm]))
    w = max(worst)
    (ctx.report.ok if w[0] < 0.03 else ctx.report.warn)(
        "cross-check 2020 (mzelst, %d municipalities) vs 2021 totals: largest relative change "
        "%.1f%% (%s: %d -> %d)" % (len(worst), 100 * w[0], w[1], w[2], w[3]))


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------

EXPECTED_OUTPUTS = {
    "dataset.toml", "municipalities.csv", "population.csv", "population_national.csv",
    "regions.csv", "mortality.csv", "life_expectancy.csv", "fertility_tfr.csv",
    "fertility_age_pattern.csv", "sex_ratio_at_birth.csv",
    "international_migration_net_by_age.csv", "international_migration_net_total.csv",
    "births_by_mother_age.csv", "population_flows.csv", "geo/gemeenten_2024.geojson",
    "published_figures.csv",
    "kwb/wmo-hbh_kwb_regiokerncijfers_gemeente_2017-2019_gelderland.csv",
    "kwb/wmo-totaal_kwb_wijk_2015-2019_gelderland.csv",
}
HAND_WRITTEN = {"SOURCES.md", "national_assumptions.csv"}   # kept by hand next to the data, not generated


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--raw", default=None,
                   help="raw data folder (default: ../shared/data/raw relative to the repo root)")
    p.add_argument("--out", default=None,
                   help="output dataset folder (default: data/gelderland relative to the repo root)")
    a = p.parse_args(argv)
    raw = os.path.abspath(a.raw) if a.raw else os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", "data", "raw"))
    out = os.path.abspath(a.out) if a.out else os.path.join(REPO_ROOT, "data", "gelderland")
    return raw, out


def main(argv=None):
    """The Gelderland dataset is now the Gelderland selection of the national derivation:
    this entry point runs tools/derive_national_data.py (which writes data/nederland and
    data/gelderland). The functions above are its shared helpers and WPP writers."""
    raw, out = parse_args(sys.argv[1:] if argv is None else argv)
    import derive_national_data
    nl_out = os.path.join(os.path.dirname(out), "nederland")
    return derive_national_data.main(["--raw", raw, "--out-gld", out, "--out-nl", nl_out])


if __name__ == "__main__":
    try:
        sys.exit(main())
    except DataError as e:
        print("derive_default_data: ERROR: %s" % e, file=sys.stderr)
        sys.exit(1)
