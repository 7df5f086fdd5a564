// libFuzzer target: any bytes as a record file, through loading, every rule, the journeys,
// and every report (report, gaps, schedule, journey, register) rendered by every renderer
// (text, md, csv, json, ics, findings). Nothing may crash, hang, leak or trip a sanitizer,
// and untrusted text must never reach a terminal raw: the text and md renderings and the
// findings may hold no control character (C0 but line break, DEL, C1) and no bidirectional
// override or isolate, however the names in the records were written.
#include "tfm/analysis/gaps.h"
#include "tfm/analysis/journey_view.h"
#include "tfm/analysis/register.h"
#include "tfm/analysis/report.h"
#include "tfm/analysis/schedule.h"
#include "tfm/load/load.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/render/csv_table.h"
#include "tfm/render/findings.h"
#include "tfm/render/ics.h"
#include "tfm/render/json_table.h"
#include "tfm/render/md_table.h"
#include "tfm/render/register_tables.h"
#include "tfm/render/report_tables.h"
#include "tfm/render/text_table.h"
#include "tfm/rules/check.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace {

// Whether text meant for a terminal holds a raw control or bidi character.
bool has_raw_control(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
        if (c == 0xC2 && i + 1 < s.size()) {  // U+0080 … U+009F
            auto d = static_cast<unsigned char>(s[i + 1]);
            if (d >= 0x80 && d <= 0x9F) return true;
        }
        if (c == 0xE2 && i + 2 < s.size()) {  // U+202A … U+202E, U+2066 … U+2069
            auto d = static_cast<unsigned char>(s[i + 1]), e = static_cast<unsigned char>(s[i + 2]);
            if (d == 0x80 && e >= 0xAA && e <= 0xAE) return true;
            if (d == 0x81 && e >= 0xA6 && e <= 0xA9) return true;
        }
    }
    return false;
}

void for_people(const std::vector<tfm::Table>& tables) {
    using namespace tfm;
    std::string text = render_text(tables, {}) + render_md(tables, {});
    if (has_raw_control(text)) __builtin_trap();
    (void)render_csv(tables);
    (void)render_json(tables);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tfm;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    LoadResult loaded = load_text(text, "fuzz.yaml");
    Date as_of(2022, 6, 1);
    Diagnostics findings = check_records(loaded, as_of);
    const Records& records = loaded.records;
    if (has_raw_control(render_findings_text(records, findings, {}))) __builtin_trap();
    Index index(records);
    auto journeys = all_journeys(records, index, as_of);
    ReportOptions report_options;
    report_options.year = AcademicYear(2021);
    auto report = build_report(records, index, journeys, report_options);
    for_people(report_tables(report));
    for_people(build_gaps(records, index, journeys, GapOptions{AcademicYear(2021), as_of}));
    ScheduleFilter filter;
    filter.from = Date(2021, 9, 1);
    filter.to = Date(2022, 8, 31);
    auto items = build_schedule(records, index, filter, as_of);
    for_people({schedule_table(items)});
    (void)render_ics(items, index, as_of);
    if (!journeys.empty()) for_people(journey_tables(journeys.front()));
    if (!records.cohorts.empty()) {
        Register reg = build_register(records, index, records.cohorts.front(), as_of);
        for_people(register_tables(reg, true));
        for_people(register_tables(reg, false));
    }
    return 0;
}
