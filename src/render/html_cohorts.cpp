// The page's "Work Groups" section: attendance by Work Group, coloured by stage.
#include "html_parts.h"

#include "tfm/render/report_tables.h"

#include <fmt/format.h>

namespace tfm::detail {

namespace {

std::string attendance_chart(const Page& page, const CohortsSection& s) {
    svg::HorizontalBars chart;
    chart.labels.id = "chart-cohorts";
    chart.labels.title = fmt::format("Attendance by Work Group, {}", page.year);
    chart.series = {{"attendance", std::string(svg::blue), {}}};
    for (Stage st : s.stages) chart.legend.push_back({std::string(name_of(st)), stage_colour(st), {}});
    chart.max = 100;
    chart.unit = "%";
    chart.x_title = "attendance at logged meetings";
    if (page.in.context.completion) {
        chart.rule = *page.in.context.completion * 100.0;
        chart.rule_text = fmt::format("completion threshold {}%", svg::number(*chart.rule, 0));
    }
    std::string desc = "Horizontal bars, one per Work Group, coloured by stage: ";
    for (const auto& row : s.rows) {
        svg::BarRow bar;
        bar.label = row.name;
        bar.colour = stage_colour(row.stage);
        bar.values = {row.attendance};
        if (row.attendance) bar.texts = {attendance_text(*row.attendance) + "%"};
        bar.missing_text = "no attendance logged yet";
        desc += fmt::format("{}{} ({}) {}", &row == &s.rows.front() ? "" : "; ", isolated(bar.label),
                            name_of(row.stage), row.attendance ? bar.texts[0] : "no attendance logged");
        chart.rows.push_back(bar);
    }
    chart.labels.desc = desc + ".";
    return svg::render(chart);
}

// The national page: a row per hub instead of a bar per Work Group.
void write_cohorts_by_hub(Page& page, const CohortsSection& s, const NationalDigest& d) {
    page.open_section("cohorts", fmt::format("Work Groups of {}", page.year),
                      fmt::format("Each hub's Work Groups of the year by stage, and the median of their "
                                  "attendance (the share of expected school places present at the meetings "
                                  "logged so far). The list of all {} is in <code>tfm report --section "
                                  "cohorts</code> (html, csv, json or xlsx).",
                                  escape(plural((long long)s.rows.size(), "Work Group", "Work Groups"))));
    Table t = work_groups_by_hub(d);
    page.body += "<div class=\"figure wide\">\n" +
                 data_table(t, columns_of(t), rows_of(t), "cohorts-by-hub", t.title, "", "by-hub total-last") + "</div>\n";
    page.close_section();
}

}  // namespace

void write_cohorts(Page& page, const CohortsSection& s) {
    if (page.in.digest) return write_cohorts_by_hub(page, s, *page.in.digest);
    page.open_section("cohorts", fmt::format("Work Groups of {}", page.year),
                      "Attendance is the share of expected school places present at the meetings "
                      "logged with attendance so far; a school that withdrew is expected only "
                      "before it withdrew.");
    page.body += figure_with_table(Figure{true, s.rows.empty(), fmt::format("No Work Group is recorded for {}.", page.year), "cohorts"},
                                   [&] { return attendance_chart(page, s); }, to_table(s));
    page.close_section();
}

}  // namespace tfm::detail
