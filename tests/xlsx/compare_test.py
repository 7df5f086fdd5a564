#!/usr/bin/env python3
"""--format xlsx read back with openpyxl (python3-openpyxl) and compared, cell by cell, with
--format json of the same command: one sheet per JSON section in order, after a cover sheet;
numbers as numbers (percent columns as fractions formatted as percentages), dates as dates,
text as text, lists joined with ", ", empty cells blank; a frozen, filtered header row and
column widths that fit. Also: xlsx is refused on a terminal without -o (exit 2), and goes to a
pipe when standard output is one.

usage: compare_test.py TFM EXAMPLES_DIR HOSTILE_TREE"""

import datetime
import json
import os
import pty
import re
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.utils import get_column_letter

TFM, EXAMPLES, HOSTILE = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def fail(where, message):
    failures.append(f"{where}: {message}")


def run(args, **kw):
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC")
    env.pop("TFM_DATA", None)
    return subprocess.run([TFM] + args, capture_output=True, env=env, **kw)


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # in JSON a date; in the workbook a date cell


NAME_KEYS = {"name", "school", "participant", "hub", "value", "area", "trust"}


def compare_cell(where, cell, expected):
    value = cell.value
    if expected is None:
        if value is not None:
            fail(where, f"expected an empty cell, got {value!r}")
        return
    if isinstance(expected, bool):
        if value is not expected or cell.data_type != "b":
            fail(where, f"expected the boolean {expected}, got {value!r} ({cell.data_type})")
        return
    if isinstance(expected, (int, float)):
        if cell.data_type != "n" or isinstance(value, bool) or not isinstance(value, (int, float)):
            fail(where, f"expected the number {expected}, got {value!r} ({cell.data_type})")
            return
        if cell.number_format.endswith("%"):
            if cell.number_format != "0.0%":
                fail(where, f"percent format {cell.number_format!r}, not the one format 0.0%")
            if abs(value * 100 - expected) > 1e-9:
                fail(where, f"expected {expected}% got {value!r} formatted {cell.number_format}")
        elif value != expected:
            fail(where, f"expected {expected!r}, got {value!r}")
        return
    if isinstance(expected, list):
        expected = ", ".join(expected)
    if expected == "":  # an empty text (or list) is a blank cell: Excel keeps no empty strings
        if value is not None:
            fail(where, f"expected a blank cell, got {value!r}")
        return
    # Names are untrusted text (a school called `2021-10-05` stays text); any other value that
    # looks like a date is one, in every table of every command.
    named = where.split()[-1] in NAME_KEYS or where.split()[-1].endswith("_name")
    if ISO_DATE.match(expected) and not named and not isinstance(value, datetime.datetime):
        fail(where, f"expected the date {expected}, got {value!r} ({cell.data_type}): a date is a date cell")
        return
    if isinstance(value, datetime.datetime):
        if cell.number_format != "yyyy-mm-dd" or value.date().isoformat() != expected:
            fail(where, f"expected {expected!r}, got the date {value!r} ({cell.number_format})")
        return
    if cell.data_type != "s" or value != expected:
        fail(where, f"expected the text {expected!r}, got {value!r} ({cell.data_type})")


def shown(cell):
    """Roughly what Excel shows for a cell, to check the column is wide enough."""
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, datetime.datetime):
        return "yyyy-mm-dd"
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if cell.number_format.endswith("%"):
            places = cell.number_format.count("0") - 1
            return f"{v * 100:.{places}f}%"
        return str(v) if isinstance(v, int) or v != int(v) else str(int(v))
    return str(v)


def widest(ws, column, rows):
    return max(len(shown(ws.cell(row=r, column=column))) for r in range(1, rows + 1))


def values(wb):
    """Every sheet's cells, the cover's command line left out (it names the output)."""
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = [row for row in ws.iter_rows(values_only=True) if row[0] != "command"]
    return out


def compare(label, args, as_of):
    data = json.loads(run(args + ["--format", "json"]).stdout)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "out.xlsx")
        result = run(args + ["--format", "xlsx", "-o", path])
        if result.stdout:
            fail(label, "xlsx with -o printed on standard output")
        piped = os.path.join(tmp, "piped.xlsx")
        with open(piped, "wb") as f:
            f.write(run(args + ["--format", "xlsx"]).stdout)
        wb = openpyxl.load_workbook(path)
        if values(openpyxl.load_workbook(piped)) != values(wb):
            fail(label, "the workbook on a pipe differs from the one written with -o")
    sheets = wb.worksheets
    if not sheets or sheets[0].title != "about":
        fail(label, "the first sheet is not the cover sheet `about`")
        return
    cover = {row[0]: row[1] for row in sheets[0].iter_rows(values_only=True) if row[0]}
    if not isinstance(cover.get("as of"), datetime.datetime) or cover["as of"].date().isoformat() != as_of:
        fail(label, f"cover: as of is {cover.get('as of')!r}, not {as_of}")
    if not str(cover.get("command", "")).startswith("tfm ") or args[0] not in str(cover.get("command")):
        fail(label, f"cover: command is {cover.get('command')!r}")
    titles = [ws.title for ws in sheets[1:]]
    if titles != list(data.keys()):
        fail(label, f"sheets {titles} are not the JSON sections {list(data.keys())}")
        return
    cells = 0
    for ws, (section, rows) in zip(sheets[1:], data.items()):
        where = f"{label} {section}"
        if ws.max_row != len(rows) + 1:
            fail(where, f"{ws.max_row - 1} rows, JSON has {len(rows)}")
            continue
        columns = ws.max_column
        headers = [ws.cell(row=1, column=c).value for c in range(1, columns + 1)]
        if not all(isinstance(h, str) and h for h in headers) or not all(ws.cell(row=1, column=c).font.b for c in range(1, columns + 1)):
            fail(where, f"header row {headers} is not bold text in every column")
        if ws.freeze_panes != "A2":
            fail(where, f"frozen at {ws.freeze_panes}, not below the header")
        expected_filter = f"A1:{get_column_letter(columns)}{len(rows) + 1}"
        if ws.auto_filter.ref != expected_filter:
            fail(where, f"filter {ws.auto_filter.ref}, not {expected_filter}")
        for c in range(1, columns + 1):
            width = ws.column_dimensions[get_column_letter(c)].width
            if width < min(widest(ws, c, len(rows) + 1), 60):
                fail(where, f"column {c} is {width} wide, narrower than its widest cell")
        for r, row in enumerate(rows, start=2):
            if len(row) != columns:
                fail(where, f"row {r}: {columns} columns, JSON has {len(row)}")
                continue
            for c, (key, expected) in enumerate(row.items(), start=1):
                compare_cell(f"{where} row {r} {key}", ws.cell(row=r, column=c), expected)
                cells += 1
    return cells


cases = [
    ("report", ["-C", EXAMPLES, "--as-of", "2026-11-26", "report"], "2026-11-26"),
    ("report 2025/26", ["-C", EXAMPLES, "--as-of", "2026-11-26", "report", "--year", "2025/26"], "2026-11-26"),
    ("gaps", ["-C", EXAMPLES, "--as-of", "2026-11-26", "gaps"], "2026-11-26"),
    ("gaps, agendas due", ["-C", EXAMPLES, "--as-of", "2026-11-30", "gaps"], "2026-11-30"),
    ("schedule", ["-C", EXAMPLES, "--as-of", "2026-11-26", "schedule", "--from", "2026-09-01", "--to", "2027-08-31"], "2026-11-26"),
    ("journey", ["-C", EXAMPLES, "--as-of", "2026-11-26", "journey", "141134"], "2026-11-26"),
    ("hostile report", ["-C", HOSTILE, "--as-of", "2022-07-30", "report"], "2022-07-30"),
    ("hostile gaps", ["-C", HOSTILE, "--as-of", "2022-07-30", "gaps"], "2022-07-30"),
    ("hostile schedule", ["-C", HOSTILE, "--as-of", "2022-07-30", "schedule", "--from", "2021-09-01", "--to", "2022-08-31"], "2022-07-30"),
    ("register", ["-C", EXAMPLES, "--as-of", "2026-11-26", "register", "kirk-dev-2025a"], "2026-11-26"),
    ("hostile register", ["-C", HOSTILE, "--as-of", "2022-07-30", "register", "leeds-dev-2021a"], "2022-07-30"),
    ("hostile journey", ["-C", HOSTILE, "--as-of", "2022-07-30", "journey", "100002"], "2022-07-30"),
]
extra = os.environ.get("TFM_XLSX_EXTRA_CASES")  # more cases as JSON, for other commands
if extra:
    cases += [tuple(c) for c in json.loads(extra)]
total = 0
for label, args, as_of in cases:
    total += compare(label, args, as_of) or 0

# Text that looks like a number, a date or a formula stays text.
data = json.loads(run(["-C", HOSTILE, "--as-of", "2022-07-30", "report", "--format", "json"]).stdout)
values = {row["value"] for row in data["characteristics"]}
for must in ("1-2", "=1+1 Primary"):
    if not any(must in v for v in values):
        fail("hostile tree", f"no characteristics value holds {must!r}: {sorted(values)}")

# On a terminal without -o: refused with a message, exit 2, nothing written.
pid, fd = pty.fork()
if pid == 0:
    os.execv(TFM, [TFM, "-C", EXAMPLES, "--as-of", "2026-11-26", "report", "--format", "xlsx"])
out = b""
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
_, status = os.waitpid(pid, 0)
if os.waitstatus_to_exitcode(status) != 2 or b"-o FILE.xlsx" not in out or b"PK" in out:
    fail("terminal", f"exit {os.waitstatus_to_exitcode(status)}, printed {out[:200]!r}")

for f in failures:
    print(f)
print(f"{len(cases)} workbooks, {total} cells compared, {len(failures)} failures")
sys.exit(1 if failures else 0)
