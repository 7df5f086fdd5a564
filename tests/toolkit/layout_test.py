#!/usr/bin/env python3
"""The layout of issue #12, checked on every run: the pipeline stays visible in the tree.

- at most two files directly in src/ and in include/tfm/;
- every source file lives in one of the stage folders (base yaml model load rules analysis
  render edit cli) and includes only headers of its own stage or an earlier one;
- no source or header file over 600 lines;
- no function over 150 lines (function extents from universal-ctags).

Usage: layout_test.py PROJECT_ROOT. Prints each violation as FILE:LINE: message; exit 1 if any.
A self-test (--self-test) feeds the checks small bad inputs so the test itself can fail.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

STAGES = ["base", "yaml", "model", "load", "rules", "analysis", "render", "edit", "cli"]
MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 150
SOURCE_SUFFIXES = (".cpp", ".h", ".hpp")
INCLUDE = re.compile(r'^\s*#\s*include\s+"tfm/([a-z_]+)/[^"]+"')


def stage_of(rel):
    """The stage folder of a path relative to the project root, or None."""
    parts = rel.split("/")
    if parts[0] == "src" and len(parts) > 2:
        return parts[1]
    if parts[:2] == ["include", "tfm"] and len(parts) > 3:
        return parts[2]
    return None


def source_files(root):
    out = []
    for top in ("src", "include"):
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            for n in sorted(names):
                if n.endswith(SOURCE_SUFFIXES):
                    out.append(os.path.relpath(os.path.join(dirpath, n), root))
    return sorted(out)


def check_top_level(root, problems):
    for folder in ("src", "include/tfm"):
        path = os.path.join(root, folder)
        files = [n for n in os.listdir(path) if os.path.isfile(os.path.join(path, n))]
        if len(files) > 2:
            problems.append(f"{folder}/: {len(files)} files directly in it (at most 2): "
                            + ", ".join(sorted(files)))


def check_file(root, rel, problems):
    stage = stage_of(rel)
    if stage not in STAGES:
        problems.append(f"{rel}:1: not in a stage folder ({' '.join(STAGES)})")
        return
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) > MAX_FILE_LINES:
        problems.append(f"{rel}:1: {len(lines)} lines (at most {MAX_FILE_LINES})")
    for number, line in enumerate(lines, 1):
        m = INCLUDE.match(line)
        if not m:
            continue
        target = m.group(1)
        if target not in STAGES:
            problems.append(f"{rel}:{number}: includes tfm/{target}/, not a stage folder")
        elif STAGES.index(target) > STAGES.index(stage):
            problems.append(f"{rel}:{number}: {stage}/ includes the later stage {target}/")


def check_functions(root, files, problems):
    ctags = shutil.which("ctags")
    if ctags is None:
        problems.append("universal-ctags is not installed (Debian package universal-ctags)")
        return
    out = subprocess.run([ctags, "--output-format=json", "--fields=+ne", "--c++-kinds=f",
                          "--language-force=C++", "-o", "-"] + files,
                         cwd=root, capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        tag = json.loads(line)
        if tag.get("_type") != "tag" or "end" not in tag:
            continue
        length = tag["end"] - tag["line"] + 1
        if length > MAX_FUNCTION_LINES:
            name = tag["name"]
            if name.startswith("__anon"):
                name = "a lambda in " + tag.get("scope", "?")
            problems.append(f"{tag['path']}:{tag['line']}: function {name} is {length} lines "
                            f"(at most {MAX_FUNCTION_LINES})")


def check(root):
    problems = []
    check_top_level(root, problems)
    files = source_files(root)
    for rel in files:
        check_file(root, rel, problems)
    check_functions(root, files, problems)
    return problems


def self_test():
    """Each check must catch a bad tree, or this test could never fail."""
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(f"{d}/src/load")
        os.makedirs(f"{d}/include/tfm/load")
        with open(f"{d}/src/load/a.cpp", "w") as f:
            f.write('#include "tfm/rules/rules.h"\nvoid f() {\n' + "  int x;\n" * 200 + "}\n"
                    + "// filler\n" * 500)
        for n in ("x.cpp", "y.cpp", "z.cpp"):
            open(f"{d}/src/{n}", "w").close()
        problems = "\n".join(check(d))
    expected = ["src/: 3 files", "load/ includes the later stage rules/", "function f is 202 lines",
                "a.cpp:1: 703 lines", "src/x.cpp:1: not in a stage folder"]
    missing = [e for e in expected if e not in problems]
    if missing:
        print("layout self-test: not caught: " + "; ".join(missing))
        print(problems)
        return 1
    return 0


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    if self_test():
        return 1
    problems = check(sys.argv[1])
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} layout problem(s)")
        return 1
    print("layout: every file in a stage folder, includes point down, sizes within limits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
