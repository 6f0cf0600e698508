"""Births and population flows per municipality of 2024 (population_flows.csv,
births_by_mother_age.csv, flow_year_weights.csv).

Years and sources:
  2012-2016  CBS 37230ned, monthly, summed to calendar years (2017 has only January-March
             and is left out); codes of the time, mapped to 2024 through the CBS history and
             tools/municipal_changes.py.
  2017-2019  CBS 70072NED (Regionale kerncijfers), calendar years, codes of that year.
             70072NED's emigration includes the administrative corrections (the residual
             growth - births + deaths - moves in + moves out - immigration + emigration is
             within +-63 persons per municipality); that small residual is written as
             'corrections'. For 2012-2016 'corrections' is 37230ned's correction column, which
             zorgsim adds to the international flows (negative: emigration), so both periods
             count the administrative removals as emigration.
A municipality of 2024 gets a year only when every predecessor that existed in that year has
figures for it; the raw 70072NED extract lacks some municipalities in some years.

National row NL01: 2012-2016 from 37230ned (equal to the sum of the municipalities: checked).
2017-2019: the 70072NED extract has no national row and lacks 8-15 % of the population, so
NL01 is a ratio estimate per column: the covered municipalities' sum times (all
municipalities / the same covered municipalities) in 2016. Marked 'ratio estimate' in the
'source' column.

Split municipalities are divided by population shares (tools/municipal_changes.py) with
largest-remainder rounding, so every count stays an integer and sums are preserved.
"""

from collections import defaultdict

import derive_default_data as base
from derive_default_data import fail, to_int, write_csv, NATIONAL_CODE
import municipal_changes as changes

FLOWS_FILE = "national/cbs-37230ned-monthly-2012-2017/37230ned_TS_2012_2017_long.csv"
BIRTHS_FILE = "national/cbs-37201-births-2010-2015/37201_TS_2010_2015_long.csv"
FLOW_HEADER = ["reg", "period", "ndays", "pop_chg", "births", "deaths", "im_gm", "em_gm", "im_nl", "em_nl", "corr"]
OUT_FIELDS = ["births", "deaths", "internal_in", "internal_out", "international_in", "international_out",
              "corrections"]
FROM_37230 = {"births": "births", "deaths": "deaths", "internal_in": "im_gm", "internal_out": "em_gm",
              "international_in": "im_nl", "international_out": "em_nl", "corrections": "corr"}
FROM_70072 = {"births": "popgeboorte", "deaths": "popsterfte", "internal_in": "popvestiginguitanderegemeente",
              "internal_out": "popvertreknaaranderegemeente", "international_in": "popimmigratie",
              "international_out": "popemigratie"}
KWB_FLOW_COLUMNS = list(FROM_70072.values()) + ["popbevolkingsgroei", "poptotalebevolking"]

# Weights of the observed years in the municipal levels (assumption, see
# docs/method-demography.md "Which years"): the three most recent years count double.
YEAR_WEIGHTS = {2012: 1, 2013: 1, 2014: 1, 2015: 1, 2016: 1, 2017: 2, 2018: 2, 2019: 2}

MOTHER_AGE_FIELDS = base.MOTHER_AGE_FIELDS


def allocate(value, shares):
    """Splits an integer over [(code, share)] by largest remainder; the parts add up."""
    if len(shares) == 1:
        return [(shares[0][0], value)]
    raw = [(c, value * s) for c, s in shares]
    floor = [(c, int(v // 1)) for c, v in raw]
    rest = value - sum(v for _, v in floor)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i][1] - floor[i][1]), raw[i][0]))
    out = [list(x) for x in floor]
    for i in order[:rest]:
        out[i][1] += 1
    return [tuple(x) for x in out]


def _existed(code, year, names):
    """Whether a municipal code existed during calendar year `year` (2017-2019)."""
    ended = {old: date for date, olds, _, _, _ in changes.MERGERS for old, _ in olds}
    ended.update({old: date for date, old, _, _, _ in changes.SPLITS})
    created = {new: date for date, _, new, _, _ in changes.MERGERS if new not in changes.ABSORBING}
    if code in ended and int(ended[code][:4]) <= year:
        return False
    if code in created and int(created[code][:4]) > year:
        return False
    return code in names or code in ended


def _flows_37230(ctx, mapping):
    """{(gm2024 or NL01, year): {field: value}} for full years 2012-2016, and raw NL sums."""
    rows = base.read_csv(ctx, FLOWS_FILE, FLOW_HEADER, "CBS 37230ned monthly flows")
    months = defaultdict(set)
    annual = defaultdict(lambda: defaultdict(int))     # (reg, year) -> field -> value
    for i, r in enumerate(rows, start=2):
        reg, period = r["reg"], r["period"]
        year, mon = int(period[:4]), int(period[5:7])
        leap = (year % 4 == 0 and year % 100 != 0) or year % 400 == 0
        expect = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mon - 1]
        if to_int(r["ndays"], "ndays") != expect:
            fail("%s line %d: ndays %s, expected %d" % (FLOWS_FILE, i, r["ndays"], expect))
        if not (reg == NATIONAL_CODE or reg.startswith("GM")):
            continue
        months[(reg, year)].add(mon)
        for f in FLOW_HEADER[3:]:
            annual[(reg, year)][f] += to_int(r[f], "%s line %d %s" % (FLOWS_FILE, i, f))
    full = {k for k, m in months.items() if len(m) == 12}
    out = defaultdict(lambda: defaultdict(int))
    raw_gm_sum = defaultdict(lambda: defaultdict(int))
    for (reg, year), vals in sorted(annual.items()):
        if (reg, year) not in full:
            continue
        if reg == NATIONAL_CODE:
            for f, src in FROM_37230.items():
                out[(NATIONAL_CODE, year)][f] = vals[src]
            continue
        if reg not in mapping:
            fail("%s: %s (%d) cannot be mapped to a 2024 municipality" % (FLOWS_FILE, reg, year))
        for f, src in FROM_37230.items():
            raw_gm_sum[year][f] += vals[src]
            if src == "corr":   # may be negative: allocate the magnitude
                parts = allocate(abs(vals[src]), mapping[reg])
                parts = [(c, v if vals[src] >= 0 else -v) for c, v in parts]
            else:
                parts = allocate(vals[src], mapping[reg])
            for gm, v in parts:
                out[(gm, year)][f] += v
    return out, raw_gm_sum


def _flows_70072(ctx, names, mapping, kwb):
    """{(gm2024, year): {field: value}} for 2017-2019 where every predecessor has figures."""
    have = defaultdict(dict)   # year -> old code -> row
    for r in kwb:
        if all(r[c] != "" for c in KWB_FLOW_COLUMNS):
            have[int(r["perioden"])][r["codering_regio"]] = r
    contributors = defaultdict(set)   # gm2024 -> old codes mapping into it
    for old, succ in mapping.items():
        for gm, _ in succ:
            contributors[gm].add(old)
    out = {}
    missing = defaultdict(list)
    for year in sorted(have):
        for gm in sorted(names):
            need = sorted(c for c in contributors[gm] if _existed(c, year, names))
            if not need or any(c not in have[year] for c in need):
                missing[year].append(gm)
                continue
            vals = defaultdict(int)
            for c in need:
                r = have[year][c]
                share = dict(mapping[c])[gm]
                where = "%s %s %d" % (base.RAW["kwb70072"], c, year)
                for f, col in FROM_70072.items():
                    v = to_int(r[col], where + " " + col)
                    part = dict(allocate(v, mapping[c]))[gm]
                    vals[f] += part
                growth = to_int(r["popbevolkingsgroei"], where)
                residual = growth - sum(s * to_int(r[FROM_70072[f]], where) for f, s in (
                    ("births", 1), ("deaths", -1), ("internal_in", 1), ("internal_out", -1),
                    ("international_in", 1), ("international_out", -1)))
                vals["corrections"] += round(residual * share)
            out[(gm, year)] = vals
    return out, missing


def national_flows(ctx, names, mapping, kwb):
    rep = ctx.report
    old, raw_gm_sum = _flows_37230(ctx, mapping)
    for year in sorted({y for _, y in old}):
        gm_sum = {f: sum(v[f] for (g, y), v in old.items() if y == year and g != NATIONAL_CODE) for f in OUT_FIELDS}
        nl = old[(NATIONAL_CODE, year)]
        raw = {f: raw_gm_sum[year][f] for f in OUT_FIELDS}
        if gm_sum != dict(nl) or raw != gm_sum:
            fail("flows %d: sum of 2024 municipalities %r != NL01 %r (raw codes %r)" % (year, gm_sum, dict(nl), raw))
        covered = {g for (g, y) in old if y == year and g != NATIONAL_CODE}
        if covered != set(names):
            fail("flows %d: no 37230ned figures for %r" % (year, sorted(set(names) - covered)))
    rep.ok("flows 2012-2016: every 2024 municipality has all five years; their sums equal NL01 in "
           "every column and year (merger mapping preserves counts)")
    new, missing = _flows_70072(ctx, names, mapping, kwb)
    for year in sorted(missing):
        rep.info("flows %d (70072NED): %d municipalities without complete figures: %s"
                 % (year, len(missing[year]), " ".join(missing[year])))
    flows = {k: dict(v) for k, v in old.items()}
    source = {k: "37230ned" for k in old}
    for k, v in new.items():
        flows[k] = dict(v)
        source[k] = "70072NED"
    # NL01 2017-2019: ratio estimate against 2016 (see module comment).
    for year in sorted({y for _, y in new}):
        covered = [g for (g, y) in new if y == year]
        est = {}
        for f in OUT_FIELDS:
            def ref(g):
                # 2016 value in 70072NED terms (emigration including corrections); the
                # small corrections residual is scaled like deaths (a population proxy).
                v = flows[(g, 2016)]
                if f == "international_out":
                    return v["international_out"] - v["corrections"]
                return v["deaths"] if f == "corrections" else v[f]
            ratio = sum(ref(g) for g in names) / sum(ref(g) for g in covered)
            est[f] = int(round(sum(flows[(g, year)][f] for g in covered) * ratio))
        flows[(NATIONAL_CODE, year)] = est
        source[(NATIONAL_CODE, year)] = "70072NED ratio estimate"
        share = 100.0 * len(covered) / len(names)
        rep.info("NL01 %d: ratio estimate from %d municipalities (%.0f %%): births %d, deaths %d, immigration %d, "
                 "emigration incl. corrections %d" % (year, len(covered), share, est["births"], est["deaths"],
                                                      est["international_in"], est["international_out"]))
    none = sorted(g for g in names if not any((g, y) in flows for y in YEAR_WEIGHTS))
    if none:
        fail("municipalities without any flow year: %r" % none)
    return {"values": flows, "source": source}


def national_births(ctx, names, mapping):
    header = ["reg", "year", "ndays", "born", "mal", "fem"] + [f for f, _ in MOTHER_AGE_FIELDS] + \
             ["sib_0", "sib_1", "sib_2", "sib_3plus", "married", "unmarried"]
    rows = base.read_csv(ctx, BIRTHS_FILE, header, "CBS 37201 births by mother's age")
    out = defaultdict(int)
    for i, r in enumerate(rows, start=2):
        reg, year = r["reg"], to_int(r["year"], "year")
        where = "%s line %d" % (BIRTHS_FILE, i)
        vals = {label: to_int(r[f], where) for f, label in MOTHER_AGE_FIELDS}
        vals["total"] = to_int(r["born"], where)
        if sum(v for k, v in vals.items() if k != "total") != vals["total"]:
            fail("%s: births by mother's age do not add up to 'born'" % where)
        if reg == NATIONAL_CODE:
            for k, v in vals.items():
                out[(NATIONAL_CODE, year, k)] += v
        elif reg.startswith("GM"):
            if reg not in mapping:
                fail("%s: %s cannot be mapped to a 2024 municipality" % (where, reg))
            for k, v in vals.items():
                for gm, part in allocate(v, mapping[reg]):
                    out[(gm, year, k)] += part
    years = sorted({y for _, y, _ in out})
    for y in years:
        s = sum(v for (g, yy, k), v in out.items() if yy == y and k == "total" and g != NATIONAL_CODE)
        if s != out[(NATIONAL_CODE, y, "total")]:
            ctx.report.warn("births %d: municipalities %d, NL01 %d" % (y, s, out[(NATIONAL_CODE, y, "total")]))
    ctx.report.ok("births by mother's age %d-%d mapped to 2024 municipalities" % (years[0], years[-1]))
    return out


def write_births(ctx, area, births):
    labels = [label for _, label in MOTHER_AGE_FIELDS] + ["total"]
    codes = [NATIONAL_CODE] + sorted(area.munis)
    years = sorted({y for _, y, _ in births})
    rows = [[c, y, k, births[(c, y, k)]] for c in codes for y in years for k in labels if (c, y, "total") in births]
    write_csv(ctx, "births_by_mother_age.csv", ["geo_code", "year", "mother_age_group", "births"], rows)


def write_flows(ctx, area, flows):
    rows = []
    for c in [NATIONAL_CODE] + sorted(area.munis):
        for y in sorted(YEAR_WEIGHTS):
            if (c, y) in flows["values"]:
                v = flows["values"][(c, y)]
                rows.append([c, y] + [v[f] for f in OUT_FIELDS] + [flows["source"][(c, y)]])
    write_csv(ctx, "population_flows.csv", ["geo_code", "year"] + OUT_FIELDS + ["source"], rows)


def write_year_weights(ctx):
    rows = [[y, w] for y, w in sorted(YEAR_WEIGHTS.items())]
    write_csv(ctx, "flow_year_weights.csv", ["year", "weight"], rows)
