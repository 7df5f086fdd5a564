// Calendar dates, times of day and academic years as value types.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tfm {

// A calendar date. Parsing is strict: YYYY-MM-DD, a real day of a real month.
class Date {
public:
    Date() = default;
    explicit Date(std::chrono::sys_days days) : days_(std::int32_t(days.time_since_epoch().count())) {}
    Date(int y, unsigned m, unsigned d)
        : Date(std::chrono::sys_days(std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m},
                                                                 std::chrono::day{d}})) {}

    static std::optional<Date> parse(std::string_view text);
    // Why a text is not a date, for diagnostics ("February 2022 has 28 days").
    static std::string why_not(std::string_view text);
    static Date today();

    std::chrono::year_month_day ymd() const { return std::chrono::year_month_day{days()}; }
    std::chrono::sys_days days() const { return std::chrono::sys_days(std::chrono::days{days_}); }
    int year() const { return int(ymd().year()); }
    unsigned month() const { return unsigned(ymd().month()); }
    unsigned day() const { return unsigned(ymd().day()); }
    // 0 = Monday … 6 = Sunday.
    int weekday() const;
    Date plus_days(int n) const { return Date(days() + std::chrono::days{n}); }
    int days_until(Date later) const { return later.days_ - days_; }
    std::string str() const;  // YYYY-MM-DD

    auto operator<=>(const Date&) const = default;

private:
    // Days since 1970-01-01: four bytes, not sys_days' eight (records hold many dates).
    std::int32_t days_ = 0;
};

// "monday" … "sunday" and back; 0 = Monday.
std::string_view weekday_name(int weekday);

// A time of day, minutes since midnight, written HH:MM.
struct TimeOfDay {
    // 0 … 1439 for a time of day; an end past midnight (a start plus a length in minutes, at
    // most a day) up to 2879. Two bytes: records hold a start and an end by the hundred
    // thousand.
    std::int16_t minutes = 0;
    static std::optional<TimeOfDay> parse(std::string_view text);
    std::string str() const;
    auto operator<=>(const TimeOfDay&) const = default;
};

// An academic year, 1 September to 31 August, written 2021/22.
class AcademicYear {
public:
    AcademicYear() = default;
    explicit AcademicYear(int start_year) : start_(start_year) {}

    // Accepts 2021/22 and 2021-22.
    static std::optional<AcademicYear> parse(std::string_view text);
    static AcademicYear containing(Date d);

    int start_year() const { return start_; }
    Date first_day() const { return Date(start_, 9, 1); }
    Date last_day() const { return Date(start_ + 1, 8, 31); }
    bool contains(Date d) const { return first_day() <= d && d <= last_day(); }
    AcademicYear next() const { return AcademicYear(start_ + 1); }
    AcademicYear prev() const { return AcademicYear(start_ - 1); }
    std::string str() const;  // 2021/22

    auto operator<=>(const AcademicYear&) const = default;

private:
    int start_ = 0;
};

}  // namespace tfm
