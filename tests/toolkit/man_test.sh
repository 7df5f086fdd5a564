#!/usr/bin/env bash
# man/tfm.1 is what `tfm man` prints from the program's own definitions, and renders cleanly.
set -u
bin=$1 page=$2
if ! "$bin" man | cmp -s - "$page"; then
  echo "man/tfm.1 differs from \`tfm man\`; regenerate it: build/tfm man > man/tfm.1"
  "$bin" man | diff -u "$page" - | head -40
  exit 1
fi
warnings=$(MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -l "$page" 2>&1 >/dev/null)
if [ -n "$warnings" ]; then echo "man reports: $warnings"; exit 1; fi
# Every rule, command and exit status is in the rendered page.
text=$(MANWIDTH=200 LC_ALL=C.UTF-8 man -l "$page" 2>/dev/null)
for rule in $("$bin" check --help | sed -n 's/^  \([a-z]*\/[a-z-]*\) .*/\1/p'); do
  grep -qF -- "$rule" <<<"$text" || { echo "rule $rule is missing from the man page"; exit 1; }
done
for cmd in check report gaps schedule plan journey completion; do
  grep -q "tfm $cmd" <<<"$text" || { echo "command $cmd is missing from the man page"; exit 1; }
done
grep -q "EXIT STATUS" <<<"$text" || { echo "no EXIT STATUS section"; exit 1; }
echo "man page is current and renders without warnings"
