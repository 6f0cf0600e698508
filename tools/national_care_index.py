#!/usr/bin/env python3
"""Municipal care indices for the municipalities outside Gelderland (data/nederland).

data/nederland/care/ is a copy of data/gelderland/care/ (national prevalence profiles; the
municipal index of the 51 Gelderland municipalities). This script adds the index of the other
291 municipalities from the national KWB/70072NED file (kwb/wmo_hbh_jeugdzorg_bevolking...csv):
  * wmo_hh: household-help clients (CBS 84751-84753NED) against the national HbH profile,
    exactly the method of tools/calibrate_care.py (MunicipalIndex.own_hbh): KWB age bands of
    the year, the municipality's own 2021 composition within a band, the year factor k_y
    from the national total (here with the band growth of all municipalities in the file);
  * youth types: % of residents under 23 with youth care in natura (KWB) against the
    national % in natura (MunicipalIndex.own_youth);
  * without an own figure (municipality absent, or its code changed after 2019): the
    population-weighted mean of its COROP area's members with one, else its province's;
  * other Wmo types (no national wijk file), wlz and wijkverpleging: index 1, national.
The Gelderland rows stay as they are, so both datasets keep identical Gelderland results.
Limitation: a municipality that absorbed another after 2019 (Amsterdam, Purmerend, Tilburg...)
takes the index of its old territory.

Usage (from the repository root, after tools/derive_national_data.py):

    python3 tools/national_care_index.py --gelderland data/gelderland --nederland data/nederland
"""

import argparse
import csv
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import calibrate_care as cc  # noqa: E402

KWB_NATIONAL = "kwb/wmo_hbh_jeugdzorg_bevolkingsdynamiek_gemeente_2017-2019.csv"
INDEX_FILE = os.path.join("care", "care_municipal_index.csv")


def national_inputs(gld_inp, nl_dir):
    """The Gelderland Inputs object with the national municipalities, population, regions
    and KWB rows put in (the published figures and profiles stay national)."""
    inp = gld_inp
    inp.kwb_gm = cc.read_csv(os.path.join(nl_dir, KWB_NATIONAL), "kwb_gm")
    inp.kwb_wijk = []
    inp.munis = [(r["geo_code"], r["geo_name"]) for r in cc.read_csv(os.path.join(nl_dir, "municipalities.csv"), "municipalities")]
    inp.muni_name = dict(inp.munis)
    inp.pop = defaultdict(dict)
    for r in cc.read_csv(os.path.join(nl_dir, "population.csv"), "population"):
        inp.pop[r["geo_code"]][(cc.parse_group(r["age_group"]), r["sex"])] = float(r["persons"])
    inp.region_of = defaultdict(dict)
    inp.region_name = {}
    for r in cc.read_csv(os.path.join(nl_dir, "regions.csv"), "regions"):
        inp.region_of[r["region_type"]][r["geo_code"]] = r["region_code"]
        inp.region_name[r["region_code"]] = r["region_name"]
    return inp


def fallback(mi, own, code, youth):
    """COROP, else province: population-weighted mean of members with an own figure."""
    for rtype in (["jeugdregio"] if youth else []) + ["corop", "province"]:
        rcode = mi.inp.region_of[rtype].get(code)
        members = [c for c, rc in mi.inp.region_of[rtype].items() if rc == rcode and c in own]
        if members:
            w = {c: sum(mi.inp.pop[c].values()) for c in members}
            return (sum(own[c] * w[c] for c in members) / sum(w.values()),
                    "region %s (%s %s; population-weighted mean of %d members with own figure)"
                    % (rcode, rtype, mi.inp.region_name.get(rcode, ""), len(members)),
                    "members: " + " ".join(sorted(members)))
    cc.die("no region with own figures for %s" % code)


def complete(gelderland_dir, nederland_dir):
    """Rewrites nederland_dir/care/care_municipal_index.csv: the Gelderland rows as they are,
    plus the other municipalities. Returns printable summary lines."""
    gld_inp = cc.Inputs(gelderland_dir)
    cal = cc.Calibration(gld_inp)
    cal.fit()
    gelderland = {c for c, _ in gld_inp.munis}
    path = os.path.join(nederland_dir, INDEX_FILE)
    with open(path, newline="", encoding="utf-8") as f:
        existing = [r for r in csv.reader(f)][1:]
    kept = [r for r in existing if r[1] in gelderland]
    if len(kept) != len(cc.TYPE_CODES) * len(gelderland):
        cc.die("%s: expected the %d Gelderland rows of data/gelderland, found %d"
               % (path, len(cc.TYPE_CODES) * len(gelderland), len(kept)))

    mi = cc.MunicipalIndex(national_inputs(gld_inp, nederland_dir), cal)
    hbh = {c: v for c, v in mi.own_hbh().items() if c != cc.AALTEN}
    youth = mi.own_youth()
    own_hbh = {c: v[0] for c, v in hbh.items()}
    own_youth = {c: v[0] for c, v in youth.items()}
    rows = list(kept)
    counts = defaultdict(int)
    for code in sorted(set(mi.codes) - gelderland):
        for t in cc.TYPE_CODES:
            if t == "wmo_hh" and code in hbh:
                idx, basis, source = hbh[code][0], hbh[code][4], KWB_NATIONAL + " (%s)" % hbh[code][4][5:-1]
            elif t == "wmo_hh":
                idx, basis, source = fallback(mi, own_hbh, code, False)
            elif t in cc.YOUTH_TYPES and code in youth:
                pct, nat, y = youth[code][1], youth[code][2], youth[code][3]
                idx = youth[code][0]
                basis = "own (KWB %s %d: %s%% of <23 vs national in natura %s%%; same index for all youth types)" % (
                    {2018: "84286NED", 2019: "84583NED"}[y], y, cc.fmt(pct, 4), cc.fmt(nat, 4))
                source = KWB_NATIONAL + "; national %% %s (NJi/CBS)" % y
            elif t in cc.YOUTH_TYPES:
                idx, basis, source = fallback(mi, own_youth, code, True)
            else:
                idx, basis, source = 1.0, "national (no municipal figure in the national data)", ""
            counts[(t, basis.split(" ")[0])] += 1
            rows.append([t, code, cc.fmt(idx, 6), basis, source])
    order = {t: i for i, t in enumerate(cc.TYPE_CODES)}
    rows.sort(key=lambda r: (order[r[0]], r[1]))
    cc.write_csv(path, ["care_type", "geo_code", "index", "basis", "source"], rows)
    lines = ["care_municipal_index.csv: %d rows (%d Gelderland rows kept)" % (len(rows), len(kept))]
    lines += ["  %-18s %-9s %d" % (t, b, n) for (t, b), n in sorted(counts.items())]
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gelderland", required=True, help="the Gelderland dataset (care calibration source)")
    ap.add_argument("--nederland", required=True, help="the national dataset to complete")
    a = ap.parse_args()
    print("national_care_index.py: " + "\n".join(complete(a.gelderland, a.nederland)))


if __name__ == "__main__":
    main()
