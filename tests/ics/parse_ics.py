#!/usr/bin/env python3
"""Parses tfm's iCalendar output with a real parser (Debian's python3-icalendar) and checks
what calendar applications rely on. Usage: parse_ics.py FILE.ics [expected event count]."""
import sys

import icalendar

data = open(sys.argv[1], "rb").read()
errors = []

# Every line ends in CRLF and no physical line exceeds 75 octets.
if not data.endswith(b"\r\n"):
    errors.append("the file does not end in CRLF")
for number, line in enumerate(data.split(b"\r\n")[:-1], 1):
    if b"\n" in line or b"\r" in line:
        errors.append(f"line {number}: a bare LF or CR")
    if len(line) > 75:
        errors.append(f"line {number}: {len(line)} octets (more than 75)")
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        errors.append(f"line {number}: folding split a UTF-8 character")

cal = icalendar.Calendar.from_ical(data)
if str(cal.get("VERSION")) != "2.0":
    errors.append("VERSION is not 2.0")
if not cal.get("PRODID"):
    errors.append("no PRODID")
events = cal.walk("VEVENT")
uids = set()
for event in events:
    uid = str(event.get("UID"))
    if uid in uids:
        errors.append(f"UID {uid} appears twice")
    uids.add(uid)
    for prop in ("DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
        if event.get(prop) is None:
            errors.append(f"{uid}: no {prop}")
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    if not end > start:
        errors.append(f"{uid}: DTEND is not after DTSTART")
    if hasattr(start, "tzinfo") and start.tzinfo is not None and "London" not in str(start.tzinfo):
        errors.append(f"{uid}: timed event not in Europe/London")

if len(sys.argv) > 2 and len(events) != int(sys.argv[2]):
    errors.append(f"{len(events)} events, expected {sys.argv[2]}")
for e in errors:
    print(e)
print(f"{len(events)} events parsed; {len(errors)} problems")
sys.exit(1 if errors else 0)
