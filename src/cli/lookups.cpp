// What a mistyped look-up on the command line most likely meant: a school by URN or name, a
// lead id, a cohort id. Each says it with the one suggestion function (closest_match).
#include "cli.h"

#include "tfm/analysis/journey_view.h"
#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

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

}  // namespace tfm::cli
