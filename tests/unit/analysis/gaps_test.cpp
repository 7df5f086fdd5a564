// `tfm gaps` (SPEC section 6) and the term windows it uses (SPEC section 2): each kind of
// finding positive and negative, over trees loaded from YAML text. Every expected value was
// worked out by hand from the definitions in include/tfm/gaps.h and include/tfm/calendar.h.
#include "../fixtures.h"
#include "tfm/model/term_dates.h"
#include "tfm/analysis/gaps.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/load/load.h"
#include "tfm/render/json_table.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

using namespace tfm;

using Rows = std::vector<std::vector<std::string>>;

// Failed row comparisons show the rows, one per line.
namespace doctest {
template <>
struct StringMaker<Rows> {
    static String convert(const Rows& rows) {
        std::string out = "{";
        for (const auto& row : rows) {
            out += out.size() > 1 ? ",\n  {" : "\n  {";
            for (std::size_t i = 0; i < row.size(); ++i) out += (i ? ", \"" : "\"") + row[i] + "\"";
            out += "}";
        }
        out += rows.empty() ? "}" : "\n}";
        return String(out.c_str());
    }
};
}  // namespace doctest

namespace {

// A hub in Leeds with four primary schools and one lead; tests append cohorts and sessions.
const std::string base = R"(hub:
  name: Test Hub
  areas: [Leeds]
---
leads:
  - {id: jsmith, name: Jo Smith, role: specialist}
  - {id: pkhan, name: Priya Khan, role: specialist}
---
schools:
  - {urn: 100001, name: Aire Primary, phase: primary, area: Leeds}
  - {urn: 100002, name: Beck Primary, phase: primary, area: Leeds}
  - {urn: 100003, name: Calder Primary, phase: primary, area: Leeds}
  - {urn: 100004, name: Dale Primary, phase: primary, area: Leeds}
)";

// The SPEC's half-terms for 2021/22: terms Autumn 2021-09-02 – 2021-12-17, Spring
// 2022-01-04 – 2022-04-08, Summer 2022-04-25 – 2022-07-22.
const std::string terms_2021 = R"(  terms:
    2021/22:
      - {name: Autumn 1, start: 2021-09-02, end: 2021-10-22}
      - {name: Autumn 2, start: 2021-11-01, end: 2021-12-17}
      - {name: Spring 1, start: 2022-01-04, end: 2022-02-18}
      - {name: Spring 2, start: 2022-02-28, end: 2022-04-08}
      - {name: Summer 1, start: 2022-04-25, end: 2022-05-27}
      - {name: Summer 2, start: 2022-06-06, end: 2022-07-22}
)";

// `base` with extra lines added to the hub record (terms, rules).
std::string base_with_hub(const std::string& hub_lines) {
    std::string text = base;
    auto at = text.find("---");
    text.insert(at, hub_lines);
    return text;
}

// A loaded tree and its gaps for one year and as-of date.
class Run {
public:
    Run(const std::string& yaml, int year, Date as_of)
        : ws_(test::load_fixture(yaml, test::LoaderFindings::no_errors), as_of, Workspace::View::snapshot) {
        tables_ = build_gaps(ws_.records(), ws_.index(), ws_.journeys(),
                             GapOptions{AcademicYear(year), as_of});
    }

    const std::vector<Table>& tables() const { return tables_; }
    const Table& table(std::string_view kind) const {
        auto it = std::find_if(tables_.begin(), tables_.end(),
                               [&](const Table& t) { return t.name == kind; });
        REQUIRE(it != tables_.end());
        return *it;
    }
    // The rows of one kind as the text each cell shows, as machines read them, less the
    // names beside ids (named_columns_test checks those).
    Rows rows(std::string_view kind) const {
        Rows out;
        Table t = for_reader(table(kind), false);
        for (const auto& row : t.rows) {
            std::vector<std::string> texts;
            for (std::size_t c = 0; c < row.size(); ++c)
                if (!t.columns[c].key.ends_with("_name")) texts.push_back(row[c].text());
            out.push_back(texts);
        }
        return out;
    }

private:
    Workspace ws_;
    std::vector<Table> tables_;
};

std::vector<std::string> names(const std::vector<Window>& windows) {
    std::vector<std::string> out;
    for (const auto& w : windows) out.push_back(w.name);
    return out;
}

void check_window(const Window& w, const std::string& name, Date start, Date end) {
    CHECK(w.name == name);
    CHECK(w.start.str() == start.str());
    CHECK(w.end.str() == end.str());
}

std::vector<std::string> keys(const Table& t) {
    std::vector<std::string> out;
    for (const auto& c : t.columns) out.push_back(c.key);
    return out;
}

}  // namespace

// ---- calendar ---------------------------------------------------------------------------

TEST_CASE("calendar: default half-terms are six equal windows from 1 September to 20 July") {
    // 1 September 2021 is a Wednesday: 2021-09-01 to 2022-07-20 is 323 days; the windows
    // start at days 0, 53, 107, 161, 215 and 269 (i * 323 / 6, rounded down).
    auto halves = half_terms(nullptr, AcademicYear(2021));
    REQUIRE(halves.size() == 6);
    check_window(halves[0], "Autumn 1", Date(2021, 9, 1), Date(2021, 10, 23));
    check_window(halves[1], "Autumn 2", Date(2021, 10, 24), Date(2021, 12, 16));
    check_window(halves[2], "Spring 1", Date(2021, 12, 17), Date(2022, 2, 8));
    check_window(halves[3], "Spring 2", Date(2022, 2, 9), Date(2022, 4, 3));
    check_window(halves[4], "Summer 1", Date(2022, 4, 4), Date(2022, 5, 27));
    check_window(halves[5], "Summer 2", Date(2022, 5, 28), Date(2022, 7, 20));
}

TEST_CASE("calendar: default half-terms start on Monday 3 September when 1 September is a Saturday") {
    CHECK(Date(2018, 9, 1).weekday() == 5);
    // 2018-09-03 to 2019-07-20 is 321 days; the windows start at days 0, 53, 107, 160, 214, 267.
    auto halves = half_terms(nullptr, AcademicYear(2018));
    REQUIRE(halves.size() == 6);
    check_window(halves[0], "Autumn 1", Date(2018, 9, 3), Date(2018, 10, 25));
    check_window(halves[1], "Autumn 2", Date(2018, 10, 26), Date(2018, 12, 18));
    check_window(halves[2], "Spring 1", Date(2018, 12, 19), Date(2019, 2, 9));
    check_window(halves[3], "Spring 2", Date(2019, 2, 10), Date(2019, 4, 4));
    check_window(halves[4], "Summer 1", Date(2019, 4, 5), Date(2019, 5, 27));
    check_window(halves[5], "Summer 2", Date(2019, 5, 28), Date(2019, 7, 20));
}

TEST_CASE("calendar: default half-terms start on Monday 2 September when 1 September is a Sunday") {
    CHECK(Date(2024, 9, 1).weekday() == 6);
    auto halves = half_terms(nullptr, AcademicYear(2024));
    REQUIRE(halves.size() == 6);
    CHECK(halves.front().start.str() == "2024-09-02");
    CHECK(halves.back().end.str() == "2025-07-20");
    for (std::size_t i = 1; i < halves.size(); ++i)
        CHECK(halves[i].start == halves[i - 1].end.plus_days(1));
}

TEST_CASE("calendar: default terms pair the six windows into Autumn, Spring and Summer") {
    auto t = terms(half_terms(nullptr, AcademicYear(2021)));
    REQUIRE(t.size() == 3);
    check_window(t[0], "Autumn", Date(2021, 9, 1), Date(2021, 12, 16));
    check_window(t[1], "Spring", Date(2021, 12, 17), Date(2022, 4, 3));
    check_window(t[2], "Summer", Date(2022, 4, 4), Date(2022, 7, 20));
    CHECK(t[1].contains(Date(2021, 12, 17)));
    CHECK(t[1].contains(Date(2022, 4, 3)));
    CHECK_FALSE(t[1].contains(Date(2021, 12, 16)));
    CHECK_FALSE(t[1].contains(Date(2022, 4, 4)));
}

TEST_CASE("calendar: hub half-terms from YAML are used for their year, in date order, grouped into three terms") {
    // The half-terms are given out of order; they are sorted by start date.
    auto r = load_text(R"(hub:
  name: Test Hub
  terms:
    2021/22:
      - {name: Summer 2, start: 2022-06-06, end: 2022-07-22}
      - {name: Autumn 1, start: 2021-09-02, end: 2021-10-22}
      - {name: Autumn 2, start: 2021-11-01, end: 2021-12-17}
      - {name: Spring 1, start: 2022-01-04, end: 2022-02-18}
      - {name: Spring 2, start: 2022-02-28, end: 2022-04-08}
      - {name: Summer 1, start: 2022-04-25, end: 2022-05-27}
)");
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.records.hubs.size() == 1);
    const Hub* hub = &r.records.hubs[0];
    auto halves = half_terms(hub, AcademicYear(2021));
    CHECK(names(halves) == std::vector<std::string>{"Autumn 1", "Autumn 2", "Spring 1",
                                                    "Spring 2", "Summer 1", "Summer 2"});
    check_window(halves[0], "Autumn 1", Date(2021, 9, 2), Date(2021, 10, 22));
    check_window(halves[5], "Summer 2", Date(2022, 6, 6), Date(2022, 7, 22));
    auto t = terms(halves);
    REQUIRE(t.size() == 3);
    check_window(t[0], "Autumn", Date(2021, 9, 2), Date(2021, 12, 17));
    check_window(t[1], "Spring", Date(2022, 1, 4), Date(2022, 4, 8));
    check_window(t[2], "Summer", Date(2022, 4, 25), Date(2022, 7, 22));

    // A year the hub does not list falls back to the default windows: 1 September 2022 is a
    // Thursday, so they start that day.
    auto other = half_terms(hub, AcademicYear(2022));
    REQUIRE(other.size() == 6);
    CHECK(other.front().start.str() == "2022-09-01");
    CHECK(other.back().end.str() == "2023-07-20");
}

TEST_CASE("calendar: a year listed with no half-terms uses the default windows") {
    Hub hub;
    hub.terms[AcademicYear(2021)] = {};
    auto halves = half_terms(&hub, AcademicYear(2021));
    REQUIRE(halves.size() == 6);
    CHECK(halves.front().start.str() == "2021-09-01");
    CHECK(halves.back().end.str() == "2022-07-20");
}

TEST_CASE("calendar: five half-terms make three terms, the last of one half-term") {
    Hub hub;
    hub.terms[AcademicYear(2021)] = {
        Term{"A1", Date(2021, 9, 2), Date(2021, 10, 22)},
        Term{"A2", Date(2021, 11, 1), Date(2021, 12, 17)},
        Term{"S1", Date(2022, 1, 4), Date(2022, 2, 18)},
        Term{"S2", Date(2022, 2, 28), Date(2022, 4, 8)},
        Term{"Su", Date(2022, 4, 25), Date(2022, 7, 22)},
    };
    auto t = terms(half_terms(&hub, AcademicYear(2021)));
    REQUIRE(t.size() == 3);
    check_window(t[0], "Autumn", Date(2021, 9, 2), Date(2021, 12, 17));
    check_window(t[1], "Spring", Date(2022, 1, 4), Date(2022, 4, 8));
    check_window(t[2], "Summer", Date(2022, 4, 25), Date(2022, 7, 22));
}

// ---- the kinds --------------------------------------------------------------------------

TEST_CASE("gaps: thirteen kinds, in order, each a table with the SPEC's JSON keys") {
    CHECK(gap_kinds() == std::vector<std::string_view>{"gaps", "lapsed", "attendance", "visits",
                                                       "overdue", "sustaining_visits",
                                                       "year_groups", "agendas", "agenda_due",
                                                       "capacity_lost", "new_maths_lead", "offers",
                                                       "never_engaged"});
    Run run(base, 2021, Date(2022, 3, 15));
    REQUIRE(run.tables().size() == gap_kinds().size());
    for (std::size_t i = 0; i < gap_kinds().size(); ++i) {
        CHECK(run.tables()[i].name == gap_kinds()[i]);
        CHECK_FALSE(run.tables()[i].title.empty());
    }
    CHECK(keys(run.table("gaps")) ==
          std::vector<std::string>{"urn", "name", "journey", "missing_years"});
    CHECK(keys(run.table("offers")) ==
          std::vector<std::string>{"urn", "name", "next_stage", "status", "on", "chase_from"});
    CHECK(keys(run.table("lapsed")) ==
          std::vector<std::string>{"urn", "name", "last_stage", "last_year", "next_stage"});
}

TEST_CASE("gaps: a tree with nothing to report has every table empty and every JSON array present") {
    std::string yaml = base + R"(---
cohort:
  id: dev
  stage: development
  year: 2021/22
  lead: jsmith
  schools:
    - {urn: 100001, participants: [A]}
    - {urn: 100002, participants: [B]}
    - {urn: 100003, participants: [C]}
    - {urn: 100004, participants: [D]}
  meetings: [2021-09-21, 2021-11-02]
---
session:
  cohort: dev
  date: 2021-09-21
  type: meeting
  agenda:
    - {at: "13:00", minutes: 60, item: Observed lesson}
  attendance: {100001: [A], 100002: [B], 100003: [C], 100004: [D]}
)";
    // The Autumn term has not ended and a planned meeting is still to come.
    Run run(yaml, 2021, Date(2021, 10, 1));
    for (const auto& t : run.tables()) CHECK_MESSAGE(t.rows.empty(), t.name);
    std::string json = render_json(run.tables());
    for (auto kind : gap_kinds())
        CHECK_MESSAGE(json.find("\"" + std::string(kind) + "\": []") != std::string::npos, kind);
}

TEST_CASE("gaps: years with no engagement between two engagements, up to the selected year") {
    std::string yaml = base + R"(---
schools:
  - urn: 100005
    name: Eden Primary
    phase: primary
    area: Leeds
    history:
      - {stage: readiness, year: 2017/18}
      - {stage: development, year: 2020/21}
  - urn: 100006
    name: Fell Primary
    phase: primary
    area: Leeds
    history: [{stage: development, year: 2019/20}]
---
cohort:
  id: emb
  stage: embedding
  year: 2021/22
  lead: jsmith
  schools: [{urn: 100006, participants: [F]}]
)";
    Run run(yaml, 2021, Date(2022, 3, 15));
    CHECK(run.rows("gaps") ==
          Rows{{"100005", "Eden Primary", "readiness 2017/18, development 2020/21",
                "2018/19, 2019/20"},
               {"100006", "Fell Primary", "development 2019/20, embedding 2021/22", "2020/21"}});
    // missing_years is a list (a JSON array), not one string.
    const Cell& missing = run.table("gaps").rows[0][3];
    REQUIRE(std::holds_alternative<std::vector<std::string>>(missing.value));
    CHECK(std::get<std::vector<std::string>>(missing.value) ==
          std::vector<std::string>{"2018/19", "2019/20"});

    // Only missing years up to the selected year are listed.
    Run earlier(yaml, 2018, Date(2022, 3, 15));
    CHECK(earlier.rows("gaps") ==
          Rows{{"100005", "Eden Primary", "readiness 2017/18, development 2020/21", "2018/19"}});
    Run first(yaml, 2017, Date(2022, 3, 15));
    CHECK(first.rows("gaps").empty());
}

TEST_CASE("gaps: consecutive years and a single engagement are not gaps") {
    std::string yaml = base + R"(---
schools:
  - urn: 100005
    name: Eden Primary
    phase: primary
    area: Leeds
    history:
      - {stage: development, year: 2019/20}
      - {stage: embedding, year: 2020/21}
  - urn: 100006
    name: Fell Primary
    phase: primary
    area: Leeds
    history: [{stage: development, year: 2016/17}]
)";
    Run run(yaml, 2021, Date(2022, 3, 15));
    CHECK(run.rows("gaps").empty());
}

TEST_CASE("gaps lapsed: latest engagement before the selected year, with its stage and year and the next stage") {
    std::string yaml = base + R"(---
schools:
  - urn: 100005
    name: Eden Primary
    phase: primary
    area: Leeds
    history:
      - {stage: development, year: 2018/19}
      - {stage: embedding, year: 2019/20}
  - urn: 100006
    name: Fell Primary
    phase: primary
    area: Leeds
    history: [{stage: development, year: 2020/21}]
---
cohorts:
  - id: dev
    stage: development
    year: 2021/22
    lead: jsmith
    schools: [{urn: 100002, participants: [B]}]
  - id: emb-next
    stage: embedding
    year: 2022/23
    lead: jsmith
    schools: [{urn: 100006, participants: [F]}]
)";
    // 100002 is enrolled this year; 100006 has a planned engagement next year; 100001,
    // 100003 and 100004 never engaged: none of them is lapsed.
    Run run(yaml, 2021, Date(2022, 3, 15));
    CHECK(run.rows("lapsed") ==
          Rows{{"100005", "Eden Primary", "embedding", "2019/20", "sustaining"}});

    // Relative to the selected year: in 2022/23 the 2021/22 development school has lapsed
    // (its engagement is in progress at the as-of date, so embedding is next).
    Run next(yaml, 2022, Date(2022, 3, 15));
    CHECK(next.rows("lapsed") ==
          Rows{{"100002", "Beck Primary", "development", "2021/22", "embedding"},
               {"100005", "Eden Primary", "embedding", "2019/20", "sustaining"}});

    // In 2019/20 nobody had lapsed yet: 100005 was engaged that year.
    Run earlier(yaml, 2019, Date(2022, 3, 15));
    CHECK(earlier.rows("lapsed").empty());
}

TEST_CASE("gaps lapsed: after a withdrawal or low attendance the next stage repeats the stage") {
    std::string yaml = base + R"(---
cohort:
  id: dev
  stage: development
  year: 2020/21
  lead: jsmith
  schools:
    - {urn: 100001, participants: [A], status: withdrawn, withdrawn_on: 2021-01-10}
    - {urn: 100002, participants: [B]}
    - {urn: 100003, participants: [C]}
  meetings: [2020-10-06, 2020-11-17, 2021-01-12]
---
sessions:
  - {cohort: dev, date: 2020-10-06, type: meeting, attendance: {100001: [A], 100002: [B], 100003: [C]}}
  - {cohort: dev, date: 2020-11-17, type: meeting, attendance: {100001: [A], 100002: [], 100003: [C]}}
  - {cohort: dev, date: 2021-01-12, type: meeting, attendance: {100002: [], 100003: [C]}}
---
school:
  urn: 100005
  name: Eden Primary
  phase: primary
  area: Leeds
  history: [{stage: readiness, year: 2020/21}]
)";
    // 100002 attended 1 of 3 (incomplete); 100003 attended 3 of 3 (completed).
    Run run(yaml, 2021, Date(2022, 3, 15));
    CHECK(run.rows("lapsed") ==
          Rows{{"100001", "Aire Primary", "development", "2020/21", "development"},
               {"100002", "Beck Primary", "development", "2020/21", "development"},
               {"100003", "Calder Primary", "development", "2020/21", "embedding"},
               {"100005", "Eden Primary", "readiness", "2020/21", "development"}});
}

namespace {

// Development 2021/22: 100001 attends 3 of 3, 100002 1 of 3, 100003 2 of 3, 100004 withdrew
// and attended none. A fourth log records no attendance and does not count. 100002 was also
// absent from all of a 2020/21 cohort, which is not this year.
const std::string attendance_yaml = R"(---
cohorts:
  - id: dev
    stage: development
    year: 2021/22
    lead: jsmith
    schools:
      - {urn: 100001, participants: [A]}
      - {urn: 100002, participants: [B]}
      - {urn: 100003, participants: [C]}
      - {urn: 100004, participants: [D], status: withdrawn}
  - id: rdy
    stage: readiness
    year: 2020/21
    lead: jsmith
    schools: [{urn: 100002, participants: [B]}]
---
sessions:
  - {cohort: dev, date: 2021-09-21, type: meeting, attendance: {100001: [A], 100002: [B], 100003: [C], 100004: []}}
  - {cohort: dev, date: 2021-11-02, type: meeting, attendance: {100001: [A], 100002: [], 100003: [C], 100004: []}}
  - {cohort: dev, date: 2021-12-14, type: meeting, attendance: {100001: [A], 100002: [], 100003: [], 100004: []}}
  - {cohort: dev, date: 2022-01-25, type: meeting}
  - {cohort: rdy, date: 2020-10-06, type: meeting, attendance: {100002: []}}
)";

}  // namespace

TEST_CASE("gaps attendance: schools of the year's cohorts below the completion threshold") {
    // 2 of 3 is 66.7%, which meets the default 0.67 as journeys count it (a 0.005 tolerance).
    Run run(base + attendance_yaml, 2021, Date(2022, 3, 15));
    CHECK(run.rows("attendance") ==
          Rows{{"100002", "Beck Primary", "dev", "1", "3", "33", "67"}});
    const auto& row = run.table("attendance").rows[0];
    REQUIRE(std::holds_alternative<double>(row[6].value));  // after cohort and cohort_name
    CHECK(std::get<double>(row[6].value) == doctest::Approx(100.0 / 3));

    // In 2020/21, 100002 attended 0 of 1.
    Run earlier(base + attendance_yaml, 2020, Date(2022, 3, 15));
    CHECK(earlier.rows("attendance") ==
          Rows{{"100002", "Beck Primary", "rdy", "0", "1", "0", "67"}});

    // A year with no logged meetings has nothing to report.
    Run later(base + attendance_yaml, 2022, Date(2022, 3, 15));
    CHECK(later.rows("attendance").empty());
}

TEST_CASE("gaps attendance: the hub's completion setting is the threshold") {
    // As the year ended: 100003 missed one meeting, which is a finding once the year is over.
    std::string yaml = base_with_hub("  rules: {completion: 0.75}\n") + attendance_yaml;
    Run run(yaml, 2021, Date(2022, 9, 15));
    CHECK(run.rows("attendance") ==
          Rows{{"100002", "Beck Primary", "dev", "1", "3", "33", "75"},
               {"100003", "Calder Primary", "dev", "2", "3", "67", "75"}});
    Run low(base_with_hub("  rules: {completion: 0.3}\n") + attendance_yaml, 2021,
            Date(2022, 3, 15));
    CHECK(low.rows("attendance").empty());
}

namespace {

// Development 2021/22, four schools. 100001: visits 2021-10-05 and 2022-04-09 (the Easter
// holiday after Spring). 100002: a visit in the Christmas holiday, 2021-12-20, and none in
// Spring. 100003: only a meeting and a cpd session, never visited. 100004: an audit visit
// in Autumn, then withdrew on 2022-01-01.
const std::string visits_yaml = R"(---
cohort:
  id: dev
  stage: development
  year: 2021/22
  lead: jsmith
  schools:
    - {urn: 100001, participants: [A]}
    - {urn: 100002, participants: [B]}
    - {urn: 100003, participants: [C]}
    - {urn: 100004, participants: [D], status: withdrawn, withdrawn_on: 2022-01-01}
---
sessions:
  - {cohort: dev, date: 2021-10-05, type: visit, school: 100001}
  - {cohort: dev, date: 2022-04-09, type: visit, school: 100001}
  - {cohort: dev, date: 2021-12-20, type: visit, school: 100002}
  - {cohort: dev, date: 2021-10-12, type: meeting, attendance: {100003: [C]}}
  - {cohort: dev, date: 2021-11-09, type: cpd, school: 100003}
  - {cohort: dev, date: 2021-11-16, type: audit_visit, school: 100004}
)";

}  // namespace

TEST_CASE("gaps visits: each school of the cohort needs a visit in every term that has ended (hub terms)") {
    std::string yaml = base_with_hub(terms_2021) + visits_yaml;
    // Autumn and Spring have ended; a holiday visit counts for the term before it.
    Run run(yaml, 2021, Date(2022, 4, 20));
    CHECK(run.rows("visits") == Rows{{"100003", "Calder Primary", "dev", "Autumn"},
                                     {"100002", "Beck Primary", "dev", "Spring"},
                                     {"100003", "Calder Primary", "dev", "Spring"}});
    // On Spring's last day only Autumn has ended.
    Run last_day(yaml, 2021, Date(2022, 4, 8));
    CHECK(last_day.rows("visits") == Rows{{"100003", "Calder Primary", "dev", "Autumn"}});
    // On Autumn's last day nothing has ended.
    Run autumn(yaml, 2021, Date(2021, 12, 17));
    CHECK(autumn.rows("visits").empty());
    // Once the year is over, Summer too: nobody was visited after 2022-04-24.
    Run over(yaml, 2021, Date(2022, 9, 1));
    CHECK(over.rows("visits") == Rows{{"100003", "Calder Primary", "dev", "Autumn"},
                                      {"100002", "Beck Primary", "dev", "Spring"},
                                      {"100003", "Calder Primary", "dev", "Spring"},
                                      {"100001", "Aire Primary", "dev", "Summer"},
                                      {"100002", "Beck Primary", "dev", "Summer"},
                                      {"100003", "Calder Primary", "dev", "Summer"}});
    // Another year's cohorts are not looked at.
    Run other(yaml, 2022, Date(2023, 9, 1));
    CHECK(other.rows("visits").empty());
}

TEST_CASE("gaps visits: the default windows when the hub gives no terms for the year") {
    // Default terms: Autumn 2021-09-01 – 2021-12-16, Spring 2021-12-17 – 2022-04-03,
    // Summer 2022-04-04 – 2022-07-20. Now 2021-12-20 is in Spring and 2022-04-09 in Summer;
    // 100004 withdrew before Spring ended, so it is not chased for Spring's visit.
    Run run(base + visits_yaml, 2021, Date(2022, 4, 20));
    CHECK(run.rows("visits") == Rows{{"100002", "Beck Primary", "dev", "Autumn"},
                                     {"100003", "Calder Primary", "dev", "Autumn"},
                                     {"100001", "Aire Primary", "dev", "Spring"},
                                     {"100003", "Calder Primary", "dev", "Spring"}});
}

TEST_CASE("gaps visits: stages without visits are not checked unless the hub sets them") {
    std::string cohort = R"(---
cohort:
  id: sus
  stage: sustaining
  year: 2021/22
  lead: jsmith
  schools:
    - {urn: 100001, participants: [A]}
    - {urn: 100002, participants: [B], status: withdrawn}
)";
    Run none(base_with_hub(terms_2021) + cohort, 2021, Date(2022, 1, 10));
    CHECK(none.rows("visits").empty());
    // With visits set for sustaining, Autumn has ended unvisited; a school withdrawn with no
    // date is never counted.
    std::string rules =
        "  rules: {stages: {sustaining: {meetings: 6, visits: 3, participants: 1}}}\n";
    Run set(base_with_hub(terms_2021 + rules) + cohort, 2021, Date(2022, 1, 10));
    CHECK(set.rows("visits") == Rows{{"100001", "Aire Primary", "sus", "Autumn"}});
}

namespace {

// Development 2021/22 led by jsmith. Logged: the meeting of 2021-09-21, 100001's visit on
// its date, 100002's visit 15 days late (too late to answer its plan). 100004 withdrew
// before its visit. A 2020/21 cohort left its meeting unlogged.
const std::string overdue_yaml = R"(---
cohorts:
  - id: dev
    stage: development
    year: 2021/22
    lead: jsmith
    schools:
      - {urn: 100001, participants: [A]}
      - {urn: 100002, participants: [B]}
      - {urn: 100003, participants: [C]}
      - {urn: 100004, participants: [D], status: withdrawn, withdrawn_on: 2021-10-01}
    meetings: [2021-09-21, 2021-11-02, 2022-01-11]
    visits:
      - {urn: 100001, date: 2021-10-05}
      - {urn: 100002, date: 2021-10-12}
      - {urn: 100003, date: 2021-11-09}
      - {urn: 100004, date: 2021-10-19}
  - id: old
    stage: readiness
    year: 2020/21
    lead: pkhan
    schools: [{urn: 100001, participants: [A]}]
    meetings: [2020-10-06]
---
sessions:
  - {cohort: dev, date: 2021-09-21, type: meeting}
  - {cohort: dev, date: 2021-10-05, type: audit_visit, school: 100001}
  - {cohort: dev, date: 2021-10-27, type: visit, school: 100002}
)";

}  // namespace

TEST_CASE("gaps overdue: planned meetings and visits whose date has passed with no log") {
    // 100003's visit is today: not yet overdue. 2022-01-11 is still to come.
    Run run(base + overdue_yaml, 2021, Date(2021, 11, 9));
    CHECK(run.rows("overdue") ==
          Rows{{"2021-10-12", "visit", "dev", "jsmith", "100002", "Beck Primary"},
               {"2021-11-02", "meeting", "dev", "jsmith", "", ""}});
    // A visit logged 15 days after its plan does not answer it.
    Run next_day(base + overdue_yaml, 2021, Date(2021, 11, 10));
    CHECK(next_day.rows("overdue") ==
          Rows{{"2021-10-12", "visit", "dev", "jsmith", "100002", "Beck Primary"},
               {"2021-11-02", "meeting", "dev", "jsmith", "", ""},
               {"2021-11-09", "visit", "dev", "jsmith", "100003", "Calder Primary"}});
    // On the day of the unlogged 2022-01-11 meeting it is not overdue yet.
    Run meeting_day(base + overdue_yaml, 2021, Date(2022, 1, 11));
    CHECK(meeting_day.rows("overdue") == next_day.rows("overdue"));
    Run after(base + overdue_yaml, 2021, Date(2022, 1, 12));
    CHECK(after.rows("overdue").size() == 4);
    CHECK(after.rows("overdue").back() ==
          std::vector<std::string>{"2022-01-11", "meeting", "dev", "jsmith", "", ""});
    // Before anything was due, nothing is overdue.
    Run early(base + overdue_yaml, 2021, Date(2021, 9, 21));
    CHECK(early.rows("overdue").empty());
    // The 2020/21 cohort belongs to its own year.
    Run old(base + overdue_yaml, 2020, Date(2021, 11, 9));
    CHECK(old.rows("overdue") == Rows{{"2020-10-06", "meeting", "old", "pkhan", "", ""}});
}

TEST_CASE("gaps overdue: a log of that kind for that school within 14 days of the plan answers it") {
    // 100002's visit planned 2021-10-12: logged 2021-10-26 (14 days late) answers it, as a
    // meeting held 2021-10-19 (14 days early) answers the one planned for 2021-11-02; a visit
    // to another school, or a meeting, does not answer a visit.
    std::string yaml = base + R"(---
cohort:
  id: dev
  stage: development
  year: 2021/22
  lead: jsmith
  schools:
    - {urn: 100001, participants: [A]}
    - {urn: 100002, participants: [B]}
    - {urn: 100003, participants: [C]}
  meetings: [2021-09-21, 2021-11-02]
  visits:
    - {urn: 100002, date: 2021-10-12}
    - {urn: 100003, date: 2021-10-12}
---
sessions:
  - {cohort: dev, date: 2021-09-21, type: meeting}
  - {cohort: dev, date: 2021-10-19, type: meeting}
  - {cohort: dev, date: 2021-10-26, type: visit, school: 100002}
  - {cohort: dev, date: 2021-10-13, type: visit, school: 100001}
)";
    Run run(yaml, 2021, Date(2021, 11, 20));
    CHECK(run.rows("overdue") == Rows{{"2021-10-12", "visit", "dev", "jsmith", "100003", "Calder Primary"}});
    // Seen as of a date before the late visit was logged (a snapshot), its plan is overdue.
    Run before(yaml, 2021, Date(2021, 10, 20));
    CHECK(before.rows("overdue") ==
          Rows{{"2021-10-12", "visit", "dev", "jsmith", "100002", "Beck Primary"},
               {"2021-10-12", "visit", "dev", "jsmith", "100003", "Calder Primary"}});
}

TEST_CASE("gaps sustaining_visits: sustaining schools with no visit log, where the hub expects visits in sustaining") {
    const std::string visits = "  rules: {stages: {sustaining: {meetings: 6, visits: 1, participants: 1}}}\n";
    std::string cohorts = R"(---
cohorts:
  - id: sus
    stage: sustaining
    year: 2021/22
    lead: jsmith
    schools:
      - {urn: 100001, participants: [A]}
      - {urn: 100002, participants: [B]}
      - {urn: 100003, participants: [C], status: withdrawn, withdrawn_on: 2022-01-10}
      - {urn: 100004, participants: [D]}
  - id: dev
    stage: development
    year: 2021/22
    lead: pkhan
    schools: [{urn: 100005, participants: [E]}]
---
school: {urn: 100005, name: Eden Primary, phase: primary, area: Leeds}
---
sessions:
  - {cohort: sus, date: 2021-10-05, type: visit, school: 100001}
  - {cohort: sus, date: 2021-10-12, type: meeting, attendance: {100002: [B], 100004: [D]}}
)";
    // 100003 withdrew; the development school 100005 is not sustaining.
    std::string yaml = base_with_hub(visits) + cohorts;
    Run run(yaml, 2021, Date(2022, 3, 15));
    CHECK(run.rows("sustaining_visits") == Rows{{"100002", "Beck Primary", "sus"},
                                                {"100004", "Dale Primary", "sus"}});
    Run other(yaml, 2022, Date(2022, 3, 15));
    CHECK(other.rows("sustaining_visits").empty());
    // The default (`sustaining: {visits: 0}`) expects no visits: nothing is missing.
    Run defaults(base + cohorts, 2021, Date(2022, 3, 15));
    CHECK(defaults.rows("sustaining_visits").empty());
    // `gaps/sustaining_visits` in hub.rules.off leaves the kind out.
    std::string off = "  rules: {stages: {sustaining: {meetings: 6, visits: 1, participants: 1}}, "
                      "off: [gaps/sustaining_visits]}\n";
    Run switched_off(base_with_hub(off) + cohorts, 2021, Date(2022, 3, 15));
    CHECK(switched_off.rows("sustaining_visits").empty());
    CHECK(switched_off.table("sustaining_visits").columns.size() == 4);  // urn, name, cohort, cohort_name
}

namespace {

// Development 2021/22 with meetings planned 2021-10-05, 2021-11-16 and 2022-01-11. The
// meetings touched Y3 (observation), R and Y4 (observation, agenda item) and R (agenda item);
// a visit observed Y1, which a visit does not count for.
const std::string year_groups_yaml = R"(---
schools:
  - urn: 100011
    name: Fell Primary
    phase: primary
    area: Leeds
    staff:
      - {name: Ann Lee, role: maths_lead}
      - {name: Bo Ray, role: teacher, year_groups: [Y3, Y4]}
      - {name: Cy Orr, role: teacher, year_groups: [Y6]}
  - urn: 100012
    name: Gill Primary
    phase: primary
    area: Leeds
    staff:
      - {name: Di Fox, role: teacher, year_groups: [R]}
      - {name: Ed Kay, role: teacher, year_groups: [Y1]}
      - {name: Fi Gee, role: teacher, year_groups: [Y3]}
  - urn: 100013
    name: Holm Primary
    phase: primary
    area: Leeds
    staff:
      - {name: Gus Hay, role: teacher, year_groups: [Y5]}
---
cohorts:
  - id: dev
    stage: development
    year: 2021/22
    lead: jsmith
    schools:
      - {urn: 100011, participants: [Ann Lee, Bo Ray, Cy Orr]}
      - {urn: 100012, participants: [Di Fox, Ed Kay, Fi Gee]}
      - {urn: 100013, participants: [Gus Hay], status: withdrawn, withdrawn_on: 2021-10-20}
      - {urn: 100001, participants: [Someone]}
    meetings: [2021-10-05, 2021-11-16, 2022-01-11]
---
sessions:
  - {cohort: dev, date: 2021-10-05, type: meeting, observation: {year_group: Y3}}
  - {cohort: dev, date: 2021-10-12, type: visit, school: 100012, observation: {year_group: Y1}}
  - cohort: dev
    date: 2021-11-16
    type: meeting
    observation: {year_group: R}
    agenda: [{item: Y4 follow-up, year_groups: [Y4]}]
  - {cohort: dev, date: 2022-01-11, type: meeting, agenda: [{item: Reception play, year_groups: [R]}]}
)";

}  // namespace

TEST_CASE("gaps year_groups: participants whose year groups the held meetings touched at most once, once the meetings are past") {
    // On the day of the last planned meeting, the cohort is not over yet.
    Run on_the_day(base + year_groups_yaml, 2021, Date(2022, 1, 11));
    CHECK(on_the_day.rows("year_groups").empty());

    // Bo Ray (Y3, Y4) and Di Fox (R) were touched twice; Ann Lee has no year groups; Holm
    // withdrew; 100001 has no staff list. Ed Kay's Y1 was seen only on a visit.
    Run run(base + year_groups_yaml, 2021, Date(2022, 1, 12));
    CHECK(run.rows("year_groups") == Rows{{"100011", "Fell Primary", "Cy Orr", "Y6", "dev", "0", "3"},
                                          {"100012", "Gill Primary", "Ed Kay", "Y1", "dev", "0", "3"},
                                          {"100012", "Gill Primary", "Fi Gee", "Y3", "dev", "1", "3"}});
    CHECK(keys(run.table("year_groups")) ==
          std::vector<std::string>{"urn", "name", "participant", "year_groups", "cohort", "cohort_name", "meetings", "logged"});
    CHECK(std::holds_alternative<std::vector<std::string>>(run.table("year_groups").rows[0][3].value));
    // `gaps/year_groups` in hub.rules.off leaves the kind out.
    Run off(base_with_hub("  rules: {off: [gaps/year_groups]}\n") + year_groups_yaml, 2021, Date(2022, 1, 12));
    CHECK(off.rows("year_groups").empty());
}

TEST_CASE("gaps agendas: meetings of the year's cohorts with no agenda item that has a time") {
    std::string yaml = base + R"(---
cohorts:
  - id: leeds-b
    stage: development
    year: 2021/22
    lead: pkhan
    schools: [{urn: 100002, participants: [B]}]
  - id: leeds-a
    stage: development
    year: 2021/22
    lead: jsmith
    schools: [{urn: 100001, participants: [A]}]
  - id: old
    stage: readiness
    year: 2020/21
    lead: jsmith
    schools: [{urn: 100003, participants: [C]}]
---
sessions:
  - cohort: leeds-a
    date: 2021-11-02
    type: meeting
    agenda:
      - {item: Pre-lesson discussion}
      - {at: "13:30", minutes: 60, item: Observed lesson}
  - cohort: leeds-a
    date: 2021-10-05
    type: meeting
  - cohort: leeds-a
    date: 2021-09-21
    type: meeting
    agenda:
      - {minutes: 30, item: Pre-lesson discussion}
      - {minutes: 60, item: Observed lesson}
  - {cohort: leeds-a, date: 2021-10-12, type: visit, school: 100001}
  - {cohort: leeds-b, date: 2021-09-21, type: meeting}
  - {cohort: old, date: 2020-10-06, type: meeting}
)";
    // One timed item is enough; visits need no agenda; sorted by date, then cohort.
    Run run(yaml, 2021, Date(2022, 3, 15));
    CHECK(run.rows("agendas") == Rows{{"2021-09-21", "leeds-a", "jsmith"},
                                      {"2021-09-21", "leeds-b", "pkhan"},
                                      {"2021-10-05", "leeds-a", "jsmith"}});
    Run old(yaml, 2020, Date(2022, 3, 15));
    CHECK(old.rows("agendas") == Rows{{"2020-10-06", "old", "jsmith"}});
}

namespace {

const std::string never_yaml = R"(---
schools:
  - {urn: 100005, name: Eden Primary, phase: primary, area: Leeds}
  - {urn: 100006, name: Fulford Primary, phase: primary, area: York}
  - {urn: 100007, name: Gledhow High, phase: secondary, area: Leeds}
  - urn: 100008
    name: Harehills Primary
    phase: primary
    area: Leeds
    history: [{stage: development, year: 2015/16}]
---
cohort:
  id: dev
  stage: development
  year: 2021/22
  lead: jsmith
  schools:
    - {urn: 100001, participants: [A]}
    - {urn: 100002, participants: [B]}
    - {urn: 100003, participants: [C]}
    - {urn: 100004, participants: [D], status: withdrawn}
)";

}  // namespace

TEST_CASE("gaps never_engaged: schools of the hub's areas with no engagement at all") {
    // A withdrawn membership and a history entry are engagements; York is not a hub area.
    Run run(base + never_yaml, 2021, Date(2022, 3, 15));
    CHECK(run.rows("never_engaged") == Rows{{"100005", "Eden Primary", "Leeds", "primary"},
                                            {"100007", "Gledhow High", "Leeds", "secondary"}});
    // Not bound to the selected year.
    Run other(base + never_yaml, 2015, Date(2022, 3, 15));
    CHECK(other.rows("never_engaged") == run.rows("never_engaged"));
}

TEST_CASE("gaps never_engaged: a prospect list, not counted as needing attention") {
    Run run(base + never_yaml, 2021, Date(2022, 3, 15));
    REQUIRE(run.rows("never_engaged").size() == 2);
    CHECK_FALSE(needs_attention(run.table("never_engaged")));
    CHECK(needs_attention(run.table("lapsed")));
    std::size_t others = 0;
    for (const auto& t : run.tables())
        if (t.name != "never_engaged") others += t.rows.size();
    CHECK(attention_count(run.tables()) == others);
}

TEST_CASE("gaps never_engaged: a hub that lists no areas covers every school") {
    std::string yaml = base + never_yaml;
    yaml.erase(yaml.find("  areas: [Leeds]\n"), std::string("  areas: [Leeds]\n").size());
    Run run(yaml, 2021, Date(2022, 3, 15));
    CHECK(run.rows("never_engaged") == Rows{{"100005", "Eden Primary", "Leeds", "primary"},
                                            {"100006", "Fulford Primary", "York", "primary"},
                                            {"100007", "Gledhow High", "Leeds", "secondary"}});
}

TEST_CASE("gaps: agenda_due lists planned meetings of the next 14 days without a timed agenda") {
    auto loaded = load_text(R"(hub: {name: H, areas: [Leeds]}
leads: [{id: jo, name: Jo, role: specialist}]
schools: [{urn: 100001, name: A, phase: primary, area: Leeds}]
cohort:
  id: dev
  stage: development
  year: 2021/22
  lead: jo
  schools: [{urn: 100001, participants: [A]}]
  meetings:
    - 2021-11-01
    - 2021-11-09
    - {date: 2021-11-10, agenda: [{item: Welcome}]}
    - {date: 2021-11-12, agenda: [{at: "13:00", minutes: 30, item: Welcome}]}
    - 2021-11-15
    - 2021-11-16
sessions:
  - {cohort: dev, date: 2021-11-09, type: meeting}
)");
    REQUIRE(loaded.diagnostics.empty());
    Index index(loaded.records);
    GapOptions o{AcademicYear(2021), Date(2021, 11, 2)};
    auto tables = build_gaps(loaded.records, index, {}, o);
    const Table* due = nullptr;
    for (const auto& t : tables)
        if (t.name == "agenda_due") due = &t;
    REQUIRE(due);
    // Not 1 Nov (passed), 9 Nov (logged), 12 Nov (timed) or 17 Nov onwards (beyond 14 days).
    REQUIRE(due->rows.size() == 3);
    CHECK(due->rows[0][0].text() == "2021-11-10");
    CHECK(due->rows[0][5].text() == "without_times");  // after cohort, lead and their names
    CHECK(due->rows[1][0].text() == "2021-11-15");
    CHECK(due->rows[1][5].text() == "none_published");
    CHECK(due->rows[2][0].text() == "2021-11-16");
}

TEST_CASE("gaps attendance: in the year under way, only once worth acting on") {
    // Six planned meetings; as of 2021-12-20 three are logged. 100001 missed one (2 of 3): not
    // listed. 100002 missed two (1 of 3): listed. 100003 joined late and missed its one
    // meeting (0 of 1): not listed, it can still attend the other three.
    std::string cohort = R"(---
cohort:
  id: dev
  stage: development
  year: 2021/22
  lead: jsmith
  schools:
    - {urn: 100001, participants: [A]}
    - {urn: 100002, participants: [B]}
    - {urn: 100003, participants: [C], joined_on: 2021-12-01}
  meetings: [2021-09-21, 2021-11-02, 2021-12-14, 2022-01-25, 2022-03-08, 2022-05-10]
---
sessions:
  - {cohort: dev, date: 2021-09-21, type: meeting, attendance: {100001: [A], 100002: [B]}}
  - {cohort: dev, date: 2021-11-02, type: meeting, attendance: {100001: [], 100002: []}}
  - {cohort: dev, date: 2021-12-14, type: meeting, attendance: {100001: [A], 100002: [], 100003: []}}
)";
    std::string yaml = base_with_hub("  rules: {completion: 0.67}\n") + cohort;
    Run now(yaml, 2021, Date(2021, 12, 20));
    CHECK(now.rows("attendance") == Rows{{"100002", "Beck Primary", "dev", "1", "3", "33", "67"}});

    // A stricter threshold that 100001 can no longer reach: 2 of 3 so far, at best 5 of 6
    // (83%) against 90%: listed after one missed meeting.
    Run strict(base_with_hub("  rules: {completion: 0.9}\n") + cohort, 2021, Date(2021, 12, 20));
    CHECK(strict.rows("attendance") == Rows{{"100001", "Aire Primary", "dev", "2", "3", "67", "90"},
                                            {"100002", "Beck Primary", "dev", "1", "3", "33", "90"},
                                            {"100003", "Calder Primary", "dev", "0", "1", "0", "90"}});

    // With fewer meetings planned than the stage expects, the stage's count is what may come:
    // only three planned, three logged; 100003 can still attend the stage's other three.
    std::string short_plan = cohort;
    short_plan.replace(short_plan.find(", 2022-01-25, 2022-03-08, 2022-05-10"), 36, "");
    Run unplanned(base_with_hub("  rules: {completion: 0.67}\n") + short_plan, 2021, Date(2021, 12, 20));
    CHECK(unplanned.rows("attendance") == Rows{{"100002", "Beck Primary", "dev", "1", "3", "33", "67"}});

    // Once the year has ended, any school below the threshold is listed, as before.
    Run ended(yaml, 2021, Date(2022, 9, 1));
    CHECK(ended.rows("attendance") == Rows{{"100002", "Beck Primary", "dev", "1", "3", "33", "67"},
                                           {"100003", "Calder Primary", "dev", "0", "1", "0", "67"}});
}
