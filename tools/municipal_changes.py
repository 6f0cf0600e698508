"""Municipal changes that map CBS series on older boundaries to the municipalities of 2024.

The CBS change history in the raw data (83287NED, gm_changes_before_2018.csv) ends with the
changes of 1 January 2017. The changes from 1 January 2018 to 2024 are listed here by hand,
each with its date and a public source; data/nederland/SOURCES.md repeats the table.

A change moves an old municipality (code as CBS used it) to one or more successors:
  * a merger or an absorption moves it whole (share 1);
  * a split (Littenseradiel 2018, Winsum 2019, Haaren 2021) divides it by the population of
    1 January 2021 in the postcode (PC4) areas of the villages each successor received (the
    village lists are in the sources; the PC4 populations are in the raw PC4 file). This is an
    assumption: the villages' share in 2021 stands in for their share in earlier years.

Every code maps to codes of 2024 only through this table and the CBS history; the
derivation fails if a code of the raw series cannot be mapped.
"""

# Sources (URL, what it says), referred to by key from the table below.
SOURCES = {
    "vng2018": ("https://vng.nl/nieuws/hoeveel-gemeenten-zijn-er-per-2018",
                "VNG: 380 municipalities on 1-1-2018: Zevenaar + Rijnwaarden; Westerwolde; Midden-Groningen; "
                "Littenseradiel split over Leeuwarden (with Leeuwarderadeel), Súdwest-Fryslân and Waadhoeke "
                "(Franekeradeel, het Bildt, Menameradiel)"),
    "omrop2017": ("http://www.omropfryslan.nl/nieuws/696922-tweede-kamer-praat-over-herindeling-noordwest-fryslan",
                  "Omrop Fryslân 2017: on 1-1-2018 het Bildt, Menameradiel, Franekeradeel and four villages "
                  "of Littenseradiel form Waadhoeke; Leeuwarden and Leeuwarderadeel merge with ten villages "
                  "of Littenseradiel; the rest goes to Súdwest-Fryslân"),
    "lc2017": ("https://www.lc.nl/friesland/Leeuwarderadeel-en-deel-Littenseradiel-officieel-bij-Leeuwarden-21295718.html",
               "Leeuwarder Courant: the ten villages of Littenseradiel that go to Leeuwarden"),
    "snn2012": ("https://sneekernieuwsblad.nl/artikel/912153/swf-krijgt-er-vijftien-dorpen-bij.html",
                "Sneeker Nieuwsblad: the fifteen villages of Littenseradiel that go to Súdwest-Fryslân"),
    "cbs2019": ("https://www.blikopnieuws.nl/nieuws/269778/sterkste-daling-aantal-gemeenten-sinds-2001.html",
                "CBS news of December 2018 (as reported): 12 reorganisations on 1-1-2019, 355 municipalities; "
                "Noardeast-Fryslân, West Betuwe, Vijfheerenlanden, Hoeksche Waard, Molenlanden, Altena, "
                "Beekdaelen new; Ten Boer and Haren into Groningen, Haarlemmerliede into Haarlemmermeer, "
                "Noordwijkerhout into Noordwijk; Winsum split over Het Hogeland and Westerkwartier"),
    "nu2020": ("https://www.nu.nl/binnenland/6020873/voor-het-eerst-sinds-2008-geen-gemeentelijke-herindeling-in-2020.html",
               "CBS (as reported): no municipal reorganisation in 2020"),
    "anp2021": ("https://nieuws.nl/algemeen/20201230/nederland-heeft-3-gemeenten-minder-in-2021/",
                "CBS (as reported by ANP): 352 municipalities in 2021; Appingedam, Delfzijl and Loppersum form "
                "Eemsdelta; Haaren's villages go to Boxtel, Oisterwijk, Tilburg and Vught"),
    "nd2022": ("https://www.nd.nl/nieuws/nederland/1076597/nederland-krimpt-vanaf-januari-tot-345-gemeenten",
               "CBS (as reported): 345 municipalities on 1-1-2022 (Dijk en Waard, Maashorst, Land van Cuijk, "
               "Beemster into Purmerend); Weesp into Amsterdam on 24-3-2022"),
    "ad2023": ("https://www.ad.nl/voorne-aan-zee/stad-en-platteland-in-een-gemeente-voorne-briellenaren-van-weleer-zouden-ervan-hebben-gegruweld~ae5bc84b/",
               "AD, January 2023: the new municipality Voorne aan Zee is a fact"),
    "zh2021": ("https://www.zuid-holland.nl/overons/bestuur-zh/gedeputeerde-staten/besluiten/2021/mei/25-mei/zienswijze-gedeputeerde-staten-vrijwillige/",
               "Province of Zuid-Holland: Brielle, Hellevoetsluis and Westvoorne to form Voorne aan Zee on 1-1-2023"),
    "kaarten2018": ("https://www.kaartenenatlassen.nl/blog/nieuwe-gemeenten-2018",
                    "the four villages of Littenseradiel that go to Waadhoeke: Welsrijp, Winsum, Baaium, Spannum"),
    "certegis": ("CBS 83502NED PC4 populations via GitHub certe-medical-epidemiology/certegis",
                 "Haaren PC4 areas to their legal successors: 5074 Biezenmortel to Tilburg, 5076 Haaren to "
                 "Oisterwijk, 5268 Helvoirt to Vught, 5296 Esch to Boxtel"),
}

# (date, [(old code, old name)], successor code, successor name, source keys)
# Whole moves only; splits are in SPLITS below.
MERGERS = [
    ("2018-01-01", [("GM0007", "Bellingwedde"), ("GM0048", "Vlagtwedde")], "GM1950", "Westerwolde", ["vng2018"]),
    ("2018-01-01", [("GM0018", "Hoogezand-Sappemeer"), ("GM1987", "Menterwolde"), ("GM0040", "Slochteren")],
     "GM1952", "Midden-Groningen", ["vng2018"]),
    ("2018-01-01", [("GM0063", "het Bildt"), ("GM0070", "Franekeradeel"), ("GM1908", "Menameradiel")],
     "GM1949", "Waadhoeke", ["vng2018", "omrop2017"]),
    ("2018-01-01", [("GM0081", "Leeuwarderadeel")], "GM0080", "Leeuwarden", ["vng2018", "lc2017"]),
    ("2018-01-01", [("GM0196", "Rijnwaarden")], "GM0299", "Zevenaar", ["vng2018"]),
    ("2019-01-01", [("GM0009", "Ten Boer"), ("GM0017", "Haren")], "GM0014", "Groningen", ["cbs2019"]),
    ("2019-01-01", [("GM0015", "Grootegast"), ("GM0022", "Leek"), ("GM0025", "Marum"), ("GM0056", "Zuidhorn")],
     "GM1969", "Westerkwartier", ["cbs2019"]),
    ("2019-01-01", [("GM0005", "Bedum"), ("GM1663", "De Marne"), ("GM1651", "Eemsmond")],
     "GM1966", "Het Hogeland", ["cbs2019"]),
    ("2019-01-01", [("GM0058", "Dongeradeel"), ("GM0079", "Kollumerland en Nieuwkruisland"),
                    ("GM1722", "Ferwerderadiel")], "GM1970", "Noardeast-Fryslân", ["cbs2019"]),
    ("2019-01-01", [("GM1927", "Molenwaard"), ("GM0689", "Giessenlanden")], "GM1978", "Molenlanden", ["cbs2019"]),
    ("2019-01-01", [("GM0585", "Binnenmaas"), ("GM0588", "Cromstrijen"), ("GM0611", "Korendijk"),
                    ("GM0584", "Oud-Beijerland"), ("GM0617", "Strijen")], "GM1963", "Hoeksche Waard", ["cbs2019"]),
    ("2019-01-01", [("GM0738", "Aalburg"), ("GM0870", "Werkendam"), ("GM0874", "Woudrichem")],
     "GM1959", "Altena", ["cbs2019"]),
    ("2019-01-01", [("GM0545", "Leerdam"), ("GM0620", "Vianen"), ("GM0707", "Zederik")],
     "GM1961", "Vijfheerenlanden", ["cbs2019"]),
    ("2019-01-01", [("GM0951", "Nuth"), ("GM0881", "Onderbanken"), ("GM0962", "Schinnen")],
     "GM1954", "Beekdaelen", ["cbs2019"]),
    ("2019-01-01", [("GM0236", "Geldermalsen"), ("GM0733", "Lingewaal"), ("GM0304", "Neerijnen")],
     "GM1960", "West Betuwe", ["cbs2019"]),
    ("2019-01-01", [("GM0393", "Haarlemmerliede en Spaarnwoude")], "GM0394", "Haarlemmermeer", ["cbs2019"]),
    ("2019-01-01", [("GM0576", "Noordwijkerhout")], "GM0575", "Noordwijk", ["cbs2019"]),
    ("2021-01-01", [("GM0003", "Appingedam"), ("GM0010", "Delfzijl"), ("GM0024", "Loppersum")],
     "GM1979", "Eemsdelta", ["anp2021"]),
    ("2022-01-01", [("GM0398", "Heerhugowaard"), ("GM0416", "Langedijk")], "GM1980", "Dijk en Waard", ["nd2022"]),
    ("2022-01-01", [("GM0756", "Boxmeer"), ("GM1684", "Cuijk"), ("GM0786", "Grave"),
                    ("GM0815", "Mill en Sint Hubert"), ("GM1702", "Sint Anthonis")],
     "GM1982", "Land van Cuijk", ["nd2022"]),
    ("2022-01-01", [("GM1685", "Landerd"), ("GM0856", "Uden")], "GM1991", "Maashorst", ["nd2022"]),
    ("2022-01-01", [("GM0370", "Beemster")], "GM0439", "Purmerend", ["nd2022"]),
    ("2022-03-24", [("GM0457", "Weesp")], "GM0363", "Amsterdam", ["nd2022"]),
    ("2023-01-01", [("GM0501", "Brielle"), ("GM0530", "Hellevoetsluis"), ("GM0614", "Westvoorne")],
     "GM1992", "Voorne aan Zee", ["ad2023", "zh2021"]),
]

# Successors in MERGERS that existed before the change (they absorbed the others); every
# other successor code was created on the date of its change.
ABSORBING = {"GM0080", "GM0299", "GM0014", "GM0394", "GM0575", "GM0439", "GM0363"}

# (date, old code, old name, {successor code: [PC4 areas it received]}, source keys)
SPLITS = [
    ("2018-01-01", "GM0140", "Littenseradiel", {
        "GM0080": ["8832", "8833", "8834", "8835", "9022", "9023", "9024", "9025", "9026", "9027"],
        "GM1900": ["8635", "8636", "8637", "8641", "8642", "8731", "8732", "8733", "8734", "8735",
                   "8736", "8737", "8844", "8845", "9021"],
        "GM1949": ["8831", "8841", "8842", "8843"],
    }, ["vng2018", "omrop2017", "lc2017", "snn2012", "kaarten2018"]),
    ("2019-01-01", "GM0053", "Winsum", {
        "GM1966": ["9951", "9953", "9954", "9955", "9956", "9957", "9959", "9771", "9773", "9774"],
        "GM1969": ["9891", "9892", "9893"],
    }, ["cbs2019"]),
    ("2021-01-01", "GM0788", "Haaren", {
        "GM0855": ["5074"], "GM0824": ["5076"], "GM0865": ["5268"], "GM0757": ["5296"],
    }, ["anp2021", "certegis"]),
]


def build_mapping(history_rows, codes_2024, pc4_population, fail):
    """Returns {old code: [(2024 code, share)]} for every code of the CBS history, the
    changes above and every 2024 code (to itself).

    history_rows: dicts of gm_changes_before_2018.csv ('Oude', 'Huidige code').
    pc4_population: {PC4: persons on 1-1-2021} for the split shares.
    fail: called with a message when something does not add up."""
    step = {}   # code -> [(code, share)] one change later
    for date, olds, new, _, _ in MERGERS:
        for old, _ in olds:
            if old in step:
                fail("municipal_changes: %s listed twice" % old)
            step[old] = [(new, 1.0)]
    for date, old, _, parts, _ in SPLITS:
        pops = {succ: sum(pc4_population.get(pc, 0) for pc in pcs) for succ, pcs in parts.items()}
        missing = [pc for pcs in parts.values() for pc in pcs if pc not in pc4_population]
        if missing:
            fail("municipal_changes: split of %s uses PC4 areas without population: %r" % (old, missing))
        total = sum(pops.values())
        if total <= 0:
            fail("municipal_changes: split of %s has no population" % old)
        step[old] = [(succ, pops[succ] / total) for succ in sorted(parts)]

    def resolve(code, depth=0):
        if depth > 10:
            fail("municipal_changes: cycle at %s" % code)
        if code in codes_2024 and code not in step:
            return [(code, 1.0)]
        if code not in step:
            return None
        out = {}
        for nxt, share in step[code]:
            sub = resolve(nxt, depth + 1)
            if sub is None:
                fail("municipal_changes: %s -> %s does not reach a 2024 municipality" % (code, nxt))
            for c, s in sub:
                out[c] = out.get(c, 0.0) + share * s
        return sorted(out.items())

    mapping = {}
    # CBS history to 1-1-2017: 'Oude' became 'Huidige code' (the code of 2017/2018).
    for r in history_rows:
        old, cur = r["Oude"].strip(), r["Huidige code"].strip()
        if not old.startswith("GM") or not cur.startswith("GM"):
            continue   # a few rows record land moved to Germany ('#N/A')
        if old != cur:
            step.setdefault(old, [(cur, 1.0)])
    for code in list(step) + sorted(codes_2024):
        res = resolve(code)
        if res is None:
            fail("municipal_changes: %s has no 2024 successor" % code)
        if abs(sum(s for _, s in res) - 1.0) > 1e-12:
            fail("municipal_changes: shares of %s add up to %r" % (code, sum(s for _, s in res)))
        mapping[code] = res
    return mapping


def change_rows(mapping, names_2024, names_old, codes_2024):
    """Rows of municipal_changes.csv: every old code with its 2024 successor(s), the date of
    the change that ended it and the share. Codes that still exist in 2024 are left out."""
    when = {}
    for date, olds, _, _, src in MERGERS:
        for old, name in olds:
            when[old] = (date, name, " ".join(src))
    for date, old, name, _, src in SPLITS:
        when[old] = (date, name, " ".join(src))
    rows = []
    for old in sorted(mapping):
        if old in codes_2024:
            continue
        date, name, src = when.get(old, ("before 2018", names_old.get(old, ""), "cbs_history"))
        for succ, share in mapping[old]:
            rows.append([old, name, date, succ, names_2024[succ], "%.6f" % share if share < 1 else "1", src])
    return rows
