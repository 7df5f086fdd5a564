// `tfm report`: the hub coordinator's summary (SPEC sections 5 and 6) as typed sections, one
// struct per section (report_summary.h … report_cohorts.h). Renderers turn them into tables
// (render/report_tables.h) or a page (render/html_report.h).
#pragma once

#include "tfm/analysis/report_characteristics.h"
#include "tfm/analysis/report_cohorts.h"
#include "tfm/analysis/report_hubs.h"
#include "tfm/analysis/report_leads.h"
#include "tfm/analysis/report_patterns.h"
#include "tfm/analysis/report_progression.h"
#include "tfm/analysis/report_reach.h"
#include "tfm/analysis/report_stages.h"
#include "tfm/analysis/report_summary.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/model/model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm {

// The section names (`--section`), in the order they are printed. `hubs`, the national view,
// is printed by default only with several data directories.
const std::vector<std::string_view>& report_sections();

struct ReportOptions {
    AcademicYear year;                  // the selected year (default: the current year)
    Date as_of;                         // what counts as passed (the leads' overdue logs)
    std::vector<std::string> sections;  // names from report_sections(); empty: all
};

// The sections asked for, each for `year`; a section not asked for is absent.
struct Report {
    AcademicYear year;
    std::optional<SummarySection> summary;
    std::optional<HubsSection> hubs;  // by default only with several hubs
    std::optional<StagesSection> stages;
    std::optional<ReachSection> reach;
    std::optional<PatternsSection> patterns;
    std::optional<CharacteristicsSection> characteristics;
    std::optional<CohortsSection> cohorts;
    std::optional<LeadsSection> leads;
    std::optional<ProgressionSection> progression;
};

Report build_report(const Records& records, const Index& index,
                    const std::vector<Journey>& journeys, const ReportOptions& options);

}  // namespace tfm
