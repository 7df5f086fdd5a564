#!/usr/bin/env bash
# Hostile input (SPEC section 3): each file gives exit status 1 and a FILE:LINE:COL error, in
# bounded time (20 s) and memory (2 GB of address space), never a crash, hang or trace.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
run() {  # name, then a command that writes bad.yaml into the current folder
  local name=$1; shift
  local dir="$work/$name"
  mkdir -p "$dir" && cd "$dir" || exit 1
  printf 'hub: {name: Hostile Hub}\n' > hub.yaml
  "$@"
  local start=$(date +%s%N)
  # Under AddressSanitizer (TFM_SANITIZED=1) address space cannot be limited: ASan needs
  # terabytes of it for its shadow memory, and checks memory itself.
  ( [ "${TFM_SANITIZED:-}" = 1 ] || ulimit -v 2000000
    timeout 20 "$bin" check --as-of 2022-06-01 >out 2>err ); local status=$?
  local ms=$(( ($(date +%s%N) - start) / 1000000 ))
  local first=$(grep -m1 'bad.yaml:[0-9]*:[0-9]*: error:' err)
  if [ "$status" != 1 ] || [ -z "$first" ] || grep -qiE 'terminate|what\(\)|Sanitizer|core dumped' err; then
    echo "FAIL $name: status $status, ${ms} ms"; head -c 400 err; echo
    failures=$((failures + 1))
  else
    printf '%-24s %6d ms  %s\n' "$name" "$ms" "$(cut -c1-110 <<<"$first")"
  fi
  cd "$work" || exit 1
}
py=/usr/bin/python3
run deep-flow-20000     sh -c "$py -c \"print('schools: ' + '['*20000 + ']'*20000)\" > bad.yaml"
# Block nesting needs indentation, so its file grows with the square of the depth: 5,000
# levels (12 MB) stand for it; flow nesting above goes to 20,000.
run deep-block-5000     sh -c "$py -c \"print('schools:'); print('\n'.join(' '*i + '- ' for i in range(1, 5001)))\" > bad.yaml"
run deep-mapping-5000   sh -c "$py -c \"print('\n'.join(' '*i + 'k:' for i in range(5000)))\" > bad.yaml"
run alias-bomb          sh -c "$py -c \"
lines=['a: &a [x,x,x,x,x,x,x,x,x,x]']
for i in range(1, 30):
    lines.append(f'a{i}: &a{i} [' + ','.join(['*a' + (str(i-1) if i > 1 else '')]*10) + ']')
lines.append('schools: *a29')
print('\n'.join(lines))\" > bad.yaml"
run alias-cycle         sh -c "printf 'schools: &s\n  - *s\n' > bad.yaml"
run binary              sh -c "head -c 4096 /dev/urandom | tr -d '\n' > bad.yaml; printf '\0' >> bad.yaml"
run nul-byte            sh -c "printf 'school:\n  urn: 107329\n  name: A\0B\n' > bad.yaml"
run not-utf8            sh -c "printf 'school:\n  urn: 107329\n  name: Caf\351\n' > bad.yaml"
run scalar-20mb         sh -c "$py -c \"print('school:\n  urn: 107329\n  name: ' + 'x'*20000000 + '\n  phase: primay\n  area: Leeds')\" > bad.yaml"
run unterminated-quote  sh -c "printf 'school:\n  urn: 107329\n  name: \"Moorside\n' > bad.yaml"
run tab-indentation     sh -c "printf 'school:\n\turn: 107329\n' > bad.yaml"
run many-documents      sh -c "$py -c \"print('---\n' * 200000 + 'x: [')\" > bad.yaml"
run fuzz-endless-docs   sh -c "printf '!!0,0[' > bad.yaml"
[ $failures = 0 ] && echo "all hostile inputs rejected cleanly" || exit 1
