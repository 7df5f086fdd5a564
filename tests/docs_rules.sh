#!/usr/bin/env bash
# The README's rule table must list exactly the rules of the program's rule table.
set -u
bin=$1 readme=$2
program=$("$bin" check --help | sed -n 's/^  \([a-z]*\/[a-z-]*\) .*/\1/p' | sort)
documented=$(sed -n 's/^| `\([a-z]*\/[a-z-]*\)` |.*/\1/p' "$readme" | sort)
if [ -z "$program" ]; then echo "no rules found in tfm check --help"; exit 1; fi
if [ "$program" != "$documented" ]; then
  echo "README rule table and tfm's rule table differ:"
  diff <(echo "$program") <(echo "$documented")
  exit 1
fi
echo "README lists all $(echo "$program" | wc -l) rules"
