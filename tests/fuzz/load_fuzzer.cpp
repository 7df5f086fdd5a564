// libFuzzer target: any bytes as a record file, through loading, every rule, the journeys,
// the report and the gap tables. Nothing may crash, hang, leak or trip a sanitizer.
#include "tfm/rules/check.h"
#include "tfm/analysis/gaps.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/load/load.h"
#include "tfm/analysis/report.h"
#include "tfm/analysis/schedule.h"
#include "tfm/render/ics.h"
#include "tfm/render/json_table.h"
#include "tfm/render/report_tables.h"
#include "tfm/render/text_table.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tfm;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    LoadResult loaded = load_text(text, "fuzz.yaml");
    Date as_of(2022, 6, 1);
    Diagnostics findings = check_records(loaded, as_of);
    const Records& records = loaded.records;
    Index index(records);
    auto journeys = all_journeys(records, index, as_of);
    ReportOptions report_options;
    report_options.year = AcademicYear(2021);
    auto report = build_report(records, index, journeys, report_options);
    auto gaps = build_gaps(records, index, journeys, GapOptions{AcademicYear(2021), as_of});
    ScheduleFilter filter{Date(2021, 9, 1), Date(2022, 8, 31), "", "", std::nullopt};
    auto items = build_schedule(records, index, filter, as_of);
    std::string out = render_ics(items, index, as_of) + render_json(report_tables(report)) + render_text(gaps, {});
    return out.empty() ? 0 : 0;
}
