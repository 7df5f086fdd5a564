// libFuzzer target: any bytes as a record file, through loading, every rule, the journeys,
// and every report (report, gaps, schedule, journey, register) rendered by every renderer
// (text, md, csv, json, ics, html, findings). Nothing may crash, hang, leak or trip a
// sanitizer, and untrusted text must never reach a terminal raw: the text, md, ics and html
// renderings and the findings may hold no control or format character (hidden_kind: C0 but
// line break — and CRLF in a calendar, tab in a page —, DEL, C1, bidirectional overrides,
// isolates and other format characters), however the names in the records were written.
#include "tfm/analysis/gaps.h"
#include "tfm/analysis/journey_view.h"
#include "tfm/analysis/register.h"
#include "tfm/analysis/report.h"
#include "tfm/analysis/schedule.h"
#include "tfm/load/load.h"
#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/render/csv_table.h"
#include "tfm/base/untrusted_text.h"
#include "tfm/render/findings.h"
#include "tfm/render/html_register.h"
#include "tfm/render/html_report.h"
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

// Whether text meant for a terminal holds a raw control or format character; `allowed`
// lists the C0 controls the format itself writes (line break; CR of CRLF; tab).
bool has_raw_control(std::string_view s, std::string_view allowed = "\n") {
    bool raw = false;
    tfm::for_each_character(s, [&](std::int32_t cp, std::string_view bytes) {
        if (tfm::hidden_kind(cp) == tfm::Hidden::none) return;
        if (cp >= 0 && cp < 0x80 && allowed.find(bytes[0]) != std::string_view::npos) return;
        raw = true;
    });
    return raw;
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
    if (has_raw_control(render_ics(items, index, as_of), "\r\n")) __builtin_trap();
    HtmlInput page;
    page.report = report;
    page.gaps = build_gaps(records, index, journeys, GapOptions{AcademicYear(2021), as_of});
    for (const auto& h : records.hubs) page.context.hub_names.push_back(h.name);
    page.context.as_of = as_of;
    page.context.year = AcademicYear(2021);
    if (has_raw_control(render_html(page), "\n\t")) __builtin_trap();
    if (!journeys.empty()) for_people(journey_tables(journeys.front()));
    if (!records.cohorts.empty()) {
        Register reg = build_register(records, index, records.cohorts.front(), as_of);
        for_people(register_tables(reg, true));
        for_people(register_tables(reg, false));
        RegisterPageContext context;
        context.hub_names = page.context.hub_names;
        context.as_of = as_of;
        if (has_raw_control(render_register_html(reg, context), "\n\t")) __builtin_trap();
    }
    return 0;
}
