#!/usr/bin/env bash
# tfm import gias on a small extract in GIAS's own format (extract.csv, written by
# make_extract.py: Windows-1252, CRLF, RFC 4180 quoting):
#   1. printing: the records on stdout match expected/print.yaml, and load cleanly;
#   2. --write on a copy of tree/: every resulting file matches expected/tree/ byte for byte,
#      the summary matches expected/write.out, and `tfm check` passes;
#   3. --write again: "nothing to change", and not a byte differs;
#   4. a tree with a YAML error: refused with exit 1, nothing written.
# With TFM_UPDATE_GOLDEN=1 the expected files are rewritten from the actual run: review the diff.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset TFM_DATA NO_COLOR
export LC_ALL=C.UTF-8 TZ=UTC
fail() { echo "FAIL: $*"; exit 1; }
update=${TFM_UPDATE_GOLDEN:-}

# 1. Printing.
"$bin" import gias "$here/extract.csv" --area Calderdale,kirklees --area Leeds >"$work/print.yaml" 2>"$work/print.err"
status=$?
[ "$status" = 0 ] || { cat "$work/print.err"; fail "printing exited $status"; }
if [ "$update" = 1 ]; then mkdir -p "$here/expected"; cp "$work/print.yaml" "$here/expected/print.yaml"; fi
diff -u "$here/expected/print.yaml" "$work/print.yaml" || fail "the printed records differ from expected/print.yaml"
grep -qF 'line 18: `15002` is not a URN' "$work/print.err" || { cat "$work/print.err"; fail "no warning for the bad URN"; }
grep -qF 'tfm: 10 open primary establishments in Calderdale, Kirklees, Leeds' "$work/print.err" ||
  { cat "$work/print.err"; fail "no summary line on stderr"; }
mkdir "$work/printed"
printf 'hub:\n  name: Printed\n' >"$work/printed/hub.yaml"
cp "$work/print.yaml" "$work/printed/schools.yaml"
"$bin" -C "$work/printed" check -q || fail "the printed records do not pass tfm check"

# 2. Writing into a copy of the fixture tree.
cp -a "$here/tree" "$work/tree"
(cd "$work" && "$bin" import gias "$here/extract.csv" --write tree) >"$work/write.out" 2>"$work/write.err"
status=$?
[ "$status" = 0 ] || { cat "$work/write.err"; fail "--write exited $status"; }
if [ "$update" = 1 ]; then
  cp "$work/write.out" "$here/expected/write.out"
  rm -rf "$here/expected/tree"; cp -a "$work/tree" "$here/expected/tree"
fi
diff -u "$here/expected/write.out" "$work/write.out" || fail "the summary differs from expected/write.out"
diff -r "$here/expected/tree" "$work/tree" >"$work/tree.diff" || { cat "$work/tree.diff"; fail "the written tree differs from expected/tree"; }
for f in $(cd "$here/expected/tree" && find . -type f | sort); do
  cmp -s "$here/expected/tree/$f" "$work/tree/$f" || fail "$f differs byte for byte"
done
grep -qF 'note: 107599 Siddal Moor Primary School (schools/calderdale.yaml:23) is `Closed` in GIAS; its record is kept' \
  "$work/write.err" || { cat "$work/write.err"; fail "no note for the closed school"; }
"$bin" -C "$work/tree" check >"$work/check.out" 2>&1 || { cat "$work/check.out"; fail "tfm check fails on the written tree"; }

# 3. Again: nothing to change, not a byte written.
cp -a "$work/tree" "$work/before"
"$bin" import gias "$here/extract.csv" --write "$work/tree" >"$work/again.out" 2>"$work/again.err"
status=$?
[ "$status" = 0 ] || { cat "$work/again.err"; fail "the second --write exited $status"; }
grep -q '^nothing to change' "$work/again.out" || { cat "$work/again.out"; fail "the second --write changed something"; }
diff -r "$work/before" "$work/tree" || fail "the second --write changed the files"

# 4. A YAML error in the tree: refused, exit 1, nothing written.
cp -a "$here/tree" "$work/broken"
printf 'schools: [\n' >"$work/broken/schools/zzz.yaml"
cp -a "$work/broken" "$work/broken-before"
"$bin" import gias "$here/extract.csv" --write "$work/broken" >"$work/broken.out" 2>"$work/broken.err"
status=$?
[ "$status" = 1 ] || { cat "$work/broken.err"; fail "a tree with a YAML error: exit $status, not 1"; }
grep -q 'schools/zzz.yaml' "$work/broken.err" || { cat "$work/broken.err"; fail "the refusal does not name the file"; }
diff -r "$work/broken-before" "$work/broken" || fail "a refused import wrote something"

echo "import gias: printed, wrote, checked, idempotent, refused a broken tree"
