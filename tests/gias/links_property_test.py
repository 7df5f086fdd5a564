#!/usr/bin/env python3
"""Property: `tfm import gias --links --write` on random trees and random links extracts.

Each round writes a records tree whose schools name predecessors in every style tfm reads
(none, a URN, a flow list, a block list; schools as block or flow mappings; LF or CRLF) and a
links extract in GIAS's layout (Windows-1252, CRLF or LF, a BOM or not, extra columns in any
order, Predecessor and Successor rows, self links, links that close loops, URNs the records
lack). Then:
  - the run exits 0 and `tfm check` finds no error (no ref/predecessor loop);
  - every school's predecessors, read back with PyYAML, are exactly what the links say when
    taken in file order, a link that would loop refused (computed here, independently);
  - every other value of the tree is unchanged;
  - a second run changes nothing and says "nothing to change".
Usage: links_property_test.py TFM [ROUNDS]"""
import os
import random
import shutil
import subprocess
import sys
import tempfile

import yaml

TFM = os.path.abspath(sys.argv[1])
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 60
NAMES = ["St Mary\u2019s", "Bront\u00eb", "Hill Top", "Moor End", "Calder", "Ash Grove", "Holy Trinity"]
PRED_TYPES = ["Predecessor", "Predecessor - amalgamated", "Predecessor - Split School", "Predecessor - merged"]
SUCC_TYPES = ["Successor", "Successor - amalgamated", "Successor - merged", "Successor - Split School"]
OTHER_TYPES = ["Sixth Form Centre Link", "Other"]


def run(args, cwd):
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC")
    env.pop("TFM_DATA", None)
    return subprocess.run([TFM] + args, cwd=cwd, capture_output=True, text=True, env=env)


def reachable(preds, start, target):
    seen, todo = {start}, [start]
    while todo:
        at = todo.pop()
        if at == target:
            return True
        for p in preds.get(at, []):
            if p not in seen:
                seen.add(p)
                todo.append(p)
    return False


def school_yaml(rng, urn, name, preds, flow):
    if flow:
        fields = f"urn: {urn}, name: {name}, phase: primary, area: Calderdale"
        if len(preds) == 1 and rng.random() < 0.5:
            fields += f", predecessor: {preds[0]}"
        elif preds:
            fields += ", predecessor: [" + ", ".join(map(str, preds)) + "]"
        return [f"  - {{{fields}}}"]
    lines = [f"  - urn: {urn}", f"    name: {name}", "    phase: primary"]
    if rng.random() < 0.3:
        lines.append("    # kept by hand")
    lines.append("    area: Calderdale")
    style = rng.choice(["scalar", "flow", "block"]) if preds else None
    if style == "scalar" and len(preds) == 1:
        lines.append(f"    predecessor: {preds[0]}" + ("   # converted" if rng.random() < 0.5 else ""))
    elif style == "block":
        lines.append("    predecessor:")
        lines += [f"      - {p}" for p in preds]
    elif preds:
        lines.append("    predecessor: [" + ", ".join(map(str, preds)) + "]")
    if rng.random() < 0.3:
        lines.append("")
    return lines


def one_round(rng, work):
    n = rng.randint(2, 9)
    urns = [100000 + 7 * i + rng.randint(1, 6) for i in range(n)]
    preds = {u: [] for u in urns}
    # Existing predecessors: only to schools earlier in the list, so the tree has no loop.
    for i, u in enumerate(urns):
        for j in range(i):
            if rng.random() < 0.2:
                preds[u].append(urns[j])
        if rng.random() < 0.15:
            preds[u].append(900000 + i)  # a predecessor with no record
    tree = os.path.join(work, "records")
    os.makedirs(os.path.join(tree, "schools"))
    with open(os.path.join(tree, "hub.yaml"), "w") as f:
        f.write("hub:\n  name: Test Hub\n  areas: [Calderdale]\n")
    files = {"a.yaml": [], "b.yaml": []}
    for u in urns:
        files[rng.choice(list(files))].append(u)
    names = {u: f"{rng.choice(NAMES)} {u}" for u in urns}
    for fname, members in files.items():
        lines = ["# schools", "schools:"] if members else ["schools: []"]
        for u in members:
            lines += school_yaml(rng, u, names[u], preds[u], rng.random() < 0.25)
        nl = "\r\n" if rng.random() < 0.4 else "\n"
        with open(os.path.join(tree, "schools", fname), "w", newline="") as f:
            f.write(nl.join(lines) + nl)
    before = load_schools(tree)

    # The extract: links among known schools, unknown URNs and themselves.
    pool = urns + [800000 + i for i in range(3)]
    rows, expected = [], {u: list(preds[u]) for u in urns}
    for _ in range(rng.randint(1, 12)):
        succ, pred = rng.choice(pool), rng.choice(pool)
        kind = rng.random()
        if kind < 0.45:
            rows.append((succ, pred, rng.choice(PRED_TYPES)))
        elif kind < 0.9:
            rows.append((pred, succ, rng.choice(SUCC_TYPES)))
        else:
            rows.append((succ, pred, rng.choice(OTHER_TYPES)))
            continue
        if succ not in expected or pred in expected[succ]:
            continue
        if succ == pred or reachable(expected, pred, succ):
            continue  # refused: it would loop
        expected[succ].append(pred)
    header = ["URN", "LinkURN", "LinkName", "LinkType", "LinkEstablishedDate", "LinkReason"]
    order = header[:]
    rng.shuffle(order)
    out = [",".join(order)]
    for urn, link, typ in rows:
        values = {"URN": str(urn), "LinkURN": str(link), "LinkName": f"\"{rng.choice(NAMES)}, Old\"",
                  "LinkType": typ, "LinkEstablishedDate": "01-09-2021", "LinkReason": ""}
        out.append(",".join(values[c] for c in order))
    nl = "\r\n" if rng.random() < 0.7 else "\n"
    data = (nl.join(out) + nl).encode("cp1252")
    if rng.random() < 0.2:
        data = "\ufeff".encode("utf-8") + (nl.join(out) + nl).encode("utf-8")
    with open(os.path.join(work, "links.csv"), "wb") as f:
        f.write(data)

    r = run(["import", "gias", "--links", "links.csv", "--write", "records"], work)
    assert r.returncode == 0, (r.stdout, r.stderr)
    c = run(["-C", "records", "check", "-q"], work)
    assert c.returncode == 0, (c.stdout, c.stderr, r.stdout)
    after = load_schools(tree)
    for u in urns:
        got = after[u].pop("predecessor", None)
        got = [] if got is None else got if isinstance(got, list) else [got]
        assert got == expected[u], (u, got, expected[u], r.stdout, r.stderr)
        before[u].pop("predecessor", None)
        assert after[u] == before[u], (u, after[u], before[u])
    snapshot = {p: open(os.path.join(tree, "schools", p), "rb").read() for p in files}
    again = run(["import", "gias", "--links", "links.csv", "--write", "records"], work)
    assert again.returncode == 0 and again.stdout.startswith("nothing to change"), (again.stdout, again.stderr)
    for p, data in snapshot.items():
        assert open(os.path.join(tree, "schools", p), "rb").read() == data, p


def load_schools(tree):
    out = {}
    for fname in sorted(os.listdir(os.path.join(tree, "schools"))):
        with open(os.path.join(tree, "schools", fname), encoding="utf-8") as f:
            for s in yaml.safe_load(f)["schools"] or []:
                out[s["urn"]] = s
    return out


def main():
    rng = random.Random(20)
    for i in range(ROUNDS):
        work = tempfile.mkdtemp()
        try:
            one_round(rng, work)
        except AssertionError as e:
            print(f"round {i}: {e}")
            print(f"kept in {work}")
            return 1
        shutil.rmtree(work)
    print(f"{ROUNDS} rounds: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
