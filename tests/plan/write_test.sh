#!/usr/bin/env bash
# tfm plan --write, byte for byte, mid-year (--as-of 2021-11-24): each folder under cases/
# holds a cohort file (input.yaml, placed at cohorts/CASE.yaml in a copy of base/), the
# cohort's id (cohort) and the expected file after `plan --write` (written.yaml): the dates
# still missing after --as-of added, every logged and planned date kept. Each result must pass
# `tfm check`, keep the file's mode, leave no temporary file behind, change nothing but the
# cohort's meetings/visits lines and remove no date; a second --write adds nothing; and once
# the group moves to Thursdays, --write still moves no agreed date.
# Usage: write_test.sh TFM. With TFM_UPDATE_GOLDEN=1 the expected files are rewritten: review them.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
unset TFM_DATA NO_COLOR
export LC_ALL=C.UTF-8 TZ=UTC
as_of=2021-11-24
update=${TFM_UPDATE_GOLDEN:-}
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for case_dir in "$here"/cases/*/; do
  name=$(basename "$case_dir")
  id=$(cat "$case_dir/cohort")
  tree=$work/$name
  mkdir -p "$tree"
  cp -a "$here/base/." "$tree/"
  file=$tree/cohorts/$name.yaml
  cp "$case_dir/input.yaml" "$file"
  chmod 640 "$file"
  problem() { echo "$name: $*"; failed=1; }
  tfm() { "$bin" -C "$tree" --as-of "$as_of" "$@" 2>"$work/stderr" >"$work/stdout"; }
  expect_file() {  # expected-file label
    if [ -n "$update" ]; then cp "$file" "$1"; return; fi
    cmp -s "$file" "$1" || { problem "$2: the file differs from $(basename "$1")"; diff -u "$1" "$file" | cat -A | head -40; }
  }
  check_passes() {
    tfm check -q || { problem "$1: tfm check exits $?"; cat "$work/stderr"; }
  }

  # 1. --write adds what is missing after --as-of.
  tfm plan "$id" --write; status=$?
  [ $status = 0 ] || { problem "--write exits $status"; cat "$work/stderr"; }
  expect_file "$case_dir/written.yaml" "--write"
  python3 "$here/only_plan_lines.py" "$case_dir/input.yaml" "$file" || problem "--write changed other lines"
  check_passes "after --write"
  # 2. A second --write, and one after the group moves to Thursdays, add nothing.
  for step in again thursday; do
    [ $step = thursday ] && sed -i 's/weekday: tuesday/weekday: thursday/' "$file"
    cp "$file" "$work/before"
    tfm plan "$id" --write; status=$?
    [ $status = 0 ] || { problem "--write ($step) exits $status"; cat "$work/stderr"; }
    grep -q "nothing to add" "$work/stderr" || problem "--write ($step): no 'nothing to add' message"
    cmp -s "$file" "$work/before" || problem "--write ($step) changed the file"
  done

  [ "$(stat -c %a "$file")" = 640 ] || problem "the file's mode changed to $(stat -c %a "$file")"
  leftovers=$(find "$tree" -name '*.tfm-*')
  [ -z "$leftovers" ] || problem "temporary files left behind: $leftovers"
done
exit $failed
