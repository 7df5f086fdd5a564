#!/usr/bin/python3
"""The HTML report in a real browser (headless Chromium), standard library only.

1. A canary page with a script error and an external image proves that this Chromium's
   console log and network log are read correctly (so the checks below cannot pass vacuously).
2. The report for the example hub is screenshotted at 1200x4000 with console logging and a
   network log: no console message at all (the page has no scripts), no request that the page
   made, and a PNG that is not blank and shows the palette's colours.
3. Its DOM as the browser parsed it (--dump-dom): every chart is an SVG with its title and
   desc, carrying the numbers of `tfm report --format json`.
4. A copy with a test-only probe script measures the laid-out page at two widths: no horizontal
   overflow, every chart drawn with a size, no two labels of a chart overlapping, no label
   outside its chart.

Usage: browser_check.py TFM EXAMPLES_DIR CHROMIUM
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from png_colours import read_png  # noqa: E402

TFM, EXAMPLES = (os.path.abspath(a) for a in sys.argv[1:3])
CHROMIUM = sys.argv[3]
AS_OF = "2026-11-26"
failures = []
work = tempfile.mkdtemp(prefix="tfm-browser-")


def fail(message):
    failures.append(message)


def chromium(url, *flags, log=None, netlog=None, width=1200, height=4000):
    """Runs headless Chromium on url; returns (stdout, console lines, page requests)."""
    profile = tempfile.mkdtemp(dir=work)
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--hide-scrollbars", f"--user-data-dir={profile}",
            f"--window-size={width},{height}", "--enable-logging=stderr", "--v=0",
            # Nothing can be fetched from the network even if the page asked.
            "--host-resolver-rules=MAP * ~NOTFOUND"]
    if netlog:
        args.append(f"--log-net-log={netlog}")
    args += list(flags) + [url]
    p = subprocess.run(args, capture_output=True, text=True, timeout=90, cwd=work)
    if p.returncode != 0:
        fail(f"chromium exited {p.returncode} for {url}: {p.stderr[-2000:]}")
    console = [line for line in p.stderr.splitlines()
               if ":CONSOLE" in line or "Uncaught" in line or "ERROR:CONSOLE" in line]
    requests = []
    if netlog and os.path.exists(netlog):
        requests = page_requests(netlog)
    return p.stdout, console, requests


def page_requests(path):
    """URLs the page asked for: requests whose network isolation key is the file:// page.
    (Chromium's own background requests have another key and are not the page's doing.)"""
    try:
        log = json.load(open(path, encoding="utf-8", errors="replace"))
    except json.JSONDecodeError:
        # The log is still being finished when Chromium exits quickly; close it.
        text = open(path, encoding="utf-8", errors="replace").read().rstrip().rstrip(",")
        log = json.loads(text + "]}")
    kinds = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    out = []
    for e in log.get("events", []):
        p = e.get("params") or {}
        if kinds.get(e.get("type")) == "URL_REQUEST_START_JOB" and "url" in p:
            key = p.get("network_isolation_key", "") + p.get("site_for_cookies", "")
            if "file://" in key:
                out.append(p["url"])
    return out


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.svgs = {}      # data-chart -> {"title", "desc", "text"}
        self.current = None
        self.part = None
        self.depth = 0
        self.probe = None
        self._in_probe = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg" and "data-chart" in a:
            self.current = {"title": "", "desc": "", "text": ""}
            self.svgs[a["data-chart"]] = self.current
            self.depth = 0
        elif self.current is not None:
            self.depth += 1
            if tag in ("title", "desc") and self.depth == 1:
                self.part = tag
        if tag == "pre" and a.get("id") == "tfm-layout":
            self._in_probe = True
            self.probe = ""

    def handle_endtag(self, tag):
        if tag == "svg" and self.current is not None:
            self.current = None
        elif self.current is not None:
            self.depth -= 1
            if tag in ("title", "desc"):
                self.part = None
        if tag == "pre":
            self._in_probe = False

    def handle_data(self, data):
        if self.current is not None:
            self.current[self.part or "text"] += data + ("\n" if not self.part else "")
        if self._in_probe:
            self.probe += data


def run_tfm(*args):
    p = subprocess.run([TFM, "-C", EXAMPLES, "--as-of", AS_OF] + list(args), capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"tfm {' '.join(args)}: exit {p.returncode}: {p.stderr}")
    return p.stdout


try:
    # 1. The canary: the detectors must see a script error and an external request.
    canary = os.path.join(work, "canary.html")
    with open(canary, "w") as f:
        f.write('<!DOCTYPE html><html><body><p>canary</p><img src="http://tfm-canary.invalid/a.png">'
                '<script>tfmUndefinedFunction();</script></body></html>')
    _, console, requests = chromium("file://" + canary, "--dump-dom", netlog=os.path.join(work, "canary.json"))
    if not any("tfmUndefinedFunction" in line for line in console):
        fail("the canary's script error was not seen in Chromium's log; the console check would be blind")
    if not any("tfm-canary.invalid" in url for url in requests):
        fail("the canary's external image was not seen in the network log; the request check would be blind")

    # 2. The report: screenshot, console and network.
    page = os.path.join(work, "report.html")
    run_tfm("report", "--format", "html", "-o", page)
    shot = os.path.join(work, "report.png")
    _, console, requests = chromium("file://" + page, f"--screenshot={shot}", netlog=os.path.join(work, "net.json"))
    for line in console:
        fail(f"console: {line}")
    for url in requests:
        fail(f"the page requested {url}")
    if not os.path.exists(shot):
        fail("no screenshot was written")
    else:
        width, height, channels, rows = read_png(shot)
        if (width, height) != (1200, 4000):
            fail(f"the screenshot is {width}x{height}, not 1200x4000")
        counts = {}
        for row in rows:
            for i in range(0, len(row), channels):
                px = row[i:i + 3]
                counts[px] = counts.get(px, 0) + 1
        if len(counts) < 100:
            fail(f"the screenshot has only {len(counts)} colours: blank or unstyled")
        background = max(counts.values()) / (width * height)
        if background > 0.9:
            fail(f"{background:.0%} of the screenshot is one colour")
        palette = {"blue": (0x00, 0x72, 0xB2), "orange": (0xE6, 0x9F, 0x00), "bluish green": (0x00, 0x9E, 0x73),
                   "reddish purple": (0xCC, 0x79, 0xA7), "vermillion": (0xD5, 0x5E, 0x00)}
        for name, rgb in palette.items():
            if counts.get(bytes(rgb), 0) < 200:
                fail(f"the screenshot has {counts.get(bytes(rgb), 0)} pixels of the palette's {name}: a chart did not draw")

    # 3. The DOM as parsed: every chart with its numbers.
    dom_text, console, _ = chromium("file://" + page, "--dump-dom")
    with open(os.path.join(work, "dom.html"), "w", encoding="utf-8") as f:
        f.write(dom_text)
    for line in console:
        fail(f"console (dump-dom): {line}")
    dom = Dom()
    dom.feed(dom_text)
    report = json.loads(run_tfm("report", "--format", "json"))
    gaps = json.loads(run_tfm("gaps", "--format", "json"))

    def chart_has(chart, numbers, what):
        svg = dom.svgs.get(chart)
        if svg is None:
            fail(f"chart {chart} is missing from the DOM")
            return
        if not svg["title"].strip() or not svg["desc"].strip():
            fail(f"chart {chart} has no title or desc in the DOM")
        labels = set(svg["text"].split("\n"))
        for n in numbers:
            if str(n) not in labels:
                fail(f"chart {chart}: {what} {n} is not drawn")

    stages = report["stages"]
    chart_has("chart-stages", [sum(r[s] for s in ("readiness", "development", "embedding", "sustaining"))
                               for r in stages], "the year total")
    chart_has("chart-stages", [r["year"] for r in stages], "the year")
    chart_has("chart-reach", [r["schools"] for r in report["reach"]] + [r["leads"] for r in report["reach"]], "the value")
    chart_has("chart-patterns", [], "")
    patterns = dom.svgs.get("chart-patterns", {}).get("text", "")
    total = sum(r["schools"] for r in report["patterns"])
    for r in report["patterns"]:
        if f"{r['schools']} (" not in patterns:
            fail(f"chart-patterns: the count {r['schools']} of {r['pattern']} is not drawn")
    chart_has("chart-cohorts", [r["cohort_name"] for r in report["cohorts"]], "the Work Group")
    chart_has("chart-cohorts", [f"{round(r['attendance'])}%" for r in report["cohorts"] if r["attendance"] is not None],
              "the attendance")
    chart_has("chart-gaps", [len(v) for v in gaps.values()], "the count")
    coverage = [r for r in report["summary"] if r["measure"] == "coverage"]
    chart_has("chart-coverage", [], "")
    cov_text = dom.svgs.get("chart-coverage", {}).get("text", "")
    for r in coverage:
        if f"({r['schools']} of {r['population']})" not in cov_text:
            fail(f"chart-coverage: {r['of']} {r['schools']} of {r['population']} is not drawn")
    for dim in sorted({r["dimension"] for r in report["characteristics"]}):
        chart = f"chart-characteristics-{dim}"
        text = dom.svgs.get(chart, {}).get("text", "")
        if not text:
            fail(f"chart {chart} is missing")
        for r in report["characteristics"]:
            if r["dimension"] == dim and f"{r['schools']} (" not in text:
                fail(f"{chart}: {r['value']} {r['schools']} is not drawn")

    # 4. Layout, measured by a test-only probe in a copy of the page.
    probe_js = r"""
<script>
(function () {
  var out = {overflow: document.documentElement.scrollWidth - window.innerWidth, charts: [], overlaps: [], outside: []};
  function meet(a, b) { return a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1; }
  document.querySelectorAll('svg.chart').forEach(function (svg) {
    var box = svg.getBoundingClientRect(), id = svg.getAttribute('data-chart');
    out.charts.push({id: id, width: box.width, height: box.height});
    var texts = Array.prototype.map.call(svg.querySelectorAll('text'), function (t) {
      return {text: t.textContent, box: t.getBoundingClientRect()};
    });
    texts.forEach(function (t, i) {
      var b = t.box;
      if (b.left < box.left - 1 || b.right > box.right + 1 || b.top < box.top - 1 || b.bottom > box.bottom + 1)
        out.outside.push(id + ': "' + t.text + '"');
      for (var j = i + 1; j < texts.length; ++j)
        if (meet(b, texts[j].box)) out.overlaps.push(id + ': "' + t.text + '" and "' + texts[j].text + '"');
    });
  });
  var pre = document.createElement('pre');
  pre.id = 'tfm-layout';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""
    def layout(page, what):
        probed = os.path.join(work, "probed.html")
        with open(page, encoding="utf-8") as f:
            text = f.read()
        with open(probed, "w", encoding="utf-8") as f:
            f.write(text.replace("</body>", probe_js + "</body>"))
        for width in (1200, 760):
            dom_text, console, _ = chromium("file://" + probed, "--dump-dom", width=width, height=3000)
            for line in console:
                fail(f"{what}: console (probe, {width}px): {line}")
            d = Dom()
            d.feed(dom_text)
            if not d.probe:
                fail(f"{what}: the layout probe did not run at {width}px")
                continue
            result = json.loads(d.probe)
            if result["overflow"] > 0:
                fail(f"{what}: at {width}px the page is {result['overflow']}px wider than the window")
            for c in result["charts"]:
                if c["width"] < 100 or c["height"] < 40:
                    fail(f"{what}: at {width}px chart {c['id']} is drawn {c['width']:.0f}x{c['height']:.0f}")
            for o in result["overlaps"]:
                fail(f"{what}: at {width}px overlapping labels in {o}")
            for o in result["outside"]:
                fail(f"{what}: at {width}px a label outside its chart: {o}")

    layout(page, "one hub")

    # 5. The national view: five generated hubs (tests/bench/generate.py), the page named
    # "5 Maths Hubs", each hub's coverage drawn against its own target, laid out cleanly.
    forest = os.path.join(work, "forest")
    subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench",
                    "generate.py"), forest, "--hubs", "5", "--scale", "1", "--seed", "3", "--jobs", "1"],
                   check=True, capture_output=True)
    dash_c = [a for h in sorted(os.listdir(forest)) if h.startswith("hub-") for a in ("-C", os.path.join(forest, h))]
    national = os.path.join(work, "national.html")
    nat_args = [TFM] + dash_c + ["--as-of", AS_OF]
    subprocess.run(nat_args + ["report", "--format", "html", "-o", national], check=True, capture_output=True)
    hubs_json = json.loads(subprocess.run(nat_args + ["report", "--section", "hubs", "--format", "json"],
                                          check=True, capture_output=True, text=True).stdout)["hubs"]
    nshot = os.path.join(work, "national.png")
    _, console, requests = chromium("file://" + national, f"--screenshot={nshot}", netlog=os.path.join(work, "nnet.json"))
    for line in console:
        fail(f"national: console: {line}")
    for url in requests:
        fail(f"national: the page requested {url}")
    dom_text, _, _ = chromium("file://" + national, "--dump-dom")
    nd = Dom()
    nd.feed(dom_text)
    if "<h1>5 Maths Hubs</h1>" not in dom_text:
        fail("national: the title is not \"5 Maths Hubs\"")
    for r in hubs_json:
        chart = nd.svgs.get(f"chart-hubs-{r['phase']}")
        if chart is None:
            fail(f"national: no chart of {r['phase']} coverage by hub")
            continue
        labels = set(chart["text"].split("\n"))
        if r["hub"] not in labels:
            fail(f"national: {r['hub']} is not drawn in the {r['phase']} chart")
        if r["percent"] is not None:
            want = f"{r['percent']:.1f}%" + (f" \u00b7 target {r['target']:g}%" if r["target"] is not None else "")
            if not any(label.startswith(want) for label in labels):
                fail(f"national: {r['hub']} {r['phase']}: {want} is not drawn")
    layout(national, "national")
finally:
    if os.environ.get("TFM_KEEP_BROWSER_OUTPUT"):
        print(f"output kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("HTML report in Chromium: no console messages, no requests, charts drawn with the JSON "
      "report's numbers, no overlapping labels, screenshot not blank")
