#include "tfm/analysis/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace tfm {

const std::vector<std::string_view>& report_sections() {
    static const std::vector<std::string_view> names = {"summary",  "stages",          "reach",
                                                         "patterns", "characteristics", "cohorts"};
    return names;
}

namespace {

bool engaged_in(const Journey& j, AcademicYear year) {
    return std::any_of(j.engagements.begin(), j.engagements.end(),
                       [&](const Engagement& e) { return e.year == year; });
}

std::optional<AcademicYear> first_year(const Journey& j) {
    if (j.engagements.empty()) return std::nullopt;
    return j.engagements.front().year;  // engagements are ordered by year
}

// A cut point as written: 20, 2.5, 0.125 (the shortest text that reads back as the same
// number, so two close cut points never print alike and a label never rounds its bound).
std::string number_text(double v) {
    if (v == std::floor(v)) return fmt::format("{}", static_cast<long long>(v));
    return fmt::format("{}", v);
}

// Decimal places that show a target percentage as written (25, 62.5, 12.25).
int places_of(double v) {
    for (int p = 0; p < 2; ++p) {
        double scaled = v * std::pow(10.0, p);
        if (std::fabs(scaled - std::round(scaled)) < 1e-9) return p;
    }
    return 2;
}

double percent(long long part, long long whole) {
    return whole == 0 ? 0.0 : 100.0 * double(part) / double(whole);
}

Table summary_table(const Records& records, const std::vector<Journey>& journeys,
                    AcademicYear year) {
    Table t{"summary", fmt::format("Summary {}", year.str()),
            {{"measure", "measure"},
             {"of", "of"},
             {"year", "year"},
             {"schools", "schools"},
             {"population", "population"},
             {"percent", "%"},
             {"target", "target %"},
             {"by", "by"}},
            {}};
    std::array<int, 4> by_stage{};
    int engaged = 0;
    int ever = 0;
    std::map<Phase, int> ever_by_phase;
    for (const auto& j : journeys) {
        std::set<Stage> stages;
        bool any_upto = false;
        for (const auto& e : j.engagements) {
            if (e.year == year) stages.insert(e.stage);
            if (e.year <= year) any_upto = true;
        }
        for (Stage s : stages) ++by_stage[std::size_t(s)];
        if (!stages.empty()) ++engaged;
        if (any_upto) {
            ++ever;
            ++ever_by_phase[j.school->phase];
        }
    }
    std::string y = year.str();
    for (Stage s : all_stages)
        t.rows.push_back({"engaged", std::string(name_of(s)), y, by_stage[std::size_t(s)], {}, {}, {}, {}});
    t.rows.push_back({"engaged", "all stages", y, engaged, {}, {}, {}, {}});
    t.rows.push_back({"ever_engaged", "all stages", y, ever, {}, {}, {}, {}});

    // Coverage: schools of a phase ever engaged, against the hub's population of that phase.
    std::map<Phase, int> population;
    for (const auto& h : records.hubs)
        for (const auto& [phase, n] : h.population) population[phase] += n;
    std::vector<std::tuple<Phase, Cell, Cell>> rows;  // phase, target, by
    std::set<Phase> with_target;
    for (const auto& h : records.hubs)
        for (const auto& target : h.targets) {
            rows.emplace_back(target.phase, Cell(target.percent, places_of(target.percent)),
                              Cell(target.by.str()));
            with_target.insert(target.phase);
        }
    for (const auto& [phase, n] : population)
        if (!with_target.count(phase)) rows.emplace_back(phase, Cell(), Cell());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return std::get<0>(a) < std::get<0>(b);
    });
    for (const auto& [phase, target, by] : rows) {
        int n = ever_by_phase[phase];
        Cell pct, pop;
        if (population[phase] > 0) {
            pct = Cell(percent(n, population[phase]), 1);
            pop = Cell(population[phase]);
        }
        t.rows.push_back({"coverage", std::string(name_of(phase)), y, n, pop, pct, target, by});
    }
    return t;
}

Table stages_table(const std::vector<Journey>& journeys, AcademicYear year) {
    Table t{"stages", "Schools per stage per year",
            {{"year", "year"},
             {"readiness", "readiness"},
             {"development", "development"},
             {"embedding", "embedding"},
             {"sustaining", "sustaining"}},
            {}};
    std::map<AcademicYear, std::array<int, 4>> counts;
    std::optional<AcademicYear> first;
    for (const auto& j : journeys) {
        std::set<std::pair<AcademicYear, Stage>> seen;
        for (const auto& e : j.engagements) {
            if (e.year > year) continue;
            if (seen.insert({e.year, e.stage}).second) ++counts[e.year][std::size_t(e.stage)];
            if (!first || e.year < *first) first = e.year;
        }
    }
    if (!first) return t;
    for (AcademicYear y = *first; y <= year; y = y.next()) {
        auto c = counts[y];
        t.rows.push_back({y.str(), c[0], c[1], c[2], c[3]});
    }
    return t;
}

Table reach_table(const Records& records, const std::vector<Journey>& journeys, AcademicYear year) {
    Table t{"reach", "Cumulative reach", {{"year", "year"}, {"leads", "leads trained"}, {"schools", "schools reached"}}, {}};
    // The year each school was first reached: its first engagement, or its lead's training.
    std::map<Urn, AcademicYear> reached;
    auto reach = [&](Urn urn, AcademicYear y) {
        auto [it, inserted] = reached.emplace(urn, y);
        if (!inserted && y < it->second) it->second = y;
    };
    std::optional<AcademicYear> first;
    auto note_first = [&](AcademicYear y) {
        if (!first || y < *first) first = y;
    };
    for (const auto& j : journeys)
        if (auto y = first_year(j)) {
            reach(j.school->urn, *y);
            note_first(*y);
        }
    std::vector<AcademicYear> trained;
    for (const auto& l : records.leads) {
        if (!l.trained) continue;
        trained.push_back(*l.trained);
        note_first(*l.trained);
        if (l.school) reach(*l.school, *l.trained);
    }
    if (!first) return t;
    std::map<AcademicYear, int> new_schools, new_leads;
    for (const auto& [urn, y] : reached) ++new_schools[y];
    for (auto y : trained) ++new_leads[y];
    int leads = 0, schools = 0;
    for (AcademicYear y = *first; y <= year; y = y.next()) {
        leads += new_leads.count(y) ? new_leads[y] : 0;
        schools += new_schools.count(y) ? new_schools[y] : 0;
        t.rows.push_back({y.str(), leads, schools});
    }
    return t;
}

Table patterns_table(const std::vector<Journey>& journeys, AcademicYear year) {
    Table t{"patterns", fmt::format("Journey patterns of schools engaged in {}", year.str()),
            {{"pattern", "pattern"}, {"schools", "schools"}},
            {}};
    static const std::vector<std::string_view> order = {
        "readiness_to_sustaining", "development_to_sustaining", "gap", "in_progress", "other"};
    std::map<std::string_view, int> counts;
    for (const auto& j : journeys)
        if (engaged_in(j, year)) ++counts[journey_pattern(j, year)];
    for (auto p : order) t.rows.push_back({std::string(p), counts[p]});
    return t;
}

std::vector<double> cuts_for(const Records& records, const std::string& dimension) {
    // With several hubs, the first hub's cut points apply (all hubs share the defaults).
    if (!records.hubs.empty()) {
        auto it = records.hubs.front().bands.find(dimension);
        if (it != records.hubs.front().bands.end() && !it->second.empty()) return it->second;
    }
    return default_bands(dimension);
}

}  // namespace

Table characteristics_of(const Records& records, const std::vector<const School*>& schools,
                         std::string name, std::string title) {
    Table t{std::move(name), std::move(title),
            {{"dimension", "dimension"}, {"value", "value"}, {"schools", "schools"}},
            {}};
    std::map<std::string, int> areas;
    for (const School* s : schools) ++areas[s->area];
    for (const auto& [area, n] : areas) t.rows.push_back({"area", area, n});

    std::array<int, 5> grades{};
    int no_grade = 0;
    for (const School* s : schools) {
        if (s->ofsted) ++grades[std::size_t(*s->ofsted)];
        else ++no_grade;
    }
    for (std::size_t g = 0; g < grades.size(); ++g)
        if (grades[g]) t.rows.push_back({"ofsted", std::string(name_of(Ofsted(g))), grades[g]});
    if (no_grade) t.rows.push_back({"ofsted", "unknown", no_grade});

    for (std::string dim : {"fsm", "eal", "ehcp"}) {
        auto cuts = cuts_for(records, dim);
        auto labels = band_labels(cuts);
        std::map<std::string, int> counts;
        int unknown = 0;
        for (const School* s : schools) {
            const auto& v = dim == "fsm" ? s->fsm : dim == "eal" ? s->eal : s->ehcp;
            if (v) ++counts[band_label(*v, cuts)];
            else ++unknown;
        }
        for (const auto& label : labels)
            if (counts[label]) t.rows.push_back({dim, label, counts[label]});
        if (unknown) t.rows.push_back({dim, "unknown", unknown});
    }
    return t;
}

namespace {

Table characteristics_table(const Records& records, const std::vector<Journey>& journeys,
                            AcademicYear year) {
    std::vector<const School*> engaged;
    for (const auto& j : journeys)
        if (engaged_in(j, year)) engaged.push_back(j.school);
    return characteristics_of(records, engaged, "characteristics",
                              fmt::format("Characteristics of schools engaged in {}", year.str()));
}

// Share of member-meetings attended, over the cohort's logged meetings that recorded
// attendance; a school that withdrew is expected only before it withdrew.
std::optional<double> cohort_attendance(const Cohort& c, const Index& index) {
    int expected = 0, present = 0;
    for (const Session* s : index.sessions_of(c.id)) {
        if (s->type != SessionType::meeting || !s->has_attendance) continue;
        for (const auto& m : c.schools) {
            if (!expected_on(m, s->date)) continue;
            ++expected;
            const Attendance* a = s->attendance_of(m.urn);
            if (a && !a->present.empty()) ++present;
        }
    }
    if (expected == 0) return std::nullopt;
    return percent(present, expected);
}

Table cohorts_table(const Records& records, const Index& index, AcademicYear year) {
    Table t{"cohorts", fmt::format("Work Groups of {}", year.str()),
            {{"cohort", "cohort"},
             {"stage", "stage"},
             {"lead", "lead"},
             {"schools", "schools"},
             {"meetings_held", "meetings held"},
             {"meetings_planned", "planned"},
             {"visits_held", "visits held"},
             {"visits_planned", "planned"},
             {"attendance", "attendance %"}},
            {}};
    for (const Cohort* c : records.cohorts_of_year(year)) {
        // Distinct meetings and visits: two logs of one meeting (date) or one visit (date,
        // type, school) are one session held, as `session/duplicate` says.
        std::set<Date> meetings_held;
        std::set<std::tuple<Date, SessionType, Urn>> visits_held;
        for (const Session* s : index.sessions_of(c->id)) {
            if (s->type == SessionType::meeting) meetings_held.insert(s->date);
            else if (s->is_visit()) visits_held.insert({s->date, s->type, s->school.value_or(0)});
        }
        std::set<Date> planned;
        for (const auto& m : c->meetings) planned.insert(m.date);
        std::set<std::pair<Date, Urn>> visits_planned;
        for (const auto& v : c->visits) visits_planned.insert({v.date, v.urn});
        auto att = cohort_attendance(*c, index);
        t.rows.push_back({c->id, std::string(name_of(c->stage)), c->lead, int(c->schools.size()),
                          int(meetings_held.size()), int(planned.size()), int(visits_held.size()),
                          int(visits_planned.size()), att ? Cell(*att, 0) : Cell()});
    }
    return t;
}

}  // namespace

std::string_view journey_pattern(const Journey& j, AcademicYear year) {
    std::set<AcademicYear> years;
    std::optional<Stage> first_stage;
    bool sustaining = false;
    for (const auto& e : j.engagements) {
        if (e.year > year) continue;
        if (!first_stage) first_stage = e.stage;  // ordered by year, then stage
        years.insert(e.year);
        if (e.stage == Stage::sustaining) sustaining = true;
    }
    if (!first_stage) return "other";
    for (AcademicYear y = *years.begin(); y < *years.rbegin(); y = y.next())
        if (!years.count(y)) return "gap";
    if (*first_stage == Stage::readiness && sustaining) return "readiness_to_sustaining";
    if (*first_stage == Stage::development && sustaining) return "development_to_sustaining";
    if (*first_stage == Stage::readiness || *first_stage == Stage::development) return "in_progress";
    return "other";
}

std::string band_label(double value, const std::vector<double>& cuts) {
    if (cuts.empty()) return "all";
    if (value < cuts.front()) return "<" + number_text(cuts.front());
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i)
        if (value < cuts[i + 1]) return number_text(cuts[i]) + "-" + number_text(cuts[i + 1]);
    return ">=" + number_text(cuts.back());
}

std::vector<std::string> band_labels(const std::vector<double>& cuts) {
    if (cuts.empty()) return {"all"};
    std::vector<std::string> out{"<" + number_text(cuts.front())};
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i)
        out.push_back(number_text(cuts[i]) + "-" + number_text(cuts[i + 1]));
    out.push_back(">=" + number_text(cuts.back()));
    return out;
}

std::vector<Table> build_report(const Records& records, const Index& index,
                                const std::vector<Journey>& journeys, const ReportOptions& options) {
    std::vector<Table> out;
    auto wanted = [&](std::string_view name) {
        return options.sections.empty() ||
               std::find(options.sections.begin(), options.sections.end(), name) !=
                   options.sections.end();
    };
    AcademicYear y = options.year;
    for (auto name : report_sections()) {
        if (!wanted(name)) continue;
        if (name == "summary") out.push_back(summary_table(records, journeys, y));
        else if (name == "stages") out.push_back(stages_table(journeys, y));
        else if (name == "reach") out.push_back(reach_table(records, journeys, y));
        else if (name == "patterns") out.push_back(patterns_table(journeys, y));
        else if (name == "characteristics") out.push_back(characteristics_table(records, journeys, y));
        else if (name == "cohorts") out.push_back(cohorts_table(records, index, y));
    }
    return out;
}

}  // namespace tfm
