#!/usr/bin/env python3
"""Checks that `tfm plan --write` changed nothing but the cohort's meetings: and visits: lines,
and removed no date. Usage: only_plan_lines.py BEFORE AFTER. Every line the write changed must
be a planned-dates line; every line it added must be one; every date of a changed line must
still be in the lines that replaced it (plan adds dates, it never moves or removes one); and
each file's other lines must appear in the same order with the same bytes."""
import difflib
import re
import sys

before = open(sys.argv[1], "rb").read().splitlines(keepends=True)
after = open(sys.argv[2], "rb").read().splitlines(keepends=True)
# A line the plan may add, with its terminator.
plan_line = re.compile(rb"^ *(- )?(meetings: \[.*\].*|visits: \[.*\].*|meetings:|visits:|- \{urn: \d{6}, date: \d{4}-\d\d-\d\d\}|- \d{4}-\d\d-\d\d)\r?\n$")
date = re.compile(rb"\d{4}-\d\d-\d\d")
# A line the plan may replace: an old planned-dates line (any style, optional comment) or a comment.
old_line = re.compile(rb"^ *(- )?(meetings:.*|visits:.*|- \{urn: \d{6}, date: \d{4}-\d\d-\d\d\}.*|- \d{4}-\d\d-\d\d.*)\r?\n?$")
newline = b"\r\n" if b"\r\n" in b"".join(before) else b"\n"
problems = []
matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
for op, a1, a2, b1, b2 in matcher.get_opcodes():
    if op == "equal":
        continue
    for line in before[a1:a2]:
        if line is before[-1] and not line.endswith(b"\n") and line + newline in after[b1:b2]:
            continue  # the last line gained its missing newline
        if not old_line.match(line):
            problems.append(f"removed or changed: {line!r}")
    kept = b"".join(after[b1:b2])
    for line in before[a1:a2]:
        for d in date.findall(line):
            if d not in kept:
                problems.append(f"date {d.decode()} removed: {line!r}")
    for line in after[b1:b2]:
        if not plan_line.match(line):
            if before and line == before[-1] + newline:
                continue  # the last line gained its missing newline
            problems.append(f"added: {line!r}")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
