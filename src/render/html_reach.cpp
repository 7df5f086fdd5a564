// The page's "Cumulative reach" section: schools reached and leads trained, as two lines.
#include "html_parts.h"

#include "tfm/render/report_tables.h"

#include <fmt/format.h>

namespace tfm::detail {

namespace {

std::string reach_chart(const ReachSection& s) {
    svg::Lines chart;
    chart.labels.id = "chart-reach";
    chart.labels.title = fmt::format("Cumulative reach, {} to {}", s.years.front().year.str(),
                                     s.years.back().year.str());
    svg::Series schools{"schools reached", std::string(svg::blue), {}};
    svg::Series leads{"leads trained", std::string(svg::vermillion), {}};
    for (const auto& y : s.years) {
        chart.categories.push_back(y.year.str());
        schools.values.push_back(y.schools);
        leads.values.push_back(y.leads);
    }
    chart.labels.desc = fmt::format(
        "Two lines over academic years. Schools reached grow from {} in {} to {} in {}; leads "
        "trained from {} to {}. The table that follows gives every value.",
        svg::number(s.years.front().schools, 2), chart.categories.front(),
        svg::number(s.years.back().schools, 2), chart.categories.back(),
        svg::number(s.years.front().leads, 2), svg::number(s.years.back().leads, 2));
    chart.series = {schools, leads};
    chart.y_title = "cumulative count";
    chart.x_title = "academic year";
    return svg::render(chart);
}

}  // namespace

void write_reach(Page& page, const ReachSection& s) {
    page.open_section("reach", "Cumulative reach",
                      "Leads trained up to each year, and distinct schools reached: a school counts "
                      "from its first year with any engagement, or from its lead's training year.");
    page.body += figure_with_table(Figure{false, s.years.empty(), "No engagement or training is recorded up to this year.", "reach"},
                                   [&] { return reach_chart(s); }, to_table(s));
    page.close_section();
}

}  // namespace tfm::detail
