#!/usr/bin/env python3
"""Property: every school name tfm import gias prints reads back with PyYAML (a YAML 1.1
reader, not yaml-cpp) as the same string. Names are drawn, with a fixed seed, from pieces
YAML readers take for syntax or for other types: 1.1 booleans and nulls, numbers in every
notation, timestamps, indicators at the start, `: ` and ` #` inside, quotes, backslashes,
look-alike and invisible characters. Usage: names_property_test.py TFM [COUNT]"""
import csv
import io
import random
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import yaml

PIECES = [
    # YAML 1.1 and 1.2 words: booleans, nulls, special floats, the merge and value keys.
    "yes", "No", "ON", "off", "y", "N", "true", "False", "null", "NULL", "~", ".inf", "-.Inf", ".NaN",
    "<<", "=",
    # Numbers and timestamps.
    "1e3", "0x10", "0o17", "0b101", "017", "1_000", "+12", "-3.5", ".5", "190:20:30", "1:2",
    "2001-01-01", "2001-01-01 00:00:00", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
    # Indicators and the characters that end or start a plain scalar.
    ": x", "- x", "? x", "#x", "&a", "*a", "!x", "!!str", "%x", "@x", "`x", "'x", '"x', "|", ">", "[a]",
    "{b}", ",", "a: b", "a #b", "a:", "---", "...", "\\", "\\n", "'", '"', "x'y", 'x"y',
    # Ordinary words and the characters GIAS names hold.
    "St Mary's", "Primary", "School", "C of E", "&", "Brontë", "Café", "St Mary’s", "Headingley – Hyde",
    # Look-alike and invisible characters.
    "\u00a0", "\u200b", "\u202e", "\u2028", "\u2029", "\ufeff", "\u0430", "\u3000",
]


def trimmed(name):
    """The name without the spaces tfm trims from a GIAS field's ends: every kind (plain,
    no-break, ideographic, line and paragraph separators)."""
    spaces = "".join(c for c in set("".join(PIECES) + " ") if unicodedata.category(c) in ("Zs", "Zl", "Zp"))
    return name.strip(spaces)


def random_name(rng):
    name = "".join(rng.choice(PIECES) + rng.choice(["", " ", "", ""]) for _ in range(rng.randint(1, 3)))
    # As tfm keeps a GIAS field: every kind of space trimmed at the ends (plain, no-break,
    # ideographic, line and paragraph separators), no tabs or line breaks.
    return trimmed(name) or "x"


def main():
    tfm = str(Path(sys.argv[1]).resolve())
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    rng = random.Random(14)
    names = {100000 + i: random_name(rng) for i in range(count)}
    # Every piece alone too, so none is left to chance.
    for j, piece in enumerate(PIECES):
        if trimmed(piece):
            names[200000 + j] = trimmed(piece)
    with tempfile.TemporaryDirectory() as work:
        rows = io.StringIO()
        out = csv.writer(rows, lineterminator="\r\n")
        out.writerow(["URN", "LA (name)", "EstablishmentName", "TypeOfEstablishment (name)",
                      "EstablishmentStatus (name)", "PhaseOfEducation (name)"])
        for urn, name in names.items():
            out.writerow([urn, "Calderdale", name, "Community school", "Open", "Primary"])
        extract = Path(work) / "extract.csv"
        extract.write_text(rows.getvalue(), encoding="utf-8")
        run = subprocess.run([tfm, "import", "gias", str(extract), "--area", "Calderdale"],
                             capture_output=True, text=True, cwd=work)
        if run.returncode != 0:
            print(run.stderr)
            return 1
    printed = {s["urn"]: s["name"] for s in yaml.safe_load(run.stdout)["schools"]}
    wrong = [(urn, printed.get(urn), name) for urn, name in names.items() if printed.get(urn) != name]
    for urn, got, want in wrong[:20]:
        print(f"{urn}: read back {got!r}, extract has {want!r}")
    if wrong:
        print(f"{len(wrong)} of {len(names)} names did not read back")
        return 1
    print(f"{len(names)} names read back with PyYAML as written")
    return 0


sys.exit(main())
