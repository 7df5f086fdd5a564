#!/usr/bin/env bash
# Regenerates tests/html/register.png, the README's picture of a printed register: the example
# hub's Kirklees Development A (kirk-dev-2025a) as of 2026-11-26, printed by headless Chromium
# (Debian's `chromium`) to PDF as on paper, then the page rendered to PNG by Chromium's own
# screenshot of the HTML about A4 landscape in proportion. Run it after a build:
#   tests/html/register_picture.sh [path/to/tfm]   (default: build/tfm)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-$root/build/tfm}
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium is not installed (apt-get install chromium)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
(cd "$root" && "$bin" -C examples --as-of 2026-11-26 register kirk-dev-2025a --format html -o "$work/register.html")
(cd "$work" && "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$work/profile" \
  --window-size=1123,860 --screenshot="$work/register.png" "file://$work/register.html" >/dev/null 2>&1)
cp "$work/register.png" "$here/register.png"
echo "wrote $here/register.png"
