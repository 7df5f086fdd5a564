#include "tfm/analysis/report_progression.h"

#include "tfm/analysis/offers.h"

namespace tfm {

ProgressionSection progression_section(const Records& records, const std::vector<Journey>& journeys,
                                       AcademicYear year) {
    ProgressionSection s;
    s.year = year;
    for (Stage st : all_stages) s.rows.push_back({st, stage_after(st)});
    const OfferIndex offers = index_offers(records);
    for (const auto& j : journeys) {
        for (Stage st : all_stages) {
            // Finished the stage the year before: not withdrawn, not below the threshold.
            bool finished = false;
            for (const auto& e : j.engagements)
                if (e.year == year.prev() && e.stage == st && completed_or_in_progress(e.status)) finished = true;
            if (!finished) continue;
            ProgressionRow& row = s.rows[std::size_t(st)];
            ++row.finished;
            auto it = offers.find({j.school->urn, year});
            if (it != offers.end() && it->second->stage == row.next) {
                ++row.offered;
                if (it->second->status == OfferStatus::accepted) ++row.accepted;
            }
            for (const auto& e : j.engagements)
                if (e.year == year && e.stage == row.next && e.cohort) {
                    ++row.enrolled;
                    break;
                }
        }
    }
    return s;
}

}  // namespace tfm
