#include "tfm/analysis/journey_view.h"

#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace tfm {

std::vector<const School*> find_schools(const Records& records, std::string_view query) {
    std::vector<const School*> out;
    bool digits = !query.empty() && std::all_of(query.begin(), query.end(),
                                                [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
        for (const auto& s : records.schools)
            if (std::to_string(s.urn) == query) out.push_back(&s);
        return out;
    }
    // Names compare as people read them (case, accents composed or not, curly quotes,
    // dashes, no-break spaces): an exact name first, else every name that contains the query.
    std::string q = name_key(query);
    std::vector<std::string> keys;
    keys.reserve(records.schools.size());
    for (const auto& s : records.schools) keys.push_back(name_key(s.name));
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == q) out.push_back(&records.schools[i]);
    if (!out.empty() || q.empty()) return out;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i].find(q) != std::string::npos) out.push_back(&records.schools[i]);
    return out;
}

namespace {

// A name key without punctuation: `st. mary's` and `st marys` alike, a dash a space.
std::string loose_key(std::string_view name) {
    std::string out;
    for (char c : name_key(name)) {
        auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || std::isalnum(u)) out += c;
        else if ((c == ' ' || c == '-' || c == '/') && !out.empty() && out.back() != ' ') out += ' ';
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

std::vector<const School*> likely_schools(const Records& records, std::string_view query) {
    std::vector<const School*> out;
    bool digits = !query.empty() && std::all_of(query.begin(), query.end(),
                                                [](char c) { return c >= '0' && c <= '9'; });
    std::vector<std::string> texts;
    for (const auto& s : records.schools) texts.push_back(digits ? std::to_string(s.urn) : s.name);
    if (!digits) {
        std::string q = loose_key(query);
        for (std::size_t i = 0; i < texts.size() && !q.empty(); ++i)
            if (loose_key(texts[i]).find(q) != std::string::npos) out.push_back(&records.schools[i]);
        if (!out.empty()) return out;
        // The same once accents, spaces and punctuation are dropped: `holmewood` for Holme
        // Wood Primary, `bronte` for Brontë Primary School.
        std::string squashed = squashed_key(query);
        for (std::size_t i = 0; i < texts.size() && !squashed.empty(); ++i)
            if (squashed_key(texts[i]).find(squashed) != std::string::npos) out.push_back(&records.schools[i]);
        if (!out.empty()) return out;
        // The start of a name, as many words as the query has, one slip from it: `st oswn's`
        // for St Oswin's Catholic Primary School (and every other St Oswin's).
        std::size_t words = std::size_t(std::count(q.begin(), q.end(), ' ')) + 1;
        std::vector<std::string> starts;
        for (const auto& t : texts) {
            std::string k = loose_key(t);
            std::size_t end = 0;
            for (std::size_t w = 0; w < words && end != std::string::npos; ++w) end = k.find(' ', end + (w > 0));
            starts.push_back(k.substr(0, end));
        }
        std::vector<std::string_view> heads(starts.begin(), starts.end());
        if (auto best = closest_match(q, heads))
            for (std::size_t i = 0; i < starts.size(); ++i)
                if (starts[i] == *best) out.push_back(&records.schools[i]);
        if (!out.empty()) return out;
    }
    std::vector<std::string_view> candidates(texts.begin(), texts.end());
    // A URN is one slip away (a digit wrong, missing, added, or two swapped), no more: every
    // URN looks alike.
    if (auto best = closest_match(query, candidates, digits ? std::optional<std::size_t>(1) : std::nullopt))
        for (std::size_t i = 0; i < texts.size(); ++i)
            if (texts[i] == *best) return {&records.schools[i]};
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
               {"meetings_attended", "meetings attended"},
               {"meetings_held", "of meetings held"},
               {"attendance", "attendance %", ColumnKind::percent}},
              {}};
    eng.empty_text = "no engagement yet";
    // Rows of a predecessor (SPEC section 5) say which establishment they belong to; the
    // columns appear only in a journey that has such rows.
    bool inherited = std::any_of(j.engagements.begin(), j.engagements.end(),
                                 [&](const Engagement& e) { return e.urn != s.urn; });
    if (inherited) {
        eng.columns.push_back({"as_urn", "as URN"});
        eng.columns.push_back({"as_name", "as school"});
    }
    for (const auto& e : j.engagements) {
        auto att = e.attendance();
        eng.rows.push_back({e.year.str(), std::string(name_of(e.stage)),
                            e.cohort ? Cell(e.cohort->id) : Cell("(history)"),
                            e.lead.empty() ? Cell() : Cell(e.lead),
                            std::string(name_of_status(e.status)),
                            e.cohort ? Cell(e.meetings_attended) : Cell(),
                            e.cohort ? Cell(e.meetings_logged) : Cell(),
                            att ? Cell(*att * 100.0, 0) : Cell()});
        if (!inherited) continue;
        bool own = e.urn == s.urn;
        eng.rows.back().push_back(own ? Cell() : Cell(e.urn));
        eng.rows.back().push_back(own || !e.school ? Cell() : Cell(e.school->name));
    }
    return {school, eng};
}

}  // namespace tfm
