#!/usr/bin/env python3
"""Property test of `tfm plan --write` (mid-year, --as-of 2021-11-24) on cohort files in
varied YAML styles.

Generates many valid cohort files (block and flow lists, planned meetings written as dates or
as mappings with times, mode and a published agenda, `- meetings:` first in an item, flow
lists continued on less-indented lines, comments everywhere, CRLF, a byte-order mark, no final
line break, anchors and aliases, several cohorts and documents per file, quoted ids, 2- and
4-space indents) and runs `tfm plan ID --write` on each. Every run must either
  - exit 0 and leave a file that PyYAML (an independent reader) reads as exactly the
    original data with the dates that `tfm plan ID` prints as added appended to the target
    cohort's `meetings` and `visits` (every planned date kept), and that `tfm check` accepts
    with no error; or
  - exit 1 with a message, the file byte-identical, and no temporary file left.
A test that refused everything would prove nothing: at least MIN_WRITTEN of the files must
be written.

Usage: property_test.py TFM [COUNT [SEED]]
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = "2021-11-24"
MIN_WRITTEN = 0.6
# Per cohort of a file (at most three): its schools, lead and already planned dates, so that
# the generated tree has no error before the plan is written.
URNS = [[107405, 107406], [107407, 107408], [107409, 107410]]
NAMES = [["Ivy North", "Jack Oates"], ["Kim Price", "Liam Quinn"]]
LEADS = ["apatel", "kdunn", "apatel"]
DATES = [["2021-10-05", "2021-11-16"], ["2021-10-06", "2021-11-17"], ["2021-10-07", "2021-11-18"]]


class Writer:
    """Builds one cohort file's text in a randomly chosen style."""

    def __init__(self, rng):
        self.rng = rng
        self.ind = rng.choice([2, 4])
        self.comments = rng.random() < 0.6
        self.shared_meetings = False
        self.dash_indented = rng.random() < 0.7  # items under `cohorts:` indented or not

    def c(self, text=" # note"):
        return text if self.comments and self.rng.random() < 0.5 else ""

    def q(self, s):
        return self.rng.choice([s, f"'{s}'", f'"{s}"'])

    def dates_flow(self, dates, pad):
        if not dates:
            return "[]"
        if self.rng.random() < 0.3 and len(dates) > 1:
            # A flow list continued on lines indented less than the key's value.
            half = len(dates) // 2
            return "[" + ", ".join(dates[:half]) + ",\n" + pad + "  " + ", ".join(dates[half:]) + "]"
        return "[" + ", ".join(dates) + "]"

    def meetings(self, pad, dates):
        """Lines for a `meetings:` entry (key at `pad`), or None to leave it out."""
        style = self.rng.choice(["absent", "empty", "flow", "block", "block-at-key", "null"])
        if style == "absent":
            return None
        if style == "empty":
            return [f"{pad}meetings: []{self.c()}"]
        if style == "null":
            return [f"{pad}meetings:{self.c()}"]
        if style == "flow" or not dates:
            return [f"{pad}meetings: {self.dates_flow(dates, pad)}{self.c()}"]
        sub = pad + (" " * self.ind if style == "block" else "")
        out = [f"{pad}meetings:{self.c()}"]
        for d in dates:
            form = self.rng.choice(["date", "date", "flow-mapping", "block-mapping"])
            if form == "flow-mapping":
                out.append(f'{sub}- {{date: {d}, mode: online, start: "14:00", end: "15:30"}}{self.c()}')
            elif form == "block-mapping":
                out.append(f"{sub}- date: {d}{self.c()}")
                out.append(f'{sub}  start: "13:00"')
                out.append(f"{sub}  venue: {self.q('Holme Wood, Bradford')}")
                out.append(f"{sub}  agenda:{self.c()}")
                out.append(f'{sub}  - {{at: "13:00", minutes: 30, item: Welcome, audience: teachers}}')
                out.append(f'{sub}  - at: "13:30"')
                out.append(f"{sub}    item: Observed lesson")
                out.append(f"{sub}    year_groups: [Y3]")
            else:
                out.append(f"{sub}- {d}{self.c()}")
            if self.comments and self.rng.random() < 0.2:
                out.append(f"{sub}# between dates")
        return out

    def visits(self, pad, visits):
        style = self.rng.choice(["absent", "flow-items", "block-items", "empty"])
        if style == "absent" or (not visits and style != "empty"):
            return None
        if style == "empty":
            return [f"{pad}visits: []"]
        sub = pad + " " * self.ind
        out = [f"{pad}visits:{self.c()}"]
        for urn, d in visits:
            if style == "flow-items":
                out.append(f"{sub}- {{urn: {urn}, date: {d}}}{self.c()}")
            else:
                out.append(f"{sub}- urn: {urn}{self.c()}")
                out.append(f"{sub}  date: {d}")
        return out

    def schools(self, pad, urns):
        sub = pad + " " * self.ind
        out = [f"{pad}schools:{self.c()}"]
        names = NAMES
        for i, urn in enumerate(urns):
            if self.comments and self.rng.random() < 0.2:
                out.append(f"{sub}# school {i + 1}")
            if self.rng.random() < 0.5:
                out.append(f"{sub}- urn: {urn}{self.c()}")
                out.append(f"{sub}  participants: [{', '.join(names[i])}]")
            else:
                out.append(f"{sub}- {{urn: {urn}, participants: [{', '.join(names[i])}]}}")
        return out

    def cohort_entries(self, pad, cid, dated, k, aliases=False):
        """The entries of cohort number k of the file, each a list of lines, in a random order.
        With `aliases`, the first cohort anchors values and later ones refer to them."""
        meet = DATES[k] if dated else []
        vis = [(URNS[k][0], DATES[k][0][:-2] + "20")] if dated and self.rng.random() < 0.5 else []
        year = "2021/22"
        if aliases:
            year = "&year 2021/22" if k == 0 else "*year"
        entries = [
            [f"{pad}id: {self.q(cid)}{self.c(' # do not change')}"],
            [f"{pad}name: {self.q('Bradford ' + cid)}"],
            [f"{pad}stage: development"],
            [f"{pad}year: {year}{self.c()}"],
            [f"{pad}lead: {LEADS[k]}"],
            [f"{pad}weekday: {'tuesday wednesday thursday'.split()[k]}"],
            self.schools(pad, URNS[k]),
        ]
        m = self.meetings(pad, meet)
        if aliases and self.shared_meetings and k < 2:
            # Two cohorts share one meetings list: changing one would change the other.
            m = [f"{pad}meetings: &dates [{', '.join(DATES[0])}]"] if k == 0 else [f"{pad}meetings: *dates"]
        if m:
            entries.append(m)
        v = self.visits(pad, vis)
        if v:
            entries.append(v)
        if self.comments and self.rng.random() < 0.5:
            entries.append([f"{pad}# a comment among the entries"])
        self.rng.shuffle(entries)
        return entries

    def list_item(self, key_pad, cid, dated, k, aliases):
        """A cohort as an item of `cohorts:`: the first entry goes on the dash line."""
        dash_pad = key_pad + (" " * self.ind if self.dash_indented else "")
        inner = dash_pad + "  "
        entries = self.cohort_entries(inner, cid, dated, k, aliases)
        # A comment cannot stand on the dash line: start with a real entry.
        while entries[0][0].lstrip().startswith("#"):
            entries.append(entries.pop(0))
        lines = []
        first = entries[0]
        lines.append(dash_pad + "- " + first[0][len(inner):])
        lines.extend(first[1:])
        for e in entries[1:]:
            lines.extend(e)
        return lines

    def file(self, ids, target):
        """The whole file, and the ids it defines."""
        docs = []
        layout = self.rng.choice(["list", "single", "documents"])
        if layout == "list":
            lines = [f"cohorts:{self.c()}"]
            aliases = len(ids) > 1 and self.rng.random() < 0.4
            self.shared_meetings = self.rng.random() < 0.4
            for k, cid in enumerate(ids):
                lines += self.list_item("", cid, self.rng.random() < 0.5, k, aliases)
                if self.comments and self.rng.random() < 0.3:
                    lines.append("# between cohorts")
            docs.append(lines)
        else:
            for k, cid in enumerate(ids):
                lines = [f"cohort:{self.c()}"]
                for e in self.cohort_entries(" " * self.ind, cid, self.rng.random() < 0.5, k):
                    lines += e
                docs.append(lines)
                if layout == "single":
                    break
        text = ""
        for i, lines in enumerate(docs):
            if i or self.rng.random() < 0.2:
                text += "---\n"
            if self.comments and self.rng.random() < 0.5:
                text += "# Work Groups, kept by hand\n"
            text += "\n".join(lines) + "\n"
        if self.comments and self.rng.random() < 0.5:
            text += "# end\n"
        if self.rng.random() < 0.2:
            text = text.rstrip("\n")
        if self.rng.random() < 0.25:
            text = text.replace("\n", "\r\n")
        data = text.encode()
        if self.rng.random() < 0.2:
            data = b"\xef\xbb\xbf" + data
        return data


def run(tfm, tree, *args):
    return subprocess.run([tfm, "-C", tree, "--as-of", AS_OF, *args], capture_output=True,
                          env={**os.environ, "NO_COLOR": "1", "LC_ALL": "C.UTF-8"})


def load_all(data):
    return list(yaml.safe_load_all(data.decode("utf-8-sig")))


def find_cohort(docs, cid):
    for d in docs:
        if not isinstance(d, dict):
            continue
        if isinstance(d.get("cohort"), dict) and d["cohort"].get("id") == cid:
            return d["cohort"]
        for c in d.get("cohorts") or []:
            if isinstance(c, dict) and c.get("id") == cid:
                return c
    return None


def main():
    tfm = os.path.abspath(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20261130
    rng = random.Random(seed)
    work = tempfile.mkdtemp()
    failures, written, refused = [], 0, 0
    try:
        for n in range(count):
            tree = os.path.join(work, f"t{n}")
            shutil.copytree(os.path.join(HERE, "base"), tree)
            ids = [f"brad-dev-2021{chr(ord('b') + i)}" for i in range(rng.choice([1, 1, 2, 3]))]
            target = rng.choice(ids)
            data = Writer(rng).file(ids, target)
            path = os.path.join(tree, "cohorts", "generated.yaml")
            with open(path, "wb") as f:
                f.write(data)
            try:
                before = load_all(data)
            except yaml.YAMLError as e:
                failures.append((n, f"generator made invalid YAML: {e}", data))
                continue
            if find_cohort(before, target) is None:
                continue  # `single` layout kept only the first cohort
            pre = run(tfm, tree, "check", "-q")
            if pre.returncode != 0:
                failures.append((n, "generated tree fails tfm check: " + pre.stderr.decode(), data))
                continue
            shown = run(tfm, tree, "plan", target)
            plan = yaml.safe_load(shown.stdout.decode())
            res = run(tfm, tree, "plan", target, "--write")
            with open(path, "rb") as f:
                after = f.read()
            leftovers = [x for x in os.listdir(os.path.dirname(path)) if ".tfm-" in x]
            if leftovers:
                failures.append((n, f"temporary files left: {leftovers}", data))
            if res.returncode != 0:
                refused += 1
                if os.environ.get("SHOW_REFUSED"):
                    print("refused:", res.stderr.decode().strip())
                if after != data:
                    failures.append((n, "refused but the file changed", data))
                if not res.stderr:
                    failures.append((n, "refused without a message", data))
                continue
            written += 1
            try:
                got = load_all(after)
            except yaml.YAMLError as e:
                failures.append((n, f"written file does not parse: {e}", data + b"\n=====\n" + after))
                continue
            expected = before
            c = find_cohort(expected, target)
            for key in ("meetings", "visits"):
                if plan and plan.get(key):
                    c[key] = (c.get(key) or []) + plan[key]
            if got != expected:
                failures.append((n, "written file does not hold the intended data",
                                 data + b"\n=====\n" + after))
                continue
            post = run(tfm, tree, "check", "-q")
            if post.returncode != 0:
                failures.append((n, "tfm check fails after writing: " + post.stderr.decode(), after))
            shutil.rmtree(tree)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for n, why, data in failures[:5]:
        print(f"--- case {n}: {why}\n{data.decode('utf-8', 'replace')}")
    total = written + refused
    print(f"plan --write property: {total} files, {written} written, {refused} refused, "
          f"{len(failures)} failures")
    if failures:
        return 1
    if total == 0 or written < MIN_WRITTEN * total:
        print(f"too few written (at least {MIN_WRITTEN:.0%} must be)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
