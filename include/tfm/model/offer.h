// An offer record (SPEC section 2): what a school was offered for a coming year, and its
// answer. One per school and year; a later answer edits the record's status and date.
#pragma once

#include "tfm/base/date.h"
#include "tfm/base/diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace tfm {

enum class Stage;  // model.h
using Urn = int;

enum class OfferStatus { offered, accepted, declined, no_reply };

template <class E>
const std::vector<std::string_view>& enum_names();
template <> const std::vector<std::string_view>& enum_names<OfferStatus>();

struct Offer {
    Urn urn = 0;
    Stage stage{};
    AcademicYear year;
    OfferStatus status = OfferStatus::offered;
    Date on;             // the date of the offer, or of the school's answer
    std::string reason;  // optional, usually with declined
    int directory = 0;
    Pos pos;
    Pos urn_pos;
    Pos stage_pos;
};

}  // namespace tfm
