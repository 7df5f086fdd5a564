// `tfm register`'s grid as Tables: codes for csv, json and xlsx, words and marks for people.
#pragma once

#include "tfm/analysis/register.h"
#include "tfm/base/table.h"

#include <string>
#include <vector>

namespace tfm {

// Two tables. "register": a row per school, then a row per participant, with one column per
// held meeting (keyed by its date) and the totals (attended, of, attendance %, whether the
// completion threshold is met). "meetings": a row per held meeting: schools and participants
// present and expected. for_people (table, md): names in words, marks as ✓ ✗ – w, the cohort
// and the threshold in the title; otherwise codes (present, absent, not_yet_member, withdrawn)
// and the URN and cohort id beside the names.
std::vector<Table> register_tables(const Register& r, bool for_people);

// The register's title: "Leeds Development A (development, 2021/22), led by Jo Smith".
std::string register_title(const Register& r);

// The mark shown to people for each code: ✓ present, ✗ absent, – not yet a member, w withdrawn.
std::string mark_symbol(RegisterMark mark);
std::string mark_words(RegisterMark mark);  // "present", "not yet a member", …

}  // namespace tfm
