#include "tfm/base/date.h"

#include <doctest/doctest.h>

using namespace tfm;

TEST_CASE("dates parse strictly") {
    CHECK(Date::parse("2021-10-05") == Date(2021, 10, 5));
    CHECK(Date::parse("2024-02-29").has_value());
    CHECK_FALSE(Date::parse("2022-02-29").has_value());
    CHECK_FALSE(Date::parse("2021-13-01").has_value());
    CHECK_FALSE(Date::parse("2021-1-05").has_value());
    CHECK_FALSE(Date::parse("05/10/2021").has_value());
    CHECK_FALSE(Date::parse("2021-10-05 ").has_value());
    CHECK_FALSE(Date::parse("").has_value());
}

TEST_CASE("why a text is not a date") {
    CHECK(Date::why_not("2022-02-29") == "February 2022 has 28 days");
    CHECK(Date::why_not("2021-04-31") == "April 2021 has 30 days");
    CHECK(Date::why_not("2021-13-01") == "there is no month 13");
    CHECK(Date::why_not("tomorrow") == "expected a date written YYYY-MM-DD");
}

TEST_CASE("date arithmetic and weekdays") {
    Date d(2021, 10, 5);
    CHECK(d.weekday() == 1);  // a Tuesday
    CHECK(weekday_name(d.weekday()) == "tuesday");
    CHECK(d.plus_days(7) == Date(2021, 10, 12));
    CHECK(d.days_until(Date(2021, 11, 16)) == 42);
    CHECK(d.str() == "2021-10-05");
}

TEST_CASE("academic years") {
    CHECK(AcademicYear::parse("2021/22") == AcademicYear(2021));
    CHECK(AcademicYear::parse("2021-22") == AcademicYear(2021));
    CHECK(AcademicYear::parse("2099/00") == AcademicYear(2099));
    CHECK_FALSE(AcademicYear::parse("2021/23").has_value());
    CHECK_FALSE(AcademicYear::parse("2021").has_value());
    CHECK_FALSE(AcademicYear::parse("21/22").has_value());
    CHECK(AcademicYear(2021).str() == "2021/22");
    CHECK(AcademicYear(2099).str() == "2099/00");
    CHECK(AcademicYear::containing(Date(2021, 9, 1)) == AcademicYear(2021));
    CHECK(AcademicYear::containing(Date(2022, 8, 31)) == AcademicYear(2021));
    CHECK(AcademicYear::containing(Date(2022, 9, 1)) == AcademicYear(2022));
    CHECK(AcademicYear(2021).contains(Date(2022, 7, 22)));
    CHECK_FALSE(AcademicYear(2021).contains(Date(2021, 8, 31)));
    CHECK(AcademicYear(2021) < AcademicYear(2022));
}

TEST_CASE("times of day") {
    CHECK(TimeOfDay::parse("13:30")->minutes == 13 * 60 + 30);
    CHECK_FALSE(TimeOfDay::parse("24:00").has_value());
    CHECK_FALSE(TimeOfDay::parse("9:00").has_value());
    CHECK(TimeOfDay{545}.str() == "09:05");
}

TEST_CASE("why_not shows a date written day first, or with slashes, as YYYY-MM-DD") {
    CHECK(Date::why_not("24/11/2026") == "write 2026-11-24 (dates are YYYY-MM-DD)");
    CHECK(Date::why_not("24-11-2026") == "write 2026-11-24 (dates are YYYY-MM-DD)");
    CHECK(Date::why_not("24.11.2026") == "write 2026-11-24 (dates are YYYY-MM-DD)");
    CHECK(Date::why_not("2026/11/24") == "write 2026-11-24 (dates are YYYY-MM-DD)");
    CHECK(Date::why_not("2026/1/4") == "write 2026-01-04 (dates are YYYY-MM-DD)");
    // Day first, as England writes dates; month first only when day first cannot be one.
    CHECK(Date::why_not("1/9/2026") == "write 2026-09-01, reading it day first (dates are YYYY-MM-DD)");
    CHECK(Date::why_not("11/24/2026") == "write 2026-11-24 (dates are YYYY-MM-DD)");
    CHECK(Date::why_not("5/5/2026") == "write 2026-05-05 (dates are YYYY-MM-DD)");
    // Nothing to suggest: no such day, a two-digit year, mixed separators.
    CHECK(Date::why_not("31/02/2026") == "expected a date written YYYY-MM-DD");
    CHECK(Date::why_not("24/11/26") == "expected a date written YYYY-MM-DD");
    CHECK(Date::why_not("24/11-2026") == "expected a date written YYYY-MM-DD");
    CHECK(Date::why_not("2026-02-30") == "February 2026 has 28 days");
}
