// The page's "Journey patterns" section: one bar per pattern, with its share.
#include "html_parts.h"

#include "tfm/render/report_tables.h"

#include <fmt/format.h>

namespace tfm::detail {

namespace {

std::string patterns_chart(const Page& page, const PatternsSection& s) {
    svg::HorizontalBars chart;
    chart.labels = {"chart-patterns", fmt::format("Journey patterns of schools engaged in {}", page.year), ""};
    chart.series = {{"schools", std::string(svg::blue), {}}};
    chart.x_title = "schools";
    std::string desc = "Horizontal bars, one per pattern: ";
    for (const auto& row : s.rows) {
        svg::BarRow bar;
        bar.label = pattern_label(row.pattern);
        bar.values = {double(row.schools)};
        bar.texts = {s.schools > 0 ? fmt::format("{} ({})", svg::number(row.schools, 2), percent_text(row.percent))
                                   : svg::number(row.schools, 2)};
        desc += fmt::format("{}{} {}", &row == &s.rows.front() ? "" : ", ", bar.label, svg::number(row.schools, 2));
        chart.rows.push_back(bar);
    }
    chart.labels.desc = desc + ".";
    return chart.rows.empty() ? "" : svg::render(chart);
}

}  // namespace

void write_patterns(Page& page, const PatternsSection& s) {
    page.open_section("patterns", "Journey patterns",
                      fmt::format("How the {} engaged in {} came to it: their engagements up to "
                                  "this year, with or without a gap year.",
                                  escape(plural(s.schools, "school", "schools")), page.year));
    page.body += "<div class=\"figure\">\n";
    page.body += patterns_chart(page, s);
    Table t = to_table(s);
    auto columns = columns_of(t);
    for (auto& c : columns)
        if (c.key == "pattern")
            c.show = [&s](std::size_t row, const std::vector<Cell>&) { return pattern_label(s.rows[row].pattern); };
    page.body += data_table(t, columns, rows_of(t), "patterns", t.title);
    page.body += "</div>\n";
    page.close_section();
}

}  // namespace tfm::detail
