#!/usr/bin/env bash
# Writers refuse rather than write where the records cannot be trusted, and run from anywhere
# in the records: each case found by trying to break them.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
examples=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${holder:-}" ] && kill "$holder" 2>/dev/null' EXIT
unset TFM_DATA NO_COLOR
export LC_ALL=C.UTF-8
failed=0
fail() { echo "FAIL: $*"; failed=1; }
fresh() { rm -rf "$work/t"; cp -a "$examples" "$work/t"; sed -i '/^  meetings:/,/^  [a-z]/{/^  meetings:/d;/^    - /d}' "$work/t/cohorts/2026-27/cald-sus-2026a.yaml"; }
F=cohorts/2026-27/cald-sus-2026a.yaml

# 1. Records with an error: plan --write refuses and writes nothing.
fresh
cp "$work/t/$F" "$work/before"
printf 'leads:\n  - {id: broken, name: "unclosed\n' >"$work/t/broken.yaml"
"$bin" -C "$work/t" --as-of 2026-11-30 plan cald-sus-2026a --write 2>"$work/err"; st=$?
[ $st = 1 ] || fail "plan --write over records with errors: exit $st, expected 1"
grep -q "nothing was written" "$work/err" || fail "no refusal: $(cat "$work/err")"
cmp -s "$work/t/$F" "$work/before" || fail "plan --write wrote into records with errors"

# 2. -o onto a record file is refused before anything runs, and the file is untouched.
fresh
cp "$work/t/$F" "$work/before"
"$bin" -C "$work/t" --as-of 2026-11-30 plan cald-sus-2026a --write -o "$work/t/$F" 2>"$work/err"; st=$?
[ $st = 2 ] || fail "-o onto a record file: exit $st, expected 2"
grep -q "would replace a file of records" "$work/err" || fail "-o onto a record file: $(cat "$work/err")"
cmp -s "$work/t/$F" "$work/before" || fail "-o replaced (or the writer changed) a record file"

# 3. From a subfolder, the records are the nearest folder up with hub.yaml: a dry run there
#    plans with the hub's terms and the cohort's logs, and names files from the hub's folder.
fresh
(cd "$work/t/cohorts/2026-27" && "$bin" --as-of 2026-11-30 plan cald-sus-2026a --dry-run >"$work/sub.diff" 2>"$work/sub.err")
(cd "$work/t" && "$bin" --as-of 2026-11-30 plan cald-sus-2026a --dry-run >"$work/top.diff" 2>/dev/null)
cmp -s "$work/sub.diff" "$work/top.diff" || { fail "plan from a subfolder differs from the top"; diff "$work/top.diff" "$work/sub.diff" | head; }
grep -q "^+++ b/$F$" "$work/sub.diff" || fail "the dry run does not name $F: $(head -3 "$work/sub.diff")"
[ -e "$work/t/.tfm-lock" ] && fail "a dry run left a lock file"

# 4. With several -C, every directory is locked: a lock held on the second keeps the writer out.
fresh
mkdir "$work/other" && printf 'hub:\n  name: Other Hub\n' >"$work/other/hub.yaml"
python3 - "$work/t/.tfm-lock" <<'PY' &
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
fcntl.lockf(fd, fcntl.LOCK_EX)
os.write(fd, b"held by the test\n")
time.sleep(60)
PY
holder=$!
for _ in $(seq 50); do [ -s "$work/t/.tfm-lock" ] && break; sleep 0.1; done
cp "$work/t/$F" "$work/before"
"$bin" -C "$work/other" -C "$work/t" --as-of 2026-11-30 plan cald-sus-2026a --write 2>"$work/err"; st=$?
[ $st = 1 ] || fail "a lock on the second -C: exit $st, expected 1"
grep -q "held by the test" "$work/err" || fail "the holder of the second directory's lock is not named: $(cat "$work/err")"
cmp -s "$work/t/$F" "$work/before" || fail "the writer wrote past the second directory's lock"
kill $holder; wait $holder 2>/dev/null; holder=

# 5. tfm init makes its folder as mkdir would (0777 less the umask), not private.
(umask 022 && "$bin" init "$work/newhub" --as-of 2026-11-26 >/dev/null 2>&1) || fail "init failed"
[ "$(stat -c %a "$work/newhub")" = 755 ] || fail "init made its folder $(stat -c %a "$work/newhub"), expected 755"

# 6. tfm init into an existing, writable folder whose parent is read-only (as a plain user).
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  mkdir -p "$work/ro/exist" && chown 65534 "$work/ro/exist" && chmod 555 "$work/ro" && chmod 755 "$work"
  setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" init "$work/ro/exist" --as-of 2026-11-26 >/dev/null 2>"$work/err" ||
    fail "init into a writable folder under a read-only one: $(cat "$work/err")"
  [ -f "$work/ro/exist/hub.yaml" ] || fail "init under a read-only parent wrote nothing"
  chmod 755 "$work/ro"
fi

[ $failed = 0 ] && echo "writers refuse untrusted records, protect record files from -o, lock every -C"
exit $failed
