#!/usr/bin/env bash
# Loading in parallel gives the same bytes as loading on one thread.
set -u
bin=$1 examples=$2
fail() { echo "$*"; exit 1; }
for args in "check --format json" "check" "report --format json" "gaps --format json" "schedule --from 2024-09-01 --to 2027-08-31 --format csv"; do
  one=$(TFM_THREADS=1 "$bin" -C "$examples" --as-of 2026-11-26 $args 2>&1; echo "status $?")
  two=$(TFM_THREADS=2 "$bin" -C "$examples" --as-of 2026-11-26 $args 2>&1; echo "status $?")
  many=$(TFM_THREADS=7 "$bin" -C "$examples" --as-of 2026-11-26 $args 2>&1; echo "status $?")
  [ "$one" = "$two" ] && [ "$one" = "$many" ] || fail "tfm $args differs between 1, 2 and 7 threads"
done
TFM_THREADS=0 "$bin" -C "$examples" check 2>/dev/null; [ $? = 2 ] || fail "TFM_THREADS=0 is not a usage error"
echo "1, 2 and 7 threads give the same bytes"
