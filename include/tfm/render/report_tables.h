// The report's typed sections as Tables, for the text, csv, json and md renderers (and the
// page's data tables): one row per typed row, columns keyed as in `--format json`. Columns
// for one reader only (ids for machines, names for people) are picked by for_reader.
#pragma once

#include "tfm/analysis/report.h"
#include "tfm/analysis/report_national.h"
#include "tfm/base/table.h"

#include <string>
#include <vector>

namespace tfm {

Table to_table(const SummarySection& section);
Table to_table(const HubsSection& section);
Table to_table(const StagesSection& section);
Table to_table(const ReachSection& section);
Table to_table(const PatternsSection& section);
Table to_table(const CharacteristicsSection& section);  // the engaged schools' rows
Table to_table(const CohortsSection& section);
Table to_table(const LeadsSection& section);
Table to_table(const ProgressionSection& section);

// Some schools by characteristic: {dimension, value, schools}, values labelled as the report.
Table to_table(const Characteristics& characteristics, std::string name, std::string title);

// The national page's digest (report_national.h) as three tables, a row per hub and then the
// national total: Work Groups by stage with their median attendance (`cohorts_by_hub`), the
// leads' sessions and overdue logs (`leads_by_hub`), and schools and areas (`areas_by_hub`).
Table work_groups_by_hub(const NationalDigest& digest);
Table leads_by_hub(const NationalDigest& digest);
Table areas_by_hub(const NationalDigest& digest);

// The national total's label: "All 40 hubs" ("The 1 hub" for one).
std::string all_hubs_label(int hubs);

// The sections the report holds, in report_sections() order.
std::vector<Table> report_tables(const Report& report);

// Percentages as every format shows them: coverage to one place ("37.5"), attendance whole
// ("71"), a target as written in hub.yaml ("25", "62.5", "12.25").
std::string coverage_text(double percent);
std::string attendance_text(double percent);
std::string target_text(double percent);

}  // namespace tfm
