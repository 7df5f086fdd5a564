#include "tfm/base/date.h"

#include <array>
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
    return "expected a date written YYYY-MM-DD";
}

Date Date::today() {
    auto now = std::chrono::system_clock::now();
    return Date(std::chrono::floor<std::chrono::days>(now));
}

int Date::weekday() const {
    unsigned iso = std::chrono::weekday{days_}.iso_encoding();  // 1 = Monday
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
    return TimeOfDay{h * 60 + m};
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
