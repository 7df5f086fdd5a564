#!/usr/bin/env python3
"""Property test of `tfm allocate --write` over random trees (usage: property_test.py TFM [N]).

Each tree has a hub with a random cohort_size and lead_load, schools in a few areas, leads,
earlier cohorts (previous leads, id style) and accepted offers. After `tfm allocate Y --write`:
every accepted school not already in a cohort of Y is placed exactly once or named in a
`not placed` note; every new group has one stage, one phase, a size within cohort_size and a
lead within lead_load; ids are unique; `tfm check` reports no error."""
import json, os, random, subprocess, sys, tempfile

TFM = sys.argv[1]
N = int(sys.argv[2]) if len(sys.argv) > 2 else 100
STAGES = ["readiness", "development", "embedding", "sustaining"]
AREAS = ["Alpha", "Beta Vale", "Gamma", "Delta"]


def run(args, cwd):
    return subprocess.run([TFM, "-C", cwd, "--as-of", "2026-06-01"] + args, capture_output=True, text=True)


def tree(rng, d):
    lo = rng.randint(1, 5)
    hi = rng.randint(lo, 9)
    load = rng.randint(1, 3)
    areas = AREAS[: rng.randint(1, 4)]
    with open(os.path.join(d, "hub.yaml"), "w") as f:
        f.write(f"hub:\n  name: Random Hub\n  areas: [{', '.join(areas)}]\n"
                f"  rules:\n    cohort_size: {{min: {lo}, max: {hi}}}\n    lead_load: {load}\n")
    leads = [f"lead{i}" for i in range(rng.randint(1, 6))]
    with open(os.path.join(d, "leads.yaml"), "w") as f:
        f.write("leads:\n")
        for i, l in enumerate(leads):
            role = "readiness_lead" if i == 0 and rng.random() < 0.3 else "specialist"
            f.write(f"  - {{id: {l}, name: Lead {i}, role: {role}}}\n")
    schools = []
    with open(os.path.join(d, "schools.yaml"), "w") as f:
        f.write("schools:\n")
        for i in range(rng.randint(0, 40)):
            urn = 100000 + i
            area = rng.choice(areas)
            phase = "primary" if rng.random() < 0.85 else "secondary"
            schools.append((urn, area, phase))
            f.write(f"  - {{urn: {urn}, name: School {i}, phase: {phase}, area: {area}}}\n")
    # Earlier cohorts: development in 2025/26 for some schools, by area, with weekdays.
    os.makedirs(os.path.join(d, "cohorts"))
    earlier, current = [], []
    with open(os.path.join(d, "cohorts", "earlier.yaml"), "w") as f:
        f.write("cohorts:\n")
        k = 0
        for area in areas:
            for phase in ("primary", "secondary"):
                members = [s for s in schools if s[1] == area and s[2] == phase and rng.random() < 0.5]
                if not members or not leads:
                    continue
                k += 1
                cid = f"{area[:4].lower().replace(' ', '')}-dev-2025{chr(96 + k)}"
                f.write(f"  - id: {cid}\n    stage: development\n    year: 2025/26\n    lead: {rng.choice(leads)}\n"
                        f"    phase: {phase}\n    weekday: {rng.choice(['monday', 'tuesday', 'thursday'])}\n    schools:\n")
                for s in members:
                    f.write(f"      - {{urn: {s[0]}}}\n")
                    earlier.append(s[0])
    # Some schools already in a cohort of 2026/27 (stay where they are).
    taken = [s for s in schools if s[0] in earlier and rng.random() < 0.15]
    if taken and leads:
        with open(os.path.join(d, "cohorts", "now.yaml"), "w") as f:
            f.write(f"cohort:\n  id: now-emb-2026a\n  stage: embedding\n  year: 2026/27\n  lead: {leads[-1]}\n"
                    f"  phase: primary\n  schools:\n")
            for s in taken:
                if s[2] == "primary":
                    f.write(f"    - {{urn: {s[0]}}}\n")
                    current.append(s[0])
            if not current:
                os.remove(os.path.join(d, "cohorts", "now.yaml"))
    # Some schools closed and continued by a new URN (the old one keeps its offer: a slip).
    closed = {}
    with open(os.path.join(d, "schools.yaml"), "a") as f:
        for s in list(schools):
            if s[0] not in current and rng.random() < 0.1:
                urn = s[0] + 100000
                closed[s[0]] = urn
                schools.append((urn, s[1], s[2]))
                f.write(f"  - {{urn: {urn}, name: School {urn}, phase: {s[2]}, area: {s[1]}, predecessor: {s[0]}}}\n")
    accepted, slips = {}, set()
    with open(os.path.join(d, "offers.yaml"), "w") as f:
        f.write("offers: []\n" if not schools else "offers:\n")
        for s in schools:
            if rng.random() < 0.2:
                continue
            done = s[0] in earlier or (s[0] - 100000 in earlier and s[0] - 100000 in closed)
            stage = "embedding" if done else rng.choice(["readiness", "development"])
            slip = s[0] in closed
            if rng.random() < 0.1:  # a wrong stage
                stage, slip = ("sustaining" if done else "embedding"), True
            status = rng.choice(["accepted"] * 4 + ["declined", "offered"])
            f.write(f"  - {{urn: {s[0]}, stage: {stage}, year: 2026/27, status: {status}, on: 2026-03-01}}\n")
            if status == "accepted":
                accepted[s[0]] = (stage, s[1], s[2])
                if slip:
                    slips.add(s[0])
    return lo, hi, load, accepted, set(current), (leads[-1] if leads else None), slips


def check_one(seed):
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as d:
        lo, hi, load, accepted, current, lead_now, slips = tree(rng, d)
        before = run(["check", "--format", "json"], d)
        if '"severity": "error"' in before.stdout:
            return f"seed {seed}: generated tree has errors:\n{before.stdout[:2000]}"
        proposal = run(["--format", "json", "allocate", "2026/27"], d)
        if proposal.returncode != 0:
            return f"seed {seed}: allocate exit {proposal.returncode}: {proposal.stderr}"
        data = json.loads(proposal.stdout)
        w = run(["allocate", "2026/27", "--write"], d)
        if w.returncode != 0:
            return f"seed {seed}: allocate --write exit {w.returncode}: {w.stderr}"
        placed = {}
        for g in data["allocation"]:
            urns = [int(u) for u in g["urns"]]
            if not lo <= len(urns) <= hi:
                return f"seed {seed}: group {g['id']} has {len(urns)} schools, cohort_size {lo}-{hi}"
            for u in urns:
                if u in slips:
                    return f"seed {seed}: school {u} placed although its offer is a slip (wrong stage or closed URN)"
                if u in placed:
                    return f"seed {seed}: school {u} placed twice"
                if accepted.get(u, (None,))[0] != g["stage"] or accepted[u][2] != g["phase"]:
                    return f"seed {seed}: school {u} in a group of another stage or phase ({g['id']})"
                placed[u] = g["id"]
        unplaced = {int(u["urn"]) for u in data["unplaced"]}
        for u, (stage, area, phase) in accepted.items():
            n = (u in placed) + (u in unplaced) + (u in current)
            if n != 1:
                return f"seed {seed}: accepted school {u} placed/explained/kept {n} times"
            if u in unplaced and f"tfm: note: {u} School" not in w.stderr:
                return f"seed {seed}: school {u} not explained on --write"
        # Size never leaves a school out when the stage and phase's schools together split
        # into groups within [lo, hi] (k = ceil(n / hi) groups, k * lo <= n).
        pools = {}
        for u, (stage, area, phase) in accepted.items():
            if u not in slips and u not in current:
                pools.setdefault((stage, phase), []).append(u)
        by_urn = {int(x["urn"]): x["reason"] for x in data["unplaced"]}
        for (stage, phase), urns in pools.items():
            n = len(urns)
            if n >= lo and -(-n // hi) * lo <= n:
                for u in urns:
                    if "cohort_size" in by_urn.get(u, ""):
                        return f"seed {seed}: school {u} left out for size, but {n} {stage} {phase} schools split"
        loads = {}
        if current:
            loads[lead_now] = 1
        for g in data["allocation"]:
            loads[g["lead"]] = loads.get(g["lead"], 0) + 1
        if any(n > load for n in loads.values()):
            return f"seed {seed}: a lead above lead_load {load}: {loads}"
        ids = [g["id"] for g in data["allocation"]]
        after = run(["check", "--format", "json"], d)
        if '"severity": "error"' in after.stdout:
            return f"seed {seed}: tfm check has errors after --write:\n{after.stdout[:3000]}"
        again = run(["--format", "json", "allocate", "2026/27"], d)
        if json.loads(again.stdout)["allocation"]:
            return f"seed {seed}: a second allocate still proposes groups"
        existing = []
        for name in os.listdir(os.path.join(d, "cohorts")):
            for line in open(os.path.join(d, "cohorts", name)):
                if line.strip().startswith(("- id:", "id:")):
                    existing.append(line.split("id:")[1].strip())
        if len(set(existing)) != len(existing) or not set(ids) <= set(existing):
            return f"seed {seed}: duplicate ids {ids}"
    return None


def main():
    failures = [f for f in (check_one(s) for s in range(N)) if f]
    for f in failures[:5]:
        print(f)
    print(f"{N - len(failures)} of {N} random trees hold every property")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
