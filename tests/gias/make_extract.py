#!/usr/bin/env python3
"""Writes extract.csv: a small GIAS establishment extract in GIAS's own format
(Windows-1252, CRLF, RFC 4180 quoting). Run it again after changing the rows below."""
import csv, io, pathlib

header = ["URN", "LA (code)", "LA (name)", "EstabNumber", "EstablishmentName",
          "TypeOfEstablishment (name)", "EstablishmentStatus (name)", "PhaseOfEducation (name)",
          "Trusts (name)", "Postcode"]
rows = [
    # Calderdale: known schools (one renamed by GIAS), new ones, a closed one, a nursery
    ["107644", "381", "Calderdale", "2001", "Copley Holme Primary Academy", "Academy converter", "Open", "Primary", "Calder Learning Trust", "HX3 0AA"],
    ["107564", "381", "Calderdale", "2002", "Elland Beck Primary School", "Community school", "Open", "Primary", "", "HX5 0AA"],
    ["107599", "381", "Calderdale", "2003", "Siddal Moor Primary School", "Community school", "Closed", "Primary", "", "HX3 9AA"],
    ["149876", "381", "Calderdale", "2010", "St Mary\u2019s Catholic Primary School, Halifax", "Voluntary aided school", "Open", "Primary", "", "HX1 1AA"],
    ["150011", "381", "Calderdale", "2011", "Heptonstall Church of England (VC) \u201cJunior & Infant\u201d School", "Voluntary controlled school", "Open, but proposed to close", "Primary", "", "HX7 7AA"],
    ["150012", "381", "Calderdale", "1001", "Little Acorns Nursery School", "LA nursery school", "Open", "Nursery", "", "HX2 0AA"],
    ["150013", "381", "Calderdale", "7001", "Ravenscliffe High School", "Community special school", "Open", "Not applicable", "", "HX3 8AA"],
    ["150014", "381", "Calderdale", "4001", "Brighouse High School", "Academy converter", "Open", "Secondary", "Calder Learning Trust", "HD6 2AA"],
    # Kirklees: a known school whose area GIAS now gives as Kirklees, a new academy with a trust
    ["107705", "382", "Kirklees", "2004", "Crosland Edge Primary School", "Community school", "Open", "Primary", "", "HD4 5AA"],
    ["150020", "382", "Kirklees", "2020", "Birkby Junior School \u2013 Caf\u00e9 Site", "Academy sponsor led", "Open", "Middle deemed primary", "Aspire Learning Partnership", "HD2 2AA"],
    ["150021", "382", "Kirklees", "2021", "Hollybank: Ash Grove Primary", "Community school", "Open", "Primary", "", "HD5 5AA"],
    ["150022", "382", "Kirklees", "2023", "Netherton Free School", "Free schools", "Proposed to open", "Primary", "", "HD4 7AA"],
    ["107819", "382", "Kirklees", "2005", "Birstall Oakwell Primary Academy, Birstall", "Academy converter", "Open", "Primary", "", "WF17 9AA"],
    ["150040", "382", "Kirklees", "2040", 'The "Beacon" Primary School', "Free schools", "Open", "Primary", "", "HD3 3AA"],
    # Wakefield, whose schools file ends with leads: new schools go to wakefield-gias.yaml
    ["150050", "384", "Wakefield", "2050", "Outwood Primary Academy Ledger Lane", "Academy converter", "Open", "Primary", "Outwood Grange Academies Trust", "WF1 2AA"],
    # Leeds, with no schools file yet
    ["150030", "383", "Leeds", "2030", "Leeds Primary Example", "Community school", "Open", "Primary", "", "LS1 1AA"],
    # a row with a bad URN, and one from an area the hub does not cover
    ["15002", "382", "Kirklees", "2022", "Broken Row Primary", "Community school", "Open", "Primary", "", "HD1 1AA"],
    ["150060", "380", "Bradford", "2060", "Bradford Primary Example", "Community school", "Open", "Primary", "", "BD1 1AA"],
]
out = io.StringIO(newline="")
writer = csv.writer(out, lineterminator="\r\n")
writer.writerow(header)
writer.writerows(rows)
path = pathlib.Path(__file__).with_name("extract.csv")
path.write_bytes(out.getvalue().encode("cp1252"))
