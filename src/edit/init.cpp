#include "tfm/edit/init.h"

#include "tfm/model/term_dates.h"
#include "tfm/model/index.h"
#include "tfm/analysis/plan.h"

#include <fmt/format.h>

namespace tfm {
namespace {

std::string hub_yaml(AcademicYear current) {
    auto halves = typical_english_half_terms(current);
    std::string terms;
    for (const auto& h : halves)
        terms += fmt::format("      - {{name: {}, start: {}, end: {}}}\n", h.name, h.start.str(), h.end.str());
    return fmt::format(R"(# The hub: exactly one per records directory. tfm reads every *.yaml file below this
# folder, in any layout; this repository uses one file per cohort and per cohort's sessions.
hub:
  name: Example Maths Hub             # change to your hub's name
  areas: [Leeds]                      # the local authorities the hub covers
  population: {{primary: 200, secondary: 40}}   # schools in those areas, for coverage %
  targets:                            # engagement targets: share of schools, by year
    - {{phase: primary, percent: 60, by: {}}}

  # Half-term dates, used by `tfm plan` and the termly-visit check. These are typical English
  # dates, not your area's: replace them with your local authority's dates. Without them tfm
  # uses six equal windows from the first weekday of September to 20 July (and never plans
  # in the Christmas break, 20 December to 3 January, nor on a bank holiday).
  terms:
    {}:
{}
  # Days to plan nothing on besides England's bank holidays (which tfm knows): training
  # days, the hub's conference. Dates, e.g. [{}].
  closed: []

  # Rule settings: every value shown is the default. Uncomment to change one, or list
  # rules to switch off, e.g. off: [session/agenda]. `tfm check --help` lists the rules.
  # rules:
  #   cohort_size: {{min: 4, max: 8}}
  #   lead_load: 2
  #   completion: 0.67
  #   meeting_gap_weeks: {{min: 3, max: 8}}
  #   off: []
)",
                       current.next().next().str(), current.str(), terms,
                       halves.front().start.plus_days(1).str());
}

std::string school_yaml() {
    return R"(# Schools of one area. Add one entry per school; the URN is the key (six digits, no quotes).
schools:
  - urn: 107329
    name: Moorside Primary School
    phase: primary                 # primary | secondary | all_through | special
    area: Leeds                    # one of hub.areas
    ofsted: good                   # outstanding | good | requires_improvement | inadequate | none
    fsm: 42.5                      # % of pupils eligible for free school meals
    eal: 31                        # % with English as an additional language
    ehcp: 1.2                      # % with an EHC plan
    staff:                         # optional: who takes part (names unique in the school)
      - {name: Amina Khan, role: maths_lead}
      - {name: Ben Jones, role: teacher, year_groups: [Y3, Y4]}
    # history:                     # engagement from before these records began
    #   - {stage: development, year: 2019/20}
)";
}

std::string lead_yaml(AcademicYear last) {
    return fmt::format(R"(# Mastery Specialists and the hub's Readiness Lead.
leads:
  - id: jsmith                     # lower-case letters, digits, _ and -
    name: Jo Smith
    role: specialist               # specialist | readiness_lead
    school: 107329                 # the lead's own school counts as reached from `trained`
    trained: {}
    email: jo.smith@example.org
)",
                       last.prev().str());
}

// The timed agenda of the sample's meetings, published on the next one and logged on each
// held, as list items indented by `indent` spaces.
std::string sample_agenda(std::size_t indent) {
    static const char* items[] = {
        R"({at: "13:00", minutes: 30, item: Pre-lesson discussion})",
        R"({at: "13:30", minutes: 60, item: Observed lesson, year_groups: [Y3]})",
        R"({at: "14:30", minutes: 60, item: Post-lesson discussion, audience: teachers})",
        R"({at: "15:30", minutes: 30, item: Leading change in school, audience: maths_leads})"};
    std::string out;
    for (const char* item : items) out += std::string(indent, ' ') + "- " + item + "\n";
    return out;
}

// The meeting written out in full as a published one: the first from today, else the last.
std::size_t published_meeting(const PlanProposal& plan, Date today) {
    for (std::size_t i = 0; i < plan.meetings.size(); ++i)
        if (today <= plan.meetings[i]) return i;
    return plan.meetings.size() - 1;
}

// The plan's meetings, the next one written out in full as a published meeting.
std::string meetings_yaml(const PlanProposal& plan, Date today) {
    std::string out = "  meetings:\n";
    std::size_t published = published_meeting(plan, today);
    for (std::size_t i = 0; i < plan.meetings.size(); ++i) {
        if (i != published) {
            out += fmt::format("    - {}\n", plan.meetings[i].str());
            continue;
        }
        out += fmt::format(R"(    - date: {}               # a meeting may give more than its date:
      start: "13:00"                 # its own time (default: meeting_time)
      end: "16:00"
      mode: in_person                # in_person (default) | online, at the `online` link
      agenda:                        # published beforehand: each teacher joins their part
)",
                           plan.meetings[i].str());
        out += sample_agenda(8);
    }
    return out;
}

std::string cohort_yaml(const std::string& id, AcademicYear year, const PlanProposal& plan, Date today) {
    PlanProposal visits_only;
    visits_only.visits = plan.visits;
    return fmt::format(R"(# A Work Group: one stage, one academic year, one lead. Copy this file for each cohort.
# tfm check warns while it has fewer than 4 schools (hub.rules.cohort_size).
cohort:
  id: {}
  name: Leeds Development A
  stage: development               # readiness | development | embedding | sustaining
  year: {}
  lead: jsmith
  weekday: {}                  # the usual meeting day; `tfm plan` uses it
  meeting_time: {{start: "13:00", end: "16:00"}}   # the usual time of its meetings
  venue: Moorside Primary School, Leeds         # the usual place of its meetings
  online: https://meet.example.org/leeds-dev-a  # the link for online meetings
  schools:
    - urn: 107329
      participants: [Amina Khan, Ben Jones]
      # status: withdrawn          # enrolled (default) | completed | withdrawn
  # Planned dates, agreed with the schools. `tfm plan {} --write` adds the ones
  # still missing after today and never moves or removes these.
{}{})",
                       id, year.str(), weekday_name(plan.weekday), id, meetings_yaml(plan, today),
                       plan_yaml(visits_only, 2));
}

// The logs of the sample's meetings and visits that took place before today, so that the new
// repository has nothing overdue; before the first of them, an empty list and an example.
std::string session_yaml(const std::string& id, const PlanProposal& plan, Date today) {
    std::string out = R"(# The log of each meeting and visit that took place. `tfm log <cohort-id>` writes them
# (on a terminal it asks, school by school); you need not write these by hand.
)";
    std::string logs;
    for (Date d : plan.meetings) {
        if (!(d < today)) continue;
        logs += fmt::format(R"(  - cohort: {}
    date: {}
    type: meeting                  # meeting | visit | audit_visit | cpd (visits need `school`)
    mode: in_person                # in_person | online
    start: "13:00"
    end: "16:00"
    focus: [coherence, representation_structure]
    observation:
      year_group: Y3
      unit: Fractions
      lesson: 2                    # lesson n of the unit, in classroom order
      taught_by: jsmith            # a lead id, or the name of whoever taught it
    agenda:                        # timed items let a teacher join only their part
)",
                            id, d.str());
        logs += sample_agenda(6);
        logs += R"(    attendance:                    # URN: names present; [] when the school was absent
      107329: [Amina Khan, Ben Jones]
    gap_task: Use stem sentences when comparing fractions
)";
    }
    for (const auto& v : plan.visits)
        if (v.date < today)
            logs += fmt::format("  - {{cohort: {}, date: {}, type: visit, school: {}}}\n", id, v.date.str(), v.urn);
    if (logs.empty())
        return out + fmt::format(R"(sessions: []
# After the first meeting it reads like this:
# sessions:
#   - cohort: {}
#     date: {}
#     type: meeting
#     attendance: {{107329: [Amina Khan, Ben Jones]}}
)",
                                 id, plan.meetings.front().str());
    return out + "sessions:\n" + logs;
}

// The sample school's answer to next year's offer, so a new repository shows the record and
// has no offer to chase.
std::string offers_yaml(AcademicYear next, Date today) {
    return fmt::format(R"(# Offers of next year's stage and each school's answer: one per school and year.
# `tfm offers` lists the schools due one; edit `status` and `on` when a school answers.
offers:
  - urn: 107329
    stage: embedding          # the stage offered: the school's next stage
    year: {}
    status: accepted          # offered | accepted | declined | no_reply
    on: {}            # date of the offer or of the school's answer
    # reason: new headteacher  # optional, usually with declined
)",
                       next.str(), today.str());
}

std::string readme(const std::string& cohort_file, const std::string& session_file) {
    return fmt::format(R"(# Teaching for Mastery records

The hub's records, kept as YAML and checked by `tfm`. Every change is a commit, so the
history of each school's journey is in `git log`.

## Layout

- `hub.yaml`: the hub, its areas, targets and term dates
- `leads.yaml`: Mastery Specialists and the Readiness Lead
- `schools/`: one file per area, a list of schools
- `cohorts/<year>/`: one file per Work Group
- `sessions/<year>/`: one file per Work Group, the log of its meetings and visits
- `offers/`: one file per year, next year's stage offered to each school and its answer

## Everyday tasks

- **Add a school**: add an entry to `schools/<area>.yaml` (URN, name, phase, area).
- **Start a Work Group**: copy `{}`, change its id, stage, year, lead and
  schools, then let tfm propose dates: `tfm plan <cohort-id>` prints them and
  `tfm plan <cohort-id> --write` adds them. It keeps every date already logged or planned
  (agreed with schools) and only adds dates after today, so run it again at any time.
- **Publish a meeting's agenda**: write the planned meeting as a mapping (see the published
  meeting in `{}`) with its time and a timed `agenda`; `tfm schedule --format ics
  --audience teachers` gives teachers a calendar of just their part.
- **Log a session**: after a meeting, `tfm log <cohort-id>` records who came (on a terminal
  it asks school by school, offering the participants and the planned date, times and
  agenda; from a script: `--date`, `--present URN`, `--absent URN`); after a visit,
  `tfm log <cohort-id> --type visit --school <URN>`. It writes the entry into the cohort's
  file in `sessions/` (see `{}`), so nobody hand-writes attendance.
- **A school joins or leaves a Work Group**: `tfm enrol <cohort-id> <URN> --participants
  "Name One, Name Two"`; `tfm withdraw <cohort-id> <URN> --on <date> --reason "..."`.
- **Offer next year's stage**: `tfm offers` lists the schools due an offer, with their
  contacts (`--format csv` for a mail merge); record each offer and answer in `offers/`.
- **Print a register**: `tfm register <cohort-id>` (`--format html` for one A4 page).
- **Check everything**: `tfm check` (exit status 1 when something is wrong; each problem is
  shown with its file, line and column).
- **See where things stand**: `tfm report`, `tfm gaps`, `tfm schedule`, `tfm journey <URN>`.

## Checking before each commit

`hooks/pre-commit` runs `tfm check` before every commit. Turn it on once:

    git config core.hooksPath hooks

Editors with YAML support can validate as you type: `tfm schema > tfm.schema.json`, then add
`# yaml-language-server: $schema=../tfm.schema.json` at the top of a file (adjust the path).
)",
                       cohort_file, cohort_file, session_file);
}

const char* pre_commit = R"(#!/bin/sh
# Refuses a commit when the records have errors. Turn on: git config core.hooksPath hooks
# (warnings are allowed; use `tfm check --strict` to refuse those too).
exec tfm check -q
)";

const char* gitignore = R"(# Files tfm and editors may leave behind
*.tfm-*
*.swp
.DS_Store
)";

}  // namespace

std::vector<std::pair<std::string, std::string>> starter_files(Date today) {
    AcademicYear current = AcademicYear::containing(today);
    AcademicYear last = current.prev();
    // The sample Work Group is this year's, so a new repository has nothing lapsed or overdue.
    std::string id = fmt::format("leeds-dev-{}a", current.start_year());
    std::string folder = fmt::format("{}-{:02}", current.start_year(), (current.start_year() + 1) % 100);

    // Plan the sample cohort's dates with tfm's own planner, in the template's term dates.
    Records r;
    r.files.push_back({"cohort.yaml", "cohort.yaml", 0, false});
    Hub hub;
    for (const auto& w : typical_english_half_terms(current)) hub.terms[current].push_back({w.name, w.start, w.end});
    r.hubs.push_back(hub);
    Cohort c;
    c.id = id;
    c.stage = Stage::development;
    c.year = current;
    c.lead = "jsmith";
    c.weekday = 1;
    c.meeting_time = TimeSpan{TimeOfDay{13 * 60}, TimeOfDay{16 * 60}};
    Member m;
    m.urn = 107329;
    c.schools.push_back(m);
    r.cohorts.push_back(c);
    Index index(r);
    PlanProposal plan = propose_plan(r, index, r.cohorts.front(), current.first_day().plus_days(-1));

    std::string cohort_file = fmt::format("cohorts/{}/{}.yaml", folder, id);
    std::string session_file = fmt::format("sessions/{}/{}.yaml", folder, id);
    return {
        {"hub.yaml", hub_yaml(current)},
        {"leads.yaml", lead_yaml(last)},
        {"schools/leeds.yaml", school_yaml()},
        {cohort_file, cohort_yaml(id, current, plan, today)},
        {session_file, session_yaml(id, plan, today)},
        {fmt::format("offers/{}-{:02}.yaml", current.next().start_year(), (current.next().start_year() + 1) % 100),
         offers_yaml(current.next(), today)},
        {"README.md", readme(cohort_file, session_file)},
        {"hooks/pre-commit", pre_commit},
        {".gitignore", gitignore},
    };
}

}  // namespace tfm
