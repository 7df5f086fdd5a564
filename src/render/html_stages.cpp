// The page's "Schools per stage per year" section: stacked bars by stage colour.
#include "html_parts.h"

#include "tfm/render/report_tables.h"

#include <fmt/format.h>

namespace tfm::detail {

namespace {

std::string stages_chart(const StagesSection& s) {
    svg::StackedBars chart;
    chart.labels.id = "chart-stages";
    chart.labels.title = fmt::format("Schools per stage per year, {} to {}", s.years.front().year.str(),
                                     s.years.back().year.str());
    for (const auto& y : s.years) chart.categories.push_back(y.year.str());
    for (Stage st : all_stages) {
        svg::Series series{std::string(name_of(st)), stage_colour(st), {}};
        for (const auto& y : s.years) series.values.push_back(y.schools[std::size_t(st)]);
        chart.series.push_back(series);
    }
    std::string desc = "Stacked bars, one per year, split by stage. Totals: ";
    for (std::size_t i = 0; i < s.years.size(); ++i)
        desc += fmt::format("{}{} {}", i ? ", " : "", chart.categories[i], svg::number(s.years[i].total, 2));
    chart.labels.desc = desc + ". The table that follows gives every value.";
    chart.y_title = "schools";
    chart.x_title = "academic year";
    return svg::render(chart);
}

}  // namespace

void write_stages(Page& page, const StagesSection& s) {
    page.open_section("stages", "Schools per stage per year",
                      "Each bar is an academic year; a school counts once for each stage it took "
                      "part in that year, so a school in two stages counts in both.");
    page.body += figure_with_table(Figure{true, s.years.empty(), "No engagements are recorded up to this year.", "stages"},
                                   [&] { return stages_chart(s); }, to_table(s));
    page.close_section();
}

}  // namespace tfm::detail
