#!/usr/bin/env bash
# Runs one end-to-end case: tests/cli/NAME/{cmd,tree/,setup,stdout,stderr,status}.
#   cmd     the arguments, one line, as a shell would split them
#   tree/   the records tree; the command runs in a fresh copy of it
#   env     optional KEY=VALUE lines exported for the run
#   cwd     optional: the folder of the tree (one line, relative) the command runs in
#   setup   optional script run inside the copy first (for pipes, unreadable files, links)
#   stdout, stderr, status   the exact expected output and exit status (missing = empty, 0)
#   after/  for writers: every file of the tree that the run changed or created, byte for
#           byte as it must be afterwards; a case without after/ must leave the tree as it was
#           (files the setup script changes are not compared; the writers' lock file is ignored)
# With TFM_UPDATE_GOLDEN=1 the expected files are rewritten from the actual run: review the diff.
set -u
# $EXAMPLES, for cases that run on the project's example hub: -C "$EXAMPLES"
EXAMPLES=$(cd "$(dirname "$0")/../../examples" && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case_dir=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" "${before:-/nonexistent}" 2>/dev/null; rm -rf "$work" "${before:-}"' EXIT
mkdir -p "$work/tree"
[ -d "$case_dir/tree" ] && cp -a "$case_dir/tree/." "$work/tree/"
cd "$work/tree"
[ -f "$case_dir/setup" ] && bash "$case_dir/setup"
# The tree as the command finds it, to see what the run changed.
before=$(mktemp -d)
cp -a "$work/tree/." "$before/" 2>/dev/null
eval "set -- $(cat "$case_dir/cmd")"
unset TFM_DATA NO_COLOR
export LC_ALL=C.UTF-8 TZ=UTC TERM=dumb
# env: optional KEY=VALUE lines for the run (TFM_DATA, NO_COLOR, …)
if [ -f "$case_dir/env" ]; then set -a; . "$case_dir/env"; set +a; fi
run_in="$work/tree"
[ -f "$case_dir/cwd" ] && run_in="$work/tree/$(cat "$case_dir/cwd")"
(cd "$run_in" && timeout 60 "$bin" "$@") >"$work/stdout" 2>"$work/stderr" </dev/null
echo $? >"$work/status"
# The files the run changed or created (relative paths, sorted).
changed_files() {
  (cd "$work/tree" && find . -type f ! -name .tfm-lock -print 2>/dev/null | sed 's|^\./||' | sort) |
    while IFS= read -r f; do
      if [ ! -f "$before/$f" ] || ! cmp -s "$before/$f" "$work/tree/$f"; then echo "$f"; fi
    done
}
if [ "${TFM_UPDATE_GOLDEN:-}" = 1 ]; then
  for f in stdout stderr; do
    if [ -s "$work/$f" ]; then cp "$work/$f" "$case_dir/$f"; else rm -f "$case_dir/$f"; fi
  done
  if [ "$(cat "$work/status")" = 0 ]; then rm -f "$case_dir/status"; else cp "$work/status" "$case_dir/status"; fi
  rm -rf "$case_dir/after"
  changed_files | while IFS= read -r f; do
    mkdir -p "$case_dir/after/$(dirname "$f")" && cp "$work/tree/$f" "$case_dir/after/$f"
  done
  exit 0
fi
fail=0
for f in stdout stderr; do
  expected="$case_dir/$f"
  [ -f "$expected" ] || expected=/dev/null
  if ! diff -u --label "expected $f" --label "actual $f" "$expected" "$work/$f"; then fail=1; fi
done
expected_changed=$( [ -d "$case_dir/after" ] && cd "$case_dir/after" && find . -type f | sed 's|^\./||' | sort)
actual_changed=$(changed_files)
if [ "$expected_changed" != "$actual_changed" ]; then
  echo "files changed by the run: expected [${expected_changed//$'\n'/ }], got [${actual_changed//$'\n'/ }]"
  fail=1
fi
for f in $expected_changed; do
  if [ -f "$work/tree/$f" ] && ! diff -u --label "expected $f" --label "actual $f" "$case_dir/after/$f" "$work/tree/$f"; then
    fail=1
  fi
done
expected_status=0
[ -f "$case_dir/status" ] && expected_status=$(cat "$case_dir/status")
actual_status=$(cat "$work/status")
if [ "$expected_status" != "$actual_status" ]; then
  echo "exit status: expected $expected_status, got $actual_status"
  fail=1
fi
exit $fail
