// What a mistyped look-up on the command line most likely meant: a school by URN or name, a
// lead id, a cohort id. Each says it with the one suggestion function (closest_match).
#include "cli.h"

#include "tfm/analysis/journey_view.h"
#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace tfm::cli {
namespace {

// "; did you mean `id` (Name)?" for the record whose id or name is closest to `given`.
template <typename Record>
std::string id_meant(const std::vector<Record>& records, std::string_view given) {
    std::vector<std::string_view> candidates;
    for (const auto& r : records) candidates.push_back(r.id);
    auto best = closest_match(given, candidates);
    if (!best) {  // a name given where the id was wanted
        candidates.clear();
        for (const auto& r : records) candidates.push_back(r.name);
        best = closest_match(given, candidates);
    }
    if (!best) return "";
    for (const auto& r : records)
        if (r.id == *best || r.name == *best)
            return r.name.empty() || r.name == r.id
                       ? fmt::format("; did you mean {}?", quote_value(r.id, true))
                       : fmt::format("; did you mean {} ({})?", quote_value(r.id, true), r.name);
    return "";
}

}  // namespace

std::string schools_meant(const Records& records, std::string_view query) {
    auto likely = likely_schools(records, query);
    if (likely.empty()) return "";
    constexpr std::size_t shown = 5;
    std::string out = "; did you mean ";
    for (std::size_t i = 0; i < likely.size() && i < shown; ++i)
        out += fmt::format("{}{} {}", i == 0 ? "" : ", or ", likely[i]->urn, likely[i]->name);
    if (likely.size() > shown) out += fmt::format(" (or {} more)", likely.size() - shown);
    return out + "?";
}

std::string lead_meant(const Records& records, std::string_view id) { return id_meant(records.leads, id); }

std::string cohort_meant(const Records& records, std::string_view id) { return id_meant(records.cohorts, id); }

const School& school_or_usage(const Records& records, Urn urn, std::string_view what) {
    for (const auto& s : records.schools)
        if (s.urn == urn) return s;
    throw UsageError{fmt::format("{}{}no school has the URN {}{}", what, what.empty() ? "" : ": ", urn,
                                 terminal_safe(schools_meant(records, std::to_string(urn))))};
}

std::string member_elsewhere(const Index& index, Urn urn, const Cohort& cohort) {
    std::string out;
    for (const Cohort* c : index.cohorts_of(urn))
        if (c != &cohort && c->year == cohort.year)
            out += fmt::format("{}{}, {}", out.empty() ? " (it is in " : "; ", c->name.empty() ? c->id : c->name, c->id);
    return out.empty() ? out : terminal_safe(out + ")");
}

std::string lead_or_usage(const Records& records, const std::string& given, std::string_view option) {
    for (const auto& l : records.leads)
        if (l.id == given) return l.id;
    for (const auto& l : records.leads)
        if (!l.name.empty() && same_name(l.name, given)) return l.id;
    std::string hint = lead_meant(records, given);
    if (hint.empty()) {  // a first or last name: `priya` for Priya Kaur
        std::string key = name_key(given);
        for (const auto& l : records.leads) {
            std::string name = " " + name_key(l.name) + " ";
            if (!key.empty() && name.find(" " + key + " ") != std::string::npos) {
                hint = fmt::format("; did you mean {} ({})?", quote_value(l.id, true), l.name);
                break;
            }
        }
    }
    throw UsageError{fmt::format("{}: no lead has the id or name {}{}", option, quote_value(given),
                                 terminal_safe(hint))};
}

const School* continued_without_record(const Records& records, const Index& index, std::string_view query,
                                       std::string& note) {
    std::string q(query);
    while (!q.empty() && q.back() == ' ') q.pop_back();
    while (!q.empty() && q.front() == ' ') q.erase(q.begin());
    if (q.size() != 6 || !std::all_of(q.begin(), q.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return nullptr;
    Urn urn = Urn(std::stol(q));
    if (index.school(urn)) return nullptr;
    Urn root = index.successor_root(urn);
    const School* today = root == urn ? nullptr : index.school(root);
    if (!today) return nullptr;
    std::vector<std::string> naming;
    bool direct = false;
    for (const auto& s : records.schools)
        if (std::find(s.predecessors.begin(), s.predecessors.end(), urn) != s.predecessors.end()) {
            naming.push_back(fmt::format("{} {}", s.urn, terminal_safe(s.name)));
            direct = direct || s.urn == root;
        }
    note = fmt::format("{} has no record; it is the predecessor of {}", urn, fmt::join(naming, " and of "));
    if (!direct) note += fmt::format(", continued today by {} {}", today->urn, terminal_safe(today->name));
    return today;
}

const Journey* school_journey(const GlobalArgs& g, const Workspace& workspace, std::string_view query,
                              std::string_view what, int& status) {
    const Records& records = workspace.records();
    auto matches = find_schools(records, query);
    std::string continued;
    if (matches.empty())
        if (const School* today = continued_without_record(records, workspace.index(), query, continued)) {
            if (!g.quiet) fmt::print(stderr, "tfm: {}: the {} of {} follows\n", continued, what, today->urn);
            matches.push_back(today);
        }
    if (matches.empty()) {
        fmt::print(stderr, "tfm: no school matches {}{}{}\n", quote_value(query),
                   terminal_safe(schools_meant(records, query)),
                   workspace.summary().errors ? " (some records have errors: run tfm check)" : "");
        status = exit_findings;
        return nullptr;
    }
    if (matches.size() > 1) {
        fmt::print(stderr, "tfm: {} schools match {}; give a URN or more of the name:\n",
                   matches.size(), quote_value(query));
        for (const School* s : matches) fmt::print(stderr, "  {}  {} ({})\n", s->urn, terminal_safe(s->name), terminal_safe(s->area));
        status = exit_usage;
        return nullptr;
    }
    const Journey* found = &workspace.journey_of(*matches.front());
    // An establishment another continues (a predecessor): its journey is its successor's.
    if (found->successor) {
        if (!g.quiet)
            fmt::print(stderr, "tfm: school {} {} is continued by {} {}: its {} follows\n",
                       found->school->urn, terminal_safe(found->school->name), found->successor->urn,
                       terminal_safe(found->successor->name), what);
        found = &workspace.journey_of(*found->successor);
    }
    return found;
}

}  // namespace tfm::cli
