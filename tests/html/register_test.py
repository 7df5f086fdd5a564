#!/usr/bin/env python3
"""tfm register --format html: the page parsed with the standard library and compared with
--format json (every mark, total and flag of every school and participant row, and the totals
per meeting); self-contained (no scripts, no external requests) with print CSS for one A4
page. With Chromium (argument 4), the page printed to PDF must be exactly one page.

usage: register_test.py TFM EXAMPLES_DIR MARKS_TREE [CHROMIUM]"""

import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

TFM, EXAMPLES, TREE = sys.argv[1:4]
BROWSER = sys.argv[4] if len(sys.argv) > 4 else ""
failures = []


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.foot, self.in_foot, self.tags = [], [], False, []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "style":
            self._in_style = True
        if tag == "tfoot":
            self.in_foot = True
        if tag == "tr" and "data-urn" in a:
            self.rows.append({"_class": a.get("class", ""), "urn": int(a["data-urn"])})
        elif tag == "tr" and self.in_foot:
            self.foot.append({})
        if tag == "td" and "data-key" in a and "data-value" in a:
            target = self.foot[-1] if self.in_foot else self.rows[-1]
            target[a["data-key"]] = a["data-value"]

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False
        if tag == "tfoot":
            self.in_foot = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data


def run(args):
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC")
    return subprocess.run([TFM] + args, capture_output=True, env=env, check=False)


def as_json_text(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def check(label, args):
    data = json.loads(run(args + ["--format", "json"]).stdout)
    page_text = run(args + ["--format", "html"]).stdout.decode()
    page = Page()
    page.feed(page_text)
    if any(tag == "script" for tag, _ in page.tags):
        fail(label, "the page has a script")
    for tag, a in page.tags:
        for attr in ("src", "href"):
            if re.match(r"(?i)\s*(https?:)?//", a.get(attr) or ""):
                fail(label, f"<{tag} {attr}> loads {a[attr]}")
    if "@page" not in page.style or "A4" not in page.style:
        fail(label, "no @page rule for A4 in the style sheet")
    rows = data["register"]
    if len(rows) != len(page.rows):
        fail(label, f"{len(page.rows)} rows on the page, {len(rows)} in JSON")
        return
    for i, (want, got) in enumerate(zip(rows, page.rows)):
        where = f"{label} row {i + 1}"
        is_school = want["participant"] is None
        if ("school" in got["_class"].split()) != is_school or got["urn"] != want["urn"]:
            fail(where, f"row kind/URN differ: {got} vs {want}")
            continue
        name_key = "name" if is_school else "participant"
        if got.get(name_key) != want[name_key]:
            fail(where, f"{name_key} {got.get(name_key)!r} != {want[name_key]!r}")
        for key, value in want.items():
            if key in ("urn", "name", "participant", "listed", "status"):
                continue
            if key == "attendance":
                if value is None:
                    if "attendance" in got:
                        fail(where, "attendance shown where JSON has none")
                elif abs(float(got.get("attendance", "nan")) - value) > 0.5:
                    fail(where, f"attendance {got.get('attendance')} != {value}")
                continue
            if value is None:
                if key in got:
                    fail(where, f"{key} shown as {got[key]!r} where JSON has none")
            elif got.get(key) != as_json_text(value):
                fail(where, f"{key}: page {got.get(key)!r}, JSON {value!r}")
        below = "below" in got["_class"].split()
        withdrawn = want.get("status") == "withdrawn"
        if is_school and below != (want["meets_threshold"] is False and not withdrawn):
            fail(where, f"marked below: {below}, meets_threshold {want['meets_threshold']}")
        if is_school and withdrawn and (want["meets_threshold"] is not False or "withdrawn" not in page_text):
            fail(where, "a withdrawn school meets the threshold or is not shown as withdrawn")
    meetings = data["meetings"]
    if meetings and len(page.foot) == 2:
        for m in meetings:
            if page.foot[0].get(m["date"]) != str(m["schools_present"]) or \
               page.foot[1].get(m["date"]) != str(m["participants_present"]):
                fail(label, f"totals of {m['date']} differ: {page.foot}")
    elif meetings:
        fail(label, f"expected two totals rows, found {len(page.foot)}")
    if BROWSER:
        with tempfile.TemporaryDirectory() as tmp:
            src, pdf = os.path.join(tmp, "register.html"), os.path.join(tmp, "register.pdf")
            with open(src, "w") as f:
                f.write(page_text)
            subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--disable-background-networking", "--host-resolver-rules=MAP * ~NOTFOUND",
                            f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
                            f"--print-to-pdf={pdf}", "file://" + src],
                           capture_output=True, timeout=90, check=False)
            with open(pdf, "rb") as f:
                pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", f.read()))
            if pages != 1:
                fail(label, f"prints on {pages} pages, not one")


def fail(where, message):
    failures.append(f"{where}: {message}")


def largest_cohort(root):
    """A tree whose Work Group is as large as the default cohort_size allows (8 schools), three
    participants at each with long names, six meetings and a visit per school per term logged:
    the register must still print on one A4 page."""
    meetings = ["2021-10-05", "2021-11-16", "2022-01-11", "2022-03-01", "2022-04-26", "2022-06-14"]
    visits = ["2021-10-12", "2022-02-08", "2022-05-10"]
    urns = [100001 + i for i in range(8)]
    people = {u: [f"Participant{n} Longsurname-Doublebarrelled{u % 100}" for n in (1, 2, 3)] for u in urns}
    with open(os.path.join(root, "hub.yaml"), "w") as f:
        f.write("hub:\n  name: Calderdale and Kirklees West Yorkshire Maths Hub\n")
    with open(os.path.join(root, "leads.yaml"), "w") as f:
        f.write("leads:\n  - {id: jsmith, name: Josephine Smith-Wetherby, role: specialist}\n")
    with open(os.path.join(root, "schools.yaml"), "w") as f:
        f.write("schools:\n")
        for u in urns:
            f.write(f"  - {{urn: {u}, name: St Bartholomew's Church of England Voluntary Aided Junior School {u % 100}, "
                    "phase: primary, area: Calderdale}\n")
    with open(os.path.join(root, "cohorts.yaml"), "w") as f:
        f.write("cohorts:\n  - id: cald-dev-2021a\n    name: Calderdale and Kirklees Development Work Group A\n"
                "    stage: development\n    year: 2021/22\n    lead: jsmith\n    schools:\n")
        for u in urns:
            f.write(f"      - {{urn: {u}, participants: [{', '.join(people[u])}]}}\n")
        f.write(f"    meetings: [{', '.join(meetings)}]\n    visits:\n")
        for u in urns:
            for v in visits:
                f.write(f"      - {{urn: {u}, date: {v}}}\n")
    with open(os.path.join(root, "sessions.yaml"), "w") as f:
        f.write("sessions:\n")
        for d in meetings:
            f.write(f"  - cohort: cald-dev-2021a\n    date: {d}\n    type: meeting\n    attendance:\n")
            for u in urns:
                f.write(f"      {u}: [{', '.join(people[u])}]\n")
        for u in urns:
            for v in visits:
                f.write(f"  - {{cohort: cald-dev-2021a, date: {v}, type: visit, school: {u}}}\n")


check("marks", ["-C", TREE, "--as-of", "2022-07-30", "register", "leeds-dev-2021a"])
with tempfile.TemporaryDirectory() as largest:
    largest_cohort(largest)
    checked = run(["-C", largest, "--as-of", "2022-07-30", "check"])
    if checked.returncode != 0:
        fail("largest cohort", "the tree does not check clean: " + checked.stderr.decode())
    check("largest cohort", ["-C", largest, "--as-of", "2022-07-30", "register", "cald-dev-2021a"])
check("examples", ["-C", EXAMPLES, "--as-of", "2026-11-26", "register", "kirk-dev-2025a"])
check("no meetings", ["-C", EXAMPLES, "--as-of", "2026-11-26", "register", "pen-read-2026"])
for f in failures:
    print(f)
print(f"register pages checked, {len(failures)} failures")
sys.exit(1 if failures else 0)
