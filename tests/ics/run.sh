#!/usr/bin/env bash
# tfm schedule --format ics on the examples, parsed by python3-icalendar.
set -eu
bin=$1 examples=$2 parser=$(dirname "$0")/parse_ics.py
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$bin" -C "$examples" --as-of 2026-11-26 schedule --from 2024-09-01 --to 2027-08-31 --format ics >"$out"
count=$("$bin" -C "$examples" --as-of 2026-11-26 schedule --from 2024-09-01 --to 2027-08-31 --format csv | tail -n +2 | grep -c .)
/usr/bin/python3 "$parser" "$out" "$count"
# The same run gives the same bytes (stable UIDs, DTSTAMP from --as-of).
"$bin" -C "$examples" --as-of 2026-11-26 schedule --from 2024-09-01 --to 2027-08-31 --format ics | cmp - "$out"
