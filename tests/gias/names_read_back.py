#!/usr/bin/env python3
"""The names tfm import gias prints read back, with PyYAML (a YAML 1.1 reader other than
yaml-cpp), as exactly the names of the extract: tests/cli/import-yaml-quoting."""
import csv
import sys

import yaml

printed, extract = sys.argv[1], sys.argv[2]
with open(printed, encoding="utf-8") as f:
    names = {s["urn"]: s["name"] for s in yaml.safe_load(f)["schools"]}
with open(extract, encoding="utf-8", newline="") as f:
    expected = {int(r["URN"]): r["EstablishmentName"] for r in csv.DictReader(f)}
if names != expected:
    for urn in sorted(expected):
        if names.get(urn) != expected[urn]:
            print(f"{urn}: read back {names.get(urn)!r}, extract has {expected[urn]!r}")
    sys.exit(1)
print(f"{len(names)} names read back as written")
