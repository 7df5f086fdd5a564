// The page's "Needs attention" section: a summary of `tfm gaps`, items by kind and the most
// urgent of them.
#include "html_parts.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace tfm::detail {

namespace {

// Kinds from most to least urgent for the "most urgent" list; unknown kinds come last.
int urgency(std::string_view kind) {
    static const std::vector<std::string_view> order = {
        "overdue", "attendance", "visits", "gaps", "lapsed", "sustaining_visits",
        "year_groups", "agenda_due", "agendas", "never_engaged"};
    auto it = std::find(order.begin(), order.end(), kind);
    return int(it - order.begin());
}

// The kind column of the gaps tables (kind, title, ...): it shows the title; its data-value is
// the kind's key, as in tfm gaps --format json.
DataColumn kind_column() {
    return {"kind", "kind", false, [](std::size_t, const std::vector<Cell>& r) { return r[1].text(); },
            [](const std::vector<Cell>& r) { return std::optional<std::string>(r[0].text()); }};
}

// A bar and a table row per kind of gap.
std::string kinds_figure(const Page& page, const std::vector<Table>& gaps) {
    svg::HorizontalBars chart;
    chart.labels = {"chart-gaps", fmt::format("Items needing attention by kind, {}", page.year), ""};
    chart.series = {{"items", std::string(svg::vermillion), {}}};
    chart.x_title = "items";
    Table counts{"gaps_counts", "Items by kind", {{"kind", "kind"}, {"title", "what"}, {"count", "items"}}, {}};
    std::string desc = "Horizontal bars, one per kind: ";
    for (const auto& g : gaps) {
        svg::BarRow bar;
        bar.label = g.title;
        bar.values = {double(g.rows.size())};
        chart.rows.push_back(bar);
        counts.rows.push_back({g.name, g.title, (long long)g.rows.size()});
        desc += fmt::format("{}{} {}", &g == &gaps.front() ? "" : ", ", g.title, g.rows.size());
    }
    chart.labels.desc = desc + ".";
    std::vector<DataColumn> columns = {kind_column(), {"count", "items", true, {}, {}}};
    return "<div class=\"figure\">\n" + svg::render(chart) +
           data_table(counts, columns, rows_of(counts), "gaps", "Items needing attention by kind") + "</div>\n";
}

// One item of a gaps table as {kind, title, subject, detail}, from the table as people read
// it (for_reader: ids left out, names beside them, codes in words): the subject is the school
// (name and URN) or the Work Group's name; the detail every other non-empty cell, "header value".
std::vector<Cell> urgent_row(const Table& g, const std::vector<Cell>& row) {
    int name = column(g, "name"), urn = column(g, "urn"), cohort = column(g, "cohort_name");
    std::string subject;
    std::set<int> used;
    if (name >= 0 && !row[std::size_t(name)].text().empty()) {
        subject = row[std::size_t(name)].text();
        used.insert(name);
        if (urn >= 0) {
            subject += " (" + row[std::size_t(urn)].text() + ")";
            used.insert(urn);
        }
    } else if (cohort >= 0) {
        subject = row[std::size_t(cohort)].text();
        used.insert(cohort);
    }
    std::string detail;
    for (std::size_t c = 0; c < g.columns.size() && c < row.size(); ++c) {
        if (used.count(int(c)) || row[c].text().empty()) continue;
        if (!detail.empty()) detail += " \u00b7 ";
        detail += g.columns[c].header + " " + row[c].text();
    }
    return {g.name, g.title, subject, detail};
}

// The most urgent items: up to three of each kind, most urgent kinds first, twelve at most.
Table most_urgent(const std::vector<Table>& gaps) {
    std::vector<const Table*> ordered;
    for (const auto& g : gaps) ordered.push_back(&g);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Table* a, const Table* b) { return urgency(a->name) < urgency(b->name); });
    Table urgent{"gaps_urgent", "Most urgent",
                 {{"kind", "kind"}, {"title", "what"}, {"subject", "school or Work Group"}, {"detail", "detail"}},
                 {}};
    const std::size_t per_kind = 3, limit = 12;
    for (const Table* g : ordered) {
        if (g->rows.empty() || urgent.rows.size() >= limit) continue;
        Table shown = for_reader(*g, true);
        for (std::size_t i = 0; i < shown.rows.size() && i < per_kind && urgent.rows.size() < limit; ++i)
            urgent.rows.push_back(urgent_row(shown, shown.rows[i]));
    }
    return urgent;
}

// With several hubs: a row per hub, its items in all and of each kind that has any.
std::string by_hub(const std::vector<Table>& gaps, const std::vector<HubGaps>& hubs) {
    Table t{"gaps_by_hub", "Items needing attention by hub", {{"hub", "hub"}, {"total", "items"}}, {}};
    std::vector<std::size_t> kinds;
    for (std::size_t g = 0; g < gaps.size(); ++g)
        if (!gaps[g].rows.empty()) {
            kinds.push_back(g);
            t.columns.push_back({gaps[g].name, in_words(gaps[g].name)});
        }
    for (const auto& h : hubs) {
        std::vector<Cell> row = {h.hub, h.total};
        for (std::size_t g : kinds) row.push_back(h.counts[g]);
        t.rows.push_back(std::move(row));
    }
    return data_table(t, columns_of(t), rows_of(t), "gaps-by-hub",
                      "Items needing attention by hub and kind", "", "by-hub");
}

}  // namespace

void write_gaps(Page& page, const std::vector<Table>& gaps) {
    std::size_t total = 0, kinds = 0;
    for (const auto& g : gaps) {
        total += g.rows.size();
        if (!g.rows.empty()) ++kinds;
    }
    page.open_section("gaps", "Needs attention",
                      fmt::format("A summary of <code>tfm gaps</code> for {} as of {}: {} in {} of "
                                  "its {} kinds. Run <code>tfm gaps</code> for every item.",
                                  page.year, page.in.context.as_of.str(),
                                  plural((long long)total, "item", "items"), kinds, gaps.size()));
    page.body += kinds_figure(page, gaps);
    if (page.in.gaps_by_hub.size() > 1) {
        page.body += "<h3>By hub</h3>\n" + by_hub(gaps, page.in.gaps_by_hub);
        page.close_section();
        return;
    }
    Table urgent = most_urgent(gaps);
    page.body += "<h3>Most urgent</h3>\n";
    if (urgent.rows.empty()) {
        page.body += empty_note(fmt::format("Nothing needs attention in {}.", page.year));
    } else {
        std::vector<DataColumn> columns = {
            kind_column(),
            {"subject", "school or Work Group", false, {}, {}},
            {"detail", "detail", false, {}, {}}};
        page.body += data_table(urgent, columns, rows_of(urgent), "gaps-urgent",
                                "The most urgent items: up to three of each kind", "", "urgent");
        if (total > urgent.rows.size())
            page.body += fmt::format("<p class=\"note\">\u2026 and {} more: <code>tfm gaps</code> lists them all.</p>\n",
                                     total - urgent.rows.size());
    }
    page.close_section();
}

}  // namespace tfm::detail
