#!/usr/bin/env bash
# cmake --install puts the binary and the man page where `man tfm` finds them.
set -u
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null || { echo "cmake --install failed"; exit 1; }
[ -x "$prefix/bin/tfm" ] || { echo "no bin/tfm under the prefix"; exit 1; }
[ -f "$prefix/share/man/man1/tfm.1" ] || { echo "no share/man/man1/tfm.1 under the prefix"; exit 1; }
"$prefix/bin/tfm" --version | grep -q '^tfm ' || { echo "the installed tfm does not run"; exit 1; }
MANPATH="$prefix/share/man" man -w tfm | grep -q "$prefix" || { echo "man does not find the page"; exit 1; }
echo "installed bin/tfm and share/man/man1/tfm.1"
