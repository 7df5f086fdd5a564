#include "tfm/edit/gias_selection.h"

#include <algorithm>

namespace tfm::gias {
namespace {

std::string_view trimmed(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

}  // namespace

std::vector<std::string> split_areas(const std::vector<std::string>& values, const Extract& extract) {
    std::vector<std::string> out;
    auto add = [&](std::string_view a) {
        a = trimmed(a);
        if (a.empty()) return;
        for (const auto& o : out)
            if (same_area(o, a)) return;
        out.emplace_back(a);
    };
    for (const auto& v : values) {
        bool whole = std::any_of(extract.establishments.begin(), extract.establishments.end(),
                                 [&](const Establishment& e) { return same_area(e.area, v); });
        if (whole || v.find(',') == std::string::npos) {
            add(v);
            continue;
        }
        std::size_t start = 0;
        for (;;) {
            std::size_t comma = v.find(',', start);
            add(std::string_view(v).substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    return out;
}

bool area_chosen(const Selection& selection, std::string_view area) {
    if (selection.areas.empty()) return true;
    return std::any_of(selection.areas.begin(), selection.areas.end(),
                       [&](const std::string& a) { return same_area(a, area); });
}

std::string area_spelling(const Selection& selection, std::string_view area) {
    for (const auto& s : selection.spellings)
        if (same_area(s, area)) return s;
    return std::string(trimmed(area));
}

std::vector<const Establishment*> select(const Extract& extract, const Selection& selection) {
    std::vector<Phase> phases = selection.phases;
    if (phases.empty()) phases.push_back(Phase::primary);
    std::vector<const Establishment*> out;
    for (const auto& e : extract.establishments) {
        if (!e.open || !e.phase) continue;
        if (std::find(phases.begin(), phases.end(), *e.phase) == phases.end()) continue;
        if (!area_chosen(selection, e.area)) continue;
        out.push_back(&e);
    }
    std::stable_sort(out.begin(), out.end(), [&](const Establishment* a, const Establishment* b) {
        std::string aa = area_spelling(selection, a->area), ba = area_spelling(selection, b->area);
        if (aa != ba) return aa < ba;
        if (a->name != b->name) return a->name < b->name;
        return a->urn < b->urn;
    });
    return out;
}

}  // namespace tfm::gias
