#!/usr/bin/env python3
"""Reads the golden calendar of tests/cli/schedule-ics with python3-icalendar and checks what a
calendar application would show: unfolded and unescaped text (commas, UTF-8 split across a fold),
Europe/London times on both sides of the October clock change, all-day events, stable UIDs and
statuses. Usage: schedule_case.py FILE.ics"""
import datetime
import sys

import icalendar

cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
events = {str(e.get("UID")): e for e in cal.walk("VEVENT")}
errors = []


def expect(what, actual, wanted):
    if actual != wanted:
        errors.append(f"{what}: {actual!r}, expected {wanted!r}")


expect("UIDs", sorted(events), sorted([
    "brad-dev-2021a-meeting-20211005-group@tfm",
    "leeds-sus-2021a-meeting-20211007-group@tfm",
    "brad-dev-2021a-visit-20211012-107401@tfm",
    "brad-dev-2021a-visit-20211019-107402@tfm",
    "brad-dev-2021a-visit-20211021-107403@tfm",
    "leeds-sus-2021a-meeting-20211104-group@tfm",
    "brad-dev-2021a-visit-20211110-107403@tfm",
    "brad-dev-2021a-meeting-20211116-group@tfm",
    "leeds-sus-2021a-meeting-20211118-group@tfm",
    "brad-dev-2021a-visit-20211123-107404@tfm",
]))


def event(uid):
    return events.get(uid) or icalendar.Event()


# Timed: 13:00 in October is BST (+01:00), 15:45 in November is GMT (+00:00).
meeting = event("brad-dev-2021a-meeting-20211005-group@tfm")
start, end = meeting.decoded("DTSTART", None), meeting.decoded("DTEND", None)
expect("2021-10-05 start", (start.replace(tzinfo=None), start.utcoffset()),
       (datetime.datetime(2021, 10, 5, 13, 0), datetime.timedelta(hours=1)))
expect("2021-10-05 end", end.replace(tzinfo=None), datetime.datetime(2021, 10, 5, 16, 0))
expect("2021-10-05 summary", str(meeting.get("SUMMARY")),
       "Maths Hub Work Group meeting: Bradford Development A")
expect("2021-10-05 status", str(meeting.get("STATUS")), "CONFIRMED")
late = event("leeds-sus-2021a-meeting-20211104-group@tfm").decoded("DTSTART", None)
expect("2021-11-04 start", (late.replace(tzinfo=None), late.utcoffset()),
       (datetime.datetime(2021, 11, 4, 15, 45), datetime.timedelta(0)))
# A start with no end: an hour.
alone = event("brad-dev-2021a-visit-20211110-107403@tfm")
expect("2021-11-10 end", alone.decoded("DTEND", None).replace(tzinfo=None), datetime.datetime(2021, 11, 10, 15, 0))

# All day: a date, ending the next day.
allday = event("leeds-sus-2021a-meeting-20211007-group@tfm")
expect("2021-10-07 start", allday.decoded("DTSTART", None), datetime.date(2021, 10, 7))
expect("2021-10-07 end", allday.decoded("DTEND", None), datetime.date(2021, 10, 8))

# Escaped and folded text comes back as written in the records.
audit = event("brad-dev-2021a-visit-20211021-107403@tfm")
expect("audit summary", str(audit.get("SUMMARY")),
       "Audit visit: St Mary's, St John's & St Peter's Federation (Bradford Development A)")
expect("audit location", str(audit.get("LOCATION")), "St Mary's, St John's & St Peter's Federation")
long = event("brad-dev-2021a-visit-20211123-107404@tfm")
expect("long location", str(long.get("LOCATION")),
       "Great Horton Church of England Voluntary Junior & Infant School – Clock House Site")
expect("long status", str(long.get("STATUS")), "TENTATIVE")
bronte = event("brad-dev-2021a-visit-20211019-107402@tfm")
expect("overdue description", str(bronte.get("DESCRIPTION")),
       "Work Group brad-dev-2021a (development 2021/22), led by Jo Smith. Status: overdue.")
expect("UTF-8 location", str(bronte.get("LOCATION")), "Brontë Primary School")

for e in errors:
    print(e)
print(f"{len(events)} events checked; {len(errors)} problems")
sys.exit(1 if errors else 0)
