#!/usr/bin/env python3
"""`tfm schema` is a valid draft 2020-12 JSON Schema that accepts every document of the
example records and rejects broken ones. Uses Debian's python3-jsonschema and python3-yaml.
Usage: schema_test.py TFM_BINARY EXAMPLES_DIR"""
import json
import pathlib
import subprocess
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as editors' YAML 1.2 language servers do: `off` and `yes` stay words,
    dates stay strings (PyYAML follows YAML 1.1)."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def keys_to_strings(value):
    if isinstance(value, dict):
        return {str(k): keys_to_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [keys_to_strings(v) for v in value]
    return value


binary, examples = sys.argv[1], pathlib.Path(sys.argv[2])
schema = json.loads(subprocess.run([binary, "schema"], check=True, capture_output=True).stdout)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

problems = 0
documents = 0
for path in sorted(examples.rglob("*.yaml")):
    for doc in yaml.load_all(path.read_text(encoding="utf-8"), Loader=Yaml12Loader):
        if doc is None:
            continue
        documents += 1
        for error in validator.iter_errors(keys_to_strings(doc)):
            problems += 1
            print(f"{path}: {error.json_path}: {error.message}")

bad = {
    "unknown key": "school: {urn: 107329, name: A, phase: primary, area: B, colour: red}",
    "unknown enum value": "school: {urn: 107329, name: A, phase: primay, area: B}",
    "quoted URN": "school: {urn: '107329', name: A, phase: primary, area: B}",
    "five-digit URN": "school: {urn: 10732, name: A, phase: primary, area: B}",
    "missing area": "school: {urn: 107329, name: A, phase: primary}",
    "visit without school": "session: {cohort: c, date: 2021-10-05, type: visit}",
    "bad year": "cohort: {id: c, stage: development, year: 2021, lead: x, schools: []}",
    "bad time": "session: {cohort: c, date: 2021-10-05, type: meeting, start: '1pm'}",
    "unknown top-level key": "teachers: []",
    "percentage over 100": "school: {urn: 107329, name: A, phase: primary, area: B, fsm: 120}",
    "predecessor not a URN": "school: {urn: 107329, name: A, phase: primary, area: B, predecessor: old}",
    "predecessor list with a bad URN": "school: {urn: 107329, name: A, phase: primary, area: B, predecessor: [100231, 12]}",
    "staff left not a date": "school: {urn: 107329, name: A, phase: primary, area: B, staff: [{name: C, left: July}]}",
    "offer status unknown": "offers: [{urn: 107329, stage: embedding, year: 2027/28, status: maybe, on: 2026-11-02}]",
    "offer without a date": "offer: {urn: 107329, stage: embedding, year: 2027/28, status: accepted}",
    "offer of an unknown stage": "offer: {urn: 107329, stage: mastery, year: 2027/28, status: offered, on: 2026-11-02}",
}
# Fields the examples may not show in every form.
good = [
    "school: {urn: 107329, name: A, phase: primary, area: B, email: a@b.org, predecessor: 100231}",
    "school: {urn: 107329, name: A, phase: primary, area: B, predecessor: [100231, 100232]}",
    "school: {urn: 107329, name: A, phase: primary, area: B, staff: [{name: C, email: c@b.org, from: 2019-09-01, left: 2023-07-21}]}",
]
for text in good:
    documents += 1
    for error in validator.iter_errors(keys_to_strings(yaml.load(text, Loader=Yaml12Loader))):
        problems += 1
        print(f"the schema refuses {text}: {error.message}")
good_offer = "offers: [{urn: 107329, stage: embedding, year: 2027/28, status: declined, on: 2026-11-02, reason: staffing}]"
if not validator.is_valid(keys_to_strings(yaml.load(good_offer, Loader=Yaml12Loader))):
    problems += 1
    print(f"the schema refuses a valid offer: {good_offer}")
for what, text in bad.items():
    doc = keys_to_strings(yaml.load(text, Loader=Yaml12Loader))
    if validator.is_valid(doc):
        problems += 1
        print(f"the schema accepts a document with a {what}: {text}")

print(f"{documents} example documents validated; {len(bad)} broken ones rejected; {problems} problems")
sys.exit(1 if problems or documents == 0 else 0)
