#include "tfm/model/term_dates.h"

#include "tfm/model/bank_holidays.h"

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

namespace {

// The first weekday on or after d, and the last one on or before it.
Date weekday_from(Date d) {
    while (d.weekday() >= 5) d = d.plus_days(1);
    return d;
}
Date weekday_until(Date d) {
    while (d.weekday() >= 5) d = d.plus_days(-1);
    return d;
}
// The Monday on or before d (weekday() is 0 on Monday).
Date monday_of(Date d) { return d.plus_days(-d.weekday()); }

}  // namespace

std::vector<Window> typical_english_half_terms(AcademicYear year) {
    int y = year.start_year();
    Date october_break = monday_of(Date(y, 10, 31));          // the last Monday of October
    Date february_break = Date(y + 1, 2, 15).plus_days((7 - Date(y + 1, 2, 15).weekday()) % 7);
    Date easter = easter_sunday(y + 1);
    Date may_break = monday_of(Date(y + 1, 5, 31));           // the late-May bank holiday
    return {
        {"Autumn 1", weekday_from(Date(y, 9, 3)), october_break.plus_days(-3)},
        {"Autumn 2", october_break.plus_days(7), weekday_until(Date(y, 12, 19))},
        {"Spring 1", weekday_from(Date(y + 1, 1, 5)), february_break.plus_days(-3)},
        {"Spring 2", february_break.plus_days(7), easter.plus_days(-9)},
        {"Summer 1", easter.plus_days(8), may_break.plus_days(-3)},
        {"Summer 2", may_break.plus_days(7), weekday_until(Date(y + 1, 7, 20))},
    };
}

bool in_christmas_break(Date d) {
    return (d.month() == 12 && d.day() >= 20) || (d.month() == 1 && d.day() <= 3);
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
