#include "tfm/analysis/report_summary.h"

#include "report_detail.h"

#include <algorithm>
#include <map>
#include <set>

namespace tfm {

namespace {

// Counts the schools engaged in `year` (by stage and at all) and those ever engaged up to it,
// by phase.
void count_engaged(SummarySection& s, const std::vector<Journey>& journeys,
                   std::map<Phase, int>& ever_by_phase, std::map<Phase, int>& counted_by_phase) {
    for (const auto& j : journeys) {
        std::set<Stage> stages, counted_stages;
        bool any_upto = false, counted_upto = false;
        for (const auto& e : j.engagements) {
            bool counted = completed_or_in_progress(e.status);
            if (e.year == s.year) {
                stages.insert(e.stage);
                if (counted) counted_stages.insert(e.stage);
            }
            if (e.year <= s.year) {
                any_upto = true;
                counted_upto = counted_upto || counted;
            }
        }
        for (Stage st : stages) ++s.engaged_by_stage[std::size_t(st)];
        for (Stage st : counted_stages) ++s.completed_or_in_progress_by_stage[std::size_t(st)];
        if (!stages.empty()) ++s.engaged;
        if (!counted_stages.empty()) ++s.engaged_completed_or_in_progress;
        if (any_upto) {
            ++s.ever_engaged;
            ++ever_by_phase[j.school->phase];
        }
        if (counted_upto) {
            ++s.ever_completed_or_in_progress;
            ++counted_by_phase[j.school->phase];
        }
    }
}

// Coverage: schools of a phase ever engaged, against the hubs' population of that phase. A
// row per target (of a single hub), then one per phase with a population and no target; by
// phase.
std::vector<PhaseCoverage> coverage_of(const Records& records, std::map<Phase, int>& ever_by_phase,
                                       std::map<Phase, int>& counted_by_phase) {
    std::map<Phase, int> population;
    for (const auto& h : records.hubs)
        for (const auto& [phase, n] : h.population) population[phase] += n;
    std::vector<PhaseCoverage> rows;
    std::set<Phase> with_target;
    // Each hub's target is for its own schools: with several hubs, the targets are in the
    // hubs section, never held against everyone's figures here.
    if (records.hubs.size() == 1)
        for (const auto& target : records.hubs.front().targets) {
            rows.push_back({target.phase, 0, 0, {}, {}, target.percent, target.by, false});
            with_target.insert(target.phase);
        }
    for (const auto& [phase, n] : population)
        if (!with_target.count(phase)) rows.push_back({phase, 0, 0, {}, {}, {}, {}, false});
    std::stable_sort(rows.begin(), rows.end(),
                     [](const PhaseCoverage& a, const PhaseCoverage& b) { return a.phase < b.phase; });
    for (auto& row : rows) {
        row.schools = ever_by_phase[row.phase];
        row.completed_or_in_progress = counted_by_phase[row.phase];
        if (population[row.phase] > 0) {
            row.population = population[row.phase];
            row.percent = detail::percent(row.schools, *row.population);
        }
        // A hair of tolerance, so that a percentage equal to its target as written meets it.
        row.met = row.percent && row.target && *row.percent + 1e-9 >= *row.target;
    }
    return rows;
}

}  // namespace

SummarySection summary_section(const Records& records, const std::vector<Journey>& journeys,
                               AcademicYear year) {
    SummarySection s;
    s.year = year;
    std::map<Phase, int> ever_by_phase, counted_by_phase;
    count_engaged(s, journeys, ever_by_phase, counted_by_phase);
    s.coverage = coverage_of(records, ever_by_phase, counted_by_phase);
    return s;
}

}  // namespace tfm
