// `tfm enrol` and `tfm withdraw`: a change to a cohort's `schools:` list, made in place in the
// cohort's own file. Enrolling appends `{urn, participants}` in the list's style; withdrawing
// sets the member's `status: withdrawn`, `withdrawn_on` and, when given, `reason` (replacing
// values that are there, adding keys that are not, in the item's block or flow style).
#pragma once

#include "tfm/base/date.h"
#include "tfm/edit/file_edit.h"
#include "tfm/edit/transaction.h"
#include "tfm/model/model.h"
#include "tfm/yaml/read_back.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm {

struct MembershipChange {
    enum class Kind { enrol, withdraw };
    Kind kind = Kind::enrol;
    std::string cohort;
    Urn urn = 0;
    std::vector<std::string> participants;  // enrol: written as given (none: the key is left out)
    std::optional<Date> joined_on;           // enrol: written when the cohort met before it joined
    Date on;                                 // withdraw: withdrawn_on; enrol: the day it joined
    bool on_given = false;                   // `on` was given (--on), not --as-of
    std::string reason;                      // withdraw: optional
};

// The cohort's file text with the change made, or empty with `why` set: the cohort is not in
// the text or is written in flow style, its `schools:` is not a block list, the school is
// already a member (enrol) or is not one, or has already withdrawn (withdraw).
std::optional<std::string> change_membership(std::string_view text, std::string_view newline,
                                             const MembershipChange& change, std::string& why);

// Read back: the documents as before with exactly that change to the cohort's `schools`.
yaml::Intent membership_intent(const MembershipChange& change);

// Reads the cohort's file (`path`, shown as `shown`) under `tx`, plans the change and checks
// it by reading it back: the FileEdit to commit, or empty with `why` set.
std::optional<FileEdit> plan_membership(const Transaction& tx, const std::string& path, const std::string& shown,
                                        const MembershipChange& change, std::string& why);

}  // namespace tfm
