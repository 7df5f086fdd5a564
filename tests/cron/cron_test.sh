#!/usr/bin/env bash
# Runs exactly the cron lines of README.md (its ```cron blocks, the five time fields left
# out) with /bin/sh, as cron would, in a fresh HOME whose ~/hub-records is a git clone of a
# small records tree, and checks what each prints (cron mails that), its exit status and what
# it mails. `mail` is a stub that records its arguments and message; /srv/share is a folder
# of the test's own. Cases: a quiet tree (never-engaged prospects only), a tree with a
# finding, a tree with an error, and a pull that fails (no stale mail, no stale page).
# usage: cron_test.sh TFM README.md
set -u
tfm=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
readme=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
say_fail() { echo "FAIL: $*"; fail=1; }

mapfile -t lines < <(awk '/^```cron$/ {on=1; next} /^```$/ {on=0} on && NF' "$readme")
[ "${#lines[@]}" -eq 2 ] || { echo "expected two cron lines in the README, found ${#lines[@]}"; exit 1; }
report_line=$(printf '%s\n' "${lines[@]}" | grep 'tfm report')
gaps_line=$(printf '%s\n' "${lines[@]}" | grep 'tfm gaps')
[ -n "$report_line" ] && [ -n "$gaps_line" ] || { echo "no tfm report or tfm gaps cron line"; exit 1; }
command_of() { echo "$1" | sed -E 's/^([^ ]+ +){5}//; s|/srv/share|'"$work"'/srv-share|g'; }

mkdir -p "$work/bin" "$work/srv-share"
cat >"$work/bin/mail" <<'STUB'
#!/bin/sh
{ echo "mail $*"; cat; echo "-- end of mail"; } >>"$HOME/mail.log"
STUB
chmod +x "$work/bin/mail"
ln -s "$tfm" "$work/bin/tfm"

# A fresh HOME holding ~/hub-records, a clone of an origin that holds `tree`.
setup() {
    local tree=$1
    export HOME="$work/home-$tree"
    rm -rf "$HOME" "$work/origin-$tree.git"
    mkdir -p "$HOME"
    git init -q --bare "$work/origin-$tree.git"
    git clone -q "$work/origin-$tree.git" "$work/seed-$tree" 2>/dev/null
    cp -r "$here/$tree/." "$work/seed-$tree/"
    (cd "$work/seed-$tree" && git add -A && git -c user.name=t -c user.email=t@example.org commit -qm records &&
        git push -q origin HEAD 2>/dev/null)
    git clone -q "$work/origin-$tree.git" "$HOME/hub-records"
    rm -rf "$work/seed-$tree"
}

# Runs a cron line as cron does: /bin/sh -c, PATH with tfm and the mail stub, no terminal.
run_line() {
    (cd "$HOME" && env -i HOME="$HOME" PATH="$work/bin:/usr/bin:/bin" LC_ALL=C.UTF-8 \
        /bin/sh -c "$(command_of "$1")" </dev/null >"$work/out" 2>&1)
    echo $? >"$work/status"
}

# 1. Quiet: the page is written, nothing is printed, nothing is mailed.
setup quiet
run_line "$report_line"
[ "$(cat "$work/status")" = 0 ] || say_fail "quiet report: status $(cat "$work/status")"
[ -s "$work/out" ] && say_fail "quiet report printed (cron would mail it): $(cat "$work/out")"
grep -q '<html' "$work/srv-share/tfm-report.html" 2>/dev/null || say_fail "quiet report: no page written"
run_line "$gaps_line"
[ -s "$work/out" ] && say_fail "quiet gaps printed (cron would mail it): $(cat "$work/out")"
[ -e "$HOME/mail.log" ] && say_fail "quiet gaps mailed the coordinator: $(cat "$HOME/mail.log")"

# 2. A finding: one mail, with the findings in it, and nothing else printed.
setup findings
run_line "$gaps_line"
[ -s "$work/out" ] && say_fail "gaps with a finding printed: $(cat "$work/out")"
if [ "$(grep -c '^mail ' "$HOME/mail.log" 2>/dev/null)" != 1 ]; then
    say_fail "gaps with a finding: expected one mail, got: $(cat "$HOME/mail.log" 2>/dev/null)"
else
    grep -q '^mail -s TfM: things to follow up coordinator@example.org$' "$HOME/mail.log" ||
        say_fail "the mail's subject or address: $(head -1 "$HOME/mail.log")"
    grep -q '2019/20' "$HOME/mail.log" || say_fail "the mail lacks the gap year: $(cat "$HOME/mail.log")"
fi

# 3. An error in the records: the page is still written with a warning, cron mails the
# message, and the gaps mail goes out (the records need attention).
echo 'schools: [{urn: 12, name: Broken}]' >"$HOME/hub-records/broken.yaml"
(cd "$HOME/hub-records" && git add -A && git -c user.name=t -c user.email=t@example.org commit -qm broken)
rm -f "$HOME/mail.log" "$work/srv-share/tfm-report.html"
run_line "$report_line"
[ "$(cat "$work/status")" = 1 ] || say_fail "report with an error: status $(cat "$work/status")"
grep -q 'the records have .* error' "$work/out" || say_fail "report with an error printed: $(cat "$work/out")"
[ -s "$work/srv-share/tfm-report.html" ] || say_fail "report with an error: no page written"
run_line "$gaps_line"
grep -q '^mail ' "$HOME/mail.log" 2>/dev/null || say_fail "gaps with an error in the records: no mail"

# 4. The pull fails (the origin is gone): git's message is printed (cron mails it), but no
# mail of last week's findings and no page from stale records.
rm -rf "$work/origin-findings.git" "$HOME/mail.log" "$work/srv-share/tfm-report.html"
run_line "$gaps_line"
[ -e "$HOME/mail.log" ] && say_fail "a failed pull mailed stale findings: $(cat "$HOME/mail.log")"
[ -s "$work/out" ] || say_fail "a failed pull printed nothing: cron would not tell anyone"
run_line "$report_line"
[ -e "$work/srv-share/tfm-report.html" ] && say_fail "a failed pull still wrote the page"
[ -s "$work/out" ] || say_fail "a failed pull (report) printed nothing"

[ "$fail" = 0 ] && echo "the README's cron lines do what it says"
exit "$fail"
