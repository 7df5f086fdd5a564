#include "tfm/analysis/report.h"

#include <algorithm>

namespace tfm {

const std::vector<std::string_view>& report_sections() {
    static const std::vector<std::string_view> names = {"summary",  "hubs",            "stages",
                                                         "reach",    "patterns",        "characteristics",
                                                         "cohorts",  "leads",           "progression"};
    return names;
}

Report build_report(const Records& records, const Index& index,
                    const std::vector<Journey>& journeys, const ReportOptions& options) {
    auto asked = [&](std::string_view name) {
        return std::find(options.sections.begin(), options.sections.end(), name) !=
               options.sections.end();
    };
    auto wanted = [&](std::string_view name) { return options.sections.empty() || asked(name); };
    AcademicYear y = options.year;
    Report r;
    r.year = y;
    if (wanted("summary")) r.summary = summary_section(records, journeys, y);
    // The national view: by default only with several hubs.
    if (asked("hubs") || (options.sections.empty() && records.hubs.size() > 1))
        r.hubs = hubs_section(records, journeys, y);
    if (wanted("stages")) r.stages = stages_section(journeys, y);
    if (wanted("reach")) r.reach = reach_section(records, journeys, y);
    if (wanted("patterns")) r.patterns = patterns_section(journeys, y);
    if (wanted("characteristics")) r.characteristics = characteristics_section(records, journeys, y);
    if (wanted("cohorts")) r.cohorts = cohorts_section(records, index, y);
    if (wanted("leads")) r.leads = leads_section(records, index, y, options.as_of);
    if (wanted("progression")) r.progression = progression_section(records, journeys, y);
    return r;
}

}  // namespace tfm
