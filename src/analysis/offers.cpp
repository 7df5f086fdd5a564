#include "tfm/analysis/offers.h"

#include "tfm/model/progression.h"

#include <algorithm>
#include <chrono>
#include <tuple>

namespace tfm {

std::string_view name_of(OfferDue due) {
    switch (due) {
        case OfferDue::finishing: return "finishing";
        case OfferDue::lapsed: return "lapsed";
        case OfferDue::prospect: return "prospect";
    }
    return "finishing";
}

OfferIndex index_offers(const Records& records) {
    OfferIndex out;
    for (const auto& o : records.offers) out.try_emplace({o.urn, o.year}, &o);
    return out;
}

namespace {

// The school's current maths lead as of `as_of`: role maths_lead, not former, the latest
// `from` first (one without `from` counts as earliest; ties: the first in the list).
const StaffMember* maths_lead_of(const School& s, Date as_of) {
    const StaffMember* best = nullptr;
    for (const auto& m : s.staff) {
        if (m.role != StaffRole::maths_lead || m.is_former(as_of)) continue;
        if (!best || (m.from && (!best->from || *best->from < *m.from))) best = &m;
    }
    return best;
}

const Cohort* cohort_in(const Journey& j, AcademicYear year) {
    for (const auto& e : j.engagements)
        if (e.year == year && e.cohort) return e.cohort;
    return nullptr;
}

bool in_hub_area(const Records& records, const School& s) {
    const Hub* hub = records.hub_of(s.directory);
    return !hub || hub->areas.empty() || hub->area_named(s.area);
}

// The date a month after `d` (the last day of the month when it has no such day).
Date month_after(Date d) {
    using namespace std::chrono;
    year_month_day next = d.ymd() + months{1};
    if (!next.ok()) next = year_month_day_last{next.year(), month_day_last{next.month()}};
    return Date(sys_days{next});
}

}  // namespace

OffersList offers_due(const Records& records, const Index& index, const std::vector<Journey>& journeys,
                      AcademicYear year, bool prospects, Date as_of) {
    OffersList list;
    list.year = year;
    const OfferIndex offers = index_offers(records);
    for (const auto& j : journeys) {
        // A predecessor is its successor's journey: never due an offer, nor a prospect (an
        // offer made to it is offer/stage's warning).
        if (j.successor) continue;
        const School& s = *j.school;
        OfferRow row;
        row.school = &s;
        row.maths_lead = maths_lead_of(s, as_of);
        auto offer = offers.find({s.urn, year});
        row.offer = offer == offers.end() ? nullptr : offer->second;
        row.cohort = cohort_in(j, year);
        row.last = latest_before(j, year);
        if (row.last) {
            // Already going on into the year: listed only to show the answer it gave.
            if (engaged_in(j, year) && !row.offer) continue;
            row.due = row.last->year == year.prev() ? OfferDue::finishing : OfferDue::lapsed;
            row.next_stage = next_stage_for(j, year);
        } else {
            bool later = std::any_of(j.engagements.begin(), j.engagements.end(),
                                     [&](const Engagement& e) { return e.year >= year; });
            if (!row.offer && (!prospects || later || !in_hub_area(records, s))) continue;
            row.due = OfferDue::prospect;
        }
        list.rows.push_back(row);
    }
    auto key = [](const OfferRow& r) {
        int next = r.next_stage ? int(*r.next_stage) : -1;
        return std::make_tuple(int(r.due), next, std::string_view(r.school->area),
                               std::string_view(r.school->name), r.school->urn);
    };
    std::stable_sort(list.rows.begin(), list.rows.end(),
                     [&](const OfferRow& a, const OfferRow& b) { return key(a) < key(b); });
    return list;
}

Table offers_table(const OffersList& list) {
    using K = ColumnKind;
    Table t{"offers", "Schools due an offer for " + list.year.str(),
            {{"urn", "URN"},
             {"name", "school"},
             {"area", "area"},
             {"due", "due", K::code},
             {"last_stage", "last stage", K::code},
             {"last_year", "last year"},
             {"last_status", "last status", K::code},
             {"next_stage", "next stage", K::code},
             {"offer", "offer", K::code},
             {"offered_stage", "stage offered", K::code},
             {"offer_on", "on"},
             {"reason", "reason"},
             {"cohort", "cohort"},
             {"school_email", "school email"},
             {"maths_lead", "maths lead"},
             {"maths_lead_email", "maths lead email"}},
            {}};
    t.empty_text = "no school is due an offer";
    for (const auto& r : list.rows) {
        const School& s = *r.school;
        auto text_or_empty = [](std::string_view v) { return v.empty() ? Cell() : Cell(v); };
        t.rows.push_back({
            s.urn, s.name, s.area, std::string(name_of(r.due)),
            r.last ? Cell(std::string(name_of(r.last->stage))) : Cell(),
            r.last ? Cell(r.last->year.str()) : Cell(),
            r.last ? Cell(std::string(name_of_status(r.last->status))) : Cell(),
            r.next_stage ? Cell(std::string(name_of(*r.next_stage))) : Cell("readiness_or_development"),
            r.offer ? Cell(std::string(name_of(r.offer->status))) : Cell("none"),
            r.offer ? Cell(std::string(name_of(r.offer->stage))) : Cell(),
            r.offer ? Cell(r.offer->on) : Cell(),
            r.offer ? text_or_empty(r.offer->reason) : Cell(),
            r.cohort ? Cell(r.cohort->id) : Cell(),
            text_or_empty(s.email),
            r.maths_lead ? Cell(r.maths_lead->name) : Cell(),
            r.maths_lead ? text_or_empty(r.maths_lead->email) : Cell(),
        });
    }
    return t;
}

Table offer_gaps_table(const Records& records, const Index& index, const std::vector<Journey>& journeys,
                       AcademicYear year, Date as_of) {
    Table t{"offers", "Offers for " + year.str() + " to make or chase",
            {{"urn", "URN"},
             {"name", "school"},
             {"next_stage", "next stage", ColumnKind::code},
             {"status", "offer", ColumnKind::code},
             {"on", "on"},
             {"chase_from", "chase from"}},
            {}};
    // Offers for a year are made in the spring before it: until then none is missing.
    const bool offering = year.prev().first_day().plus_days(122) <= as_of;
    for (const auto& r : offers_due(records, index, journeys, year, false, as_of).rows) {
        if (records.rules_of(r.school->directory).is_off(GapKind::offers)) continue;
        Cell next = r.next_stage ? Cell(std::string(name_of(*r.next_stage))) : Cell();
        if (!r.offer) {
            if (offering) t.rows.push_back({r.school->urn, r.school->name, next, std::string("none"), Cell(), Cell()});
            continue;
        }
        if (r.offer->status != OfferStatus::offered) continue;
        Date chase = month_after(r.offer->on);
        if (chase <= as_of)
            t.rows.push_back({r.school->urn, r.school->name, next, std::string("offered"), r.offer->on, chase});
    }
    return t;
}

}  // namespace tfm
