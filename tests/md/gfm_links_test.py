#!/usr/bin/env python3
"""--format md rendered by cmark-gfm with GitHub's extensions (autolink, table): no untrusted
name becomes a link, and each name shows exactly as written. Usage: gfm_links_test.py TFM TREE"""
import html.parser
import subprocess
import sys

import yaml

tfm, tree = sys.argv[1], sys.argv[2]
md = subprocess.run([tfm, "-C", tree, "--as-of", "2024-01-01", "--format", "md", "gaps", "--all"],
                    check=True, capture_output=True, text=True).stdout
page = subprocess.run(["cmark-gfm", "-e", "autolink", "-e", "table", "--unsafe"], input=md,
                      check=True, capture_output=True, text=True).stdout


class Cells(html.parser.HTMLParser):
    """The text of each table cell (comments are not text) and every link."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.cells, self.links, self.cell = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag == "td":
            self.cell = ""
        elif tag == "a":
            self.links.append(dict(attrs).get("href"))
        elif self.cell is not None:
            self.cell += f"<{tag}>"  # any element inside a cell is markup that got through

    def handle_endtag(self, tag):
        if tag == "td":
            self.cells.append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


cells = Cells()
cells.feed(page)
with open(f"{tree}/schools.yaml", encoding="utf-8") as f:
    names = [s["name"] for s in yaml.safe_load(f)["schools"]]
failed = False
if cells.links:
    print("live links in the rendered page:", cells.links)
    failed = True
for name in names:
    if name not in cells.cells:
        print(f"{name!r} is not shown as written; cells: {cells.cells}")
        failed = True
if failed:
    print(md)
    sys.exit(1)
print(f"{len(names)} names shown as written, no links")
