#!/usr/bin/env python3
"""tfm handover --format html: the page shows the same values as --format json, is
self-contained (no script, no external reference), and prints on one A4 page in headless
Chromium (when a browser is given), for a converted school, a long journey and a school with
many contacts (the page shows the first ones and "and N more").

usage: handover_test.py TFM CONVERSION_TREE [CHROMIUM]"""
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

TFM, CONVERSION = sys.argv[1], sys.argv[2]
BROWSER = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None
failures = []


class Cells(html.parser.HTMLParser):
    """Every data-key/data-value cell of each data-section, in order."""

    def __init__(self):
        super().__init__()
        self.sections, self.current, self.bad, self.more = {}, None, [], {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "link", "img", "iframe"):
            self.bad.append(tag)
        if "data-more" in a:
            self.more[a.get("data-of")] = int(a["data-more"])
        if "data-section" in a:
            self.current = self.sections.setdefault(a["data-section"], [])
        if tag == "td" and "data-key" in a and self.current is not None:
            self.current.append((a["data-key"], a.get("data-value", "")))


def tfm(tree, *args):
    return subprocess.run([TFM, "-C", tree, "--as-of", "2025-03-01", "handover", *args],
                          capture_output=True, text=True, timeout=60)


def as_text(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return ", ".join(v)
    if isinstance(v, float) and v == int(v):
        return str(int(v))
    return str(v)


def check(label, tree, school):
    data = json.loads(tfm(tree, school, "--format", "json").stdout)
    page = tfm(tree, school, "--format", "html").stdout
    cells = Cells()
    cells.feed(page)
    if cells.bad:
        failures.append(f"{label}: the page has {cells.bad}")
    for section in ("journey", "people", "contacts"):
        got = cells.sections.get(section, [])
        # A long list shows its first rows, then "and N more" (data-more): together, all of them.
        rows = data[section]
        shown = len(rows) - cells.more.get(section, 0)
        if section in cells.more and not 0 < shown < len(rows):
            failures.append(f"{label}: {section} says {cells.more[section]} more of {len(rows)}")
        for key in ("year", "participants", "meetings_attended", "now", "email", "as_urn"):
            want = [as_text(row[key]) for row in rows[:shown] if key in row]
            have = [v for k, v in got if k == key]
            if want != have:
                failures.append(f"{label}: {section}.{key} is {have} on the page, {want} in json")
    return data, cells
    if BROWSER:
        with tempfile.TemporaryDirectory() as tmp:
            src, pdf = os.path.join(tmp, "handover.html"), os.path.join(tmp, "handover.pdf")
            with open(src, "w") as f:
                f.write(page)
            subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--disable-background-networking", "--host-resolver-rules=MAP * ~NOTFOUND",
                            f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
                            f"--print-to-pdf={pdf}", "file://" + src],
                           capture_output=True, timeout=90, check=False)
            with open(pdf, "rb") as f:
                pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", f.read()))
            if pages != 1:
                failures.append(f"{label}: prints on {pages} pages, not one")


def long_journey(root):
    """A school eleven years into the programme, a Work Group a year with two participants with
    long names, observed lessons, a predecessor, five contacts and next year's groups."""
    with open(os.path.join(root, "hub.yaml"), "w") as f:
        f.write("hub:\n  name: Calderdale and Kirklees West Yorkshire Maths Hub\n  areas: [Kirklees]\n")
    with open(os.path.join(root, "leads.yaml"), "w") as f:
        f.write("leads:\n  - {id: jsmith, name: Jo Smith-Longname, role: specialist}\n")
    staff = [f"Participant{n} Longsurname-Smith" for n in range(12)]
    with open(os.path.join(root, "schools.yaml"), "w") as f:
        f.write("schools:\n  - urn: 140001\n    name: St Oswin's Catholic Voluntary Academy of the Holy Family\n"
                "    phase: primary\n    area: Kirklees\n    predecessor: 100001\n"
                "    email: office@st-oswins-catholic-voluntary-academy.example.org\n    staff:\n")
        for i, name in enumerate(staff):
            role = "maths_lead" if i % 4 == 0 else ("headteacher" if i == 1 else "teacher")
            left = ", left: 2020-07-20" if i < 6 else ""
            f.write(f"      - {{name: {name}, role: {role}, email: p{i}@example.org{left}}}\n")
        f.write("  - {urn: 100001, name: St Oswin's Catholic Primary School, phase: primary, area: Kirklees,\n"
                "     history: [{stage: readiness, year: 2014/15}]}\n"
                "  - {urn: 100002, name: Other School, phase: primary, area: Kirklees}\n")
    with open(os.path.join(root, "cohorts.yaml"), "w") as f:
        f.write("cohorts:\n")
        stages = ["development", "embedding"] + ["sustaining"] * 9
        for k, stage in enumerate(stages):
            y = 2015 + k
            urn = 100001 if y < 2019 else 140001
            f.write(f"  - id: kirk-{stage[:3]}-{y}a\n    name: Kirklees {stage.title()} {y} Group A\n"
                    f"    stage: {stage}\n    year: {y}/{(y + 1) % 100:02d}\n    lead: jsmith\n"
                    f"    schools:\n      - {{urn: {urn}, participants: [{', '.join(staff[k % 6 * 2:k % 6 * 2 + 2])}]}}\n"
                    f"      - {{urn: 100002}}\n")
    with open(os.path.join(root, "sessions.yaml"), "w") as f:
        f.write("sessions:\n")
        for k in range(10):
            y = 2015 + k
            stage = ["development", "embedding"][k] if k < 2 else "sustaining"
            f.write(f"  - {{cohort: kirk-{stage[:3]}-{y}a, date: {y}-11-10, type: meeting,\n"
                    f"     observation: {{year_group: Y{k % 6 + 1}}}, attendance: {{{100001 if y < 2019 else 140001}: []}}}}\n")


def many_staff(root):
    """A big school: 40 staff, 27 of them current assistant heads, a head and two maths leads,
    all with an email, and a Work Group with ten participants."""
    with open(os.path.join(root, "hub.yaml"), "w") as f:
        f.write("hub:\n  name: Test Hub\n  areas: [Kirklees]\n")
    with open(os.path.join(root, "leads.yaml"), "w") as f:
        f.write("leads:\n  - {id: jsmith, name: Jo Smith, role: specialist}\n")
    with open(os.path.join(root, "schools.yaml"), "w") as f:
        f.write("schools:\n  - urn: 159999\n    name: Big Hill Academy\n    phase: secondary\n"
                "    area: Kirklees\n    email: office@bighill.example.org\n    staff:\n"
                "      - {name: Head Teacher, role: headteacher, email: head@x.org}\n"
                "      - {name: Lead One, role: maths_lead, email: l1@x.org}\n"
                "      - {name: Lead Two, role: maths_lead, email: l2@x.org}\n")
        for n in range(37):
            left = ", left: 2024-07-20" if n >= 27 else ""
            f.write(f"      - {{name: Teacher{n}, role: assistant_head, email: t{n}@x.org{left}}}\n")
    with open(os.path.join(root, "cohorts.yaml"), "w") as f:
        f.write("cohorts:\n  - id: kirk-dev-2024a\n    name: Kirklees Development A\n    stage: development\n"
                "    year: 2024/25\n    lead: jsmith\n    schools:\n"
                f"      - {{urn: 159999, participants: [{', '.join(f'Teacher{n}' for n in range(10))}]}}\n")


check("conversion", CONVERSION, "140001")
with tempfile.TemporaryDirectory() as root:
    many_staff(root)
    data, cells = check("many staff", root, "159999")
    if len(data["contacts"]) != 31 or cells.more.get("contacts") != 23:
        failures.append(f"many staff: {len(data['contacts'])} contacts, {cells.more.get('contacts')} more on the page")
    if [v for k, v in cells.sections["contacts"] if k == "role"][:4] != ["school", "maths lead", "maths lead", "headteacher"]:
        failures.append("many staff: the page does not show the school, its maths leads and head first")
with tempfile.TemporaryDirectory() as root:
    long_journey(root)
    check("long journey", root, "140001")
for f in failures:
    print(f)
sys.exit(1 if failures else 0)
