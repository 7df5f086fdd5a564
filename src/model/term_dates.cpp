#include "tfm/model/term_dates.h"

#include <algorithm>

namespace tfm {

bool hub_has_terms(const Hub* hub, AcademicYear year) {
    if (!hub) return false;
    auto it = hub->terms.find(year);
    return it != hub->terms.end() && !it->second.empty();
}

std::vector<Window> half_terms(const Hub* hub, AcademicYear year) {
    std::vector<Window> out;
    if (hub_has_terms(hub, year)) {
        for (const auto& t : hub->terms.at(year)) out.push_back({t.name, t.start, t.end});
        std::stable_sort(out.begin(), out.end(),
                         [](const Window& a, const Window& b) { return a.start < b.start; });
        return out;
    }
    Date start(year.start_year(), 9, 1);
    while (start.weekday() >= 5) start = start.plus_days(1);
    Date end(year.start_year() + 1, 7, 20);
    int total = start.days_until(end) + 1;
    static const char* names[] = {"Autumn 1", "Autumn 2", "Spring 1", "Spring 2", "Summer 1", "Summer 2"};
    for (int i = 0; i < 6; ++i)
        out.push_back({names[i], start.plus_days(i * total / 6),
                       start.plus_days((i + 1) * total / 6 - 1)});
    return out;
}

std::vector<Window> terms(const std::vector<Window>& halves) {
    static const char* names[] = {"Autumn", "Spring", "Summer"};
    std::vector<Window> out;
    for (std::size_t i = 0; i < halves.size(); i += 2) {
        const Window& first = halves[i];
        const Window& last = i + 1 < halves.size() ? halves[i + 1] : halves[i];
        std::string name = out.size() < 3 ? names[out.size()] : first.name;
        out.push_back({name, first.start, last.end});
    }
    return out;
}

}  // namespace tfm
