// England's bank holidays (model/bank_holidays.h), against the published lists.
#include "tfm/model/bank_holidays.h"

#include <doctest/doctest.h>

#include <string>

using namespace tfm;

namespace {

std::string list(int year) {
    std::string out;
    for (Date d : bank_holidays(year)) out += (out.empty() ? "" : " ") + d.str();
    return out;
}

}  // namespace

TEST_CASE("bank holidays: Easter Sunday by the Gregorian computus") {
    CHECK(easter_sunday(2019) == Date(2019, 4, 21));
    CHECK(easter_sunday(2021) == Date(2021, 4, 4));
    CHECK(easter_sunday(2022) == Date(2022, 4, 17));
    CHECK(easter_sunday(2024) == Date(2024, 3, 31));
    CHECK(easter_sunday(2025) == Date(2025, 4, 20));
    CHECK(easter_sunday(2038) == Date(2038, 4, 25));  // the latest possible
    CHECK(easter_sunday(2285) == Date(2285, 3, 22));  // the earliest possible
}

TEST_CASE("bank holidays: the published lists for England and Wales") {
    // 2020: early May moved to Friday 8 May (VE Day); Boxing Day on a Saturday -> Monday 28th.
    CHECK(list(2020) == "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 "
                        "2020-12-25 2020-12-28");
    // 2021: New Year's Day a Friday; Christmas on a Saturday, Boxing Day on a Sunday.
    CHECK(list(2021) == "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 "
                        "2021-12-27 2021-12-28");
    // 2022: New Year's Day a Saturday -> 3 January; the Platinum Jubilee (spring moved to
    // 2 June, 3 June added); the state funeral; Christmas on a Sunday.
    CHECK(list(2022) == "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 "
                        "2022-08-29 2022-09-19 2022-12-26 2022-12-27");
    // 2023: New Year's Day a Sunday; the coronation.
    CHECK(list(2023) == "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 "
                        "2023-08-28 2023-12-25 2023-12-26");
    CHECK(list(2026) == "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 "
                        "2026-12-25 2026-12-28");
    CHECK(is_bank_holiday(Date(2027, 3, 26)));  // Good Friday 2027
    CHECK_FALSE(is_bank_holiday(Date(2027, 3, 25)));
}
