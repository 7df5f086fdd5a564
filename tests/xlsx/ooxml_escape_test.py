#!/usr/bin/env python3
"""Text shaped like an OOXML escape (`_x0041_`) reads back from --format xlsx as written.
Excel decodes every `_xHHHH_` in a cell's text, so tfm writes the `_` of such text as
`_x005F_`. The shared strings are decoded as Excel does, with openpyxl's own decoder
(openpyxl.utils.escape.unescape; openpyxl's workbook reader only strips `x005F_`, which
cannot tell a literal `_x005F_`). usage: ooxml_escape_test.py TFM TREE"""
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml
from openpyxl.utils.escape import unescape

tfm, tree = sys.argv[1], sys.argv[2]
with open(Path(tree) / "schools.yaml", encoding="utf-8") as f:
    names = [s["name"] for s in yaml.safe_load(f)["schools"] if "_x" in s["name"] or "_X" in s["name"]]
assert names, "the tree has no name shaped like an escape"
with tempfile.TemporaryDirectory() as work:
    book = Path(work) / "gaps.xlsx"
    subprocess.run([tfm, "-C", tree, "--as-of", "2022-06-01", "--format", "xlsx", "-o", str(book), "gaps"],
                   check=True)
    xml = zipfile.ZipFile(book).read("xl/sharedStrings.xml").decode("utf-8")
strings = [unescape(re.sub(r"<[^>]+>", "", s)) for s in re.findall(r"<si>(.*?)</si>", xml, re.S)]
missing = [n for n in names if n not in strings]
if missing:
    print("not read back as written:", missing)
    print("shared strings:", [s for s in strings if "_" in s])
    sys.exit(1)
print(f"{len(names)} escape-shaped names read back as written")
