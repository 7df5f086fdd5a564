#include "tfm/render/register_tables.h"

#include "tfm/render/report_tables.h"

#include <fmt/format.h>

namespace tfm {
namespace {

constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string short_date(Date d) { return fmt::format("{} {}", d.day(), months[d.month() - 1]); }

Cell mark_cell(RegisterMark mark, bool for_people) {
    return for_people ? Cell(mark_symbol(mark)) : Cell(std::string(code_of(mark)));
}

Cell percent_cell(int attended, int of) {
    return of ? Cell(100.0 * attended / of, 0) : Cell();
}

}  // namespace

std::string mark_symbol(RegisterMark mark) {
    switch (mark) {
        case RegisterMark::present: return "✓";
        case RegisterMark::absent: return "✗";
        case RegisterMark::not_yet_member: return "–";
        case RegisterMark::withdrawn: return "w";
        case RegisterMark::not_expected: return "·";
    }
    return "";
}

std::string mark_words(RegisterMark mark) {
    if (mark == RegisterMark::not_yet_member) return "not yet a member";
    if (mark == RegisterMark::not_expected) return "not expected (not listed)";
    return std::string(code_of(mark));
}

std::string register_title(const Register& r) {
    return fmt::format("{} ({}, {}), led by {}", r.cohort_name, name_of(r.stage), r.year.str(), r.lead_name);
}

std::vector<Table> register_tables(const Register& r, bool for_people) {
    Table grid;
    grid.name = "register";
    grid.empty_text = "no member schools";
    std::string threshold = attendance_text(r.completion * 100.0);
    if (for_people) {
        grid.title = fmt::format("Register: {}. ✓ present  ✗ absent  – not yet a member  w withdrawn  "
                                 "· not expected; "
                                 "completion threshold {}% of meetings held",
                                 register_title(r), threshold);
        grid.columns = {{"urn", "URN"}, {"name", "school"}, {"participant", "participant"}};
    } else {
        grid.title = fmt::format("Register of {}", r.cohort_id);
        grid.columns = {{"urn", "URN"},
                        {"name", "school"},
                        {"participant", "participant"},
                        {"listed", "listed participant"}};
    }
    for (const auto& m : r.meetings)
        grid.columns.push_back({m.date.str(), for_people ? short_date(m.date) : m.date.str()});
    grid.columns.push_back({"meetings_attended", "meetings attended"});
    grid.columns.push_back({"meetings_held", "of meetings held"});
    grid.columns.push_back({"attendance", "attendance %", ColumnKind::percent});
    grid.columns.push_back({"meets_threshold", fmt::format("meets {}%", threshold)});
    if (!for_people) grid.columns.push_back({"status", "status", ColumnKind::code});

    for (const auto& s : r.schools) {
        std::vector<Cell> row = {s.urn, s.name.empty() ? Cell(fmt::format("URN {}", s.urn)) : Cell(s.name), Cell()};
        if (!for_people) row.push_back(Cell());
        for (RegisterMark mark : s.marks) row.push_back(mark_cell(mark, for_people));
        row.push_back(s.attended);
        row.push_back(s.logged);
        row.push_back(percent_cell(s.attended, s.logged));
        // People read why a withdrawn school does not meet it; machines read false and `status`.
        if (s.withdrawn && for_people) row.push_back(Cell("withdrawn"));
        else row.push_back(s.logged || s.withdrawn ? Cell::yes_no(s.meets_completion) : Cell());
        if (!for_people) row.push_back(std::string(name_of(s.status)));
        grid.rows.push_back(std::move(row));
        for (const auto& p : s.participants) {
            std::vector<Cell> prow;
            if (for_people) {
                prow = {Cell(), Cell(), p.listed ? p.name : p.name + " (not listed)"};
            } else {
                prow = {s.urn, s.name, p.name, Cell::yes_no(p.listed)};
            }
            for (RegisterMark mark : p.marks) prow.push_back(mark_cell(mark, for_people));
            prow.push_back(p.attended);
            prow.push_back(p.expected);
            prow.push_back(percent_cell(p.attended, p.expected));
            prow.push_back(Cell());
            if (!for_people) prow.push_back(Cell());
            grid.rows.push_back(std::move(prow));
        }
    }

    Table meetings{"meetings", "Meetings held",
                   {{"date", "date"},
                    {"schools_present", "schools present"},
                    {"schools_expected", "schools expected"},
                    {"participants_present", "participants present"},
                    {"participants_expected", "participants expected"}},
                   {}};
    meetings.empty_text = fmt::format("no meeting held yet ({} planned)", r.planned_meetings);
    for (const auto& m : r.meetings)
        meetings.rows.push_back({m.date, m.schools_present, m.schools_expected,
                                 m.participants_present, m.participants_expected});
    return {grid, meetings};
}

}  // namespace tfm
