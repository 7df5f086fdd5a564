#!/usr/bin/env bash
# tfm init: a repository tfm check accepts, built in full before it appears, git-initialised,
# and in an existing folder never touching a file it did not create.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_SYSTEM=/dev/null
fail() { echo "FAIL: $*"; exit 1; }
files="hub.yaml leads.yaml schools/leeds.yaml cohorts/2026-27/leeds-dev-2026a.yaml
       sessions/2026-27/leeds-dev-2026a.yaml offers/2027-28.yaml README.md hooks/pre-commit .gitignore"
snapshot() { (cd "$1" && find . -path ./.git -prune -o -type f -exec md5sum {} + | sort); }
no_leftovers() { [ -z "$(find "$dir" -name '*.tfm-init-*' -o -name '.tfm-lock')" ] || fail "temporary files left: $(find "$dir" -name '*.tfm-*')"; }

# 1. A new folder: every file, executable hook, a git repository, tfm check passes.
"$bin" init "$dir/hub" --as-of 2026-11-26 >/dev/null || fail "tfm init failed"
for f in $files; do [ -f "$dir/hub/$f" ] || fail "tfm init did not write $f"; done
[ -x "$dir/hub/hooks/pre-commit" ] || fail "hooks/pre-commit is not executable"
grep -q "tfm check" "$dir/hub/hooks/pre-commit" || fail "the hook does not run tfm check"
grep -qi "log a session" "$dir/hub/README.md" || fail "the README does not say how to log a session"
"$bin" -C "$dir/hub" check --as-of 2026-11-26 -q 2>/dev/null || fail "tfm check fails on a new repository"
# The sample is this year's: two meetings and a visit before 2026-11-26, all logged; and the
# school's answer to next year's offer.
"$bin" -C "$dir/hub" check --as-of 2026-11-26 --format json | grep -q '"records": 8' || fail "expected 8 records"
grep -q "tfm offers" "$dir/hub/README.md" || fail "the README does not say how to offer next year's stage"
"$bin" -C "$dir/hub" check --as-of 2026-11-26 --format json | grep -q '"errors": 0' || fail "check finds errors"
# Nothing for the cron mail on day one, whatever the day of the year.
for day in 2026-09-01 2026-09-02 2026-11-26 2027-03-01 2027-07-25 2027-08-31; do
  rm -rf "$dir/day" && "$bin" init "$dir/day" --as-of $day >/dev/null 2>&1 || fail "init on $day failed"
  "$bin" -C "$dir/day" check --as-of $day -q 2>/dev/null || fail "tfm check fails on a new repository made on $day"
  "$bin" -C "$dir/day" gaps --as-of $day --fail-on-findings >"$dir/gaps" 2>&1 ||
    fail "gaps finds something on a new repository made on $day: $(cat "$dir/gaps")"
done
rm -rf "$dir/day"
for cmd in "tfm log" "tfm enrol" "tfm withdraw" "tfm register"; do
  grep -q "$cmd" "$dir/hub/README.md" || fail "the guide does not mention $cmd"
done
if command -v git >/dev/null; then
  [ -d "$dir/hub/.git" ] || fail "tfm init did not run git init outside a work tree"
fi
no_leftovers

# 2. Again into the same folder: refused (hub.yaml is there), nothing changes.
before=$(snapshot "$dir/hub")
"$bin" init "$dir/hub" --as-of 2026-11-26 >/dev/null 2>"$dir/err" && fail "a second tfm init did not refuse"
grep -q "hub.yaml already exists" "$dir/err" || fail "no reason given: $(cat "$dir/err")"
[ "$before" = "$(snapshot "$dir/hub")" ] || fail "a refused tfm init changed files"
no_leftovers

# 3. An existing repository with its own README.md and .gitignore: both kept as they were,
#    the guide goes beside the README, the rest is added.
mkdir -p "$dir/repo" && echo "mine" > "$dir/repo/README.md" && echo "*.bak" > "$dir/repo/.gitignore"
if command -v git >/dev/null; then git init -q "$dir/repo"; mkdir -p "$dir/repo/sub"; fi
"$bin" init "$dir/repo" --as-of 2026-11-26 >"$dir/out" 2>&1 || fail "init into an existing folder failed: $(cat "$dir/out")"
[ "$(cat "$dir/repo/README.md")" = mine ] || fail "README.md was changed"
[ "$(cat "$dir/repo/.gitignore")" = "*.bak" ] || fail ".gitignore was changed"
grep -qi "log a session" "$dir/repo/TFM-GUIDE.md" || fail "the guide was not written beside README.md"
[ -f "$dir/repo/hub.yaml" ] || fail "hub.yaml was not added"
grep -q "Kept your own README.md; the guide is TFM-GUIDE.md" "$dir/out" || fail "it did not say what it kept"
# 4. Inside an existing work tree it does not start a second repository.
if command -v git >/dev/null; then
  "$bin" init "$dir/repo/sub" --as-of 2026-11-26 >/dev/null || fail "init into a subfolder failed"
  [ -d "$dir/repo/sub/.git" ] && fail "tfm init ran git init inside a work tree"
fi
no_leftovers

# 5. `hooks` is a file in the way: refused before anything is written; fixing it, init works.
mkdir -p "$dir/blocked" && echo "not a folder" > "$dir/blocked/hooks"
before=$(snapshot "$dir/blocked")
"$bin" init "$dir/blocked" --as-of 2026-11-26 >/dev/null 2>"$dir/err" && fail "init with a file named hooks did not refuse"
grep -q "hooks is in the way" "$dir/err" || fail "the refusal does not name hooks: $(cat "$dir/err")"
[ "$before" = "$(snapshot "$dir/blocked")" ] || fail "a refused init left files behind"
no_leftovers
rm "$dir/blocked/hooks"
"$bin" init "$dir/blocked" --as-of 2026-11-26 >/dev/null 2>&1 || fail "init after removing the obstacle failed"
[ -f "$dir/blocked/hooks/pre-commit" ] || fail "the second init did not complete"

# 6. --dry-run: every file shown as added, nothing written.
"$bin" init "$dir/dry" --dry-run --as-of 2026-11-26 >"$dir/diff" 2>/dev/null || fail "init --dry-run failed"
[ -e "$dir/dry" ] && fail "init --dry-run wrote something"
grep -q '^+++ b/hub.yaml$' "$dir/diff" || fail "the dry run does not show hub.yaml"
grep -q '^--- /dev/null$' "$dir/diff" || fail "the dry run does not show new files"
no_leftovers

# 7. The hook works inside a git repository.
if command -v git >/dev/null; then
  (cd "$dir/hub" && git config core.hooksPath hooks && git add -A &&
   PATH="$(dirname "$bin"):$PATH" git -c user.name=t -c user.email=t@t commit -qm init) ||
    fail "a commit with the pre-commit hook failed"
fi
echo "tfm init: built whole, git-initialised, never overwrites, keeps the folder's own files"
