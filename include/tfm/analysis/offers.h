// `tfm offers`: the schools due an offer for a coming year (SPEC section 6), with their last
// stage, next stage, the offer's status and the contacts a mail merge needs; and the gaps
// kind `offers` (due with none recorded, or offered and unanswered a month on).
#pragma once

#include "tfm/base/table.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/model/model.h"

#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace tfm {

// Why a school is on the list: its latest engagement ends the year before (finishing), ended
// earlier (lapsed), or it never took part (a prospect, with --all).
enum class OfferDue { finishing, lapsed, prospect };
std::string_view name_of(OfferDue due);

struct OfferRow {
    const School* school = nullptr;
    OfferDue due = OfferDue::finishing;
    const Engagement* last = nullptr;  // the latest engagement before the year; null for prospects
    std::optional<Stage> next_stage;   // empty for prospects: readiness or development
    const Offer* offer = nullptr;      // the school's offer for the year, or null (`none`)
    const StaffMember* maths_lead = nullptr;  // the first staff member with role maths_lead
    const Cohort* cohort = nullptr;    // a cohort of the year the school is already in
};

struct OffersList {
    AcademicYear year;
    std::vector<OfferRow> rows;  // finishing, lapsed, prospects; each by next stage, area, name
};

// The offers of the records by school and year (the first of duplicates: offer/duplicate).
using OfferIndex = std::map<std::pair<Urn, AcademicYear>, const Offer*>;
OfferIndex index_offers(const Records& records);

// Every school due an offer for `year`: every school with an engagement before it and none
// in it (a school already in a cohort of `year` only when it has an offer for it), and with
// `prospects` the never-engaged schools of the hub's areas. The maths lead is the current
// one as of `as_of`.
OffersList offers_due(const Records& records, const Index& index, const std::vector<Journey>& journeys,
                      AcademicYear year, bool prospects, Date as_of);

// One row per school, plain columns for a mail merge.
Table offers_table(const OffersList& list);

// The gaps kind `offers`: schools due an offer for `year` with none recorded (from 1 January
// of the year before, when offers are made), or `offered` with no answer a month after its date.
Table offer_gaps_table(const Records& records, const Index& index, const std::vector<Journey>& journeys,
                       AcademicYear year, Date as_of);

}  // namespace tfm
