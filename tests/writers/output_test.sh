#!/usr/bin/env bash
# -o/--output FILE on every command that prints: a regular file written atomically keeping
# owner and mode; pipes and devices written into as a redirection would; never replacing
# what is not a regular file; never colour; a usage error leaves the file alone.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
examples=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset TFM_DATA NO_COLOR
export LC_ALL=C.UTF-8
failed=0
fail() { echo "FAIL: $*"; failed=1; }
tfm() { "$bin" -C "$examples" --as-of 2026-11-30 "$@"; }

# Every command that prints: -o FILE holds exactly what standard output would.
for cmd in "report" "report --format csv" "gaps" "schedule --format ics" "journey 107329" \
           "check --format json" "schema" "completion bash" "plan cald-dev-2026a"; do
  tfm $cmd >"$work/expected" 2>/dev/null; want=$?
  rm -f "$work/out"
  tfm $cmd -o "$work/out" >"$work/stdout" 2>/dev/null; got=$?
  [ "$got" = "$want" ] || fail "$cmd -o: exit $got, expected $want"
  [ -s "$work/stdout" ] && fail "$cmd -o: printed on standard output too"
  cmp -s "$work/out" "$work/expected" || fail "$cmd -o FILE differs from its standard output"
done

# -o - is standard output.
tfm report -o - >"$work/dash" 2>/dev/null
tfm report >"$work/plain" 2>/dev/null
cmp -s "$work/dash" "$work/plain" || fail "-o - is not standard output"

# An existing file keeps its mode (and, as root, its owner and group); no temporary left.
echo old >"$work/kept.txt"; chmod 640 "$work/kept.txt"
if [ "$(id -u)" = 0 ]; then chown 4321:8765 "$work/kept.txt"; fi
inode=$(stat -c %i "$work/kept.txt")
tfm report -o "$work/kept.txt" 2>/dev/null || fail "report -o an existing file failed"
[ "$(stat -c %a "$work/kept.txt")" = 640 ] || fail "the mode changed to $(stat -c %a "$work/kept.txt")"
if [ "$(id -u)" = 0 ]; then
  [ "$(stat -c %u:%g "$work/kept.txt")" = 4321:8765 ] || fail "owner changed to $(stat -c %u:%g "$work/kept.txt")"
fi
[ "$(stat -c %i "$work/kept.txt")" != "$inode" ] || fail "the file was not replaced atomically"
[ -z "$(ls "$work" | grep '\.tfm-')" ] || fail "temporary files left: $(ls "$work")"

# --color always never reaches a file.
tfm report --color always -o "$work/colour.txt" 2>/dev/null
grep -q $'\x1b' "$work/colour.txt" && fail "-o wrote colour codes"

# A named pipe is written into and stays a pipe.
mkfifo "$work/fifo"
cat "$work/fifo" >"$work/from-fifo" &
reader=$!
tfm report -o "$work/fifo" 2>/dev/null || fail "report -o FIFO failed"
wait $reader
[ -p "$work/fifo" ] || fail "the named pipe was replaced"
cmp -s "$work/from-fifo" "$work/plain" || fail "what came through the pipe differs"

# /dev/stdout into a pipe reaches the pipe; /dev/null stays a device.
tfm report -o /dev/stdout 2>/dev/null | cat >"$work/via-dev-stdout"
cmp -s "$work/via-dev-stdout" "$work/plain" || fail "-o /dev/stdout did not reach the pipe"
tfm report -o /dev/null 2>/dev/null || fail "-o /dev/null failed"
[ -c /dev/null ] || fail "/dev/null is no longer a device"
# /dev/stdout redirected to a file writes into that file (not replacing it behind the shell).
tfm report -o /dev/stdout >"$work/redirected" 2>/dev/null
cmp -s "$work/redirected" "$work/plain" || fail "-o /dev/stdout > file differs"

# A directory and a read-only file are refused and left as they were.
mkdir "$work/folder"
tfm report -o "$work/folder" 2>"$work/err"; st=$?
[ $st = 1 ] || fail "-o a directory: exit $st, expected 1"
grep -q "is a directory" "$work/err" || fail "-o a directory: $(cat "$work/err")"
echo keep >"$work/ro.txt"; chmod 444 "$work/ro.txt"
tfm report -o "$work/ro.txt" 2>"$work/err"; st=$?
[ $st = 1 ] || fail "-o a read-only file: exit $st, expected 1"
[ "$(cat "$work/ro.txt")" = keep ] || fail "a read-only file was replaced"

# A usage error leaves the target untouched.
echo keep >"$work/untouched.txt"
tfm report --year nonsense -o "$work/untouched.txt" 2>/dev/null; st=$?
[ $st = 2 ] || fail "usage error: exit $st, expected 2"
[ "$(cat "$work/untouched.txt")" = keep ] || fail "a usage error replaced the -o file"

[ $failed = 0 ] && echo "-o: files, pipes, devices, modes, owners and colour as promised"
exit $failed
