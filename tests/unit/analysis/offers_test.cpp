// Offers (SPEC sections 2, 4 and 6): who is due an offer for a coming year, the gaps kind
// `offers`, the report's `progression` section, the offer/ rules and the snapshot. Every
// expected value was worked out by hand from the tree below.
#include "../fixtures.h"
#include "tfm/analysis/offers.h"
#include "tfm/analysis/report_progression.h"
#include "tfm/rules/rules.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace tfm;
using tfm::test::d;
using tfm::test::load_fixture;

namespace {

// 2021/22: A completed development (attended the one logged meeting), B withdrew, C missed
// the meeting (incomplete), E completed and is already in embedding for 2022/23. D did
// embedding in 2019/20 (history) and lapsed. F never took part (Leeds); G is outside the
// hub's areas.
const std::string tree = R"(hub:
  name: Test Hub
  areas: [Leeds]
---
leads:
  - {id: jsmith, name: Jo Smith, role: specialist}
---
schools:
  - urn: 100001
    name: Aire Primary
    phase: primary
    area: Leeds
    email: office@aire.example
    staff:
      - {name: Old Lead, role: maths_lead, email: old@aire.example, left: 2021-07-20}
      - {name: Amy Lead, role: maths_lead, email: amy@aire.example, from: 2021-09-01}
      - {name: Ann Lead, role: maths_lead, email: ann@aire.example, from: 2019-09-01}
  - {urn: 100002, name: Beck Primary, phase: primary, area: Leeds}
  - {urn: 100003, name: Calder Primary, phase: primary, area: Leeds}
  - urn: 100004
    name: Dale Primary
    phase: primary
    area: Leeds
    history: [{stage: development, year: 2018/19}, {stage: embedding, year: 2019/20}]
  - {urn: 100005, name: Esk Primary, phase: primary, area: Leeds}
  - {urn: 100006, name: Fell Primary, phase: primary, area: Leeds}
  - {urn: 100007, name: Gill Primary, phase: primary, area: York}
---
cohorts:
  - id: dev-2021
    stage: development
    year: 2021/22
    lead: jsmith
    schools:
      - {urn: 100001}
      - {urn: 100002, status: withdrawn, withdrawn_on: 2021-12-01}
      - {urn: 100003}
      - {urn: 100005}
  - id: emb-2022
    stage: embedding
    year: 2022/23
    lead: jsmith
    schools: [{urn: 100005}]
---
sessions:
  - {cohort: dev-2021, date: 2021-10-05, type: meeting, attendance: {100001: [A], 100003: [], 100005: [E]}}
---
offers:
  - {urn: 100001, stage: embedding, year: 2022/23, status: accepted, on: 2022-05-10}
  - {urn: 100002, stage: development, year: 2022/23, status: offered, on: 2022-06-01}
  - {urn: 100004, stage: sustaining, year: 2022/23, status: declined, on: 2022-04-01, reason: new head}
)";

struct Due {
    Urn urn;
    std::string due, next, offer;
    bool operator==(const Due&) const = default;
};

std::vector<Due> due_of(const OffersList& list) {
    std::vector<Due> out;
    for (const auto& r : list.rows)
        out.push_back({r.school->urn, std::string(name_of(r.due)),
                       r.next_stage ? std::string(name_of(*r.next_stage)) : "",
                       r.offer ? std::string(name_of(r.offer->status)) : "none"});
    return out;
}

std::vector<const Diagnostic*> of_rule(const Diagnostics& all, std::string_view rule) {
    std::vector<const Diagnostic*> out;
    for (const auto& f : all)
        if (f.rule == rule) out.push_back(&f);
    return out;
}

}  // namespace

namespace doctest {
template <>
struct StringMaker<Due> {
    static String convert(const Due& r) {
        return String((std::to_string(r.urn) + " " + r.due + " " + r.next + " " + r.offer).c_str());
    }
};
}  // namespace doctest

TEST_CASE("offers: completers move on, withdrawn and incomplete schools repeat, lapsed and prospects") {
    Workspace ws(load_fixture(tree), d(2022, 9, 10));
    auto list = offers_due(ws.records(), ws.index(), ws.journeys(), AcademicYear(2022), true, d(2022, 9, 10));
    std::vector<Due> expected = {
        {100002, "finishing", "development", "offered"},  // withdrew: development again
        {100003, "finishing", "development", "none"},     // incomplete: development again
        {100001, "finishing", "embedding", "accepted"},
        {100004, "lapsed", "sustaining", "declined"},
        {100006, "prospect", "", "none"},  // Esk (already in embedding) and Gill (York) are not due
    };
    CHECK(due_of(list) == expected);
    const OfferRow& aire = list.rows[2];
    REQUIRE(aire.maths_lead);
    CHECK(aire.maths_lead->name == "Amy Lead");
    CHECK(aire.maths_lead->email == "amy@aire.example");  // current, and the latest from
    CHECK(aire.school->email == "office@aire.example");
    CHECK(aire.last->status == EngagementStatus::completed);
    CHECK(list.rows[1].last->status == EngagementStatus::incomplete);

    auto without = offers_due(ws.records(), ws.index(), ws.journeys(), AcademicYear(2022), false, d(2022, 9, 10));
    CHECK(without.rows.size() == 4);
}

TEST_CASE("offers: a school already in a cohort of the year is listed only with an offer") {
    std::string with_offer = tree + "  - {urn: 100005, stage: embedding, year: 2022/23, status: accepted, on: 2022-05-01}\n";
    Workspace ws(load_fixture(with_offer), d(2022, 9, 10));
    auto list = offers_due(ws.records(), ws.index(), ws.journeys(), AcademicYear(2022), false, d(2022, 9, 10));
    bool esk = false;
    for (const auto& r : list.rows)
        if (r.school->urn == 100005) {
            esk = true;
            REQUIRE(r.cohort);
            CHECK(r.cohort->id == "emb-2022");
        }
    CHECK(esk);
}

TEST_CASE("offers gaps: none recorded from 1 January, offered and unanswered a month on") {
    Workspace ws(load_fixture(tree), d(2022, 9, 10));
    Table t = offer_gaps_table(ws.records(), ws.index(), ws.journeys(), AcademicYear(2022), d(2022, 9, 10));
    REQUIRE(t.rows.size() == 2);
    CHECK(std::get<long long>(t.rows[0][0].value) == 100002);  // offered 2022-06-01, chase 2022-07-01
    CHECK(std::get<Date>(t.rows[0][5].value) == d(2022, 7, 1));
    CHECK(std::get<long long>(t.rows[1][0].value) == 100003);  // none
    CHECK(std::get<std::string>(t.rows[1][3].value) == "none");

    // Before the month is up, the offer waits; before 1 January of 2021/22, nothing is missing.
    CHECK(offer_gaps_table(ws.records(), ws.index(), ws.journeys(), AcademicYear(2022), d(2022, 6, 30)).rows.size() == 1);
    CHECK(offer_gaps_table(ws.records(), ws.index(), ws.journeys(), AcademicYear(2022), d(2021, 12, 31)).rows.empty());
}

TEST_CASE("progression: finished, offered the next stage, accepted, enrolled") {
    Workspace ws(load_fixture(tree), d(2022, 9, 10));
    auto s = progression_section(ws.records(), ws.journeys(), AcademicYear(2022));
    REQUIRE(s.rows.size() == 4);
    const auto& dev = s.rows[std::size_t(Stage::development)];
    CHECK(dev.next == Stage::embedding);
    CHECK(dev.finished == 2);  // Aire and Esk; Beck withdrew, Calder is incomplete
    CHECK(dev.offered == 1);   // Aire
    CHECK(dev.accepted == 1);
    CHECK(dev.enrolled == 1);  // Esk
    for (Stage st : {Stage::readiness, Stage::embedding, Stage::sustaining})
        CHECK(s.rows[std::size_t(st)].finished == 0);
}

TEST_CASE("offer/stage warns of a stage the school is not due and offer/duplicate refuses a second offer") {
    std::string bad = tree +
                      "  - {urn: 100003, stage: embedding, year: 2022/23, status: offered, on: 2022-05-01}\n"
                      "  - {urn: 100006, stage: sustaining, year: 2022/23, status: offered, on: 2022-05-01}\n"
                      "  - {urn: 100001, stage: embedding, year: 2022/23, status: declined, on: 2022-06-01}\n";
    Workspace ws(load_fixture(bad), d(2022, 9, 10));
    auto stage = of_rule(ws.findings(), "offer/stage");
    REQUIRE(stage.size() == 2);
    CHECK(stage[0]->severity == Severity::warning);
    CHECK(stage[0]->message ==
          "school 100003 is offered embedding for 2022/23, but its next stage is development "
          "(after development 2021/22, incomplete)");
    CHECK(stage[1]->message.find("taken part in no stage before") != std::string::npos);
    auto dup = of_rule(ws.findings(), "offer/duplicate");
    REQUIRE(dup.size() == 1);
    CHECK(dup[0]->severity == Severity::error);
    CHECK(dup[0]->message.find("a second offer for school 100001 for 2022/23") == 0);
    // The tree's own offers are each the school's next stage.
    Workspace clean(load_fixture(tree), d(2022, 9, 10));
    CHECK(of_rule(clean.findings(), "offer/stage").empty());
}

TEST_CASE("offers: an unknown URN is ref/unknown, a bad status a schema error") {
    std::string bad = tree + "  - {urn: 199999, stage: development, year: 2022/23, status: offered, on: 2022-05-01}\n"
                             "  - {urn: 100006, stage: development, year: 2022/23, status: maybe, on: 2022-05-01}\n";
    Workspace ws(load_text(bad), d(2022, 9, 10));
    auto unknown = of_rule(ws.findings(), "ref/unknown");
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0]->message == "unknown school 199999 in an offer for 2022/23");
    auto type = of_rule(ws.findings(), "schema/type");
    REQUIRE(type.size() == 1);
    CHECK(type[0]->message.find("maybe") != std::string::npos);
    CHECK(ws.records().offers.size() == 4);  // the one with a bad status is left out
}

TEST_CASE("offers: a snapshot leaves out offers and answers dated after --as-of") {
    Workspace ws(load_fixture(tree), d(2022, 5, 15), Workspace::View::snapshot);
    CHECK(ws.records().offers.size() == 2);  // Beck's offer of 2022-06-01 is not yet written
    Workspace all(load_fixture(tree), d(2022, 5, 15));
    CHECK(all.records().offers.size() == 3);
}
