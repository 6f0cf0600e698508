"""Region classifications of the 342 municipalities of 2024 (regions.csv).

Sources, newest first: CBS 70072NED (region codes and names of every municipality, 2017-2019)
and CBS 83287NED "Gebieden in Nederland 2018" (codes only). A municipality of 2024 takes the
region of the newest year in which it or its predecessors are classified; when its
predecessors lay in different regions (a merger across a border), the region holding most of
their inhabitants (70072NED, 1 January of that year) wins, and the case is reported (data/nederland/SOURCES.md
lists them). Regions changed after 2019 are not in the raw data (see SOURCES.md).
"""

import csv
from collections import Counter, defaultdict

from derive_default_data import fail, write_csv
import derive_default_data as base

# zorgsim region type -> (CBS code prefix, 83287NED column)
REGION_TYPES = [
    ("province", "PV", "Provincies"),
    ("corop", "CR", "COROP-gebieden"),
    ("zorgkantoorregio", "ZK", "Zorgkantoorregio's"),
    ("jeugdregio", "JZ", "Jeugdzorgregios"),
    ("arbeidsmarktregio", "AM", "Arbeidsmarktregio's"),
    ("ggd-regio", "GG", "GGD-regio's"),
]
# Order of region types in regions.csv: the seed coalitions first (as before), then CBS types.
TYPE_ORDER = ["zorgregio", "jeugdregio", "corop", "province", "zorgkantoorregio", "arbeidsmarktregio",
              "ggd-regio", "country"]

# 70072NED's label for a municipality not (yet) assigned (AM99 for the municipalities formed
# on 1-1-2019 in the 2019 figures): not an observation; the predecessors' region is used.
NOT_CLASSIFIED = "Niet in te delen"

GEBIEDEN_FILE = "national/cbs-83287NED-regions-2018/83287NED_gebieden_2018.csv"


def _kwb_columns(rows, path):
    """Which popcode<letter> column carries each classification, found by code prefix."""
    letters = sorted(c[len("popcode"):] for c in rows[0] if c.startswith("popcode") and len(c) == 8)
    col = {}
    for rtype, prefix, _ in REGION_TYPES:
        hits = [l for l in letters if all(r["popcode" + l].startswith(prefix) for r in rows if r["popcode" + l])
                and any(r["popcode" + l] for r in rows)]
        if len(hits) != 1:
            fail("%s: expected one popcode column with %s.. codes, found %r" % (path, prefix, hits))
        col[rtype] = hits[0]
    return col


def assign_regions(ctx, names, mapping, kwb, pop):
    """Returns {"assign": {gm: {type: code}}, "names": {type: {code: name}}, "exceptions": [...]}."""
    rep = ctx.report
    path = base.RAW["kwb70072"]
    col = _kwb_columns(kwb, path)
    rep.ok("70072NED region columns: %s" % ", ".join("%s=popcode%s" % kv for kv in col.items()))

    region_names = defaultdict(dict)
    obs = defaultdict(list)   # (gm2024, type) -> [(year, priority, weight, code, source code)]
    for r in sorted(kwb, key=lambda r: r["perioden"]):
        year = int(r["perioden"])
        old = r["codering_regio"]
        if old not in mapping:
            fail("%s: %s (%s, %d) cannot be mapped to a 2024 municipality" % (path, old, r["gemeentenaam"], year))
        for rtype, _, _ in REGION_TYPES:
            code, name = r["popcode" + col[rtype]], r["popnaam" + col[rtype]]
            if not code or name == NOT_CLASSIFIED:
                continue
            region_names[rtype][code] = name          # later years overwrite earlier ones
            inhabitants = float(r["poptotalebevolking"] or 1)   # 1 January of that year
            for gm, share in mapping[old]:
                obs[(gm, rtype)].append((year, 1, share * inhabitants, code, old))
    with open(base.raw_file(ctx, GEBIEDEN_FILE, "83287NED 2018 classifications"), encoding="utf-8") as f:
        geb = list(csv.DictReader(f))
    # 83287NED (published late 2017) numbers some regions differently from 70072NED's 2018
    # figures (e.g. FoodValley AM31 -> AM38, zorgkantoor ZK05/ZK15 -> ZK33). Translate its
    # codes to the 70072NED code most of the same municipalities have in 2018.
    kwb2018 = {r["codering_regio"]: r for r in kwb if r["perioden"] == "2018"}
    crosswalk = {}
    for rtype, _, column in REGION_TYPES:
        votes = defaultdict(Counter)
        for r in geb:
            k = kwb2018.get(r["reg"])
            if k and k["popcode" + col[rtype]]:
                votes[r[column]][k["popcode" + col[rtype]]] += 1
        crosswalk[rtype] = {c: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for c, v in votes.items()}
        renamed = {c: t for c, t in crosswalk[rtype].items() if c != t}
        if renamed:
            rep.info("83287NED -> 70072NED %s codes: %s" % (rtype, ", ".join("%s->%s" % kv for kv in sorted(renamed.items()))))
    for r in geb:
        old = r["reg"]
        if old not in mapping:
            fail("%s: %s cannot be mapped to a 2024 municipality" % (GEBIEDEN_FILE, old))
        for rtype, _, column in REGION_TYPES:
            code = crosswalk[rtype].get(r[column], r[column])
            for gm, share in mapping[old]:
                obs[(gm, rtype)].append((2018, 0, share, code, old))

    assign = {gm: {} for gm in names}
    exceptions = []
    unnamed = []
    for gm in sorted(names):
        for rtype, prefix, _ in REGION_TYPES:
            cands = obs.get((gm, rtype))
            if not cands:
                fail("no %s for %s %s in 70072NED or 83287NED" % (rtype, gm, names[gm]))
            year, prio = max((c[0], -c[1]) for c in cands)
            chosen = [c for c in cands if c[0] == year and c[1] == -prio]
            votes = Counter()
            for c in chosen:
                votes[c[3]] += c[2]
            code = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            if not code.startswith(prefix):
                fail("%s %s: %s code %r does not start with %s" % (gm, names[gm], rtype, code, prefix))
            members = {o[4] for o in cands if o[3] == code}
            if code not in region_names[rtype] and len(members) == 1 and all(
                    r[column] != code or r["reg"] == gm for r in geb for t, _, column in REGION_TYPES if t == rtype):
                # A region of one municipality that 70072NED does not name (83287NED has codes
                # only): named after that municipality (JZ22 Utrecht).
                region_names[rtype][code] = names[gm]
                rep.info("%s %s has no name in 70072NED; its only member is %s, so it is named %r"
                         % (rtype, code, gm, names[gm]))
            if code not in region_names[rtype]:
                unnamed.append("%s %s (%s %s)" % (rtype, code, gm, names[gm]))
            if len(votes) > 1:
                exceptions.append((gm, names[gm], rtype, code, sorted(votes), year))
            assign[gm][rtype] = code
    if unnamed:
        fail("region codes without a name in 70072NED: " + "; ".join(unnamed))
    for gm, nm, rtype, code, codes, year in exceptions:
        rep.warn("%s %s: predecessors in different %s areas %r (%d); chose %s (most inhabitants)"
                 % (gm, nm, rtype, codes, year, code))
    rep.ok("regions: every municipality has one region of each of %d CBS types" % len(REGION_TYPES))
    return {"assign": assign, "names": region_names, "exceptions": exceptions, "coalitions": []}


def add_seed_coalitions(ctx, regions, gld):
    """The three seed regions of the project (table in raw SOURCES.md), type 'zorgregio'."""
    for code, name, members in base.parse_zorgregio_table(ctx, gld):
        regions["coalitions"].append((code, name, members))


def write_regions(ctx, area, regions):
    rows = []
    for code, name, members in regions["coalitions"]:
        if all(m in area.munis for m in members):
            rows.extend(["zorgregio", code, name, gm] for gm in members)
    for gm in area.munis:
        for rtype, _, _ in REGION_TYPES:
            code = regions["assign"][gm][rtype]
            rows.append([rtype, code, regions["names"][rtype][code], gm])
    if area.key == "nederland":   # the country as a region, so runs report its total
        rows.extend(["country", "NL01", "Nederland", gm] for gm in area.munis)
    rows.sort(key=lambda r: (TYPE_ORDER.index(r[0]), r[1], r[3]))
    write_csv(ctx, "regions.csv", ["region_type", "region_code", "region_name", "geo_code"], rows)
    counts = Counter(r[0] for r in rows)
    ctx.report.ok("regions.csv: %s" % ", ".join("%s %d" % (t, counts[t]) for t in TYPE_ORDER if counts[t]))
