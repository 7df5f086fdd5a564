#include "tfm/analysis/journey_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace tfm {
namespace {

// Lower case for matching names: ASCII, and the accented capitals of Latin-1 (À–Þ but ×,
// U+00C0–U+00DE, two bytes C3 80–9E in UTF-8), so `élan` finds "Élan Academy".
std::string lower(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto c = static_cast<unsigned char>(out[i]);
        if (c < 0x80) {
            out[i] = char(std::tolower(c));
        } else if (c == 0xC3 && i + 1 < out.size()) {
            auto n = static_cast<unsigned char>(out[i + 1]);
            if (n >= 0x80 && n <= 0x9E && n != 0x97) out[i + 1] = char(n + 0x20);
            ++i;
        }
    }
    return out;
}

}  // namespace

std::vector<const School*> find_schools(const Records& records, std::string_view query) {
    std::vector<const School*> out;
    bool digits = !query.empty() && std::all_of(query.begin(), query.end(),
                                                [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
        for (const auto& s : records.schools)
            if (std::to_string(s.urn) == query) out.push_back(&s);
        return out;
    }
    std::string q = lower(query);
    for (const auto& s : records.schools)
        if (lower(s.name) == q) out.push_back(&s);
    if (!out.empty()) return out;
    for (const auto& s : records.schools)
        if (lower(s.name).find(q) != std::string::npos) out.push_back(&s);
    return out;
}

std::vector<Table> journey_tables(const Journey& j) {
    const School& s = *j.school;
    Table school{"school", fmt::format("{} {}", s.urn, s.name),
                 {{"urn", "URN"},
                  {"name", "name"},
                  {"area", "area"},
                  {"phase", "phase"},
                  {"gap_years", "gap years"},
                  {"lapsed", "lapsed"},
                  {"next_stage", "next stage"}},
                 {}};
    std::vector<std::string> gaps;
    for (const auto& y : j.gap_years) gaps.push_back(y.str());
    school.rows.push_back({s.urn, s.name, s.area, std::string(name_of(s.phase)), gaps,
                           Cell::yes_no(j.lapsed),
                           j.next_stage ? Cell(std::string(name_of(*j.next_stage))) : Cell()});

    Table eng{"engagements", "Journey",
              {{"year", "year"},
               {"stage", "stage"},
               {"cohort", "cohort"},
               {"lead", "lead"},
               {"status", "status"},
               {"meetings_attended", "attended"},
               {"meetings_logged", "of"},
               {"attendance", "attendance %", ColumnKind::percent}},
              {}};
    eng.empty_text = "no engagement yet";
    for (const auto& e : j.engagements) {
        auto att = e.attendance();
        eng.rows.push_back({e.year.str(), std::string(name_of(e.stage)),
                            e.cohort ? Cell(e.cohort->id) : Cell("(history)"),
                            e.lead.empty() ? Cell() : Cell(e.lead),
                            std::string(name_of_status(e.status)),
                            e.cohort ? Cell(e.meetings_attended) : Cell(),
                            e.cohort ? Cell(e.meetings_logged) : Cell(),
                            att ? Cell(*att * 100.0, 0) : Cell()});
    }
    return {school, eng};
}

}  // namespace tfm
