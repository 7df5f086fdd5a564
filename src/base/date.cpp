#include "tfm/base/date.h"

#include <array>
#include <vector>
#include <fmt/format.h>

namespace tfm {
namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

const std::array<const char*, 12> month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// A date of y, m, d when it exists.
std::optional<std::string> existing(int y, int m, int d) {
    std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(m)}, std::chrono::day{unsigned(d)}};
    if (m < 1 || m > 12 || d < 1 || d > 31 || !ymd.ok()) return std::nullopt;
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

// The date a spreadsheet habit wrote, as YYYY-MM-DD: 24/11/2026, 24-11-2026 and 24.11.2026
// day first (as England writes them; month first only when day first cannot be a date), and
// 2026/11/24; with ", reading it day first" when month first would be a date too.
std::optional<std::string> other_form(std::string_view t) {
    std::vector<std::string_view> parts;
    char sep = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= t.size(); ++i) {
        if (i < t.size() && t[i] >= '0' && t[i] <= '9') continue;
        if (i < t.size()) {
            if (t[i] != '/' && t[i] != '-' && t[i] != '.') return std::nullopt;
            if (sep && t[i] != sep) return std::nullopt;
            sep = t[i];
        }
        parts.push_back(t.substr(start, i - start));
        start = i + 1;
    }
    if (parts.size() != 3 || !all_digits(parts[0]) || !all_digits(parts[1]) || !all_digits(parts[2])) return std::nullopt;
    if (parts[0].size() == 4 && parts[1].size() <= 2 && parts[2].size() <= 2)
        return existing(to_int(parts[0]), to_int(parts[1]), to_int(parts[2]));
    if (parts[2].size() != 4 || parts[0].size() > 2 || parts[1].size() > 2) return std::nullopt;
    int y = to_int(parts[2]), a = to_int(parts[0]), b = to_int(parts[1]);
    auto day_first = existing(y, b, a), month_first = existing(y, a, b);
    if (day_first) return *day_first + (month_first && *month_first != *day_first ? ", reading it day first" : "");
    return month_first;
}

}  // namespace

std::optional<Date> Date::parse(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    auto ys = t.substr(0, 4), ms = t.substr(5, 2), ds = t.substr(8, 2);
    if (!all_digits(ys) || !all_digits(ms) || !all_digits(ds)) return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{to_int(ys)},
                                    std::chrono::month{unsigned(to_int(ms))},
                                    std::chrono::day{unsigned(to_int(ds))}};
    if (!ymd.ok()) return std::nullopt;
    return Date(std::chrono::sys_days{ymd});
}

std::string Date::why_not(std::string_view t) {
    if (t.size() == 10 && t[4] == '-' && t[7] == '-' && all_digits(t.substr(0, 4)) &&
        all_digits(t.substr(5, 2)) && all_digits(t.substr(8, 2))) {
        int y = to_int(t.substr(0, 4));
        unsigned m = unsigned(to_int(t.substr(5, 2)));
        unsigned d = unsigned(to_int(t.substr(8, 2)));
        if (m < 1 || m > 12) return fmt::format("there is no month {}", m);
        std::chrono::year_month_day_last last{std::chrono::year{y},
                                              std::chrono::month_day_last{std::chrono::month{m}}};
        unsigned days = unsigned(last.day());
        if (d < 1 || d > days)
            return fmt::format("{} {} has {} days", month_names[m - 1], y, days);
    }
    if (auto other = other_form(t)) return fmt::format("write {} (dates are YYYY-MM-DD)", *other);
    return "expected a date written YYYY-MM-DD";
}

Date Date::today() {
    auto now = std::chrono::system_clock::now();
    return Date(std::chrono::floor<std::chrono::days>(now));
}

int Date::weekday() const {
    unsigned iso = std::chrono::weekday{days()}.iso_encoding();  // 1 = Monday
    return int(iso) - 1;
}

std::string Date::str() const { return fmt::format("{:04}-{:02}-{:02}", year(), month(), day()); }

std::string_view weekday_name(int weekday) {
    static const std::array<std::string_view, 7> names = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    return names.at(std::size_t(weekday));
}

std::optional<TimeOfDay> TimeOfDay::parse(std::string_view t) {
    if (t.size() != 5 || t[2] != ':') return std::nullopt;
    auto hs = t.substr(0, 2), ms = t.substr(3, 2);
    if (!all_digits(hs) || !all_digits(ms)) return std::nullopt;
    int h = to_int(hs), m = to_int(ms);
    if (h > 23 || m > 59) return std::nullopt;
    return TimeOfDay{std::int16_t(h * 60 + m)};
}

std::string TimeOfDay::str() const { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

std::optional<AcademicYear> AcademicYear::parse(std::string_view t) {
    if (t.size() != 7 || (t[4] != '/' && t[4] != '-')) return std::nullopt;
    auto a = t.substr(0, 4), b = t.substr(5, 2);
    if (!all_digits(a) || !all_digits(b)) return std::nullopt;
    int start = to_int(a);
    if (start < 1900 || (start + 1) % 100 != to_int(b)) return std::nullopt;
    return AcademicYear(start);
}

AcademicYear AcademicYear::containing(Date d) {
    return AcademicYear(d.month() >= 9 ? d.year() : d.year() - 1);
}

std::string AcademicYear::str() const { return fmt::format("{}/{:02}", start_, (start_ + 1) % 100); }

}  // namespace tfm
