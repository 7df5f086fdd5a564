// The page's "Hubs" section (the national view): each hub's coverage of its own population
// against its own target, a chart per phase, highest coverage first, then the national total.
#include "html_parts.h"

#include "tfm/render/report_tables.h"

#include <fmt/format.h>

#include <set>

namespace tfm::detail {

namespace {

std::string phase_chart(const Page& page, const HubsSection& s, Phase phase) {
    svg::HorizontalBars chart;
    std::string phase_name(name_of(phase));
    chart.labels = {"chart-hubs-" + phase_name,
                    fmt::format("{} coverage by hub, {}", capitalised(phase_name), page.year), ""};
    chart.series = {{"coverage", std::string(svg::blue), {}}};
    chart.max = 100;
    chart.track = true;
    chart.unit = "%";
    chart.x_title = "schools ever engaged, as a share of the hub's own schools of the phase";
    std::string desc = "Progress bars, one per hub and one for all hubs; a black line marks each hub's own target: ";
    for (const auto& r : s.rows) {
        if (r.phase != phase) continue;
        svg::BarRow bar;
        bar.label = r.hub.empty() ? all_hubs_label(s.hubs) : r.hub;
        if (r.hub.empty()) bar.colour = std::string(svg::grey);
        if (r.percent) {
            bar.values = {*r.percent};
            bar.texts = {fmt::format("{}%{}", coverage_text(*r.percent),
                                     r.target ? fmt::format(" \u00b7 target {}%{}", target_text(*r.target), r.met ? ", met" : "") : "")};
        } else {
            bar.values = {std::nullopt};
            bar.missing_text = plural(r.ever_engaged, "school", "schools") + "; population not recorded";
        }
        if (r.target) {
            bar.marker = *r.target;
            bar.marker_text = fmt::format("target {}% by {}", target_text(*r.target), r.by ? r.by->str() : "");
        }
        desc += fmt::format("{} {}; ", isolated(bar.label), bar.texts.empty() ? bar.missing_text : bar.texts[0]);
        chart.rows.push_back(bar);
    }
    if (chart.rows.size() > 12) {  // forty hubs: compact rows, so a phase fits on a page
        chart.bar_height = 10;
        chart.row_gap = 5;
    }
    chart.labels.desc = desc.substr(0, desc.size() - 2) + ".";
    return svg::render(chart);
}

}  // namespace

void write_hubs(Page& page, const HubsSection& s) {
    page.open_section("hubs", fmt::format("Coverage by hub, {}", page.year),
                      "Each hub's schools ever engaged as a share of its own schools of the phase, "
                      "against its own target (the first not before this year); highest coverage "
                      "first, then all hubs together, which have no target of their own.");
    std::set<Phase> phases;
    for (const auto& r : s.rows) phases.insert(r.phase);
    Table t = to_table(s);
    page.body += "<div class=\"figure wide\">\n";
    if (s.rows.empty()) page.body += empty_note("No hub records a population or a target.");
    for (Phase phase : phases)
        page.body += "<h3>" + capitalised(std::string(name_of(phase))) + "</h3>\n" + phase_chart(page, s, phase);
    // The figures behind the charts, folded away (and so not printed) as they are long.
    if (!s.rows.empty())
        page.body += fmt::format("<details class=\"figures\"><summary>The figures ({})</summary>\n{}</details>\n",
                                 plural((long long)t.rows.size(), "row", "rows"),
                                 data_table(t, columns_of(t), rows_of(t), "hubs", t.title, "", "by-hub"));
    page.body += "</div>\n";
    page.close_section();
}

}  // namespace tfm::detail
