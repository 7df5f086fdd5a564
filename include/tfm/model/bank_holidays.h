// England's bank holidays, which `plan` never books: computed from the rules of the Banking
// and Financial Dealings Act 1971 and the yearly royal proclamations (Easter by the Gregorian
// computus), with the one-off days and moved days of recent years as a short table.
#pragma once

#include "tfm/base/date.h"

#include <vector>

namespace tfm {

// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
Date easter_sunday(int year);

// The bank holidays in England of one calendar year, in date order: New Year's Day, Good
// Friday, Easter Monday, the early May, spring and summer bank holidays, Christmas Day and
// Boxing Day, with substitute days for those that fall at a weekend, and the one-off days.
std::vector<Date> bank_holidays(int year);

bool is_bank_holiday(Date d);

}  // namespace tfm
