#!/usr/bin/env python3
"""Shared helpers and UN WPP writers of zorgsim's data derivation.

The datasets are derived by tools/derive_national_data.py, which writes data/nederland and
its Gelderland selection data/gelderland in one run. This module holds what it shares: raw
file checks, CSV reading and deterministic writing, number formatting, the national PC2
population, the seed-region table of the raw documentation and the UN WPP 2024 files.
Running it directly still works (as before, from the repository root):

    python3 tools/derive_default_data.py --raw RAW --out data/gelderland

and runs the national derivation (data/nederland is written next to --out).

Design rules:
  * Every raw file is checked for presence and for its exact header before use, and
    the script stops with a message naming the file and what was expected.
  * Output is deterministic: rows are sorted explicitly, numbers are formatted from
    their decimal text (no float round trips), so a rerun gives identical bytes.
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
from collections import defaultdict
from decimal import Decimal, ROUND_HALF_EVEN

# --------------------------------------------------------------------------------------
# Constants
# --------------------------------------------------------------------------------------

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

NATIONAL_CODE = "NL01"

# 5-year age groups of the base population (CBS PC4 table); open top group 95+.
AGE_GROUPS = ["%d-%d" % (a, a + 4) for a in range(0, 95, 5)] + ["95+"]

# Raw file locations, relative to --raw.
RAW = {
    "sources": "SOURCES.md",
    "geojson": "geo/gemeente_2024.geojson",
    "geo_sources": "geo/SOURCES.md",
    "kwb_gm": "cbs-kwb-care/wmo-hbh_kwb_regiokerncijfers_gemeente_2017-2019_gelderland.csv",
    "kwb_wijk": "cbs-kwb-care/wmo-totaal_kwb_wijk_2015-2019_gelderland.csv",
    "published": "cbs-published-figures/published_figures.csv",
    "wpp_dir": "wpp2024-nl",
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


# --------------------------------------------------------------------------------------
# Shared raw inputs (read once, used by several outputs)
# --------------------------------------------------------------------------------------

PC_AGE_HEADER = ["postcode", "leeftijd", "inwoners", "inwoners_man", "inwoners_vrouw"]


def read_json(ctx, key, what):
    path = raw_file(ctx, key, what)
    with open(path, encoding="utf-8") as f:
        try:
            return json.load(f)
        except ValueError as e:
            fail("%s is not valid JSON (%s); expected: %s" % (path, e, what))


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


# --------------------------------------------------------------------------------------
# 1. dataset.toml
# --------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------
# 2. municipalities.csv
# --------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------
# 3./4. population.csv and population_national.csv
# --------------------------------------------------------------------------------------


def write_population_national(ctx, pc_age):
    """National population = sum over the 90 two-digit PC2 areas (cover all of NL)."""
    pop = defaultdict(int)
    inw = 0
    pc2s = set()
    for r in pc_age:
        if len(r["postcode"]) != 2:
            continue
        pc2s.add(r["postcode"])
        where = "%s postcode %s" % (RAW.get("pc_age_nl", "PC2 population file"), r["postcode"])
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


# --------------------------------------------------------------------------------------
# 15./16. Copies: map, published figures, KWB care files
# --------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------
# Optional cross-check: 2020 population by 10-year age (mzelst) vs the 2021 totals
# --------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--raw", required=True, help="raw data folder (see data/nederland/SOURCES.md)")
    p.add_argument("--out", default=None,
                   help="output dataset folder (default: data/gelderland relative to the repo root)")
    a = p.parse_args(argv)
    raw = os.path.abspath(a.raw)
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
