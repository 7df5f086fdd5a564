#!/usr/bin/env bash
# tfm plan --write, byte for byte: each folder under cases/ holds a cohort file (input.yaml,
# placed at cohorts/CASE.yaml in a copy of base/), the cohort's id (cohort), the expected file
# after `plan --write` (written.yaml; or a file named `refused` when the input already has
# dates) and after `plan --write --replace` once the group has moved to Thursdays
# (replaced.yaml). Each result must pass `tfm check`, keep the file's mode, leave no temporary
# file behind, and change nothing but the cohort's meetings/visits lines.
# Usage: write_test.sh TFM. With TFM_UPDATE_GOLDEN=1 the expected files are rewritten: review them.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
unset TFM_DATA NO_COLOR
export LC_ALL=C.UTF-8 TZ=UTC
as_of=2022-08-31
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

  # 1. --write: inserts the plan, or refuses when the cohort already has dates.
  tfm plan "$id" --write; status=$?
  if [ -f "$case_dir/refused" ]; then
    [ $status = 1 ] || problem "--write on a planned cohort exits $status, expected 1"
    grep -q "already has planned dates" "$work/stderr" || problem "--write: no refusal message"
    cmp -s "$file" "$case_dir/input.yaml" || problem "a refused --write changed the file"
  else
    [ $status = 0 ] || { problem "--write exits $status"; cat "$work/stderr"; }
    expect_file "$case_dir/written.yaml" "--write"
    python3 "$here/only_plan_lines.py" "$case_dir/input.yaml" "$file" || problem "--write changed other lines"
    check_passes "after --write"
    # 2. A second --write is refused and changes nothing.
    cp "$file" "$work/before"
    tfm plan "$id" --write; status=$?
    [ $status = 1 ] || problem "a second --write exits $status, expected 1"
    cmp -s "$file" "$work/before" || problem "a refused second --write changed the file"
  fi

  # 3. The group moves to Thursdays: --replace puts new dates in place of the old.
  sed -i 's/weekday: tuesday/weekday: thursday/' "$file"
  cp "$file" "$work/before"
  tfm plan "$id" --write --replace; status=$?
  [ $status = 0 ] || { problem "--write --replace exits $status"; cat "$work/stderr"; }
  expect_file "$case_dir/replaced.yaml" "--replace"
  python3 "$here/only_plan_lines.py" "$work/before" "$file" || problem "--replace changed other lines"
  check_passes "after --replace"

  [ "$(stat -c %a "$file")" = 640 ] || problem "the file's mode changed to $(stat -c %a "$file")"
  leftovers=$(find "$tree" -name '*.tfm-*')
  [ -z "$leftovers" ] || problem "temporary files left behind: $leftovers"
done
exit $failed
