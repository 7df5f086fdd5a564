#!/usr/bin/env bash
# Regenerates tests/html/report.png, the README's picture of the HTML report: the example hub
# as of 2026-11-26, rendered by headless Chromium (Debian's `chromium`) at 1200 pixels wide,
# the top of the page (headline figures, stages and reach). Run it from anywhere after a build:
#   tests/html/screenshot.sh [path/to/tfm]   (default: build/tfm)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-$root/build/tfm}
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium is not installed (apt-get install chromium)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
# From the project's root, so the page names the tree as `examples`, as a coordinator would see.
(cd "$root" && "$bin" -C examples --as-of 2026-11-26 report --format html -o "$work/report.html")
(cd "$work" && "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$work/profile" \
  --window-size=1200,2280 --screenshot="$work/report.png" "file://$work/report.html" >/dev/null 2>&1)
cp "$work/report.png" "$here/report.png"
echo "wrote $here/report.png"
