#!/usr/bin/env bash
# Writers at once, as real parallel processes: the data directory's lock makes the second
# wait, so no edit is lost; a writer that cannot get the lock in 10 s stops, names the
# holder, and changes nothing.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${holder:-}" ] && kill "$holder" 2>/dev/null' EXIT
unset TFM_DATA NO_COLOR
export LC_ALL=C.UTF-8
failed=0
fail() { echo "FAIL: $*"; failed=1; }

# A tree with two Work Groups in one file, neither planned yet.
tree=$work/tree
cp -a "$here/plan/base" "$tree"
cat >"$tree/cohorts/pair.yaml" <<'YAML'
# Two Work Groups kept in one file.
cohorts:
  - id: pair-a
    stage: development
    year: 2022/23
    lead: apatel
    weekday: tuesday
    schools:
      - {urn: 107405, participants: [Ivy North, Jack Oates]}
      - {urn: 107406, participants: [Kim Price, Liam Quinn]}
  - id: pair-b
    stage: development
    year: 2022/23
    lead: kdunn
    weekday: thursday
    schools:
      - {urn: 107407, participants: [Mo Rahman, Nia Shah]}
      - {urn: 107408, participants: [Ola Tran, Pat Usher]}
YAML
cp "$tree/cohorts/pair.yaml" "$work/pair.orig"
tfm() { "$bin" -C "$tree" --as-of 2022-08-31 "$@"; }

# 1. Two plan --write on different cohorts of one file, started together, eight times.
for round in 1 2 3 4 5 6 7 8; do
  cp "$work/pair.orig" "$tree/cohorts/pair.yaml"
  tfm plan pair-a --write 2>"$work/a.err" & a=$!
  tfm plan pair-b --write 2>"$work/b.err" & b=$!
  wait $a; sa=$?
  wait $b; sb=$?
  [ $sa = 0 ] || fail "round $round: plan pair-a exited $sa: $(cat "$work/a.err")"
  [ $sb = 0 ] || fail "round $round: plan pair-b exited $sb: $(cat "$work/b.err")"
  n=$(grep -c '^    meetings: \[20' "$tree/cohorts/pair.yaml")
  [ "$n" = 2 ] || { fail "round $round: $n of 2 plans in the file (an edit was lost)"; cat "$tree/cohorts/pair.yaml"; }
  tfm check -q 2>/dev/null || fail "round $round: tfm check fails afterwards"
done
[ -e "$tree/.tfm-lock" ] && fail "the lock file was left behind"

# 2. plan --write beside import gias --write on one tree: both changes land.
cp "$work/pair.orig" "$tree/cohorts/pair.yaml"
printf 'hub:\n  name: Test Hub\n  areas: [Bradford, Leeds, Kirklees, Calderdale]\n' >"$tree/hub.yaml"
tfm plan pair-a --write 2>"$work/a.err" & a=$!
"$bin" import gias "$here/gias/extract.csv" --write "$tree" --area Calderdale >/dev/null 2>"$work/g.err" & g=$!
wait $a; sa=$?
wait $g; sg=$?
[ $sa = 0 ] || fail "plan beside import: plan exited $sa: $(cat "$work/a.err")"
[ $sg = 0 ] || fail "plan beside import: import exited $sg: $(cat "$work/g.err")"
grep -q '^    meetings: \[20' "$tree/cohorts/pair.yaml" || fail "plan beside import: the plan was lost"
[ -f "$tree/schools/calderdale.yaml" ] || fail "plan beside import: the imported schools were lost"

# 3. A lock held by another process: the writer waits 10 s, names the holder, writes nothing.
cp "$work/pair.orig" "$tree/cohorts/pair.yaml"
python3 - "$tree/.tfm-lock" <<'PY' &
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
fcntl.lockf(fd, fcntl.LOCK_EX)
os.write(fd, b"tfm plan --write held-by-test\n")
print("locked", flush=True)
time.sleep(60)
PY
holder=$!
for _ in $(seq 50); do [ -s "$tree/.tfm-lock" ] && break; sleep 0.1; done
start=$(date +%s)
tfm plan pair-b --write 2>"$work/wait.err"; st=$?
took=$(( $(date +%s) - start ))
[ $st = 1 ] || fail "a writer kept out by the lock exited $st, expected 1"
[ $took -ge 9 ] || fail "the writer gave up after $took s, before 10 s"
grep -q "process $holder (tfm plan --write held-by-test)" "$work/wait.err" ||
  fail "the message does not name the holder: $(cat "$work/wait.err")"
cmp -s "$tree/cohorts/pair.yaml" "$work/pair.orig" || fail "the waiting writer changed the file"
kill $holder; wait $holder 2>/dev/null; holder=

[ $failed = 0 ] && echo "writers at once: no edit lost; a held lock is waited for, then named"
exit $failed
