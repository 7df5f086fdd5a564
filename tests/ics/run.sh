#!/usr/bin/env bash
# tfm schedule --format ics on the examples, parsed by two real clients: python3-icalendar and
# libical (the libical_check program). The whole calendar, the per-audience and per-year-group
# calendars, and an empty one; each must hold one event per row of the same schedule as CSV.
# Usage: run.sh TFM EXAMPLES LIBICAL_CHECK
set -eu
bin=$1 examples=$2 libical=$3 parser=$(dirname "$0")/parse_ics.py
out=$(mktemp)
trap 'rm -f "$out"' EXIT
failed=0
check() {  # description, then schedule options
  local what=$1; shift
  "$bin" -C "$examples" --as-of 2026-11-26 schedule "$@" --format ics >"$out"
  local count
  count=$("$bin" -C "$examples" --as-of 2026-11-26 schedule "$@" --format csv | tail -n +2 | grep -c . || true)
  echo "== $what: $count events"
  /usr/bin/python3 "$parser" "$out" "$count" || failed=1
  "$libical" "$out" "$count" || failed=1
  # The same run gives the same bytes (stable UIDs, DTSTAMP from --as-of).
  "$bin" -C "$examples" --as-of 2026-11-26 schedule "$@" --format ics | cmp - "$out" || failed=1
}
check "every event" --from 2024-09-01 --to 2027-08-31
check "teachers' parts" --from 2024-09-01 --to 2027-08-31 --audience teachers
check "maths leads' parts" --from 2024-09-01 --to 2027-08-31 --audience maths_leads
check "Y3's parts" --from 2024-09-01 --to 2027-08-31 --year-group Y3
check "an empty range" --from 2030-01-01 --to 2030-01-31
exit $failed
