// The page's "At a glance" section: headline figures and coverage against targets.
#include "html_parts.h"

#include "tfm/render/report_tables.h"

#include <fmt/format.h>

namespace tfm::detail {

namespace {

std::string headline_cards(const Page& page, const SummarySection& s) {
    std::string split;
    for (Stage st : all_stages)
        split += fmt::format("<li><span class=\"swatch\" style=\"background:{}\"></span>{} {}</li>",
                             stage_colour(st), s.engaged_by_stage[std::size_t(st)],
                             escape(name_of(st)));
    std::string cards;
    cards += figure_card("engaged", std::to_string(s.engaged),
                         fmt::format("{} engaged in {}", noun(s.engaged, "school", "schools"), page.year),
                         "<ul class=\"split\">" + split + "</ul>", true);
    cards += figure_card("ever_engaged", std::to_string(s.ever_engaged),
                         fmt::format("{} ever engaged, up to {}", noun(s.ever_engaged, "school", "schools"), page.year));
    const Report& report = page.in.report;
    if (report.reach && !report.reach->years.empty())
        cards += figure_card("leads", std::to_string(report.reach->years.back().leads),
                             fmt::format("{} trained", noun(report.reach->years.back().leads, "lead", "leads")));
    if (report.cohorts)
        cards += figure_card("cohorts", std::to_string(report.cohorts->rows.size()),
                             fmt::format("{} in {}", noun((long long)report.cohorts->rows.size(), "Work Group", "Work Groups"), page.year));
    if (!page.in.gaps.empty()) {
        std::size_t items = 0;
        for (const auto& g : page.in.gaps) items += g.rows.size();
        std::size_t hubs = page.in.gaps_by_hub.size();
        cards += figure_card("attention", std::to_string(items),
                             fmt::format("{}{}", noun((long long)items, "item needs attention", "items need attention"),
                                         hubs > 1 ? fmt::format(" in {} hubs", hubs) : ""),
                             "<p class=\"card-link\"><a href=\"#gaps\">see below</a></p>");
    }
    return "<div class=\"cards\">\n" + cards + "</div>\n";
}

// One progress bar: the phase's coverage, its target marked.
svg::BarRow coverage_bar(const PhaseCoverage& c) {
    std::string by = c.by ? c.by->str() : "";
    std::string pop = c.population ? std::to_string(*c.population) : "";
    svg::BarRow bar;
    bar.label = capitalised(std::string(name_of(c.phase))) + (by.empty() ? "" : ", by " + by);
    if (c.percent) {
        bar.values = {*c.percent};
        std::string goal;
        if (c.target) goal = fmt::format(" \u00b7 target {}%{}", target_text(*c.target), c.met ? ", met" : "");
        bar.texts = {fmt::format("{}% ({} of {}){}", coverage_text(*c.percent), c.schools, pop, goal)};
    } else {
        bar.values = {std::nullopt};
        bar.missing_text = plural(c.schools, "school", "schools") + "; population not recorded";
    }
    if (c.target) {
        bar.marker = *c.target;
        bar.marker_text = fmt::format("target {}% by {}", target_text(*c.target), by);
    }
    return bar;
}

std::string coverage_sentence(const PhaseCoverage& c) {
    std::string by = c.by ? c.by->str() : "";
    return fmt::format("{}: {} of {} schools, {}%{}. ", capitalised(std::string(name_of(c.phase))),
                       c.schools, c.population ? std::to_string(*c.population) : "an unrecorded number of",
                       c.percent ? coverage_text(*c.percent) : "unknown",
                       c.target ? fmt::format(" against a target of {}% by {}", target_text(*c.target), by) : "");
}

std::string coverage_chart(const Page& page, const SummarySection& s) {
    svg::HorizontalBars chart;
    // Several hubs have no target together: each hub's is in the hubs section.
    bool national = page.in.context.hub_names.size() > 1;
    std::string heading = national ? "Coverage of all the hubs' schools" : "Coverage against targets";
    chart.labels = {"chart-coverage", fmt::format("{}, {}", heading, page.year), ""};
    chart.series = {{"coverage", std::string(svg::blue), {}}};
    chart.max = 100;
    chart.track = true;
    chart.unit = "%";
    chart.bar_height = 20;
    chart.x_title = "schools ever engaged, as a share of the hub's schools of the phase";
    std::string desc;
    for (const auto& c : s.coverage) {
        chart.rows.push_back(coverage_bar(c));
        desc += coverage_sentence(c);
    }
    if (chart.rows.empty()) return "<div class=\"figure wide\">\n";
    chart.labels.desc = (national ? "Progress bars, one per phase. " : "Progress bars, one per target; a black line marks each target. ") + desc;
    if (national) chart.x_title = "schools ever engaged, as a share of all the hubs' schools of the phase";
    return "<h3>" + heading + "</h3>\n<div class=\"figure wide\">\n" + svg::render(chart);
}

}  // namespace

void write_summary(Page& page, const SummarySection& s) {
    page.open_section("summary", "At a glance", "");
    page.body += headline_cards(page, s);
    page.body += coverage_chart(page, s);
    Table t = to_table(s);
    auto columns = columns_of(t);
    int measure = column(t, "measure");
    for (auto& c : columns)
        if (c.key == "measure")
            c.show = [measure](std::size_t, const std::vector<Cell>& r) { return humane(r[std::size_t(measure)].text()); };
    page.body += data_table(t, columns, rows_of(t), "summary", t.title);
    page.body += "</div>\n";
    page.close_section();
}

}  // namespace tfm::detail
