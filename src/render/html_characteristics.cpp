// The page's "Characteristics" section: a panel per dimension, the engaged schools' shares
// beside those of every school on record.
#include "html_parts.h"

#include "tfm/render/report_tables.h"

#include <fmt/format.h>

namespace tfm::detail {

namespace {

std::string lead_of(const Page& page, const CharacteristicsSection& s) {
    return fmt::format("The {} engaged in {}", escape(plural(s.engaged.schools, "school", "schools")), page.year) +
           fmt::format(", beside all {} on record (engaged or not), each as a share of its "
                       "group. The hub records its population only by phase, so the schools "
                       "on record are the comparison here, not every school in the area.",
                       escape(plural(s.all.schools, "school", "schools")));
}

std::string shares_chart(const Page& page, const DimensionShares& d) {
    svg::HorizontalBars chart;
    chart.labels.id = "chart-characteristics-" + std::string(name_of(d.dimension));
    chart.labels.title = dimension_label(d.dimension) + ", schools engaged in " + page.year +
                         " beside all schools on record";
    chart.series = {{fmt::format("engaged in {}", page.year), std::string(svg::blue), {}},
                    {"all schools on record", std::string(svg::grey), {}}};
    chart.max = 0;
    chart.unit = "%";
    chart.width = 480;
    chart.bar_height = 12;
    chart.x_title = "share of the group";
    std::string desc = "Horizontal bars, one group per value: ";
    for (const auto& v : d.values) {
        svg::BarRow bar;
        bar.label = value_label(v.value);
        bar.values = {v.engaged_percent, v.all_percent};
        bar.texts = {fmt::format("{} ({})", svg::number(v.engaged, 2), percent_text(v.engaged_percent)),
                     fmt::format("{} ({})", svg::number(v.all, 2), percent_text(v.all_percent))};
        desc += fmt::format("{}{}: {} engaged of {} on record", &v == &d.values.front() ? "" : "; ",
                            isolated(bar.label), svg::number(v.engaged, 2), svg::number(v.all, 2));
        chart.rows.push_back(bar);
    }
    chart.labels.desc = desc + ".";
    return svg::render(chart);
}

// The panel's table: the report's columns (dimension, value, schools) and the comparison. A
// value only schools not engaged have is marked data-only="all".
std::string shares_table(const Page& page, const DimensionShares& d) {
    std::string dim(name_of(d.dimension));
    Table shown{"characteristics", "",
                {{"dimension", "dimension"}, {"value", "value"}, {"schools", "schools"},
                 {"share", "% of engaged"}, {"all_schools", "all on record"}, {"all_share", "% of all"}},
                {}};
    std::vector<DataRow> rows;
    for (const auto& v : d.values) {
        std::vector<Cell> cells = {dim, label_of(v.value), v.engaged, Cell(v.engaged_percent, 0),
                                   Cell(v.all), Cell(v.all_percent, 0)};
        // The dimension is still in the data for the tests, on every row.
        std::string attributes = fmt::format("data-dimension=\"{}\"", escape(dim));
        rows.push_back({cells, v.engaged ? attributes : "data-only=\"all\" " + attributes});
    }
    std::vector<DataColumn> columns;
    for (const auto& c : shown.columns) {
        if (c.key == "dimension") continue;  // the panel's heading says it
        columns.push_back({c.key, c.key == "schools" ? "engaged" : c.header, c.key != "value", {}, {}});
    }
    columns.front().show = [&d](std::size_t row, const std::vector<Cell>&) { return value_label(d.values[row].value); };
    return data_table(shown, columns, rows, "characteristics",
                      dimension_label(d.dimension) + ": schools engaged in " + page.year +
                          " and all schools on record",
                      fmt::format("data-dimension=\"{}\"", escape(dim)));
}

}  // namespace

void write_characteristics(Page& page, const CharacteristicsSection& s) {
    page.open_section("characteristics", "Characteristics of engaged schools", lead_of(page, s));
    if (s.shares.empty()) page.body += empty_note(fmt::format("No school is engaged in {}.", page.year));
    const NationalDigest* digest = page.in.digest ? &*page.in.digest : nullptr;
    if (digest) {  // the national page: areas per hub, not every hub's areas in one chart
        Table t = areas_by_hub(*digest);
        page.body += "<h3>Areas by hub</h3>\n" +
                     data_table(t, columns_of(t), rows_of(t), "areas-by-hub", t.title, "", "by-hub total-last");
    }
    page.body += "<div class=\"panels\">\n";
    for (const auto& d : s.shares) {
        if (digest && d.dimension == Dimension::area) continue;
        page.body += fmt::format("<div class=\"panel\">\n<h3>{}</h3>\n", escape(dimension_label(d.dimension)));
        page.body += shares_chart(page, d);
        page.body += shares_table(page, d);
        page.body += "</div>\n";
    }
    page.body += "</div>\n";
    page.close_section();
}

}  // namespace tfm::detail
