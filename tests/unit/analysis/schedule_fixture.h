// The schedule tests' records tree: a hub, two leads, four schools, two cohorts with plans
// and logs; shared by the schedule and iCalendar tests.
#pragma once

#include "tfm/analysis/schedule.h"

#include "tfm/model/index.h"
#include "tfm/load/load.h"

#include <doctest/doctest.h>

#include <memory>
#include <string_view>
#include <vector>

namespace tfm::test {

struct Tree {
    LoadResult loaded;
    std::unique_ptr<Index> index;

    explicit Tree(std::string_view yaml) : loaded(load_text(yaml)) {
        for (const auto& d : loaded.diagnostics)
            FAIL_CHECK(d.pos.line << ":" << d.pos.column << " " << d.message << " [" << d.rule << "]");
        REQUIRE(loaded.diagnostics.empty());
        index = std::make_unique<Index>(loaded.records);
    }
    Tree(const Tree&) = delete;

    std::vector<ScheduleItem> items(ScheduleFilter f, Date as_of) const {
        return build_schedule(loaded.records, *index, f, as_of);
    }
};

inline Date d(int y, unsigned m, unsigned day) { return Date(y, m, day); }

inline ScheduleFilter range(Date from, Date to) {
    ScheduleFilter f;
    f.from = from;
    f.to = to;
    return f;
}

// A hub, two leads, four schools; one development cohort with a plan and logs, and one
// sustaining cohort of another lead.
constexpr std::string_view tree_yaml = R"(hub:
  name: Test Hub
  areas: [Leeds]
---
leads:
  - {id: jsmith, name: Jo Smith, role: specialist}
  - {id: apatel, name: Asha Patel, role: specialist}
---
schools:
  - {urn: 107401, name: Moorside Primary School, phase: primary, area: Leeds}
  - {urn: 107402, name: "Brontë Primary, Leeds", phase: primary, area: Leeds}
  - {urn: 107403, name: Holly Bank Primary School, phase: primary, area: Leeds,
     history: [{stage: development, year: 2019/20}, {stage: embedding, year: 2020/21}]}
  - {urn: 107404, name: Beckfield Primary School, phase: primary, area: Leeds,
     history: [{stage: development, year: 2019/20}, {stage: embedding, year: 2020/21}]}
---
cohorts:
  - id: dev-a
    name: Development A
    stage: development
    year: 2021/22
    lead: jsmith
    schools:
      - {urn: 107401, participants: [A One, A Two]}
      - {urn: 107402, participants: [B One, B Two]}
    meetings: [2021-10-05, 2021-11-16, 2022-01-11]
    visits:
      - {urn: 107401, date: 2021-10-12}
      - {urn: 107402, date: 2021-10-19}
      - {urn: 107401, date: 2021-11-23}
  - id: sus-b
    name: Sustaining B
    stage: sustaining
    year: 2021/22
    lead: apatel
    schools:
      - {urn: 107403, participants: [C One]}
      - {urn: 107404, participants: [D One]}
    meetings: [2021-10-07, 2021-11-18]
---
sessions:
  # on the plan: one done row each
  - {cohort: dev-a, date: 2021-10-05, type: meeting, start: "13:00", end: "16:00", mode: online}
  - {cohort: dev-a, date: 2021-10-12, type: visit, school: 107401, start: "09:00"}
  # not on the plan: rows of their own
  - {cohort: dev-a, date: 2021-10-21, type: audit_visit, school: 107402}
  - {cohort: dev-a, date: 2021-10-12, type: visit, school: 107402}
  - {cohort: sus-b, date: 2021-11-04, type: meeting}
)";

const Date as_of = d(2021, 11, 10);
const Date year_start = d(2021, 9, 1), year_end = d(2022, 8, 31);

}  // namespace tfm::test
