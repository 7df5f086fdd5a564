// `tfm report` (SPEC section 6) over small trees: band labels, journey patterns, and the
// summary, stages, reach, patterns, characteristics and cohorts tables. Every expected number
// is worked out by hand from the SPEC definitions in the comment beside it.
#include "tfm/analysis/report.h"

#include "../fixtures.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/analysis/journey_view.h"
#include "tfm/render/report_tables.h"
#include "tfm/load/load.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace tfm;

namespace {

// A loaded tree (its index and journeys against an as-of date), and its report sections.
struct Tree {
    Workspace ws;

    Tree(std::string_view yaml, Date as_of) : ws(test::load_fixture(yaml), as_of) {}

    // One section of the report for `year`.
    Table section(std::string name, int year) const {
        ReportOptions o;
        o.year = AcademicYear(year);
        o.sections = {name};
        auto tables = report_tables(build_report(ws.records(), ws.index(), ws.journeys(), o));
        REQUIRE(tables.size() == 1);
        CHECK(tables[0].name == name);
        // As machines read it, less the names beside ids (named_columns_test checks those).
        Table machines = for_reader(tables[0], false), out{machines.name, machines.title, {}, {}};
        std::vector<std::size_t> kept;
        for (std::size_t c = 0; c < machines.columns.size(); ++c)
            if (!machines.columns[c].key.ends_with("_name")) {
                kept.push_back(c);
                out.columns.push_back(machines.columns[c]);
            }
        for (const auto& row : machines.rows) {
            out.rows.emplace_back();
            for (std::size_t c : kept) out.rows.back().push_back(row[c]);
        }
        return out;
    }
    const Journey& journey(Urn urn) const {
        for (const auto& j : ws.journeys())
            if (j.school->urn == urn) return j;
        FAIL("no journey for ", urn);
        return ws.journeys().front();
    }
};

// A table's rows as text, cells joined by "," and rows by " | ", for readable comparisons.
std::string rows(const Table& t) {
    std::string out;
    for (const auto& row : t.rows) {
        if (!out.empty()) out += " | ";
        for (std::size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + row[c].text();
    }
    return out;
}

std::string_view pattern_name(const Journey& j, AcademicYear year) {
    return name_of(journey_pattern(j, year));
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : " ") + s;
    return out;
}

// A journey with just stages and years, enough for journey_pattern.
Journey path(std::vector<std::pair<Stage, int>> steps) {
    Journey j;
    for (auto [stage, year] : steps) {
        Engagement e;
        e.stage = stage;
        e.year = AcademicYear(year);
        j.engagements.push_back(e);
    }
    return j;
}

constexpr Stage R = Stage::readiness, D = Stage::development, E = Stage::embedding,
                S = Stage::sustaining;

}  // namespace

// ---- band labels ------------------------------------------------------------------------

TEST_CASE("report: band labels run from below the first cut point to at or above the last") {
    CHECK(joined(band_labels({20, 30, 40, 50})) == "<20 20-30 30-40 40-50 >=50");
    CHECK(joined(band_labels({10})) == "<10 >=10");
    CHECK(joined(band_labels({1, 2.5, 5})) == "<1 1-2.5 2.5-5 >=5");
    CHECK(joined(band_labels({})) == "all");
}

TEST_CASE("report: band labels print cut points as written, never rounded") {
    // Two cut points that round alike to two places must still print differently.
    CHECK(joined(band_labels({0.125, 0.13})) == "<0.125 0.125-0.13 >=0.13");
    CHECK(band_label(0.124, {0.125, 0.13}) == "<0.125");
    CHECK(joined(band_labels({7.75})) == "<7.75 >=7.75");
}

TEST_CASE("report: a value exactly at a cut point goes to the upper band") {
    const std::vector<double> fsm = {20, 30, 40, 50};
    CHECK(band_label(0, fsm) == "<20");
    CHECK(band_label(19.99, fsm) == "<20");
    CHECK(band_label(20, fsm) == "20-30");
    CHECK(band_label(29.9, fsm) == "20-30");
    CHECK(band_label(30, fsm) == "30-40");
    CHECK(band_label(42.5, fsm) == "40-50");
    CHECK(band_label(49.99, fsm) == "40-50");
    CHECK(band_label(50, fsm) == ">=50");
    CHECK(band_label(100, fsm) == ">=50");
}

TEST_CASE("report: band labels with decimal cut points") {
    const std::vector<double> cuts = {1, 2.5, 5};
    CHECK(band_label(0.99, cuts) == "<1");
    CHECK(band_label(1, cuts) == "1-2.5");
    CHECK(band_label(2.49, cuts) == "1-2.5");
    CHECK(band_label(2.5, cuts) == "2.5-5");
    CHECK(band_label(4.999, cuts) == "2.5-5");
    CHECK(band_label(5, cuts) == ">=5");
    CHECK(band_label(3, {}) == "all");
}

TEST_CASE("report: every band label is one of band_labels") {
    const std::vector<double> cuts = {10, 20, 30, 40, 50, 60, 70, 80, 90};
    auto labels = band_labels(cuts);
    CHECK(labels.size() == 10);
    for (double v = 0; v <= 100; v += 0.5)
        CHECK(std::find(labels.begin(), labels.end(), band_label(v, cuts)) != labels.end());
}

TEST_CASE("report: bands carry their bounds, the first open below and the last open above") {
    const std::vector<double> cuts = {20, 40};
    auto bands = bands_of(cuts);
    REQUIRE(bands.size() == 3);
    CHECK(bands[0] == Band{std::nullopt, 20.0});
    CHECK(bands[1] == Band{20.0, 40.0});
    CHECK(bands[2] == Band{40.0, std::nullopt});
    CHECK(band_of(19.99, cuts) == bands[0]);
    CHECK(band_of(20, cuts) == bands[1]);
    CHECK(band_of(40, cuts) == bands[2]);
    CHECK(bands_of({}) == std::vector<Band>{Band{}});
    CHECK(band_label(Band{}) == "all");
}

// ---- journey patterns -------------------------------------------------------------------

TEST_CASE("report: pattern readiness_to_sustaining") {
    auto j = path({{R, 2018}, {D, 2019}, {E, 2020}, {S, 2021}, {S, 2022}});
    CHECK(pattern_name(j, AcademicYear(2021)) == "readiness_to_sustaining");
    CHECK(pattern_name(j, AcademicYear(2022)) == "readiness_to_sustaining");
    // Up to 2020/21 it has not reached sustaining yet.
    CHECK(pattern_name(j, AcademicYear(2020)) == "in_progress");
}

TEST_CASE("report: pattern development_to_sustaining") {
    auto j = path({{D, 2019}, {E, 2020}, {S, 2021}});
    CHECK(pattern_name(j, AcademicYear(2021)) == "development_to_sustaining");
    CHECK(pattern_name(j, AcademicYear(2025)) == "development_to_sustaining");
    CHECK(pattern_name(j, AcademicYear(2019)) == "in_progress");
}

TEST_CASE("report: pattern gap when a year without engagement lies between two engagements") {
    CHECK(pattern_name(path({{D, 2018}, {E, 2020}}), AcademicYear(2020)) == "gap");
    // A gap comes first: a readiness-to-sustaining journey with a gap year is `gap`.
    CHECK(pattern_name(path({{R, 2017}, {D, 2018}, {E, 2019}, {S, 2021}}), AcademicYear(2021)) ==
          "gap");
    // Even one that began with embedding.
    CHECK(pattern_name(path({{E, 2017}, {S, 2019}}), AcademicYear(2019)) == "gap");
}

TEST_CASE("report: pattern gap only counts years up to the selected year") {
    auto j = path({{D, 2019}, {E, 2020}, {S, 2023}});
    // 2021/22 and 2022/23 are gap years, but only once the 2023/24 engagement is counted.
    CHECK(pattern_name(j, AcademicYear(2020)) == "in_progress");
    CHECK(pattern_name(j, AcademicYear(2022)) == "in_progress");
    CHECK(pattern_name(j, AcademicYear(2023)) == "gap");
}

TEST_CASE("report: pattern in_progress for a journey begun with readiness or development") {
    CHECK(pattern_name(path({{R, 2021}}), AcademicYear(2021)) == "in_progress");
    CHECK(pattern_name(path({{D, 2021}}), AcademicYear(2021)) == "in_progress");
    CHECK(pattern_name(path({{R, 2020}, {D, 2021}, {E, 2022}}), AcademicYear(2022)) ==
          "in_progress");
    // Sustaining planned after the selected year does not count yet.
    CHECK(pattern_name(path({{D, 2020}, {E, 2021}, {S, 2022}}), AcademicYear(2021)) ==
          "in_progress");
}

TEST_CASE("report: pattern other for a school that began with embedding or sustaining") {
    CHECK(pattern_name(path({{E, 2020}, {S, 2021}}), AcademicYear(2021)) == "other");
    CHECK(pattern_name(path({{E, 2021}}), AcademicYear(2021)) == "other");
    CHECK(pattern_name(path({{S, 2020}, {S, 2021}}), AcademicYear(2021)) == "other");
    // No engagement up to the selected year.
    CHECK(pattern_name(path({}), AcademicYear(2021)) == "other");
    CHECK(pattern_name(path({{D, 2022}}), AcademicYear(2021)) == "other");
}

TEST_CASE("report: pattern of a real journey: history before a cohort") {
    // History readiness 2019/20 and development 2020/21, then cohorts: embedding 2021/22 and
    // sustaining 2022/23. Engagements are ordered by year, so it began with readiness.
    Tree t(R"(hub: {name: H}
schools:
  - urn: 100001
    name: A
    phase: primary
    area: North
    history:
      - {stage: development, year: 2020/21}
      - {stage: readiness, year: 2019/20}
cohorts:
  - {id: emb, stage: embedding, year: 2021/22, lead: ann, schools: [{urn: 100001}]}
  - {id: sus, stage: sustaining, year: 2022/23, lead: ann, schools: [{urn: 100001}]}
)",
           Date(2022, 10, 1));
    const Journey& j = t.journey(100001);
    CHECK(pattern_name(j, AcademicYear(2022)) == "readiness_to_sustaining");
    CHECK(pattern_name(j, AcademicYear(2021)) == "in_progress");
}

// ---- the report's tables ----------------------------------------------------------------

TEST_CASE("report: sections come in the SPEC's order, all of them by default") {
    Tree t("hub: {name: H}\n", Date(2022, 10, 1));
    ReportOptions o;
    o.year = AcademicYear(2022);
    auto all = report_tables(build_report(t.ws.records(), t.ws.index(), t.ws.journeys(), o));
    std::vector<std::string> names;
    for (const auto& table : all) names.push_back(table.name);
    CHECK(joined(names) == "summary stages reach patterns characteristics cohorts leads progression");
    o.sections = {"cohorts", "reach"};
    auto two = report_tables(build_report(t.ws.records(), t.ws.index(), t.ws.journeys(), o));
    REQUIRE(two.size() == 2);
    CHECK(two[0].name == "reach");
    CHECK(two[1].name == "cohorts");
}

// Reach: leads A..D and schools 100001..100006.
//   ann trained 2019/20, own school 100001 (never engaged)
//   bob trained 2021/22, own school 100002 (history development 2018/19: reached earlier)
//   cat readiness lead, no training year: never counted
//   dan trained 2023/24, own school 100003 (in a 2022/23 cohort, withdrawn)
//   100004 history development 2020/21 and embedding 2021/22 (one school, counted once)
//   100005 never engaged, nobody's school: never reached
//   100006 in the 2022/23 cohort
const char* reach_yaml = R"(hub: {name: H}
leads:
  - {id: ann, name: Ann, role: specialist, school: 100001, trained: 2019/20}
  - {id: bob, name: Bob, role: specialist, school: 100002, trained: 2021/22}
  - {id: cat, name: Cat, role: readiness_lead}
  - {id: dan, name: Dan, role: specialist, school: 100003, trained: 2023/24}
schools:
  - {urn: 100001, name: A, phase: primary, area: North}
  - urn: 100002
    name: B
    phase: primary
    area: North
    history: [{stage: development, year: 2018/19}]
  - {urn: 100003, name: C, phase: primary, area: North}
  - urn: 100004
    name: D
    phase: primary
    area: North
    history: [{stage: development, year: 2020/21}, {stage: embedding, year: 2021/22}]
  - {urn: 100005, name: E, phase: primary, area: North}
  - {urn: 100006, name: F, phase: primary, area: North}
cohorts:
  - id: dev
    stage: development
    year: 2022/23
    lead: ann
    schools:
      - {urn: 100003, status: withdrawn, withdrawn_on: 2022-11-01}
      - {urn: 100006}
)";

TEST_CASE("report: reach counts leads trained and distinct schools reached, cumulatively") {
    Tree t(reach_yaml, Date(2023, 3, 1));
    // First year: B's history in 2018/19 (before any training year).
    // 2018/19: leads 0, schools B                        = 1
    // 2019/20: leads ann = 1, schools + A (ann's school)  = 2
    // 2020/21: leads 1, schools + D                       = 3
    // 2021/22: leads + bob = 2, B already reached         = 3
    // 2022/23: leads 2, schools + C (withdrawn) + F       = 5
    // schools_completed_or_in_progress leaves C out (its only engagement is withdrawn): 4.
    Table reach = t.section("reach", 2022);
    CHECK(rows(reach) == "2018/19,0,1,1 | 2019/20,1,2,2 | 2020/21,1,3,3 | 2021/22,2,3,3 | 2022/23,2,5,4");
    // 2023/24: dan trained (3 leads); his school C was already reached in 2022/23, and now
    // counts as the DfE counts from his training year.
    CHECK(rows(t.section("reach", 2023)) ==
          "2018/19,0,1,1 | 2019/20,1,2,2 | 2020/21,1,3,3 | 2021/22,2,3,3 | 2022/23,2,5,4 | 2023/24,3,5,5");
    REQUIRE(reach.columns.size() == 4);
    CHECK(reach.columns[0].key == "year");
    CHECK(reach.columns[1].key == "leads");
    CHECK(reach.columns[2].key == "schools");
    CHECK(reach.columns[3].key == "schools_completed_or_in_progress");
}

TEST_CASE("report: reach lists no year before the first engagement or training year") {
    Tree t(reach_yaml, Date(2023, 3, 1));
    CHECK(t.section("reach", 2017).rows.empty());
    CHECK(rows(t.section("reach", 2018)) == "2018/19,0,1,1");
}

TEST_CASE("report: reach begins with a training year that comes before every engagement") {
    // The lead trained in 2015/16 and has no school; the only school began in 2017/18.
    Tree t(R"(hub: {name: H}
leads: [{id: ann, name: Ann, role: specialist, trained: 2015/16}]
schools:
  - urn: 100001
    name: A
    phase: primary
    area: North
    history: [{stage: readiness, year: 2017/18}]
)",
           Date(2018, 1, 1));
    CHECK(rows(t.section("reach", 2017)) == "2015/16,1,0,0 | 2016/17,1,0,0 | 2017/18,1,1,1");
}

TEST_CASE("report: a lead's own school counts in reach from the trained year with no engagement") {
    Tree t(R"(hub: {name: H}
leads: [{id: ann, name: Ann, role: specialist, school: 100001, trained: 2020/21}]
schools: [{urn: 100001, name: A, phase: primary, area: North}]
)",
           Date(2021, 1, 1));
    CHECK(t.journey(100001).engagements.empty());
    CHECK(rows(t.section("reach", 2021)) == "2020/21,1,1,1 | 2021/22,1,1,1");  // a lead's school counts as the DfE counts too
}

// Stages: P in two development cohorts of 2021/22 (and readiness history in 2019/20), Q with
// history development 2021/22 and a 2022/23 embedding cohort, R in one development cohort.
// The lead trained in 2017/18: stages start at the first engagement, not at training.
const char* stages_yaml = R"(hub: {name: H}
leads: [{id: ann, name: Ann, role: specialist, trained: 2017/18}]
schools:
  - urn: 100001
    name: P
    phase: primary
    area: North
    history: [{stage: readiness, year: 2019/20}]
  - urn: 100002
    name: Q
    phase: primary
    area: North
    history: [{stage: development, year: 2021/22}]
  - {urn: 100003, name: R, phase: primary, area: North}
cohorts:
  - {id: dev-a, stage: development, year: 2021/22, lead: ann, schools: [{urn: 100001}, {urn: 100003}]}
  - {id: dev-b, stage: development, year: 2021/22, lead: ann, schools: [{urn: 100001}]}
  - {id: emb, stage: embedding, year: 2022/23, lead: ann, schools: [{urn: 100002}]}
)";

TEST_CASE("report: stages counts distinct schools per stage per year") {
    Tree t(stages_yaml, Date(2022, 1, 1));
    // 2019/20: readiness P. 2020/21: nothing. 2021/22: development P (twice), Q, R = 3.
    Table stages = t.section("stages", 2021);
    CHECK(rows(stages) == "2019/20,1,0,0,0 | 2020/21,0,0,0,0 | 2021/22,0,3,0,0");
    std::vector<std::string> keys;
    for (const auto& c : stages.columns) keys.push_back(c.key);
    CHECK(joined(keys) == "year readiness development embedding sustaining");
    // With 2022/23 selected, Q's embedding is counted.
    CHECK(rows(t.section("stages", 2022)) ==
          "2019/20,1,0,0,0 | 2020/21,0,0,0,0 | 2021/22,0,3,0,0 | 2022/23,0,0,1,0");
    CHECK(t.section("stages", 2018).rows.empty());
}

TEST_CASE("report: summary counts schools engaged this year by stage, ever, and coverage") {
    // 2021/22 selected:
    //   P1 primary: development cohort 2021/22
    //   P2 primary: readiness history 2019/20 only (ever engaged, not this year)
    //   P3 primary: embedding cohort 2022/23 (not yet engaged by 2021/22)
    //   P4 primary: readiness history and a development cohort, both 2021/22
    //   S1 secondary: development history 2020/21, embedding 2021/22 (withdrawn)
    // engaged: readiness P4 = 1, development P1 P4 = 2, embedding S1 = 1, sustaining 0,
    // all stages P1 P4 S1 = 3; ever P1 P2 P4 S1 = 4 (primary 3, secondary 1).
    // coverage: primary 3 of 8 = 37.5% (target 62.5 by 2022/23), secondary 1 of 4 = 25.0%
    // (target 25), special 0 of 2 = 0.0% with no target.
    // schools_completed_or_in_progress (the column after schools) leaves out S1's withdrawn
    // embedding: embedding 0, all stages 2; S1 still counts ever for its 2020/21 development.
    Tree t(R"(hub:
  name: H
  population: {primary: 8, secondary: 4, special: 2}
  targets:
    - {phase: secondary, percent: 25, by: 2022/23}
    - {phase: primary, percent: 62.5, by: 2022/23}
leads: [{id: ann, name: Ann, role: specialist}]
schools:
  - {urn: 100001, name: P1, phase: primary, area: North}
  - urn: 100002
    name: P2
    phase: primary
    area: North
    history: [{stage: readiness, year: 2019/20}]
  - {urn: 100003, name: P3, phase: primary, area: North}
  - urn: 100004
    name: P4
    phase: primary
    area: North
    history: [{stage: readiness, year: 2021/22}]
  - urn: 100005
    name: S1
    phase: secondary
    area: North
    history: [{stage: development, year: 2020/21}]
cohorts:
  - {id: dev, stage: development, year: 2021/22, lead: ann, schools: [{urn: 100001}, {urn: 100004}]}
  - {id: emb, stage: embedding, year: 2021/22, lead: ann, schools: [{urn: 100005, status: withdrawn}]}
  - {id: emb2, stage: embedding, year: 2022/23, lead: ann, schools: [{urn: 100003}]}
)",
           Date(2022, 1, 1));
    Table s = t.section("summary", 2021);
    CHECK(rows(s) ==
          "engaged,readiness,2021/22,1,1,,,, | "
          "engaged,development,2021/22,2,2,,,, | "
          "engaged,embedding,2021/22,1,0,,,, | "
          "engaged,sustaining,2021/22,0,0,,,, | "
          "engaged,all,2021/22,3,2,,,, | "
          "ever_engaged,all,2021/22,4,4,,,, | "
          "coverage,primary,2021/22,3,3,8,37.5,62.5,2022/23 | "
          "coverage,secondary,2021/22,1,1,4,25.0,25,2022/23 | "
          "coverage,special,2021/22,0,0,2,0.0,,");
}

TEST_CASE("report: patterns counts the schools engaged in the selected year, every pattern") {
    // Engaged in 2022/23: A (readiness 19/20 … sustaining 22/23), B (development 20/21 …
    // sustaining 22/23), C (development 19/20, embedding 22/23: gap), G (development 22/23),
    // O (embedding 21/22 history, sustaining 22/23: other). N (development 2021/22 only) is not
    // engaged in 2022/23 and is not counted.
    Tree t(R"(hub:
  name: H
  rules: {off: [journey/prerequisite]}
leads: [{id: ann, name: Ann, role: specialist}]
schools:
  - urn: 100001
    name: A
    phase: primary
    area: North
    history:
      - {stage: readiness, year: 2019/20}
      - {stage: development, year: 2020/21}
      - {stage: embedding, year: 2021/22}
  - urn: 100002
    name: B
    phase: primary
    area: North
    history: [{stage: development, year: 2020/21}, {stage: embedding, year: 2021/22}]
  - urn: 100003
    name: C
    phase: primary
    area: North
    history: [{stage: development, year: 2019/20}]
  - {urn: 100007, name: G, phase: primary, area: North}
  - urn: 100008
    name: O
    phase: primary
    area: North
    history: [{stage: embedding, year: 2021/22}]
  - urn: 100009
    name: N
    phase: primary
    area: North
    history: [{stage: development, year: 2021/22}]
cohorts:
  - {id: sus, stage: sustaining, year: 2022/23, lead: ann, schools: [{urn: 100001}, {urn: 100002}, {urn: 100008}]}
  - {id: emb, stage: embedding, year: 2022/23, lead: ann, schools: [{urn: 100003}]}
  - {id: dev, stage: development, year: 2022/23, lead: ann, schools: [{urn: 100007}]}
)",
           Date(2022, 10, 1));
    CHECK(rows(t.section("patterns", 2022)) ==
          "readiness_to_sustaining,1 | development_to_sustaining,1 | gap,1 | in_progress,1 | "
          "other,1");
    // In 2021/22: A, B, N in progress; O other; C not engaged.
    CHECK(rows(t.section("patterns", 2021)) ==
          "readiness_to_sustaining,0 | development_to_sustaining,0 | gap,0 | in_progress,3 | "
          "other,1");
}

TEST_CASE("report: all schools on record by characteristic, with the report's band labels") {
    auto loaded = load_text(R"(hub:
  name: H
  bands: {fsm: [20, 40]}
schools:
  - {urn: 100001, name: A, phase: primary, area: North, ofsted: good, fsm: 10}
  - {urn: 100002, name: B, phase: primary, area: North, fsm: 20}
  - {urn: 100003, name: C, phase: primary, area: South, ofsted: good, fsm: 45, eal: 3}
)");
    // No journeys: no school is engaged, and every school on record is in `all`.
    auto section = characteristics_section(loaded.records, {}, AcademicYear(2026));
    CHECK(section.engaged.rows.empty());
    const Characteristics& c = section.all;
    CHECK(c.schools == 3);
    std::vector<std::string> rows;
    for (const auto& r : c.rows)
        rows.push_back(std::string(name_of(r.dimension)) + " " + label_of(r.value) + " " + std::to_string(r.schools));
    CHECK(rows == std::vector<std::string>{"area North 2", "area South 1", "ofsted good 2",
                                           "ofsted unknown 1", "fsm <20 1", "fsm 20-40 1",
                                           "fsm >=40 1", "eal <10 1", "eal unknown 2",
                                           "ehcp unknown 3"});
}


TEST_CASE("report: characteristics give the engaged schools' shares beside all schools on record") {
    // Engaged in 2021/22: A (North) and C (South). On record: A, B (North), C (South), D (East).
    Tree t(R"(hub: {name: H}
schools:
  - {urn: 100001, name: A, phase: primary, area: North, history: [{stage: development, year: 2021/22}]}
  - {urn: 100002, name: B, phase: primary, area: North}
  - {urn: 100003, name: C, phase: primary, area: South, history: [{stage: development, year: 2021/22}]}
  - {urn: 100004, name: D, phase: primary, area: East}
)",
           Date(2022, 1, 1));
    ReportOptions o;
    o.year = AcademicYear(2021);
    o.sections = {"characteristics"};
    auto report = build_report(t.ws.records(), t.ws.index(), t.ws.journeys(), o);
    REQUIRE(report.characteristics);
    const auto& c = *report.characteristics;
    CHECK(c.engaged.schools == 2);
    CHECK(c.all.schools == 4);
    REQUIRE(c.shares.size() == 5);  // every dimension, in order
    CHECK(c.shares[0].dimension == Dimension::area);
    CHECK(c.shares[4].dimension == Dimension::ehcp);
    // Areas in the order of all schools (by name); East has no engaged school.
    const auto& areas = c.shares[0].values;
    REQUIRE(areas.size() == 3);
    CHECK(label_of(areas[0].value) == "East");
    CHECK(areas[0].engaged == 0);
    CHECK(areas[0].engaged_percent == 0);
    CHECK(areas[0].all == 1);
    CHECK(areas[0].all_percent == doctest::Approx(25));
    CHECK(label_of(areas[1].value) == "North");
    CHECK(areas[1].engaged == 1);
    CHECK(areas[1].engaged_percent == doctest::Approx(50));
    CHECK(areas[1].all == 2);
    CHECK(areas[1].all_percent == doctest::Approx(50));
    CHECK(label_of(areas[2].value) == "South");
    CHECK(areas[2].all_percent == doctest::Approx(25));
    // No grade recorded for anyone: one "unknown" value, every school in it.
    const auto& grades = c.shares[1].values;
    REQUIRE(grades.size() == 1);
    CHECK(std::holds_alternative<NotRecorded>(grades[0].value));
    CHECK(grades[0].engaged_percent == doctest::Approx(100));
    CHECK(grades[0].all_percent == doctest::Approx(100));
}

TEST_CASE("report: characteristics of engaged schools, empty bands omitted") {
    // Engaged in 2021/22: S1, S2, S3, S4 (S5 only in 2020/21). The hub sets ehcp cut points
    // [1, 2.5]; eal keeps the default cut points.
    //   S1 North good          fsm 20    -> 20-30  eal 10  -> 10-20  ehcp 2.5  -> >=2.5
    //   S2 North good          fsm 19.9  -> <20    eal 9.9 -> <10    ehcp 0.99 -> <1
    //   S3 South none          fsm 50    -> >=50   eal 90  -> >=90   ehcp 1    -> 1-2.5
    //   S4 South (no grade)    no fsm, eal, ehcp   -> unknown in each
    Tree t(R"(hub:
  name: H
  bands: {ehcp: [1, 2.5]}
leads: [{id: ann, name: Ann, role: specialist}]
schools:
  - {urn: 100001, name: S1, phase: primary, area: North, ofsted: good, fsm: 20, eal: 10, ehcp: 2.5}
  - {urn: 100002, name: S2, phase: primary, area: North, ofsted: good, fsm: 19.9, eal: 9.9, ehcp: 0.99}
  - {urn: 100003, name: S3, phase: primary, area: South, ofsted: none, fsm: 50, eal: 90, ehcp: 1}
  - {urn: 100004, name: S4, phase: primary, area: South}
  - {urn: 100005, name: S5, phase: primary, area: East, ofsted: outstanding, fsm: 35, eal: 55, ehcp: 3}
cohorts:
  - id: dev
    stage: development
    year: 2021/22
    lead: ann
    schools: [{urn: 100001}, {urn: 100002}, {urn: 100003}, {urn: 100004}]
  - {id: rdy, stage: readiness, year: 2020/21, lead: ann, schools: [{urn: 100005}]}
)",
           Date(2022, 1, 1));
    Table c = t.section("characteristics", 2021);
    CHECK(rows(c) ==
          "area,North,2 | area,South,2 | "
          "ofsted,good,2 | ofsted,none,1 | ofsted,unknown,1 | "
          "fsm,<20,1 | fsm,20-30,1 | fsm,>=50,1 | fsm,unknown,1 | "
          "eal,<10,1 | eal,10-20,1 | eal,>=90,1 | eal,unknown,1 | "
          "ehcp,<1,1 | ehcp,1-2.5,1 | ehcp,>=2.5,1 | ehcp,unknown,1");
    // 2020/21: S5 alone.
    CHECK(rows(t.section("characteristics", 2020)) ==
          "area,East,1 | ofsted,outstanding,1 | fsm,30-40,1 | eal,50-60,1 | ehcp,>=2.5,1");
    CHECK(t.section("characteristics", 2019).rows.empty());
}

TEST_CASE("report: cohorts of the year with meetings, visits and attendance") {
    // dev-a, 2021/22, schools X, Y, Z (withdrew 2021-11-01), V (withdrew, no date).
    //   2021-10-05  X present, Y absent, Z present   -> expected X Y Z = 3, present 2
    //   2021-11-16  X, Y present (Z withdrew before)  -> expected X Y   = 2, present 2
    //   2021-11-16  a second log of that meeting, no attendance: one meeting held
    //   2022-01-11  no attendance recorded            -> not counted
    //   2022-02-08  X absent, Y present               -> expected 2, present 1
    //   V is never expected, though marked present.  Attendance 5 of 7 = 71.4%.
    // Meetings held: 4 dates; planned: 6. Visits held: X 2021-10-12 (logged twice: one
    // visit) and an audit visit to Y 2021-10-19 = 2; planned: 3. A cpd session is neither.
    // dev-b has no logged meeting (no attendance); old is another year.
    Tree t(R"(hub: {name: H}
leads: [{id: ann, name: Ann, role: specialist}, {id: bob, name: Bob, role: specialist}]
schools:
  - {urn: 100001, name: X, phase: primary, area: North}
  - {urn: 100002, name: Y, phase: primary, area: North}
  - {urn: 100003, name: Z, phase: primary, area: North}
  - {urn: 100004, name: V, phase: primary, area: North}
  - {urn: 100005, name: W, phase: primary, area: North}
cohorts:
  - id: dev-b
    stage: sustaining
    year: 2021/22
    lead: bob
    schools: [{urn: 100005}]
  - id: dev-a
    stage: development
    year: 2021/22
    lead: ann
    schools:
      - {urn: 100001}
      - {urn: 100002}
      - {urn: 100003, status: withdrawn, withdrawn_on: 2021-11-01}
      - {urn: 100004, status: withdrawn}
    meetings: [2021-10-05, 2021-11-16, 2022-01-11, 2022-02-08, 2022-03-22, 2022-05-10]
    visits:
      - {urn: 100001, date: 2021-10-12}
      - {urn: 100002, date: 2021-10-19}
      - {urn: 100001, date: 2022-02-01}
  - {id: old, stage: development, year: 2020/21, lead: ann, schools: [{urn: 100005}]}
sessions:
  - {cohort: dev-a, date: 2021-10-05, type: meeting, attendance: {100001: [a], 100002: [], 100003: [c], 100004: [d]}}
  - {cohort: dev-a, date: 2021-11-16, type: meeting, attendance: {100001: [a], 100002: [b]}}
  - {cohort: dev-a, date: 2021-11-16, type: meeting}
  - {cohort: dev-a, date: 2022-01-11, type: meeting}
  - {cohort: dev-a, date: 2022-02-08, type: meeting, attendance: {100001: [], 100002: [b]}}
  - {cohort: dev-a, date: 2021-10-12, type: visit, school: 100001}
  - {cohort: dev-a, date: 2021-10-12, type: visit, school: 100001}
  - {cohort: dev-a, date: 2021-10-19, type: audit_visit, school: 100002}
  - {cohort: dev-a, date: 2021-10-20, type: cpd}
)",
           Date(2022, 3, 1));
    Table c = t.section("cohorts", 2021);
    CHECK(rows(c) ==
          "dev-a,development,ann,4,4,6,2,3,71 | "
          "dev-b,sustaining,bob,1,0,0,0,0,");
    REQUIRE(c.rows.size() == 2);
    REQUIRE(c.rows[0][8].numeric());
    CHECK(std::get<double>(c.rows[0][8].value) == doctest::Approx(500.0 / 7));
    CHECK(c.rows[1][8].empty());
    CHECK(rows(t.section("cohorts", 2020)) == "old,development,ann,1,0,0,0,0,");
    CHECK(t.section("cohorts", 2019).rows.empty());
}

// ---- finding a school for `tfm journey` --------------------------------------------------

TEST_CASE("report and journey: a school is found by URN, whole name, then part of its name") {
    Tree t(R"(hub: {name: H}
schools:
  - {urn: 100001, name: Birch Primary, phase: primary, area: North}
  - {urn: 100002, name: Birch Primary Annexe, phase: primary, area: North}
  - {urn: 100003, name: Élan Academy, phase: primary, area: North}
  - {urn: 100004, name: Oak 100001 School, phase: primary, area: North}
)",
           Date(2022, 1, 1));
    const Records& r = t.ws.records();
    auto urns = [&](std::string_view q) {
        std::string out;
        for (const School* s : find_schools(r, q)) out += (out.empty() ? "" : " ") + std::to_string(s->urn);
        return out;
    };
    // Digits are a URN, never part of a name.
    CHECK(urns("100001") == "100001");
    CHECK(urns("10000") == "");
    // A whole name wins over names that contain it, ignoring case.
    CHECK(urns("BIRCH primary") == "100001");
    CHECK(urns("birch") == "100001 100002");
    CHECK(urns("annexe") == "100002");
    // Accented capitals match their small letters.
    CHECK(urns("élan") == "100003");
    CHECK(urns("ÉLAN ACADEMY") == "100003");
    CHECK(urns("Nowhere") == "");
}
