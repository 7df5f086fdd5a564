#include "tfm/render/report_tables.h"

#include <fmt/format.h>

#include <cmath>

namespace tfm {

namespace {

constexpr int coverage_places = 1;
constexpr int attendance_places = 0;

// Decimal places that show a target percentage as written (25, 62.5, 12.25).
int target_places(double v) {
    for (int p = 0; p < 2; ++p) {
        double scaled = v * std::pow(10.0, p);
        if (std::fabs(scaled - std::round(scaled)) < 1e-9) return p;
    }
    return 2;
}

std::vector<Cell> coverage_row(const PhaseCoverage& c, const std::string& year) {
    return {"coverage",
            std::string(name_of(c.phase)),
            year,
            c.schools,
            c.completed_or_in_progress,
            c.population ? Cell(*c.population) : Cell(),
            c.percent ? Cell(*c.percent, coverage_places) : Cell(),
            c.target ? Cell(*c.target, target_places(*c.target)) : Cell(),
            c.by ? Cell(c.by->str()) : Cell()};
}

}  // namespace

std::string coverage_text(double percent) { return Cell(percent, coverage_places).text(); }
std::string attendance_text(double percent) { return Cell(percent, attendance_places).text(); }
std::string target_text(double percent) { return Cell(percent, target_places(percent)).text(); }

Table to_table(const SummarySection& s) {
    Table t{"summary", fmt::format("Summary {}", s.year.str()),
            {{"measure", "measure", ColumnKind::code},
             {"of", "of", ColumnKind::code},
             {"year", "year"},
             {"schools", "schools"},
             {"schools_completed_or_in_progress", "completed or in progress"},
             {"population", "population"},
             {"percent", "%", ColumnKind::percent},
             {"target", "target %", ColumnKind::percent},
             {"by", "by"}},
            {}};
    std::string y = s.year.str();
    for (Stage st : all_stages)
        t.rows.push_back({"engaged", std::string(name_of(st)), y, s.engaged_by_stage[std::size_t(st)],
                          s.completed_or_in_progress_by_stage[std::size_t(st)], {}, {}, {}, {}});
    t.rows.push_back({"engaged", "all", y, s.engaged, s.engaged_completed_or_in_progress, {}, {}, {}, {}});
    t.rows.push_back({"ever_engaged", "all", y, s.ever_engaged, s.ever_completed_or_in_progress, {}, {}, {}, {}});
    for (const auto& c : s.coverage) t.rows.push_back(coverage_row(c, y));
    return t;
}

Table to_table(const HubsSection& s) {
    Table t{"hubs", fmt::format("Coverage by hub, {}: each hub's schools against its own population and target", s.year.str()),
            {{"scope", "scope", ColumnKind::code, Reader::machines},
             {"hub", "hub"},
             {"phase", "phase", ColumnKind::code},
             {"engaged", fmt::format("engaged {}", s.year.str())},
             {"ever_engaged", "ever engaged"},
             {"population", "population"},
             {"percent", "coverage %", ColumnKind::percent},
             {"target", "target %", ColumnKind::percent},
             {"by", "by"},
             {"met", "target met"}},
            {}};
    t.empty_text = "no hub records a population or a target";
    for (const auto& r : s.rows) {
        bool national = r.hub.empty();
        t.rows.push_back({national ? "national" : "hub",
                          national ? all_hubs_label(s.hubs) : r.hub,
                          std::string(name_of(r.phase)),
                          r.engaged,
                          r.ever_engaged,
                          r.population ? Cell(*r.population) : Cell(),
                          r.percent ? Cell(*r.percent, coverage_places) : Cell(),
                          r.target ? Cell(*r.target, target_places(*r.target)) : Cell(),
                          r.by ? Cell(r.by->str()) : Cell(),
                          r.percent && r.target ? Cell::yes_no(r.met) : Cell()});
    }
    return t;
}

Table to_table(const StagesSection& s) {
    Table t{"stages", "Schools per stage per year",
            {{"year", "year"},
             {"readiness", "readiness"},
             {"development", "development"},
             {"embedding", "embedding"},
             {"sustaining", "sustaining"}},
            {}};
    for (const auto& y : s.years)
        t.rows.push_back({y.year.str(), y.schools[0], y.schools[1], y.schools[2], y.schools[3]});
    return t;
}

Table to_table(const ReachSection& s) {
    Table t{"reach", "Cumulative reach",
            {{"year", "year"},
             {"leads", "leads trained"},
             {"schools", "schools reached"},
             {"schools_completed_or_in_progress", "completed or in progress"}},
            {}};
    for (const auto& y : s.years) t.rows.push_back({y.year.str(), y.leads, y.schools, y.completed_or_in_progress});
    return t;
}

Table to_table(const PatternsSection& s) {
    Table t{"patterns", fmt::format("Journey patterns of schools engaged in {}", s.year.str()),
            {{"pattern", "pattern", ColumnKind::code, Reader::machines},
             {"pattern", "pattern", ColumnKind::plain, Reader::people},
             {"schools", "schools"}},
            {}};
    for (const auto& row : s.rows)
        t.rows.push_back({std::string(name_of(row.pattern)), std::string(words_of(row.pattern)), row.schools});
    return t;
}

Table to_table(const Characteristics& c, std::string name, std::string title) {
    Table t{std::move(name), std::move(title),
            {{"dimension", "dimension"},
             {"value", "value", ColumnKind::plain, Reader::machines},
             {"value", "value", ColumnKind::plain, Reader::people},
             {"schools", "schools"}},
            {}};
    // People read a grade in words (requires improvement); an area's name is as written.
    for (const auto& row : c.rows) {
        std::string label = label_of(row.value);
        std::string words = label;
        if (auto* grade = std::get_if<Ofsted>(&row.value)) words = *grade == Ofsted::none ? "no grade" : in_words(label);
        t.rows.push_back({std::string(name_of(row.dimension)), label, words, row.schools});
    }
    return t;
}

Table to_table(const CharacteristicsSection& s) {
    return to_table(s.engaged, "characteristics",
                    fmt::format("Characteristics of schools engaged in {}", s.year.str()));
}

Table to_table(const CohortsSection& s) {
    Table t{"cohorts", fmt::format("Work Groups of {}", s.year.str()),
            {{"cohort", "cohort", ColumnKind::plain, Reader::machines},
             {"cohort_name", "Work Group"},
             {"stage", "stage", ColumnKind::code},
             {"lead", "lead id", ColumnKind::plain, Reader::machines},
             {"lead_name", "lead"},
             {"schools", "schools"},
             {"meetings_held", "meetings held"},
             {"meetings_planned", "meetings planned"},
             {"visits_held", "visits held"},
             {"visits_planned", "visits planned"},
             {"attendance", "attendance %", ColumnKind::percent}},
            {}};
    for (const auto& c : s.rows)
        t.rows.push_back({c.cohort, c.name, std::string(name_of(c.stage)), c.lead, c.lead_name, c.schools,
                          c.meetings_held, c.meetings_planned, c.visits_held, c.visits_planned,
                          c.attendance ? Cell(*c.attendance, attendance_places) : Cell()});
    return t;
}

Table to_table(const LeadsSection& s) {
    Table t{"leads", fmt::format("Leads' Work Groups and sessions, {}", s.year.str()),
            {{"lead", "lead id", ColumnKind::plain, Reader::machines},
             {"lead_name", "lead", ColumnKind::plain, Reader::machines},
             {"lead", "lead", ColumnKind::plain, Reader::people},
             {"work_groups", "Work Groups"},
             {"cohorts", "cohorts", ColumnKind::plain, Reader::machines},
             {"cohort_names", "Work Group names"},
             {"schools", "schools"},
             {"meetings_held", "meetings held"},
             {"meetings_planned", "meetings planned"},
             {"visits_held", "visits held"},
             {"visits_planned", "visits planned"},
             {"overdue_logs", "overdue logs"}},
            {}};
    t.empty_text = "no lead recorded";
    for (const auto& l : s.rows)
        t.rows.push_back({l.lead, l.name.empty() ? Cell() : Cell(l.name), l.name.empty() ? l.lead : l.name,
                          int(l.cohorts.size()), l.cohorts, l.cohort_names, l.schools, l.meetings_held, l.meetings_planned, l.visits_held, l.visits_planned,
                          l.overdue_logs});
    return t;
}

std::string all_hubs_label(int hubs) {
    return hubs == 1 ? std::string("The 1 hub") : fmt::format("All {} hubs", hubs);
}

namespace {

Cell hub_cell(const NationalDigest& d, const HubDigest& h) {
    return h.hub.empty() ? all_hubs_label(d.hubs) : h.hub;
}

}  // namespace

Table work_groups_by_hub(const NationalDigest& d) {
    Table t{"cohorts_by_hub", fmt::format("Work Groups of {} by hub", d.year.str()), {{"hub", "hub"}}, {}};
    for (Stage st : all_stages) t.columns.push_back({std::string(name_of(st)), std::string(name_of(st))});
    t.columns.push_back({"work_groups", "Work Groups"});
    t.columns.push_back({"median_attendance", "median attendance %", ColumnKind::percent});
    for (const auto& h : d.rows) {
        std::vector<Cell> row = {hub_cell(d, h)};
        for (int n : h.work_groups) row.push_back(n);
        row.push_back(h.work_groups_total);
        row.push_back(h.median_attendance ? Cell(*h.median_attendance, attendance_places) : Cell());
        t.rows.push_back(std::move(row));
    }
    return t;
}

Table leads_by_hub(const NationalDigest& d) {
    Table t{"leads_by_hub", fmt::format("Leads of {} by hub", d.year.str()),
            {{"hub", "hub"},
             {"leads", "leads"},
             {"work_groups", "Work Groups"},
             {"meetings_held", "meetings held"},
             {"meetings_planned", "meetings planned"},
             {"visits_held", "visits held"},
             {"visits_planned", "visits planned"},
             {"overdue_logs", "overdue logs"}},
            {}};
    for (const auto& h : d.rows)
        t.rows.push_back({hub_cell(d, h), h.leads, h.work_groups_total, h.meetings_held, h.meetings_planned,
                          h.visits_held, h.visits_planned, h.overdue_logs});
    return t;
}

Table areas_by_hub(const NationalDigest& d) {
    Table t{"areas_by_hub", fmt::format("Schools and areas by hub, {}", d.year.str()),
            {{"hub", "hub"},
             {"areas", "areas"},
             {"areas_engaged", "areas with a school engaged"},
             {"schools", "schools on record"},
             {"engaged", fmt::format("engaged {}", d.year.str())}},
            {}};
    for (const auto& h : d.rows)
        t.rows.push_back({hub_cell(d, h), h.areas, h.areas_engaged, h.schools, h.engaged});
    return t;
}

Table to_table(const ProgressionSection& s) {
    Table t{"progression", fmt::format("From {} to {}: finished, offered the next stage, accepted, enrolled",
                                       s.year.prev().str(), s.year.str()),
            {{"stage", "finished", ColumnKind::code},
             {"finished", "schools"},
             {"next_stage", "next stage", ColumnKind::code},
             {"offered", "offered"},
             {"accepted", "accepted"},
             {"enrolled", "enrolled"}},
            {}};
    for (const auto& r : s.rows)
        t.rows.push_back({std::string(name_of(r.stage)), r.finished, std::string(name_of(r.next)), r.offered,
                          r.accepted, r.enrolled});
    return t;
}

std::vector<Table> report_tables(const Report& r) {
    std::vector<Table> out;
    if (r.summary) out.push_back(to_table(*r.summary));
    if (r.hubs) out.push_back(to_table(*r.hubs));
    if (r.stages) out.push_back(to_table(*r.stages));
    if (r.reach) out.push_back(to_table(*r.reach));
    if (r.patterns) out.push_back(to_table(*r.patterns));
    if (r.characteristics) out.push_back(to_table(*r.characteristics));
    if (r.cohorts) out.push_back(to_table(*r.cohorts));
    if (r.leads) out.push_back(to_table(*r.leads));
    if (r.progression) out.push_back(to_table(*r.progression));
    return out;
}

}  // namespace tfm
