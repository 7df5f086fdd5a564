#include "tfm/model/bank_holidays.h"

#include <algorithm>

namespace tfm {
namespace {

// The first (n = 1) or last (n = -1) Monday of a month.
Date monday_of(int year, unsigned month, int n) {
    if (n > 0) {
        Date d(year, month, 1);
        return d.plus_days((7 - d.weekday()) % 7);
    }
    Date next = month == 12 ? Date(year + 1, 1, 1) : Date(year, month + 1, 1);
    Date last = next.plus_days(-1);
    return last.plus_days(-last.weekday());
}

// A day that falls on a Saturday or Sunday is observed on the next free weekday.
Date substitute(Date d, const std::vector<Date>& taken) {
    while (d.weekday() >= 5 || std::find(taken.begin(), taken.end(), d) != taken.end())
        d = d.plus_days(1);
    return d;
}

// Rule days moved by proclamation: the day the rule gives, and the day it was held instead.
struct Moved {
    Date rule;
    Date held;
};
const Moved moved[] = {
    {Date(1995, 5, 1), Date(1995, 5, 8)},    // early May: VE Day's 50th anniversary
    {Date(2002, 5, 27), Date(2002, 6, 4)},   // spring: the Golden Jubilee
    {Date(2012, 5, 28), Date(2012, 6, 4)},   // spring: the Diamond Jubilee
    {Date(2020, 5, 4), Date(2020, 5, 8)},    // early May: VE Day's 75th anniversary
    {Date(2022, 5, 30), Date(2022, 6, 2)},   // spring: the Platinum Jubilee
};

// Days added by proclamation for one year only.
const Date one_off[] = {
    Date(1999, 12, 31),  // the millennium
    Date(2002, 6, 3),    // the Golden Jubilee
    Date(2011, 4, 29),   // the royal wedding
    Date(2012, 6, 5),    // the Diamond Jubilee
    Date(2022, 6, 3),    // the Platinum Jubilee
    Date(2022, 9, 19),   // the state funeral of Queen Elizabeth II
    Date(2023, 5, 8),    // the coronation of King Charles III
};

}  // namespace

Date easter_sunday(int year) {
    int a = year % 19, b = year / 100, c = year % 100;
    int d = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return Date(year, unsigned(month), unsigned(day));
}

std::vector<Date> bank_holidays(int year) {
    std::vector<Date> days;
    days.push_back(substitute(Date(year, 1, 1), days));
    Date easter = easter_sunday(year);
    days.push_back(easter.plus_days(-2));
    days.push_back(easter.plus_days(1));
    days.push_back(monday_of(year, 5, 1));
    days.push_back(monday_of(year, 5, -1));
    days.push_back(monday_of(year, 8, -1));
    // Christmas first, then Boxing Day: each takes the next weekday not already taken.
    days.push_back(substitute(Date(year, 12, 25), days));
    days.push_back(substitute(Date(year, 12, 26), days));
    for (const auto& m : moved)
        std::replace(days.begin(), days.end(), m.rule, m.held);
    for (Date d : one_off)
        if (d.year() == year) days.push_back(d);
    std::sort(days.begin(), days.end());
    return days;
}

bool is_bank_holiday(Date d) {
    auto days = bank_holidays(d.year());
    return std::binary_search(days.begin(), days.end(), d);
}

}  // namespace tfm
