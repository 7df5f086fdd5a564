#!/usr/bin/env bash
# tfm init makes a repository that tfm check accepts, and never overwrites a file.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "$*"; exit 1; }
"$bin" init "$dir/hub" --as-of 2026-11-26 >/dev/null || fail "tfm init failed"
for f in hub.yaml leads.yaml schools/leeds.yaml cohorts/2025-26/leeds-dev-2025a.yaml \
         sessions/2025-26/leeds-dev-2025a.yaml README.md hooks/pre-commit .gitignore; do
  [ -f "$dir/hub/$f" ] || fail "tfm init did not write $f"
done
[ -x "$dir/hub/hooks/pre-commit" ] || fail "hooks/pre-commit is not executable"
grep -q "tfm check" "$dir/hub/hooks/pre-commit" || fail "the hook does not run tfm check"
grep -qi "log a session" "$dir/hub/README.md" || fail "the README does not say how to log a session"
"$bin" -C "$dir/hub" check --as-of 2026-11-26 -q || fail "tfm check fails on a new repository"
# The sample records load as records, not just as files.
"$bin" -C "$dir/hub" check --as-of 2026-11-26 --format json | grep -q '"records": 5' || fail "expected 5 records"
# Running it again refuses and changes nothing.
before=$(cd "$dir/hub" && find . -type f -exec md5sum {} + | sort)
"$bin" init "$dir/hub" --as-of 2026-11-26 2>/dev/null && fail "a second tfm init did not refuse"
after=$(cd "$dir/hub" && find . -type f -exec md5sum {} + | sort)
[ "$before" = "$after" ] || fail "a refused tfm init changed files"
# One clashing file is enough to refuse, and nothing else is written.
mkdir -p "$dir/partial" && echo "mine" > "$dir/partial/README.md"
"$bin" init "$dir/partial" 2>/dev/null && fail "tfm init overwrote README.md"
[ "$(cat "$dir/partial/README.md")" = mine ] || fail "README.md was changed"
[ -e "$dir/partial/hub.yaml" ] && fail "tfm init wrote files after refusing"
# The hook works inside a git repository.
if command -v git >/dev/null; then
  (cd "$dir/hub" && git init -q && git config core.hooksPath hooks && git add -A &&
   PATH="$(dirname "$bin"):$PATH" git -c user.name=t -c user.email=t@t commit -qm init) ||
    fail "a commit with the pre-commit hook failed"
fi
echo "tfm init writes a repository tfm check accepts and never overwrites"
