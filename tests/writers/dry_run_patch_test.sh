#!/usr/bin/env bash
# A writer's --dry-run diff, printed into a file, is what `patch` applies: on a CRLF file the
# carriage returns stay as they are (no `\x0d`), and the patched tree equals the written one.
# usage: dry_run_patch_test.sh TFM BASE_TREE
set -eu
tfm=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
base=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for t in dry written; do
  mkdir -p "$work/$t" && cp -a "$base/." "$work/$t/" && rm "$work/$t/README"
  for f in "$work/$t/sessions/2021-22/brad-dev-2021a.yaml" "$work/$t/cohorts/brad-dev-2021a.yaml"; do
    sed -i 's/$/\r/' "$f"
  done
done
run() { (cd "$work/$1" && "$tfm" --as-of 2021-11-20 "${@:2}"); }
check() {  # a command's dry run patched in equals its real run
  run dry "$@" --dry-run >"$work/change.patch" 2>/dev/null
  if grep -q 'x0d' "$work/change.patch"; then echo "FAIL $*: the diff has an escaped CR"; exit 1; fi
  (cd "$work/dry" && patch -s -p1 <"$work/change.patch")
  run written "$@" 2>/dev/null
  if ! diff -r -x .tfm-lock "$work/dry" "$work/written" >/dev/null; then
    echo "FAIL $*: the patched tree differs from the written one"; diff -r -x .tfm-lock "$work/dry" "$work/written" | head; exit 1
  fi
  echo "ok   $*"
}
check log brad-dev-2021a --present all
check enrol brad-dev-2021a 107408 --participants "Olu Tani, Pat Reed"
check withdraw brad-dev-2021a 107402 --on 2021-11-15 --reason "Closing"
