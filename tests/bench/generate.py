#!/usr/bin/env python3
"""Writes a realistic national forest of Maths Hub records trees for the benchmark.

    generate.py OUT_DIR --scale S [--hubs 40] [--seed N] [--jobs J] [--text normal|low]

Scale 1.0 writes 40 hubs (`--hubs`), each like examples/: about 500 schools, 170 Work
Groups over the ten academic years 2016/17 to 2025/26 and 3,600 session logs, so (seed 1)
19,957 schools, 446 leads, 6,782 cohorts, 142,573 session logs, 13,840 files and 132 MB
of YAML in all.
The scale changes the number of hubs (0.5 -> 20, 2.0 -> 80), not the size of a hub, so
every file stays the size a real hub's file is. Each hub is drawn from its own random
stream (seed, hub number): hub-07 is the same at every scale, and the same seed always
writes the same bytes.

    OUT_DIR/hub-NN/hub.yaml
    OUT_DIR/hub-NN/leads.yaml
    OUT_DIR/hub-NN/schools/<area>.yaml
    OUT_DIR/hub-NN/cohorts/<year>/<cohort-id>.yaml
    OUT_DIR/hub-NN/sessions/<year>/<cohort-id>.yaml

`--text low` writes the same records (the same seed draws the same schools, cohorts and
session logs) with little free text: most session logs have no `notes` and no
`gap_task`, and those that do have a short one. tfm keeps no free text, so this forest
measures the memory of the records themselves against fewer bytes of YAML.

URNs, cohort ids and lead ids are unique across all hubs, so the trees can be checked
together (`tfm -C OUT/hub-00 -C OUT/hub-01 ... check`). Every journey follows the rules
of SPEC section 4: `tfm check --as-of 2026-11-26` on the whole forest reports no errors
and no warnings. Python 3 standard library only.
"""

import argparse
import datetime as dt
import multiprocessing
import os
import random
import sys

FIRST_YEAR, LAST_YEAR = 2016, 2025      # start years of 2016/17 .. 2025/26
HISTORY_FROM = 2012                      # engagements before 2016/17 become `history`
AS_OF = dt.date(2026, 11, 26)
STAGES = ["readiness", "development", "embedding", "sustaining"]
STAGE_CODE = {"readiness": "read", "development": "dev", "embedding": "emb", "sustaining": "sus"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]

FIRST_NAMES = """Aaliyah Abdul Adam Aisha Alex Alice Amelia Amina Amrit Andrew Anna Asif Ayesha
Becky Ben Beth Bilal Chloe Chris Claire Connor Craig Daniel David Deborah Eleanor Emily Emma
Faisal Farhan Fatima Gemma Georgia Grace Hannah Harriet Helen Holly Imran Irfan Jack Jade James
Jasmine Jo Joanne Jonathan Joseph Karen Kate Katie Kirsty Laura Leanne Liam Lisa Louise Lucy
Mark Martin Matthew Megan Michael Mohammed Nadia Naomi Natalie Nathan Nicola Oliver Owen Paul
Philip Priya Rachel Rebecca Richard Rizwan Robert Ruth Ryan Saima Samuel Sarah Shabana Simon
Sophie Stephen Steven Tom Tomasz Usman Victoria Zainab Zoë Chloé Renée""".split()
LAST_NAMES = """Ahmed Ali Armitage Atkinson Bailey Barker Bibi Brook Butterworth Charnock Chauhan
Clarke Collins Crowther Davies Dawson Denton Evans Fletcher Greenwood Haigh Hargreaves Hussain
Iqbal Jackson Jones Kaur Khan Kowalski Lee Lockwood Malik Mistry Moran Nawaz Noble Nowak Patel
Pickersgill Priestley Rahman Riley Robinson Saddiq Schofield Senior Shaw Singh Smith Stansfield
Sugden Sutcliffe Sykes Taylor Thompson Turner Wadsworth Walker Whiteley Wilson Wood Wright Young
O'Connor O'Neill Brontë""".split()
PLACE_A = """Ash Bal Barn Bir Black Brad Brig Bur Cal Carl Ched Clay Cotes Dal Dar Dews Ell Elm
Fair Farn Gar Glos Hal Har Hay Heb Hol Horn Hud Kea Kirk Lang Lee Lin Long Mar Mel Mir Moor Nor
Oak Ossett Pen Pon Rad Red Roch Ross Sal Shel Shep Skel Sow Stain Stan Sut Thorn Tod Wake Wal
West Wet Whit Wil Wind Wood Wor Yeo""".split()
PLACE_B = """bury by church cliffe dale den field ford gate ham hill holme ley lington mere mouth
ridge stead stone ton wick worth""".split()
STREETS = """Beck Brook Crags Edge Fold Green Heights Hill Lane Mill Moor Park Rise Vale View
Bank Common Ferry Meadow Field""".split()
SAINTS = """Andrew's Anne's Bede's Chad's Columba's Cuthbert's Edmund's Hilda's John's
Joseph's Mary's Michael's Oswald's Patrick's Paul's Peter's Thomas's""".split()
TRUSTS = ["Aire Valley Trust", "Pennine Learning Trust", "Northern Lights Academy Trust",
          "Riverside Schools Partnership", "Oak Tree Multi-Academy Trust",
          "Diocesan Schools Trust", "Moorland Education Trust", "Harbour Learning Partnership"]
UNITS = {
    "R": ["Counting to 10", "Comparing groups", "Composition of 5", "Shape and space"],
    "Y1": ["Place value within 10", "Addition and subtraction within 10", "Place value within 20",
           "Length and height"],
    "Y2": ["Place value within 100", "Addition and subtraction", "Multiplication and division",
           "Money"],
    "Y3": ["Place value within 1000", "Fractions", "Multiplication and division", "Mass and capacity"],
    "Y4": ["Place value beyond 1000", "Fractions", "Decimals", "Area", "Multiplication and division"],
    "Y5": ["Fractions", "Decimals and percentages", "Multiplication and division", "Perimeter and area"],
    "Y6": ["Ratio", "Algebra", "Fractions", "Converting units", "Position and direction"],
    "Y7": ["Sequences", "Algebraic notation", "Place value and proportion", "Fractional thinking"],
    "Y8": ["Ratio and scale", "Multiplicative change", "Working in the Cartesian plane"],
    "Y9": ["Straight-line graphs", "Forming and solving equations", "Similarity"],
    "Y10": ["Congruence and similarity", "Simultaneous equations", "Trigonometry"],
    "Y11": ["Quadratics", "Vectors", "Proportion and rates of change"],
}
FOCUS = ["coherence", "representation_structure", "mathematical_thinking", "fluency", "variation"]
GAP_TASKS = [
    "Rewrite one textbook exercise so that the questions vary only one thing at a time",
    "Use one stem sentence in every maths lesson and note which pupils use it unprompted",
    "Try a part-whole model with a small group and bring three pieces of pupils' work",
    "Plan a short fluency session on number bonds and record what the class found hard",
    "Film five minutes of a lesson and pick one question that moved pupils' thinking on",
    "Compare two representations of the same fraction with the class and collect their explanations",
    "Look at one unit in the scheme and mark where a small step could be split further",
    "Ask a colleague to observe a lesson and note every question you asked",
]
MEETING_NOTES = [
    "Participants shared gap tasks in pairs before the whole-group feedback",
    "Short on time in the post-lesson discussion; carried over to the next meeting",
    "Good discussion of how the representations were sequenced across the lesson",
    "Teachers asked for examples of variation in the Year 5 fractions unit",
    "Maths leads planned how to share the lesson study with their staff",
    "Several schools reported that stem sentences are now used across key stage 2",
    "The host school's pupils explained their reasoning very clearly",
    "Online session; breakout rooms worked well for the year-group planning",
]
VISIT_NOTES = [
    "Observed a lesson with the maths lead; strong use of stem sentences",
    "Book look in two classes; recording still inconsistent",
    "Co-planned a sequence of lessons with the teacher participant",
    "Supported the maths lead to prepare a staff meeting on representations",
    "Learning walk with the headteacher; talk about the action plan for next term",
    "Team-taught a lesson on fractions and met the maths lead about the school's plan",
    "Pupil voice with six pupils from year 4; confident with the part-whole model",
    "Reviewed the calculation policy with the maths lead and agreed next steps",
]
NOTE_SENTENCES = [
    "Participants shared their gap tasks in pairs and picked one example to bring to the whole group.",
    "The pre-lesson discussion looked at the small steps in the unit and the representations chosen for each.",
    "Most of the post-lesson discussion was about how the teacher used pupils' answers to move the lesson on.",
    "Teachers noticed that pupils who usually struggle were able to explain the structure using the stem sentence.",
    "We compared the textbook's sequence with the school's own scheme and agreed where they differ.",
    "Two maths leads described how they have changed the timetable to give fluency practice its own slot.",
    "The observed class had a wide range of attainment; same-day intervention was discussed at length.",
    "Several participants said that planning together in pairs had been the most useful part of the year so far.",
    "The group asked for more examples of variation that keeps the mathematical structure the same.",
    "Time ran short at the end, so the research reading was moved to the next meeting.",
    "Headteachers of three schools joined for the first half to hear about the whole-school approach.",
    "We looked at pupils' books from two schools and discussed what good recording looks like in key stage 1.",
    "The lesson study cycle was explained again for the two teachers who joined this term.",
    "Online attendance was good, but the observed lesson video was hard to hear in places.",
    "The host school provided lunch and a tour of the maths working walls in every classroom.",
    "Discussion of the gap task showed that most schools now use the part-whole model from Reception.",
]
VISIT_SENTENCES = [
    "The maths lead has shared the group's work with staff at two staff meetings this term.",
    "Pupils in year 2 used the part-whole model confidently and explained it to their partners.",
    "The school has bought a textbook scheme and is working out how to use it alongside its own plans.",
    "We agreed that the next visit will look at same-day intervention in key stage 2.",
    "Recording in books is more consistent than at the last visit, especially in year 5.",
    "The headteacher wants the whole staff to join a lesson study next term.",
    "Supply cover made it hard for the teacher participant to attend the last meeting.",
    "Fluency sessions are now taught daily; the school wants support to check their impact.",
    "The school's action plan was reviewed and two of its five actions are complete.",
    "A new teacher participant has joined and will need the gap tasks from the autumn term.",
]
AGENDAS = [
    # (minutes, item, kind): kind "lesson" gets the observed year group, a tuple of two
    # items runs them side by side for maths leads and teachers.
    [(20, "Welcome and gap task feedback", None), (25, "Pre-lesson discussion", None),
     (45, "Observed lesson", "lesson"), (15, "Break", None), (45, "Post-lesson discussion", None),
     (20, "Planning in year-group pairs", "teachers"), (10, "Next steps and gap task", None)],
    [(30, "Welcome and review of the gap task", None), (20, "Pre-lesson discussion", None),
     (50, "Observed lesson", "lesson"), (50, "Post-lesson discussion", None),
     ((20, "Breakout for maths leads", "maths_leads"), (20, "Breakout for teachers", "teachers")),
     (10, "Gap task set", None)],
    [(15, "Welcome", None), (30, "Gap task review", None), (25, "Pre-lesson discussion", None),
     (45, "Observed lesson", "lesson"), (40, "Post-lesson discussion", None),
     (15, "Research focus", None), (10, "Gap task set", None)],
]


def year_str(y, sep="/"):
    return f"{y}{sep}{(y + 1) % 100:02d}"


def half_terms(y):
    """The six default half-term windows of academic year y (SPEC section 2)."""
    start = dt.date(y, 9, 1)
    while start.weekday() >= 5:
        start += dt.timedelta(days=1)
    end = dt.date(y + 1, 7, 20)
    total = (end - start).days + 1
    return [(start + dt.timedelta(days=i * total // 6),
             start + dt.timedelta(days=(i + 1) * total // 6 - 1)) for i in range(6)]


def q(s):
    """A plain scalar when it is safe, else a double-quoted one."""
    if (not s or s[0] in "-?:,[]{}#&*!|>'\"%@`" or ": " in s or " #" in s or s[-1] in ": "
            or any(c in s for c in ",[]{}")):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s


def flow_list(items):
    return "[" + ", ".join(q(x) for x in items) + "]"


class Hub:
    def __init__(self, number, seed, text="normal"):
        self.n = number
        self.low_text = text == "low"
        self.rng = random.Random(seed * 1_000_003 + number)
        # Offers draw from a stream of their own, so the rest of the forest stays as it was.
        self.offer_rng = random.Random(seed * 7_000_003 + number)
        self.code = f"h{number:02d}"
        self.session_count = 0

    # ---- the world -------------------------------------------------------------------
    def place(self):
        r = self.rng
        return r.choice(PLACE_A) + r.choice(PLACE_B)

    def person(self):
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def make_world(self):
        r = self.rng
        names = set()
        while len(names) < 12:
            names.add(self.place())
        self.name = f"{sorted(names)[0]} and {sorted(names)[1]} Maths Hub"
        self.areas = sorted(names)[2:2 + r.randint(4, 6)]
        # URNs: a block of 1,000 per hub, so they are unique across every hub.
        count = r.randint(470, 530)
        urns = r.sample(range(100000 + self.n * 1000, 100000 + (self.n + 1) * 1000), count)
        self.schools = []
        for urn in urns:
            x = r.random()
            phase = ("primary" if x < 0.80 else "secondary" if x < 0.95
                     else "all_through" if x < 0.97 else "special")
            self.schools.append(self.make_school(urn, phase))
        self.by_urn = {s["urn"]: s for s in self.schools}

    def make_school(self, urn, phase):
        r = self.rng
        town = self.place()
        if phase == "primary":
            kind = r.choice(["Primary School", "Primary School", "Junior and Infant School",
                             "CE Primary School", "Primary Academy", "Infant School",
                             "Junior School", "Community Primary School"])
            if r.random() < 0.12:
                name = f"St {r.choice(SAINTS)} Catholic Primary School"
            else:
                name = f"{town} {r.choice(STREETS)} {kind}"
            groups = ["R", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6"]
        elif phase == "secondary":
            name = f"{town} {r.choice(['High School', 'Academy', 'School', 'Grammar School', 'College'])}"
            groups = ["Y7", "Y8", "Y9", "Y10", "Y11"] + (["Y12", "Y13"] if r.random() < 0.5 else [])
        elif phase == "all_through":
            name = f"{town} {r.choice(['All-through Academy', 'School (3-16)', 'Academy'])}"
            groups = ["R", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Y8", "Y9", "Y10", "Y11"]
        else:
            name = f"{town} {r.choice(['Special School', 'Specialist Inclusive Learning Centre'])}"
            groups = ["Y1", "Y2", "Y3", "Y4", "Y5", "Y6"]
        s = {"urn": urn, "name": name, "phase": phase, "area": r.choice(self.areas),
             "groups": groups, "history": [], "staff": None}
        g = r.random()
        s["ofsted"] = ("outstanding" if g < 0.15 else "good" if g < 0.75 else
                       "requires_improvement" if g < 0.88 else "inadequate" if g < 0.91 else
                       "none" if g < 0.95 else None)
        if s["ofsted"] not in (None, "none"):
            s["ofsted_date"] = dt.date(2014, 1, 6) + dt.timedelta(days=r.randint(0, 3850))
        s["fsm"] = round(min(75.0, r.gammavariate(3.0, 8.0)), 1) if r.random() < 0.97 else None
        s["eal"] = round(min(98.0, r.expovariate(1 / 18)), 1) if r.random() < 0.95 else None
        s["ehcp"] = round(min(30.0, r.expovariate(1 / 2.5)), 1) if r.random() < 0.9 else None
        if phase == "special" and s["ehcp"] is not None:
            s["ehcp"] = round(r.uniform(80, 100), 1)
        s["trust"] = r.choice(TRUSTS) if r.random() < 0.4 else None
        if r.random() < 0.85:
            staff, seen = [], set()

            def add(role, years=None):
                while True:
                    who = self.person()
                    if who not in seen:
                        break
                seen.add(who)
                staff.append({"name": who, "role": role, "year_groups": years})
            add("headteacher")
            add("maths_lead", [r.choice(groups)])
            for g in r.sample(groups, min(len(groups), r.randint(3, 6))):
                add("teacher", [g])
            if r.random() < 0.5:
                add("assistant_head")
            for _ in range(r.randint(0, 2)):
                add("teaching_assistant", [r.choice(groups)])
            s["staff"] = staff
        return s

    def participants(self, school, want):
        """Names for a school's place in a cohort: its maths lead and teachers."""
        r = self.rng
        if school["staff"]:
            lead = [p["name"] for p in school["staff"] if p["role"] == "maths_lead"]
            teachers = [p["name"] for p in school["staff"] if p["role"] == "teacher"]
            r.shuffle(teachers)
            return (lead + teachers)[:want]
        names = []
        while len(names) < want:
            who = self.person()
            if who not in names:
                names.append(who)
        return names

    # ---- journeys ----------------------------------------------------------------------
    def simulate(self):
        """Year by year: who joins, who moves on, which Work Groups form."""
        r = self.rng
        pending = {}      # urn -> (stage, year) the school wants next
        engaged = set()
        pool = [s for s in self.schools if s["phase"] != "special"]
        r.shuffle(pool)
        self.cohorts = []
        self.leads = []
        self.make_initial_leads()
        for y in range(HISTORY_FROM, LAST_YEAR + 1):
            joiners = 10 if y < FIRST_YEAR else r.randint(28, 38)
            fresh = [s for s in pool if s["urn"] not in engaged][:joiners]
            for s in fresh:
                engaged.add(s["urn"])
                first = "readiness" if (s["phase"] == "primary" and r.random() < 0.35) else "development"
                pending[s["urn"]] = (first, y)
            due = [u for u, (st, yy) in pending.items() if yy == y]
            if y < FIRST_YEAR:
                for u in due:
                    stage = pending[u][0]
                    self.by_urn[u]["history"].append((stage, y))
                    self.move_on(u, stage, y, pending)
                continue
            groups = {}
            for u in sorted(due):
                s = self.by_urn[u]
                key = (pending[u][0], "secondary" if s["phase"] == "secondary" else "primary")
                groups.setdefault(key, []).append(u)
            letters = {}
            for (stage, phase), members in sorted(groups.items()):
                if len(members) < 4:
                    # Too few for a Work Group this year: they wait a year (a gap).
                    for u in members:
                        pending[u] = (stage, y + 1)
                    continue
                r.shuffle(members)
                lo, hi = -(-len(members) // 8), len(members) // 4
                k = min(hi, max(lo, round(len(members) / r.uniform(6.0, 7.5))))
                for i in range(k):
                    part = members[i * len(members) // k:(i + 1) * len(members) // k]
                    n = letters.get(stage, 0)
                    letters[stage] = n + 1
                    self.cohorts.append(self.make_cohort(stage, phase, y, n, part, pending))
        self.engaged = engaged
        self.pending = pending

    def move_on(self, urn, stage, y, pending, withdrawn=False):
        r = self.rng
        pending.pop(urn, None)
        if withdrawn:
            return      # a school that withdrew does not come back in these records
        gap = 2 if r.random() < 0.08 else 1
        if stage == "readiness":
            nxt = "development" if r.random() < 0.92 else None
        elif stage == "development":
            nxt = "embedding" if r.random() < 0.85 else None
        elif stage == "embedding":
            nxt = "sustaining" if r.random() < 0.8 else None
        else:
            nxt = "sustaining" if r.random() < 0.7 else None
            gap = 1
        if nxt:
            pending[urn] = (nxt, y + gap)

    def make_initial_leads(self):
        for _ in range(self.rng.randint(2, 3)):
            self.new_lead("specialist", self.rng.randint(2012, 2014))
        self.new_lead("readiness_lead", None)

    def new_lead(self, role, trained):
        r = self.rng
        while True:
            first, last = r.choice(FIRST_NAMES), r.choice(LAST_NAMES)
            base = (first[0] + last).lower().replace("'", "").replace("ë", "e")
            lid = f"{base}-{self.code}"
            if all(l["id"] != lid for l in self.leads):
                break
        home = r.choice([s for s in self.schools if s["phase"] == "primary"])
        lead = {"id": lid, "name": f"{first} {last}", "role": role, "school": home["urn"],
                "trained": trained, "email": f"{base}@example.org", "load": {},
                "days": {}, "booked": {}}
        self.leads.append(lead)
        return lead

    def lead_for(self, stage, y):
        r = self.rng
        free = [l for l in self.leads if l["load"].get(y, 0) < 2 and
                (l["role"] == "readiness_lead") == (stage == "readiness") and
                (l["trained"] is None or l["trained"] < y)]
        if not free:
            role = "readiness_lead" if stage == "readiness" else "specialist"
            lead = self.new_lead(role, None if role == "readiness_lead" else y - 1)
        else:
            busy = [l for l in free if l["load"].get(y, 0) == 1]
            lead = r.choice(busy) if busy and r.random() < 0.7 else r.choice(free)
        nth = lead["load"].get(y, 0)
        lead["load"][y] = nth + 1
        if y not in lead["days"]:
            lead["days"][y] = r.sample([1, 2, 3], 2)     # Tuesday, Wednesday or Thursday
            lead["booked"][y] = set()
        return lead, lead["days"][y][nth]

    def make_cohort(self, stage, phase, y, n, members, pending):
        r = self.rng
        lead, weekday = self.lead_for(stage, y)
        cid = f"{self.code}-{STAGE_CODE[stage]}-{y}{chr(ord('a') + n)}" if n < 26 else \
            f"{self.code}-{STAGE_CODE[stage]}-{y}-{n}"
        windows = half_terms(y)
        # Meetings: one per half-term on the group's weekday, 6 to 8 weeks apart.
        offset = r.randint(20, 30)
        day = windows[0][0] + dt.timedelta(days=offset)
        while day.weekday() != weekday:
            day += dt.timedelta(days=1)
        meetings = [day]
        for ws, we in windows[1:]:
            target = ws + dt.timedelta(days=offset)
            options = [meetings[-1] + dt.timedelta(weeks=w) for w in (6, 7, 8)]
            options = [d for d in options if ws <= d <= we]
            assert options, (cid, meetings)
            meetings.append(min(options, key=lambda d: abs((d - target).days)))
        for d in meetings:
            lead["booked"][y].add(d)
        want = 1 if stage == "sustaining" else 2
        cohort = {"id": cid, "stage": stage, "phase": phase, "year": y, "lead": lead,
                  "weekday": weekday, "meetings": meetings, "members": [], "visits": []}
        terms = [(windows[0][0], windows[1][1]), (windows[2][0], windows[3][1]),
                 (windows[4][0], windows[5][1])]
        visit_days = [d for d in range(5) if d not in lead["days"][y]]
        for u in members:
            s = self.by_urn[u]
            m = {"urn": u, "participants": self.participants(s, want if r.random() < 0.8 else 2),
                 "status": None, "withdrawn_on": None, "absent": set()}
            if r.random() < 0.025:
                m["status"] = "withdrawn"
                m["withdrawn_on"] = meetings[r.randint(1, 3)] + dt.timedelta(days=r.randint(1, 20))
            elif r.random() < 0.05:
                m["status"] = "completed"
            if m["status"] != "withdrawn" and r.random() < 0.2:
                m["absent"].add(r.randrange(6))     # 5 of 6 meetings: above the threshold
            cohort["members"].append(m)
            # Termly support visits; a Readiness school's year starts with an audit visit,
            # some Development schools get an extra visit, Sustaining ones few or none.
            plan = [("visit", t) for t in range(3)]
            if stage == "readiness":
                plan.insert(0, ("audit_visit", 0))
            elif stage == "development" and r.random() < 0.25:
                plan.append(("visit", r.randrange(3)))
            elif stage == "sustaining":
                x = r.random()
                plan = sorted(r.sample(plan, 2 if x < 0.3 else 1 if x < 0.75 else 0))
            for kind, t in plan:
                d = self.visit_day(lead, y, terms[t], visit_days)
                if m["withdrawn_on"] and d >= m["withdrawn_on"]:
                    continue
                lead["booked"][y].add(d)
                cohort["visits"].append((u, d, kind))
            self.move_on(u, stage, y, pending, withdrawn=m["status"] == "withdrawn")
        cohort["visits"].sort(key=lambda v: (v[1], v[0]))
        return cohort

    def visit_day(self, lead, y, term, visit_days):
        r = self.rng
        start, end = term
        span = (end - start).days
        for _ in range(200):
            d = start + dt.timedelta(days=r.randint(7, span - 7))
            if d.weekday() not in visit_days or d in lead["booked"][y]:
                continue
            if (d.month == 12 and d.day > 18) or (d.month == 1 and d.day < 5):
                continue
            return d
        raise RuntimeError("no free visit day")

    # ---- writing -------------------------------------------------------------------------
    def write(self, out):
        root = os.path.join(out, f"hub-{self.n:02d}")
        files = {}
        files["hub.yaml"] = self.hub_yaml()
        files["leads.yaml"] = self.leads_yaml()
        for area in self.areas:
            files[f"schools/{area.lower()}.yaml"] = self.schools_yaml(area)
        for c in self.cohorts:
            ydir = year_str(c["year"], "-")
            files[f"cohorts/{ydir}/{c['id']}.yaml"] = self.cohort_yaml(c)
            files[f"sessions/{ydir}/{c['id']}.yaml"] = self.sessions_yaml(c)
        files[f"offers/{year_str(LAST_YEAR + 1, '-')}.yaml"] = self.offers_yaml()
        total = 0
        for rel, text in files.items():
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            data = text.encode("utf-8")
            with open(path, "wb") as f:
                f.write(data)
            total += len(data)
        return {"files": len(files), "bytes": total, "schools": len(self.schools),
                "cohorts": len(self.cohorts), "sessions": self.session_count,
                "leads": len(self.leads)}

    def offers_yaml(self):
        """Next year's offers: each school waiting for a stage in LAST_YEAR + 1, most accepted,
        so `tfm allocate` has a national year of Work Groups to form."""
        r = self.offer_rng
        lines = [f"# Offers for {year_str(LAST_YEAR + 1)}", "offers:"]
        due = sorted((u, st) for u, (st, yy) in self.pending.items() if yy == LAST_YEAR + 1)
        for urn, stage in due:
            x = r.random()
            status = "accepted" if x < 0.8 else "declined" if x < 0.9 else "offered"
            on = dt.date(LAST_YEAR + 1, 5, 1) + dt.timedelta(days=r.randint(0, 40))
            lines.append(f"  - {{urn: {urn}, stage: {stage}, year: {year_str(LAST_YEAR + 1)}, "
                         f"status: {status}, on: {on.isoformat()}}}")
        if not due:
            lines[-1] = "offers: []"
        return "\n".join(lines) + "\n"

    def hub_yaml(self):
        r = self.rng
        prim = sum(1 for s in self.schools if s["phase"] in ("primary", "all_through"))
        sec = sum(1 for s in self.schools if s["phase"] in ("secondary", "all_through"))
        lines = [f"# {self.name}: generated by tests/bench/generate.py for the benchmark.",
                 "hub:", f"  name: {q(self.name)}", f"  areas: {flow_list(self.areas)}",
                 f"  population: {{primary: {prim}, secondary: {sec}}}", "  targets:",
                 f"    - {{phase: primary, percent: {r.choice([40, 50, 60])}, by: 2025/26}}",
                 f"    - {{phase: secondary, percent: {r.choice([30, 40, 50])}, by: 2025/26}}",
                 "  bands:", "    fsm: [20, 30, 40, 50]",
                 "    eal: [10, 20, 30, 40, 50, 60, 70, 80, 90]",
                 "    ehcp: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"]
        if self.n % 3 == 0:
            lines += ["  rules:", "    cohort_size: {min: 4, max: 8}", "    lead_load: 2",
                      "    completion: 0.67", "    meeting_gap_weeks: {min: 3, max: 8}",
                      "    off: []"]
        return "\n".join(lines) + "\n"

    def leads_yaml(self):
        lines = ["# Work Group leads: Mastery Specialists and Readiness Leads.", "leads:"]
        for l in self.leads:
            lines += [f"  - id: {l['id']}", f"    name: {q(l['name'])}", f"    role: {l['role']}",
                      f"    school: {l['school']}   # {self.by_urn[l['school']]['name']}"]
            if l["trained"] is not None:
                lines.append(f"    trained: {year_str(l['trained'])}")
            lines += [f"    email: {l['email']}", ""]
        return "\n".join(lines)

    def schools_yaml(self, area):
        lines = [f"# Schools in {area}, one entry per school, in name order.", "schools:"]
        schools = sorted((s for s in self.schools if s["area"] == area),
                         key=lambda s: (s["name"], s["urn"]))
        hist_lead = [l["id"] for l in self.leads if l["trained"] is not None and l["trained"] <= 2014]
        for s in schools:
            lines += [f"  - urn: {s['urn']}", f"    name: {q(s['name'])}",
                      f"    phase: {s['phase']}", f"    area: {q(s['area'])}"]
            if s["ofsted"]:
                lines.append(f"    ofsted: {s['ofsted']}")
            if s.get("ofsted_date"):
                lines.append(f"    ofsted_date: {s['ofsted_date'].isoformat()}")
            for k in ("fsm", "eal", "ehcp"):
                if s[k] is not None:
                    lines.append(f"    {k}: {s[k]}")
            if s["trust"]:
                lines.append(f"    trust: {q(s['trust'])}")
            if s["staff"]:
                lines.append("    staff:")
                for p in s["staff"]:
                    extra = f", year_groups: {flow_list(p['year_groups'])}" if p["year_groups"] else ""
                    lines.append(f"      - {{name: {q(p['name'])}, role: {p['role']}{extra}}}")
            if s["history"]:
                lines.append("    history:")
                for stage, y in s["history"]:
                    who = ""
                    if hist_lead and y > 2014 and stage != "readiness":
                        who = f", lead: {hist_lead[s['urn'] % len(hist_lead)]}"
                    lines.append(f"      - {{stage: {stage}, year: {year_str(y)}{who}}}")
            lines.append("")
        return "\n".join(lines)

    def cohort_yaml(self, c):
        lead = c["lead"]
        title = f"{self.areas[c['members'][0]['urn'] % len(self.areas)]} {c['stage'].title()} {c['id'][-1].upper()}"
        lines = [f"# {title}, {year_str(c['year'])}: led by {lead['name']} ({lead['id']}).",
                 "cohort:", f"  id: {c['id']}", f"  name: {q(title)}", f"  stage: {c['stage']}",
                 f"  year: {year_str(c['year'])}", f"  lead: {lead['id']}",
                 f"  phase: {c['phase']}", f"  weekday: {WEEKDAYS[c['weekday']]}", "  schools:"]
        for m in c["members"]:
            lines += [f"    - urn: {m['urn']}   # {self.by_urn[m['urn']]['name']}",
                      f"      participants: {flow_list(m['participants'])}"]
            if m["status"]:
                lines.append(f"      status: {m['status']}")
            if m["withdrawn_on"]:
                lines.append(f"      withdrawn_on: {m['withdrawn_on'].isoformat()}")
        lines.append("  # one half-day meeting per half-term, on the group's weekday")
        lines.append("  meetings: [" + ", ".join(d.isoformat() for d in c["meetings"]) + "]")
        if c["visits"]:
            lines.append("  # support visits: one per school per term")
            lines.append("  visits:")
            for u, d, _ in c["visits"]:
                lines.append(f"    - {{urn: {u}, date: {d.isoformat()}}}")
        return "\n".join(lines) + "\n"

    def sessions_yaml(self, c):
        r = self.rng
        lead = c["lead"]
        lines = [f"# Session log for {c['id']} ({year_str(c['year'])}).",
                 "# One entry per meeting or visit that took place, added after the event.",
                 "sessions:"]
        events = [(d, "meeting", i) for i, d in enumerate(c["meetings"])]
        events += [(d, kind, u) for u, d, kind in c["visits"]]
        events.sort(key=lambda e: (e[0], e[1], str(e[2])))
        observed = {}
        count = 0
        hm = lambda m: f'"{m // 60:02d}:{m % 60:02d}"'
        for d, kind, arg in events:
            assert d <= AS_OF
            count += 1
            lines += [f"  - cohort: {c['id']}", f"    date: {d.isoformat()}", f"    type: {kind}"]
            if kind != "meeting":
                vstart = r.choice([9 * 60, 10 * 60, 13 * 60, 13 * 60 + 30])
                lines += [f"    school: {arg}   # {self.by_urn[arg]['name']}",
                          f"    mode: {'online' if r.random() < 0.1 else 'in_person'}",
                          f"    start: {hm(vstart)}", f"    end: {hm(vstart + r.choice([90, 120, 150]))}",
                          f"    focus: [{r.choice(FOCUS)}]"]
                # The same draws whatever the text, so both forests hold the same records.
                if r.random() < 0.85:
                    note = [r.choice(VISIT_NOTES) + "."] + r.sample(VISIT_SENTENCES, r.randint(1, 3))
                    if not self.low_text:
                        lines += ["    notes: >-"] + [f"      {t}" for t in note]
                else:
                    note = r.choice(VISIT_NOTES)
                    if not self.low_text:
                        lines.append(f"    notes: {q(note)}")
                if self.low_text and count % 10 == 0:
                    first = note[0] if isinstance(note, list) else note
                    lines.append(f"    notes: {q(' '.join(first.split()[:3]))}")
                lines.append("")
                continue
            online = r.random() < 0.15
            start = r.choice([9 * 60, 9 * 60 + 30, 13 * 60, 13 * 60 + 15])
            agenda = r.choice(AGENDAS)
            length = sum(x[0] if isinstance(x[0], int) else x[0][0] for x in agenda)
            end = start + length + r.choice([0, 0, 10, 15])
            lines += [f"    mode: {'online' if online else 'in_person'}",
                      f"    start: {hm(start)}", f"    end: {hm(end)}",
                      f"    focus: {flow_list(sorted(r.sample(FOCUS, r.randint(1, 2)), key=FOCUS.index))}"]
            group = None
            if not online or r.random() < 0.5:
                groups = ["Y7", "Y8", "Y9", "Y10", "Y11"] if c["phase"] == "secondary" else \
                    ["R", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6"]
                group = r.choice(groups)
                unit = r.choice(UNITS[group])
                last = observed.get((group, unit), 0)
                lesson = last + r.randint(1, 3)
                observed[(group, unit)] = lesson
                lines += ["    observation:", f"      year_group: {group}", f"      unit: {q(unit)}",
                          f"      lesson: {lesson}", f"      taught_by: {lead['id']}"]
            lines.append("    agenda:")
            at = start
            for item in agenda:
                parts = item if isinstance(item[0], tuple) else (item,)
                for minutes, text, kind2 in parts:
                    extra = ""
                    if kind2 == "lesson":
                        if group is None:
                            text = "Video of a lesson"
                        else:
                            extra = f", year_groups: [{group}]"
                    elif kind2:
                        extra = f", audience: {kind2}"
                    lines.append(f"      - {{at: {hm(at)}, minutes: {minutes}, item: {q(text)}{extra}}}")
                at += parts[0][0]
            lines.append("    attendance:")
            for m in c["members"]:
                if m["withdrawn_on"] and d >= m["withdrawn_on"]:
                    continue
                if arg in m["absent"]:
                    lines.append(f"      {m['urn']}: []")
                    continue
                present = m["participants"]
                if len(present) > 1 and r.random() < 0.1:
                    present = present[:1]
                lines.append(f"      {m['urn']}: {flow_list(present)}")
            gap_task = r.choice(GAP_TASKS)
            if not self.low_text:
                lines.append(f"    gap_task: {q(gap_task)}")
            elif count % 5 == 0:
                lines.append(f"    gap_task: {q(' '.join(gap_task.split()[:4]))}")
            if r.random() < 0.85:
                note = r.sample(NOTE_SENTENCES, r.randint(3, 6))
                if not self.low_text:
                    lines.append("    notes: |")
                    lines += [f"      {t}" for t in note]
            else:
                note = r.choice(MEETING_NOTES)
                if not self.low_text:
                    lines.append(f"    notes: {q(note)}")
                else:
                    lines.append(f"    notes: {q(' '.join(note.split()[:3]))}")
            lines.append("")
        self.session_count += count
        return "\n".join(lines)


def build_hub(args):
    number, seed, out, text = args
    hub = Hub(number, seed, text)
    hub.make_world()
    hub.simulate()
    return hub.write(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--hubs", type=int, default=40, help="hubs at scale 1 (default 40)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--text", choices=["normal", "low"], default="normal",
                    help="free text in session logs: normal, or low (little notes and gap tasks)")
    a = ap.parse_args()
    n = max(1, round(a.hubs * a.scale))
    if n > 900:
        sys.exit("generate.py: at most 900 hubs (URN blocks would leave six digits)")
    os.makedirs(a.out, exist_ok=True)
    work = [(i, a.seed, a.out, a.text) for i in range(n)]
    if a.jobs > 1 and n > 1:
        with multiprocessing.Pool(min(a.jobs, n)) as pool:
            stats = pool.map(build_hub, work)
    else:
        stats = [build_hub(w) for w in work]
    total = {k: sum(s[k] for s in stats) for k in stats[0]}
    print(f"{n} hubs: {total['schools']} schools, {total['leads']} leads, {total['cohorts']} cohorts, "
          f"{total['sessions']} session logs, {total['files']} files, "
          f"{total['bytes'] / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
