#!/usr/bin/python3
"""The HTML report, checked without a browser (standard library only).

For several trees: the page parses with balanced tags; it has no script, no external
reference (no http or https URL at all, no <link>, <img>, <iframe>, url() or @import); every
SVG chart has <title> and <desc> and is labelled by them; every number in the data tables
equals `tfm report --format json` (and the gaps summary equals `tfm gaps --format json`);
the headline figures agree with the same numbers; output is deterministic; `-o FILE` writes
the same bytes as standard output.

Usage: structure_test.py TFM EXAMPLES_DIR CLI_CASES_DIR
"""
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

TFM, EXAMPLES, CASES = (os.path.abspath(a) for a in sys.argv[1:4])
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
# SVG elements written self-closed (<rect/>): html.parser reports them as start-end tags.
failures = []


def fail(case, message):
    failures.append(f"{case}: {message}")


def run(args, cwd=None, expect=(0,)):
    p = subprocess.run([TFM] + args, cwd=cwd, capture_output=True, text=True,
                       env={**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"})
    if p.returncode not in expect:
        raise SystemExit(f"tfm {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p


class Page(html.parser.HTMLParser):
    """Collects what the checks need while checking that tags nest properly."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors = [], []
        self.doctype = None
        self.tags = []           # (tag, attrs) in document order
        self.ids = set()
        self.svgs = []           # per svg: {"attrs", "children": [tags], "title", "desc", "text"}
        self.tables = []         # per data table: {"attrs", "header": [keys], "rows": [(tr attrs, {key: td attrs})]}
        self.cards = {}
        self._svg_depth = None
        self._capture = None     # "title" or "desc" of the current svg
        self._table = None
        self._row = None
        self._in_tbody = False
        self._cell = None
        self._text_target = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if len(a) != len(attrs):
            self.errors.append(f"<{tag}> has an attribute twice: {[n for n, _ in attrs]}")
        self.tags.append((tag, a))
        if "id" in a:
            if a["id"] in self.ids:
                self.errors.append(f"duplicate id {a['id']}")
            self.ids.add(a["id"])
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "svg":
            self.svgs.append({"attrs": a, "children": [], "title": None, "desc": None, "text": []})
            self._svg_depth = len(self.stack)
        elif self._svg_depth is not None:
            if len(self.stack) == self._svg_depth + 1 and tag in ("title", "desc"):
                self._capture = tag
                self.svgs[-1][tag] = ""
            if len(self.stack) == self._svg_depth + 1 or (tag not in VOID and len(self.stack) - 1 == self._svg_depth):
                self.svgs[-1]["children"].append(tag)
        if tag == "table" and "data-section" in a:
            self._table = {"attrs": a, "header": [], "rows": []}
            self.tables.append(self._table)
        elif self._table is not None:
            if tag == "th" and "data-key" in a:
                self._table["header"].append(a["data-key"])
            elif tag == "tbody":
                self._in_tbody = True
            elif tag == "tr" and self._in_tbody:
                self._row = (a, {})
                self._table["rows"].append(self._row)
            elif tag == "td" and self._row is not None:
                self._cell = dict(a)
                self._cell["text"] = ""
                self._row[1][a.get("data-key")] = self._cell
        if "data-figure" in a:
            self.cards[a["data-figure"]] = a.get("data-value")

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if self._svg_depth is not None and len(self.stack) == self._svg_depth:
            self.svgs[-1]["children"].append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if tag == "svg":
            self._svg_depth = None
        if tag in ("title", "desc"):
            self._capture = None
        if tag == "table" and self._table is not None:
            self._table = None
            self._in_tbody = False
        if tag == "tbody":
            self._in_tbody = False
        if tag == "tr":
            self._row = None
        if tag == "td":
            self._cell = None

    def handle_data(self, data):
        if self._svg_depth is not None:
            if self._capture:
                self.svgs[-1][self._capture] += data
            else:
                self.svgs[-1]["text"].append(data)
        if self._cell is not None:
            self._cell["text"] += data


def parse(case, text):
    page = Page()
    page.feed(text)
    page.close()
    for e in page.errors:
        fail(case, e)
    if page.stack:
        fail(case, f"unclosed tags: {page.stack}")
    if not page.doctype or page.doctype.lower() != "doctype html":
        fail(case, f"doctype is {page.doctype!r}, not html")
    return page


def document(case, page):
    tags = [t for t, _ in page.tags]
    html_attrs = next((a for t, a in page.tags if t == "html"), {})
    if not html_attrs.get("lang"):
        fail(case, "<html> has no lang")
    if not any(t == "meta" and a.get("charset", "").lower() == "utf-8" for t, a in page.tags):
        fail(case, "no <meta charset=utf-8>")
    for needed in ("title", "style", "main", "h1"):
        if needed not in tags:
            fail(case, f"no <{needed}>")
    if tags.count("style") != 1:
        fail(case, f"{tags.count('style')} <style> elements; the CSS is expected inline, once")


def self_contained(case, text, page):
    lowered = text.lower()
    for needle in ("http://", "https://", "<script", "url(", "@import", "javascript:", "//fonts"):
        if needle in lowered:
            fail(case, f"the page contains {needle!r}")
    for tag, attrs in page.tags:
        if tag in ("script", "link", "img", "iframe", "object", "embed", "audio", "video", "source", "use", "image"):
            fail(case, f"the page has a <{tag}> element")
        for name, value in attrs.items():
            if name.startswith("on"):
                fail(case, f"<{tag}> has an event handler {name}")
            if name in ("href", "src", "xlink:href", "action") and value and not value.startswith("#"):
                fail(case, f"<{tag} {name}={value!r}> points outside the page")


def charts(case, page):
    for svg in page.svgs:
        a = svg["attrs"]
        name = a.get("data-chart", "?")
        if svg["children"][:2] != ["title", "desc"]:
            fail(case, f"svg {name}: first children are {svg['children'][:2]}, not title and desc")
        if not (svg["title"] or "").strip() or not (svg["desc"] or "").strip():
            fail(case, f"svg {name}: empty title or desc")
        if a.get("role") != "img":
            fail(case, f"svg {name}: role is {a.get('role')!r}")
        for ref in (a.get("aria-labelledby") or "").split():
            if ref not in page.ids:
                fail(case, f"svg {name}: aria-labelledby names a missing id {ref}")
        if not a.get("aria-labelledby"):
            fail(case, f"svg {name}: no aria-labelledby")
        if "viewbox" not in {k.lower() for k in a}:
            fail(case, f"svg {name}: no viewBox")


def same(value, cell):
    """A JSON value against a table cell's data-value (absent: null)."""
    raw = cell.get("data-value")
    if value is None:
        return raw is None
    if raw is None:
        return False
    if isinstance(value, bool):
        return raw == ("true" if value else "false")
    if isinstance(value, (int, float)):
        try:
            return abs(float(raw) - value) <= 1e-9 * max(1.0, abs(value))
        except ValueError:
            return False
    if isinstance(value, list):
        return raw == ", ".join(value)
    return raw == value


def tables_of(page, section):
    return [t for t in page.tables if t["attrs"].get("data-section") == section]


def compare_rows(case, section, json_rows, html_rows, key_of=None, omitted=()):
    if len(json_rows) != len(html_rows):
        fail(case, f"{section}: {len(html_rows)} rows in the page, {len(json_rows)} in the JSON report")
        return
    for i, (j, (tr, cells)) in enumerate(zip(json_rows, html_rows)):
        for key, value in j.items():
            if key in omitted:
                # An id or code the page leaves out for people: its words must be there instead
                # (a Work Group's or lead's name; the hub, "All 2 hubs", for the national scope).
                words = {"cohorts": "cohort_names", "scope": "hub", "lead_name": "lead"}.get(key, key + "_name")
                if words not in cells:
                    fail(case, f"{section} row {i}: {key} left out with no name beside it")
                continue
            if key_of and key in key_of:
                got = key_of[key](tr, cells)
                if got != value:
                    fail(case, f"{section} row {i} {key}: page {got!r}, JSON {value!r}")
                continue
            if key not in cells:
                fail(case, f"{section} row {i}: no cell for {key}")
            elif not same(value, cells[key]):
                fail(case, f"{section} row {i} {key}: page {cells[key].get('data-value')!r}, JSON {value!r}")


def by_hub_rows(case, page, section):
    """The national page's table of a row per hub and then the total, as {hub: {key: value}}."""
    found = tables_of(page, section)
    if len(found) != 1:
        fail(case, f"{section}: {len(found)} tables, expected 1")
        return {}
    rows = {}
    for _, cells in found[0]["rows"]:
        rows[cells["hub"]["data-value"]] = {k: c.get("data-value") for k, c in cells.items()}
    return rows


def check_national_digest(case, report, page):
    """Forty hubs read per hub: Work Groups, leads and areas summed per hub, not listed."""
    hubs = len([r for r in report.get("hubs", []) if r["scope"] == "hub" and r["phase"] == report["hubs"][0]["phase"]])
    total = f"All {hubs} hubs"
    if "cohorts" in report:
        rows = by_hub_rows(case, page, "cohorts-by-hub")
        if rows:
            for stage in ("readiness", "development", "embedding", "sustaining"):
                want = sum(1 for c in report["cohorts"] if c["stage"] == stage)
                if int(rows[total][stage]) != want or sum(int(r[stage]) for h, r in rows.items() if h != total) != want:
                    fail(case, f"cohorts-by-hub {stage}: {rows[total][stage]}, JSON {want}")
            if len(rows) != hubs + 1:
                fail(case, f"cohorts-by-hub: {len(rows)} rows for {hubs} hubs and the total")
    if "leads" in report:
        rows = by_hub_rows(case, page, "leads-by-hub")
        for key in ("meetings_held", "meetings_planned", "visits_held", "visits_planned", "overdue_logs"):
            want = sum(l[key] for l in report["leads"])
            if rows and int(rows[total][key]) != want:
                fail(case, f"leads-by-hub {key}: {rows[total][key]}, JSON {want}")
        busy = sum(1 for l in report["leads"] if l["work_groups"])
        if rows and int(rows[total]["leads"]) != busy:
            fail(case, f"leads-by-hub leads: {rows[total]['leads']}, JSON {busy} leads with a Work Group")
    if "characteristics" in report:
        rows = by_hub_rows(case, page, "areas-by-hub")
        engaged = sum(r["schools"] for r in report["characteristics"] if r["dimension"] == "ofsted")
        if rows and int(rows[total]["engaged"]) != engaged:
            fail(case, f"areas-by-hub engaged: {rows[total]['engaged']}, JSON {engaged}")
    if any(svg["attrs"].get("data-chart") == "chart-cohorts" for svg in page.svgs):
        fail(case, "the national page draws a bar per Work Group")


def check_figures(case, report, gaps, page):
    national = bool(tables_of(page, "cohorts-by-hub"))
    if national:
        check_national_digest(case, report, page)
    for section in ("summary", "hubs", "stages", "reach", "patterns", "cohorts", "leads"):
        if section not in report or (national and section in ("cohorts", "leads")):
            continue
        found = tables_of(page, section)
        if not found and not report[section]:
            continue  # an empty section: a note, no table
        if len(found) != 1:
            fail(case, f"{section}: {len(found)} data tables, expected 1")
            continue
        compare_rows(case, section, report[section], found[0]["rows"],
                     omitted=found[0]["attrs"].get("data-omitted", "").split())
        # Shown numbers agree with the value, to the places shown.
        for tr, cells in found[0]["rows"]:
            for key, cell in cells.items():
                raw, shown = cell.get("data-value"), cell["text"].strip()
                if raw is None or "num" not in (cell.get("class") or "").split():
                    continue
                places = len(shown.split(".")[1]) if "." in shown else 0
                try:
                    ok = abs(float(shown) - float(raw)) <= 0.5 * 10 ** -places + 1e-9
                except ValueError:
                    ok = False
                if not ok:
                    fail(case, f"{section} {key}: shows {shown!r} for {raw}")
    if "characteristics" in report:
        rows = [r for t in tables_of(page, "characteristics") for r in t["rows"]]
        engaged = [r for r in rows if "data-only" not in r[0]]
        # The national page gives areas per hub (areas-by-hub), not every hub's areas.
        expected_rows = [r for r in report["characteristics"] if not national or r["dimension"] != "area"]
        compare_rows(case, "characteristics", expected_rows, engaged,
                     {"dimension": lambda tr, cells: tr.get("data-dimension")})
        for tr, cells in rows:
            if "data-only" in tr and cells["schools"].get("data-value") != "0":
                fail(case, f"characteristics: a comparison-only row has engaged schools {cells['schools']}")
        # Every school on record is counted once in each dimension.
        totals = {}
        for tr, cells in rows:
            if "all_schools" in cells:
                d = tr.get("data-dimension")
                totals[d] = totals.get(d, 0) + int(cells["all_schools"]["data-value"])
        if len(set(totals.values())) > 1:
            fail(case, f"characteristics: all-schools totals differ by dimension: {totals}")
    # Headline figures.
    summary = {(r["measure"], r["of"]): r["schools"] for r in report.get("summary", [])}
    expected = {}
    if "summary" in report:
        expected["engaged"] = summary.get(("engaged", "all"))
        expected["ever_engaged"] = summary.get(("ever_engaged", "all"))
        if report.get("reach"):
            expected["leads"] = report["reach"][-1]["leads"]
        if "cohorts" in report:
            expected["cohorts"] = len(report["cohorts"])
        if gaps is not None:
            expected["attention"] = sum(len(v) for v in gaps.values())
    elif page.cards:
        fail(case, "headline figures without the summary section")
    for key, value in expected.items():
        if page.cards.get(key) != str(value):
            fail(case, f"headline {key}: page {page.cards.get(key)!r}, JSON {value!r}")
    # The gaps summary: a count per kind, in the order of tfm gaps.
    found = tables_of(page, "gaps")
    if gaps is None:
        if found:
            fail(case, "a gaps summary where none was expected")
    else:
        if len(found) != 1:
            fail(case, f"gaps: {len(found)} data tables, expected 1")
        else:
            counts = [(cells["kind"].get("data-value"), int(cells["count"]["data-value"]))
                      for _, cells in found[0]["rows"]]
            want = [(k, len(v)) for k, v in gaps.items()]
            if counts != want:
                fail(case, f"gaps counts: page {counts}, JSON {want}")
        for _, cells in [r for t in tables_of(page, "gaps-urgent") for r in t["rows"]]:
            if cells["kind"].get("data-value") not in gaps or not gaps[cells["kind"]["data-value"]]:
                fail(case, f"an urgent item of kind {cells['kind'].get('data-value')} that tfm gaps lacks")
    # Charts: one per non-empty section.
    chart_ids = {svg["attrs"].get("data-chart") for svg in page.svgs}
    for section, chart in (("stages", "chart-stages"), ("reach", "chart-reach"),
                           ("patterns", "chart-patterns"), ("cohorts", "chart-cohorts")):
        if report.get(section) and chart not in chart_ids and not (national and section == "cohorts"):
            fail(case, f"no {chart} chart for a non-empty {section} section")
    if any(r["measure"] == "coverage" for r in report.get("summary", [])) and "chart-coverage" not in chart_ids:
        fail(case, "no coverage chart")
    if gaps is not None and "chart-gaps" not in chart_ids:
        fail(case, "no gaps chart")
    for row in report.get("characteristics", []):
        if national and row["dimension"] == "area":
            continue
        if "chart-characteristics-" + row["dimension"] not in chart_ids:
            fail(case, f"no chart for characteristic {row['dimension']}")


CODE = re.compile(r"^[a-z]+(?:_[a-z]+)+$")  # a snake_case code: requires_improvement


def machine_words(*documents):
    """The ids in JSON documents (Work Groups, leads): words for machines, not for people. A
    Work Group with no name, or a lead with no record, is named by its id: that id is a name."""
    ids, names = set(), set()

    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if k in ("cohort", "lead", "cohorts") and x:
                    ids.update(i for i in (x if isinstance(x, list) else [x]) if isinstance(i, str))
                if k in ("cohort_name", "lead_name", "cohort_names", "name") and x:
                    names.update(i for i in (x if isinstance(x, list) else [x]) if isinstance(i, str))
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    for d in documents:
        walk(d)
    return {i for i in ids - names if not i.startswith("(")}


def no_ids_or_codes(case, page, ids):
    """Every cell people read names things in words: no Work Group or lead id, no code."""
    for t in page.tables:
        for _, cells in t["rows"]:
            for key, cell in cells.items():
                words = re.split(r"[\s,;:()\u00b7]+", cell["text"])
                bad = [w for w in words if w in ids or CODE.match(w)]
                if bad:
                    fail(case, f"{t['attrs'].get('data-section')} {key}: {cell['text']!r} shows {bad}")


def check(case, data_args, as_of, extra=(), cwd=None, gaps_expected=True, status=(0,)):
    base = data_args + ["--as-of", as_of]
    p = run(base + ["report", "--format", "html"] + list(extra), cwd=cwd, expect=status)
    text = p.stdout
    again = run(base + ["report", "--format", "html"] + list(extra), cwd=cwd, expect=status).stdout
    if text != again:
        fail(case, "two runs gave different pages")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "report.html")
        q = run(base + ["report", "--format", "html", "-o", out] + list(extra), cwd=cwd, expect=status)
        if q.stdout:
            fail(case, "-o still printed to standard output")
        if open(out, encoding="utf-8").read() != text:
            fail(case, "-o wrote other bytes than standard output")
    report = json.loads(run(base + ["report", "--format", "json"] + [e for e in extra if e != "html"],
                            cwd=cwd, expect=status).stdout)
    gaps = None
    if gaps_expected:
        year = [extra[i + 1] for i, e in enumerate(extra) if e == "--year"]
        gaps = json.loads(run(base + ["gaps", "--format", "json"] + (["--year", year[0]] if year else []),
                              cwd=cwd, expect=status).stdout)
        # The page counts what --fail-on-findings counts: never_engaged is a prospect list.
        gaps.pop("never_engaged", None)
        if status == (0,):
            flagged = run(base + ["gaps", "--fail-on-findings"] + (["--year", year[0]] if year else []),
                          cwd=cwd, expect=(0, 1)).returncode
            if flagged != (1 if any(gaps.values()) else 0):
                fail(case, f"gaps --fail-on-findings exits {flagged}, the page counts {sum(map(len, gaps.values()))}")
    page = parse(case, text)
    document(case, page)
    self_contained(case, text, page)
    charts(case, page)
    check_figures(case, report, gaps, page)
    no_ids_or_codes(case, page, machine_words(report, gaps or {}))
    # One of a thing is singular: never "1 items", "All 1 hubs".
    for bad in re.findall(r"\b(?:All )?1\s+(?:items|schools|hubs|leads|Work Groups|errors|records|files|rows)\b",
                          re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<svg.*?</svg>", "", text))):
        fail(case, f"a plural for one: {bad!r}")
    header = [a for t, a in page.tags if t == "header" and "data-as-of" in a]
    if not header or header[0]["data-as-of"] != as_of:
        fail(case, "the header does not give the --as-of date")
    for d in data_args[1::2]:
        if f"<code>{d}</code>" not in text:
            fail(case, f"the page does not name the records tree {d}")
    return text, page


small = os.path.join(CASES, "report-small-json", "tree")
check("examples", ["-C", EXAMPLES], "2026-11-26")
check("examples, agendas due and logs overdue", ["-C", EXAMPLES], "2026-11-30")
check("examples 2025/26", ["-C", EXAMPLES], "2026-11-26", ["--year", "2025/26"])
check("small", ["-C", small], "2023-11-15")
check("small, before the records", ["-C", small], "2023-11-15", ["--year", "2018/19"])
check("two hubs", ["-C", "a", "-C", "b"], "2023-11-15", cwd=os.path.join(CASES, "report-two-hubs", "tree"))
text, _ = check("tree with errors", ["-C", os.path.join(CASES, "report-tree-error", "tree")], "2023-11-15",
                status=(1,))
if "tfm check" not in text or 'class="warning"' not in text:
    failures.append("tree with errors: the page does not warn that records were left out")
# Several hubs: the view is named "2 Maths Hubs", the hubs are listed, each hub's coverage is
# in the hubs section, and the gaps are counted per hub (adding up to every item).
two = os.path.join(CASES, "report-two-hubs", "tree")
text, page = check("two hubs, national view", ["-C", "a", "-C", "b"], "2023-11-15", cwd=two)
if "<h1>2 Maths Hubs</h1>" not in text or "<title>2 Maths Hubs" not in text:
    failures.append("two hubs: the title does not name the view")
if 'data-hubs=""' not in text or "North Maths Hub" not in text or "South Maths Hub" not in text:
    failures.append("two hubs: the hubs are not listed under the title")
if not tables_of(page, "hubs"):
    failures.append("two hubs: no hubs section")
by_hub = tables_of(page, "gaps-by-hub")
gaps_two = json.loads(run(["-C", "a", "-C", "b", "--as-of", "2023-11-15", "gaps", "--format", "json"], cwd=two).stdout)
if len(by_hub) != 1:
    failures.append(f"two hubs: {len(by_hub)} gaps-by-hub tables, expected 1")
elif sum(int(c["total"]["data-value"]) for _, c in by_hub[0]["rows"]) != sum(len(v) for v in gaps_two.values()):
    failures.append("two hubs: the items per hub do not add up to tfm gaps")
if tables_of(page, "gaps-urgent"):
    failures.append("two hubs: a most-urgent list mixing hubs")
if not tables_of(page, "cohorts-by-hub") or tables_of(page, "cohorts"):
    failures.append("two hubs: the national page lists Work Groups instead of summing them per hub")
# Asked for by name, the national page lists every Work Group and lead.
_, page = check("two hubs, --section cohorts,leads", ["-C", "a", "-C", "b"], "2023-11-15",
                ["--section", "cohorts,leads"], cwd=two, gaps_expected=False)
if not tables_of(page, "cohorts") or not tables_of(page, "leads") or tables_of(page, "cohorts-by-hub"):
    failures.append("two hubs, --section cohorts,leads: the full lists are not there")
_, one = check("one hub, no national sections", ["-C", EXAMPLES], "2026-11-26")
if tables_of(one, "hubs") or tables_of(one, "gaps-by-hub") or tables_of(one, "cohorts-by-hub"):
    failures.append("one hub: a national section on a hub's page")
_, page = check("one hub, --section hubs", ["-C", EXAMPLES], "2026-11-26", ["--section", "hubs"], gaps_expected=False)
if "The 1 hub" not in _:
    failures.append("one hub, --section hubs: the total is not named The 1 hub")
_, page = check("one section", ["-C", EXAMPLES], "2026-11-26", ["--section", "reach"], gaps_expected=False)
if [t["attrs"]["data-section"] for t in page.tables] != ["reach"]:
    failures.append(f"one section: tables {[t['attrs']['data-section'] for t in page.tables]}")

# -o works for every format, and an unwritable path fails cleanly.
with tempfile.TemporaryDirectory() as tmp:
    for fmt in ("table", "csv", "json", "md"):
        out = os.path.join(tmp, "r." + fmt)
        run(["-C", EXAMPLES, "--as-of", "2026-11-26", "report", "--format", fmt, "-o", out])
        want = run(["-C", EXAMPLES, "--as-of", "2026-11-26", "--color", "never", "report", "--format", fmt]).stdout
        if open(out, encoding="utf-8").read() != want:
            failures.append(f"-o with --format {fmt} wrote other bytes than standard output")
    bad = run(["-C", EXAMPLES, "--as-of", "2026-11-26", "report", "--format", "html", "-o",
               os.path.join(tmp, "no", "such", "dir", "r.html")], expect=(1,))
    if "cannot write" not in bad.stderr:
        failures.append(f"an unwritable -o path: stderr was {bad.stderr!r}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("HTML report: parses, self-contained, charts labelled, figures equal the JSON report")
