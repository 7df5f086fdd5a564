#!/usr/bin/env bash
# The HTML report in headless Chromium (Debian's `chromium` package; .ci/run installs it):
# no console messages, no network requests, every chart drawn with the JSON report's numbers,
# no overlapping labels, and a screenshot that is not blank. See browser_check.py.
# Skipped (exit 77) when Chromium is not installed.
set -u
bin=$1 examples=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium is not installed (apt-get install chromium); skipping the browser test"
  exit 77
fi
exec /usr/bin/python3 "$(dirname "$0")/browser_check.py" "$bin" "$examples" "$browser"
