// The Workspace every command starts from: the loader's findings and the rules' together,
// sorted and counted; each school's journey; nothing built when a directory is unreadable.
#include "tfm/analysis/workspace.h"

#include "../fixtures.h"

#include <doctest/doctest.h>

#include <string>

using namespace tfm;

namespace {

// A hub, a cohort naming an unknown lead (a rule's error, with rules' warnings about its size
// and plan) and, four lines later, a school with an unknown key (the loader's error).
const char* tree_yaml = R"(hub: {name: H}
---
cohort: {id: dev-a, stage: development, year: 2021/22, lead: nobody, schools: [{urn: 100001}]}
---
school: {urn: 100001, name: Moorside, phase: primary, area: Leeds}
---
school: {urn: 100002, name: Ashfield, phase: primary, area: Leeds, colour: blue}
)";

}  // namespace

TEST_CASE("a workspace holds the loader's and the rules' findings, sorted and counted") {
    Workspace ws(load_text(tree_yaml), test::d(2022, 3, 1));
    CHECK(ws.fatal().empty());
    REQUIRE(ws.findings().size() >= 2);
    bool unknown_key = false, unknown_lead = false;
    for (const auto& f : ws.findings()) {
        unknown_key = unknown_key || f.rule == "schema/unknown-key";
        unknown_lead = unknown_lead || f.rule == "ref/unknown";
    }
    CHECK(unknown_key);
    CHECK(unknown_lead);
    // The loader's finding (the cause) comes first, then the rules' findings by position,
    // though the unknown key is four lines further down.
    CHECK(ws.findings().front().rule == "schema/unknown-key");
    for (std::size_t i = 2; i < ws.findings().size(); ++i)
        CHECK(ws.findings()[i - 1].pos <= ws.findings()[i].pos);
    CHECK(ws.summary().errors == 2);
    CHECK(ws.summary().errors + ws.summary().warnings + ws.summary().notes == int(ws.findings().size()));
    CHECK(ws.summary().files == 1);
}

TEST_CASE("a workspace gives each school its journey as of its date") {
    Workspace ws(load_text(tree_yaml), test::d(2022, 3, 1));
    CHECK(ws.as_of().str() == "2022-03-01");
    REQUIRE(ws.journeys().size() == ws.records().schools.size());
    for (const auto& school : ws.records().schools) CHECK(ws.journey_of(school).school == &school);
    CHECK(ws.index().school(100001) == &ws.records().schools.front());
}

TEST_CASE("a workspace over an unreadable data directory builds nothing else") {
    Workspace ws(load_tree({"/nonexistent/tfm-workspace-test"}), test::d(2022, 3, 1));
    REQUIRE(ws.fatal().size() == 1);
    CHECK(ws.journeys().empty());
    CHECK(ws.findings().empty());
    CHECK(ws.summary().files == 0);
}

TEST_CASE("a snapshot workspace leaves out the logs dated after its date, as not yet written") {
    const char* tree = R"(hub: {name: H}
---
lead: {id: jo, name: Jo Smith, role: specialist}
---
school: {urn: 100001, name: Moorside, phase: primary, area: Leeds}
---
cohort: {id: dev-a, stage: development, year: 2021/22, lead: jo, schools: [{urn: 100001}]}
---
sessions:
  - {cohort: dev-a, date: 2021-10-05, type: meeting, attendance: {100001: []}}
  - {cohort: dev-a, date: 2021-11-16, type: meeting, attendance: {100001: []}}
  - {cohort: dev-a, date: 2022-01-11, type: meeting, attendance: {100001: []}}
)";
    auto futures = [](const Workspace& ws) {
        int n = 0;
        for (const auto& f : ws.findings()) n += f.rule == "session/future";
        return n;
    };
    // As written (`check`), the two later logs are session/future errors.
    Workspace written(load_text(tree), test::d(2021, 11, 1));
    CHECK(written.records().sessions.size() == 3);
    CHECK(futures(written) == 2);
    // A snapshot keeps only the log of 2021-10-05; one dated on the day itself stays.
    Workspace before(load_text(tree), test::d(2021, 11, 1), Workspace::View::snapshot);
    REQUIRE(before.records().sessions.size() == 1);
    CHECK(before.records().sessions.begin()->date.str() == "2021-10-05");
    CHECK(futures(before) == 0);
    CHECK(before.index().sessions_of("dev-a").size() == 1);
    Workspace on_the_day(load_text(tree), test::d(2021, 11, 16), Workspace::View::snapshot);
    CHECK(on_the_day.records().sessions.size() == 2);
}
