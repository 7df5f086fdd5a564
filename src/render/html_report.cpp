#include "tfm/render/html_report.h"

#include "tfm/base/json.h"
#include "tfm/analysis/report.h"
#include "tfm/render/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace tfm {

// ---- the characteristics of every school on record -------------------------------------

Table records_characteristics(const Records& records) {
    std::vector<const School*> all;
    all.reserve(records.schools.size());
    for (const auto& s : records.schools) all.push_back(&s);
    return characteristics_of(records, all, "characteristics_all",
                              "Characteristics of all schools on record");
}

// ---- the page ----------------------------------------------------------------------------

namespace {

using svg::escape;

const Table* find_table(const std::vector<Table>& tables, std::string_view name) {
    for (const auto& t : tables)
        if (t.name == name) return &t;
    return nullptr;
}

int column(const Table& t, std::string_view key) {
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].key == key) return int(i);
    return -1;
}

const Cell& cell_at(const std::vector<Cell>& row, int c) {
    static const Cell none;
    return c >= 0 && std::size_t(c) < row.size() ? row[std::size_t(c)] : none;
}

const Cell& cell_at(const Table& t, const std::vector<Cell>& row, std::string_view key) {
    return cell_at(row, column(t, key));
}

std::string text_of(const Table& t, const std::vector<Cell>& row, std::string_view key) {
    return cell_at(t, row, key).text();
}

std::optional<double> number_of(const Cell& c) {
    if (auto* i = std::get_if<long long>(&c.value)) return double(*i);
    if (auto* d = std::get_if<double>(&c.value)) return *d;
    return std::nullopt;
}

double number_or_zero(const Table& t, const std::vector<Cell>& row, std::string_view key) {
    return number_of(cell_at(t, row, key)).value_or(0);
}

// The value as `--format json` writes it, for data-value attributes the tests compare.
std::optional<std::string> raw_value(const Cell& c) {
    if (auto* i = std::get_if<long long>(&c.value)) return std::to_string(*i);
    if (auto* d = std::get_if<double>(&c.value)) {
        if (!std::isfinite(*d)) return std::nullopt;
        return json_number(*d);
    }
    if (auto* b = std::get_if<bool>(&c.value)) return std::string(*b ? "true" : "false");
    if (c.empty()) return std::nullopt;
    return c.text();
}

std::string humane(std::string s) {
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 'a' + 'A');
    return s;
}

std::string percent_text(double v) { return svg::number(v, 0) + "%"; }

std::string plural(long long count, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string long_date(Date d) {
    static const std::array<std::string_view, 12> months = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    return fmt::format("{} {} {} {}", capitalised(std::string(weekday_name(d.weekday()))), d.day(),
                       months[d.month() - 1], d.year());
}

std::string stage_colour(std::string_view stage) {
    if (stage == "readiness") return std::string(svg::orange);
    if (stage == "development") return std::string(svg::blue);
    if (stage == "embedding") return std::string(svg::bluish_green);
    if (stage == "sustaining") return std::string(svg::reddish_purple);
    return std::string(svg::grey);
}

std::string pattern_label(std::string_view key) {
    if (key == "readiness_to_sustaining") return "Readiness \u2192 sustaining, no gap";
    if (key == "development_to_sustaining") return "Development \u2192 sustaining, no gap";
    if (key == "gap") return "With a gap year";
    if (key == "in_progress") return "Still under way";
    if (key == "other") return "Other";
    return capitalised(humane(std::string(key)));
}

// A characteristic's value as people read it: "under 20%", "20–30%", "no grade".
std::string value_label(std::string_view dimension, const std::string& value) {
    if (value == "unknown") return "not recorded";
    if (dimension == "ofsted") return value == "none" ? "no grade" : humane(value);
    if (dimension != "fsm" && dimension != "eal" && dimension != "ehcp") return value;
    if (value.rfind("<", 0) == 0) return "under " + value.substr(1) + "%";
    if (value.rfind(">=", 0) == 0) return value.substr(2) + "% or more";
    if (auto dash = value.find('-'); dash != std::string::npos && dash > 0)
        return value.substr(0, dash) + "–" + value.substr(dash + 1) + "%";
    return value;
}

std::string dimension_label(std::string_view d) {
    if (d == "area") return "Local authority area";
    if (d == "ofsted") return "Ofsted grade";
    if (d == "fsm") return "Pupils eligible for free school meals";
    if (d == "eal") return "Pupils with English as an additional language";
    if (d == "ehcp") return "Pupils with an education, health and care plan";
    return capitalised(humane(std::string(d)));
}

// ---- data tables -------------------------------------------------------------------------

struct DataColumn {
    std::string key;     // data-key; the Table's column key
    std::string header;  // shown
    bool numeric = false;
    // The text shown for a row (default: the cell's text).
    std::function<std::string(const std::vector<Cell>&)> show;
    // The raw value (default: the cell's, as JSON writes it); nullopt: no data-value.
    std::function<std::optional<std::string>(const std::vector<Cell>&)> value;
};

struct DataRow {
    std::vector<Cell> cells;  // indexed like the source table's columns
    std::string attributes;   // extra attributes of the <tr>
};

// Columns straight from a table, with optional display transforms.
std::vector<DataColumn> columns_of(const Table& t) {
    std::vector<DataColumn> out;
    std::vector<bool> numeric = numeric_columns(t);
    for (std::size_t c = 0; c < t.columns.size(); ++c) out.push_back({t.columns[c].key, t.columns[c].header, numeric[c], {}, {}});
    return out;
}

std::string data_table(const Table& source, const std::vector<DataColumn>& columns,
                       const std::vector<DataRow>& rows, std::string_view section,
                       std::string_view caption, std::string_view attributes = "",
                       std::string_view extra_class = "") {
    std::string out = fmt::format("<div class=\"table-wrap\"><table class=\"data{}\" data-section=\"{}\"{}>\n"
                                  "<caption>{}</caption>\n<thead><tr>",
                                  extra_class.empty() ? "" : " " + std::string(extra_class), escape(section),
                                  attributes.empty() ? "" : " " + std::string(attributes), escape(caption));
    for (const auto& c : columns)
        out += fmt::format("<th scope=\"col\" data-key=\"{}\"{}>{}</th>", escape(c.key),
                           c.numeric ? " class=\"num\"" : "", escape(c.header));
    out += "</tr></thead>\n<tbody>\n";
    std::vector<int> indices;
    for (const auto& c : columns) indices.push_back(column(source, c.key));
    for (const auto& row : rows) {
        out += row.attributes.empty() ? "<tr>" : "<tr " + row.attributes + ">";
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const DataColumn& c = columns[i];
            const Cell& cell = cell_at(row.cells, indices[i]);
            std::string shown = c.show ? c.show(row.cells) : cell.text();
            std::optional<std::string> value = c.value ? c.value(row.cells) : raw_value(cell);
            std::string attrs = fmt::format(" data-key=\"{}\"", escape(c.key));
            if (value) attrs += fmt::format(" data-value=\"{}\"", escape(*value));
            else attrs += " data-null=\"\"";
            if (c.numeric) attrs += " class=\"num\"";
            out += fmt::format("<td{}>{}</td>", attrs, shown.empty() ? "<span class=\"none\">\u2013</span>" : escape(shown));
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table></div>\n";
    return out;
}

std::vector<DataRow> rows_of(const Table& t) {
    std::vector<DataRow> out;
    for (const auto& r : t.rows) out.push_back({r, ""});
    return out;
}

std::string empty_note(std::string_view text) {
    return fmt::format("<p class=\"empty\">{}</p>\n", escape(text));
}

// ---- sections ----------------------------------------------------------------------------

struct Page {
    const HtmlInput& in;
    std::string year;  // 2026/27
    std::vector<std::pair<std::string, std::string>> contents;  // id, heading
    std::string body;

    void open_section(std::string_view id, std::string_view heading, std::string_view lead) {
        contents.emplace_back(id, heading);
        // The heading and its lead stay together, and with what follows them, on paper.
        body += fmt::format("<section id=\"{0}\" aria-labelledby=\"{0}-heading\">\n<div class=\"head\">"
                            "<h2 id=\"{0}-heading\">{1}</h2>\n",
                            escape(id), escape(heading));
        if (!lead.empty()) body += fmt::format("<p class=\"lead\">{}</p>\n", lead);
        body += "</div>\n";
    }
    void close_section() { body += "</section>\n"; }
};

std::string figure_card(std::string_view key, std::string_view value, std::string_view label,
                        std::string_view extra = "", bool wide = false) {
    return fmt::format("<div class=\"card{4}\" data-figure=\"{0}\" data-value=\"{1}\">"
                       "<p class=\"card-value\">{1}</p><p class=\"card-label\">{2}</p>{3}</div>\n",
                       escape(key), escape(value), escape(label), extra, wide ? " card-wide" : "");
}

void summary_section(Page& page, const Table& t) {
    page.open_section("summary", "At a glance", "");
    // Headline figures.
    std::string cards;
    std::string split;
    for (const auto& row : t.rows) {
        std::string measure = text_of(t, row, "measure"), of = text_of(t, row, "of");
        long long n = (long long)number_or_zero(t, row, "schools");
        if (measure == "engaged" && of != "all stages")
            split += fmt::format("<li><span class=\"swatch\" style=\"background:{}\"></span>{} {}</li>",
                                 stage_colour(of), n, escape(of));
    }
    for (const auto& row : t.rows) {
        std::string measure = text_of(t, row, "measure"), of = text_of(t, row, "of");
        std::string n = text_of(t, row, "schools");
        if (measure == "engaged" && of == "all stages")
            cards += figure_card("engaged", n, fmt::format("schools engaged in {}", page.year),
                                 split.empty() ? "" : "<ul class=\"split\">" + split + "</ul>", true);
        else if (measure == "ever_engaged")
            cards += figure_card("ever_engaged", n, fmt::format("schools ever engaged, up to {}", page.year));
    }
    if (const Table* reach = find_table(page.in.report, "reach"); reach && !reach->rows.empty())
        cards += figure_card("leads", text_of(*reach, reach->rows.back(), "leads"), "leads trained");
    if (const Table* cohorts = find_table(page.in.report, "cohorts"))
        cards += figure_card("cohorts", std::to_string(cohorts->rows.size()),
                             fmt::format("Work Groups in {}", page.year));
    if (!page.in.gaps.empty()) {
        std::size_t items = 0;
        for (const auto& g : page.in.gaps) items += g.rows.size();
        cards += figure_card("attention", std::to_string(items), "items need attention",
                             "<p class=\"card-link\"><a href=\"#gaps\">see below</a></p>");
    }
    page.body += "<div class=\"cards\">\n" + cards + "</div>\n";

    // Coverage against each target, as progress bars.
    svg::HorizontalBars chart;
    chart.labels = {"chart-coverage", fmt::format("Coverage against targets, {}", page.year), ""};
    chart.series = {{"coverage", std::string(svg::blue), {}}};
    chart.max = 100;
    chart.track = true;
    chart.unit = "%";
    chart.bar_height = 20;
    chart.x_title = "schools ever engaged, as a share of the hub's schools of the phase";
    std::string desc;
    for (const auto& row : t.rows) {
        if (text_of(t, row, "measure") != "coverage") continue;
        std::string phase = text_of(t, row, "of");
        auto pct = number_of(cell_at(t, row, "percent"));
        auto target = number_of(cell_at(t, row, "target"));
        std::string by = text_of(t, row, "by");
        svg::BarRow bar;
        bar.label = capitalised(phase) + (by.empty() ? "" : ", by " + by);
        long long schools = (long long)number_or_zero(t, row, "schools");
        std::string pop = text_of(t, row, "population");
        if (pct) {
            bar.values = {*pct};
            std::string goal;
            if (target)
                goal = fmt::format(" \u00b7 target {}%{}", cell_at(t, row, "target").text(),
                                   *pct + 1e-9 >= *target ? ", met" : "");
            bar.texts = {fmt::format("{}% ({} of {}){}", cell_at(t, row, "percent").text(), schools, pop, goal)};
        } else {
            bar.values = {std::nullopt};
            bar.missing_text = fmt::format("{} schools; population not recorded", schools);
        }
        if (target) {
            bar.marker = *target;
            bar.marker_text = fmt::format("target {}% by {}", cell_at(t, row, "target").text(), by);
        }
        desc += fmt::format("{}: {} of {} schools, {}%{}. ", capitalised(phase), schools,
                            pop.empty() ? "an unrecorded number of" : pop,
                            pct ? cell_at(t, row, "percent").text() : "unknown",
                            target ? fmt::format(" against a target of {}% by {}", cell_at(t, row, "target").text(), by) : "");
        chart.rows.push_back(bar);
    }
    if (!chart.rows.empty()) {
        chart.labels.desc = "Progress bars, one per target; a black line marks each target. " + desc;
        page.body += "<h3>Coverage against targets</h3>\n<div class=\"figure wide\">\n" + svg::render(chart);
    } else {
        page.body += "<div class=\"figure wide\">\n";
    }
    auto columns = columns_of(t);
    for (auto& c : columns)
        if (c.key == "measure") c.show = [&t](const std::vector<Cell>& r) { return humane(text_of(t, r, "measure")); };
    page.body += data_table(t, columns, rows_of(t), "summary", t.title);
    page.body += "</div>\n";
    page.close_section();
}

void stages_section(Page& page, const Table& t) {
    page.open_section("stages", "Schools per stage per year",
                      "Each bar is an academic year; a school counts once for each stage it took "
                      "part in that year, so a school in two stages counts in both.");
    page.body += "<div class=\"figure wide\">\n";
    if (t.rows.empty()) {
        page.body += empty_note("No engagements are recorded up to this year.");
    } else {
        svg::StackedBars chart;
        chart.labels.id = "chart-stages";
        chart.labels.title = fmt::format("Schools per stage per year, {} to {}", t.rows.front()[0].text(), t.rows.back()[0].text());
        for (const auto& row : t.rows) chart.categories.push_back(text_of(t, row, "year"));
        for (Stage st : all_stages) {
            std::string stage(name_of(st));
            svg::Series s{stage, stage_colour(stage), {}};
            for (const auto& row : t.rows) s.values.push_back(number_or_zero(t, row, stage));
            chart.series.push_back(s);
        }
        std::string desc = "Stacked bars, one per year, split by stage. Totals: ";
        for (std::size_t i = 0; i < t.rows.size(); ++i) {
            double total = 0;
            for (const auto& s : chart.series) total += s.values[i];
            desc += fmt::format("{}{} {}", i ? ", " : "", chart.categories[i], svg::number(total, 2));
        }
        chart.labels.desc = desc + ". The table that follows gives every value.";
        chart.y_title = "schools";
        chart.x_title = "academic year";
        page.body += svg::render(chart);
    }
    if (!t.rows.empty()) page.body += data_table(t, columns_of(t), rows_of(t), "stages", t.title);
    page.body += "</div>\n";
    page.close_section();
}

void reach_section(Page& page, const Table& t) {
    page.open_section("reach", "Cumulative reach",
                      "Leads trained up to each year, and distinct schools reached: a school counts "
                      "from its first year with any engagement, or from its lead's training year.");
    page.body += "<div class=\"figure\">\n";
    if (t.rows.empty()) {
        page.body += empty_note("No engagement or training is recorded up to this year.");
    } else {
        svg::Lines chart;
        chart.labels.id = "chart-reach";
        chart.labels.title = fmt::format("Cumulative reach, {} to {}", t.rows.front()[0].text(), t.rows.back()[0].text());
        for (const auto& row : t.rows) chart.categories.push_back(text_of(t, row, "year"));
        svg::Series schools{"schools reached", std::string(svg::blue), {}};
        svg::Series leads{"leads trained", std::string(svg::vermillion), {}};
        for (const auto& row : t.rows) {
            schools.values.push_back(number_or_zero(t, row, "schools"));
            leads.values.push_back(number_or_zero(t, row, "leads"));
        }
        chart.labels.desc = fmt::format(
            "Two lines over academic years. Schools reached grow from {} in {} to {} in {}; leads "
            "trained from {} to {}. The table that follows gives every value.",
            svg::number(schools.values.front(), 2), chart.categories.front(),
            svg::number(schools.values.back(), 2), chart.categories.back(),
            svg::number(leads.values.front(), 2), svg::number(leads.values.back(), 2));
        chart.series = {schools, leads};
        chart.y_title = "cumulative count";
        chart.x_title = "academic year";
        page.body += svg::render(chart);
    }
    if (!t.rows.empty()) page.body += data_table(t, columns_of(t), rows_of(t), "reach", t.title);
    page.body += "</div>\n";
    page.close_section();
}

void patterns_section(Page& page, const Table& t) {
    double total = 0;
    for (const auto& row : t.rows) total += number_or_zero(t, row, "schools");
    page.open_section("patterns", "Journey patterns",
                      fmt::format("How the {} engaged in {} came to it: their engagements up to "
                                  "this year, with or without a gap year.",
                                  escape(plural((long long)total, "school", "schools")), page.year));
    page.body += "<div class=\"figure\">\n";
    svg::HorizontalBars chart;
    chart.labels = {"chart-patterns", fmt::format("Journey patterns of schools engaged in {}", page.year), ""};
    chart.series = {{"schools", std::string(svg::blue), {}}};
    chart.x_title = "schools";
    std::string desc = "Horizontal bars, one per pattern: ";
    for (const auto& row : t.rows) {
        double n = number_or_zero(t, row, "schools");
        svg::BarRow bar;
        bar.label = pattern_label(text_of(t, row, "pattern"));
        bar.values = {n};
        bar.texts = {total > 0 ? fmt::format("{} ({})", svg::number(n, 2), percent_text(100.0 * n / total))
                               : svg::number(n, 2)};
        desc += fmt::format("{}{} {}", &row == &t.rows.front() ? "" : ", ", bar.label, svg::number(n, 2));
        chart.rows.push_back(bar);
    }
    chart.labels.desc = desc + ".";
    if (!chart.rows.empty()) page.body += svg::render(chart);
    auto columns = columns_of(t);
    for (auto& c : columns)
        if (c.key == "pattern") c.show = [&t](const std::vector<Cell>& r) { return pattern_label(text_of(t, r, "pattern")); };
    page.body += data_table(t, columns, rows_of(t), "patterns", t.title);
    page.body += "</div>\n";
    page.close_section();
}

void characteristics_section(Page& page, const Table& t, const Table* all) {
    // Every school is in each dimension once; the area rows add up to them.
    auto area_total = [](const Table& table) {
        double total = 0;
        for (const auto& row : table.rows)
            if (text_of(table, row, "dimension") == "area") total += number_or_zero(table, row, "schools");
        return total;
    };
    double engaged_total = area_total(t);
    double all_total = all ? area_total(*all) : 0;
    std::string lead = fmt::format("The {} engaged in {}", escape(plural((long long)engaged_total, "school", "schools")), page.year);
    if (all)
        lead += fmt::format(", beside all {} on record (engaged or not), each as a share of its "
                            "group. The hub records its population only by phase, so the schools "
                            "on record are the comparison here, not every school in the area.",
                            escape(plural((long long)all_total, "school", "schools")));
    else
        lead += ".";
    page.open_section("characteristics", "Characteristics of engaged schools", lead);

    std::vector<std::string> dimensions;
    auto add_dimensions = [&dimensions](const Table& table) {
        for (const auto& row : table.rows) {
            std::string d = text_of(table, row, "dimension");
            if (std::find(dimensions.begin(), dimensions.end(), d) == dimensions.end()) dimensions.push_back(d);
        }
    };
    add_dimensions(t);
    if (all) add_dimensions(*all);
    if (dimensions.empty()) page.body += empty_note(fmt::format("No school is engaged in {}.", page.year));

    page.body += "<div class=\"panels\">\n";
    for (const auto& dim : dimensions) {
        // Values in the canonical order (all schools' order, which includes every engaged one).
        struct Value {
            std::string value;
            const std::vector<Cell>* engaged = nullptr;
            double engaged_n = 0, all_n = 0;
        };
        std::vector<Value> values;
        auto find_value = [&](const std::string& v) -> Value* {
            for (auto& x : values)
                if (x.value == v) return &x;
            return nullptr;
        };
        if (all)
            for (const auto& row : all->rows)
                if (text_of(*all, row, "dimension") == dim)
                    values.push_back({text_of(*all, row, "value"), nullptr, 0, number_or_zero(*all, row, "schools")});
        std::vector<Value> engaged_only;
        for (const auto& row : t.rows) {
            if (text_of(t, row, "dimension") != dim) continue;
            std::string v = text_of(t, row, "value");
            if (Value* x = find_value(v)) {
                x->engaged = &row;
                x->engaged_n = number_or_zero(t, row, "schools");
            } else {
                engaged_only.push_back({v, &row, number_or_zero(t, row, "schools"), 0});
            }
        }
        // The engaged rows must keep the report's order; all-only rows sit where they belong.
        for (auto& v : engaged_only) values.push_back(v);

        svg::HorizontalBars chart;
        chart.labels.id = "chart-characteristics-" + dim;
        chart.labels.title = dimension_label(dim) + ", schools engaged in " + page.year +
                             (all ? " beside all schools on record" : "");
        chart.series = {{fmt::format("engaged in {}", page.year), std::string(svg::blue), {}}};
        if (all) chart.series.push_back({"all schools on record", std::string(svg::grey), {}});
        chart.max = 0;
        chart.unit = "%";
        chart.width = 480;
        chart.bar_height = all ? 12 : 16;
        chart.x_title = "share of the group";
        std::string desc = "Horizontal bars, one group per value: ";
        bool first = true;
        for (const auto& v : values) {
            svg::BarRow bar;
            bar.label = value_label(dim, v.value);
            double e = engaged_total > 0 ? 100.0 * v.engaged_n / engaged_total : 0;
            bar.values.push_back(e);
            bar.texts.push_back(fmt::format("{} ({})", svg::number(v.engaged_n, 2), percent_text(e)));
            desc += fmt::format("{}{}: {} engaged", first ? "" : "; ", bar.label, svg::number(v.engaged_n, 2));
            if (all) {
                double a = all_total > 0 ? 100.0 * v.all_n / all_total : 0;
                bar.values.push_back(a);
                bar.texts.push_back(fmt::format("{} ({})", svg::number(v.all_n, 2), percent_text(a)));
                desc += fmt::format(" of {} on record", svg::number(v.all_n, 2));
            }
            first = false;
            chart.rows.push_back(bar);
        }
        chart.labels.desc = desc + ".";

        // The table: the report's rows (dimension, value, schools) plus the comparison.
        Table shown{"characteristics", "", t.columns, {}};
        shown.columns.push_back({"share", "% of engaged"});
        if (all) {
            shown.columns.push_back({"all_schools", "all on record"});
            shown.columns.push_back({"all_share", "% of all"});
        }
        std::vector<DataRow> rows;
        for (const auto& v : values) {
            std::vector<Cell> cells;
            if (v.engaged) {
                cells = *v.engaged;
            } else {
                cells.assign(t.columns.size(), Cell());
                if (int c = column(t, "dimension"); c >= 0) cells[std::size_t(c)] = Cell(dim);
                if (int c = column(t, "value"); c >= 0) cells[std::size_t(c)] = Cell(v.value);
                if (int c = column(t, "schools"); c >= 0) cells[std::size_t(c)] = Cell(0);
            }
            cells.resize(t.columns.size());
            cells.emplace_back(engaged_total > 0 ? 100.0 * v.engaged_n / engaged_total : 0.0, 0);
            if (all) {
                cells.emplace_back((long long)v.all_n);
                cells.emplace_back(all_total > 0 ? 100.0 * v.all_n / all_total : 0.0, 0);
            }
            rows.push_back({cells, v.engaged ? "" : "data-only=\"all\""});
        }
        std::vector<DataColumn> columns;
        for (const auto& c : shown.columns) {
            if (c.key == "dimension") continue;  // the panel's heading says it
            DataColumn col{c.key, c.header, c.key != "value", {}, {}};
            if (c.key == "value")
                col.show = [&shown, &dim](const std::vector<Cell>& r) { return value_label(dim, text_of(shown, r, "value")); };
            if (c.key == "schools") col.header = "engaged";
            columns.push_back(col);
        }
        // The dimension is still in the data for the tests, on every row.
        for (auto& r : rows) {
            if (!r.attributes.empty()) r.attributes += " ";
            r.attributes += fmt::format("data-dimension=\"{}\"", escape(dim));
        }
        page.body += fmt::format("<div class=\"panel\">\n<h3>{}</h3>\n", escape(dimension_label(dim)));
        page.body += svg::render(chart);
        page.body += data_table(shown, columns, rows, "characteristics",
                                dimension_label(dim) + ": schools engaged in " + page.year +
                                    (all ? " and all schools on record" : ""),
                                fmt::format("data-dimension=\"{}\"", escape(dim)));
        page.body += "</div>\n";
    }
    page.body += "</div>\n";
    page.close_section();
}

void cohorts_section(Page& page, const Table& t) {
    page.open_section("cohorts", fmt::format("Work Groups of {}", page.year),
                      "Attendance is the share of expected school places present at the meetings "
                      "logged with attendance so far; a school that withdrew is expected only "
                      "before it withdrew.");
    page.body += "<div class=\"figure wide\">\n";
    if (t.rows.empty()) {
        page.body += empty_note(fmt::format("No Work Group is recorded for {}.", page.year));
    } else {
        svg::HorizontalBars chart;
        chart.labels.id = "chart-cohorts";
        chart.labels.title = fmt::format("Attendance by Work Group, {}", page.year);
        chart.series = {{"attendance", std::string(svg::blue), {}}};
        std::set<std::string> stages_seen;
        for (const auto& row : t.rows) stages_seen.insert(text_of(t, row, "stage"));
        for (Stage st : all_stages) {
            std::string stage(name_of(st));
            if (stages_seen.count(stage)) chart.legend.push_back({stage, stage_colour(stage), {}});
        }
        chart.max = 100;
        chart.unit = "%";
        chart.x_title = "attendance at logged meetings";
        if (page.in.context.completion) {
            chart.rule = *page.in.context.completion * 100.0;
            chart.rule_text = fmt::format("completion threshold {}%", svg::number(*chart.rule, 0));
        }
        std::string desc = "Horizontal bars, one per Work Group, coloured by stage: ";
        for (const auto& row : t.rows) {
            svg::BarRow bar;
            bar.label = text_of(t, row, "cohort");
            bar.colour = stage_colour(text_of(t, row, "stage"));
            auto att = number_of(cell_at(t, row, "attendance"));
            bar.values = {att};
            if (att) bar.texts = {cell_at(t, row, "attendance").text() + "%"};
            bar.missing_text = "no attendance logged yet";
            desc += fmt::format("{}{} ({}) {}", &row == &t.rows.front() ? "" : "; ", bar.label,
                                text_of(t, row, "stage"), att ? bar.texts[0] : "no attendance logged");
            chart.rows.push_back(bar);
        }
        chart.labels.desc = desc + ".";
        page.body += svg::render(chart);
    }
    auto columns = columns_of(t);
    if (!t.rows.empty()) page.body += data_table(t, columns, rows_of(t), "cohorts", t.title);
    page.body += "</div>\n";
    page.close_section();
}

// Kinds from most to least urgent for the "most urgent" list; unknown kinds come last.
int urgency(std::string_view kind) {
    static const std::vector<std::string_view> order = {
        "overdue", "attendance", "visits", "gaps", "lapsed", "sustaining_visits",
        "year_groups", "agendas", "never_engaged"};
    auto it = std::find(order.begin(), order.end(), kind);
    return int(it - order.begin());
}

// The kind column of the gaps tables (kind, title, ...): it shows the title; its data-value is
// the kind's key, as in tfm gaps --format json.
DataColumn kind_column() {
    return {"kind", "kind", false, [](const std::vector<Cell>& r) { return r[1].text(); },
            [](const std::vector<Cell>& r) { return std::optional<std::string>(r[0].text()); }};
}

void gaps_section(Page& page, const std::vector<Table>& gaps) {
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
    page.body += "<div class=\"figure\">\n";
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
    page.body += svg::render(chart);
    std::vector<DataColumn> columns = {kind_column(), {"count", "items", true, {}, {}}};
    page.body += data_table(counts, columns, rows_of(counts), "gaps", "Items needing attention by kind");
    page.body += "</div>\n";

    // The most urgent items: up to three of each kind, most urgent kinds first.
    std::vector<const Table*> ordered;
    for (const auto& g : gaps) ordered.push_back(&g);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Table* a, const Table* b) { return urgency(a->name) < urgency(b->name); });
    Table urgent{"gaps_urgent", "Most urgent",
                 {{"kind", "kind"}, {"title", "what"}, {"subject", "school or Work Group"}, {"detail", "detail"}},
                 {}};
    const std::size_t per_kind = 3, limit = 12;
    std::size_t shown = 0;
    for (const Table* g : ordered) {
        int name = column(*g, "name"), urn = column(*g, "urn"), cohort = column(*g, "cohort");
        for (std::size_t i = 0; i < g->rows.size() && i < per_kind && urgent.rows.size() < limit; ++i) {
            const auto& row = g->rows[i];
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
            for (std::size_t c = 0; c < g->columns.size() && c < row.size(); ++c) {
                if (used.count(int(c)) || row[c].text().empty()) continue;
                if (!detail.empty()) detail += " \u00b7 ";
                detail += g->columns[c].header + " " + row[c].text();
            }
            urgent.rows.push_back({g->name, g->title, subject, detail});
            ++shown;
        }
    }
    page.body += "<h3>Most urgent</h3>\n";
    if (urgent.rows.empty()) {
        page.body += empty_note(fmt::format("Nothing needs attention in {}.", page.year));
    } else {
        std::vector<DataColumn> ucolumns = {
            kind_column(),
            {"subject", "school or Work Group", false, {}, {}},
            {"detail", "detail", false, {}, {}}};
        page.body += data_table(urgent, ucolumns, rows_of(urgent), "gaps-urgent",
                                "The most urgent items: up to three of each kind", "", "urgent");
        if (total > shown)
            page.body += fmt::format("<p class=\"note\">\u2026 and {} more: <code>tfm gaps</code> lists them all.</p>\n",
                                     total - shown);
    }
    page.close_section();
}

// ---- the document ------------------------------------------------------------------------

constexpr std::string_view style_sheet = R"css(
:root {
  --ink: #1F2328; --muted: #57606A; --line: #D8DEE4; --paper: #FFFFFF; --page: #F3F5F7;
  --accent: #0072B2; --warn: #D55E00;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans",
    "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
  color: var(--ink); background: var(--page); line-height: 1.45;
}
* { box-sizing: border-box; }
body { margin: 0; font-size: 15px; }
.sheet { max-width: 1140px; margin: 0 auto; padding: 28px 28px 40px; }
header.masthead { background: var(--paper); border-top: 6px solid var(--accent); border-radius: 6px;
  padding: 22px 28px 18px; margin-bottom: 18px; box-shadow: 0 1px 2px rgba(31,35,40,.08); }
.kicker { margin: 0; color: var(--muted); font-size: 13px; letter-spacing: .06em; text-transform: uppercase; }
h1 { margin: 4px 0 4px; font-size: 30px; line-height: 1.2; }
.subtitle { margin: 0 0 14px; font-size: 17px; color: var(--muted); }
dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; font-size: 13.5px; }
dl.provenance dt { color: var(--muted); }
dl.provenance dd { margin: 0; overflow-wrap: anywhere; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .92em;
  background: #EEF1F4; padding: 1px 4px; border-radius: 3px; }
.warning { border-left: 4px solid var(--warn); background: #FFF4EC; padding: 8px 12px; margin: 12px 0 0; }
nav.contents { margin: 0 0 18px; font-size: 14px; }
nav.contents ol { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 8px; margin: 0; padding: 0; }
nav.contents a { display: inline-block; padding: 3px 10px; border-radius: 999px; background: var(--paper);
  border: 1px solid var(--line); color: var(--ink); text-decoration: none; }
section { background: var(--paper); border-radius: 6px; padding: 20px 28px 22px; margin: 0 0 18px;
  box-shadow: 0 1px 2px rgba(31,35,40,.08); }
h2 { margin: 0 0 6px; font-size: 21px; }
h3 { margin: 18px 0 8px; font-size: 16px; }
.panel h3 { margin-top: 6px; }
p.lead { margin: 0 0 14px; color: var(--muted); max-width: 78ch; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 4px; }
.card { flex: 1 1 150px; border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; }
.card-value { margin: 0; font-size: 34px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.card-label { margin: 2px 0 0; color: var(--muted); font-size: 14px; }
.card-link { margin: 6px 0 0; font-size: 13px; }
.card-wide { flex: 2.4 1 330px; }
ul.split { list-style: none; margin: 8px 0 0; padding: 0; font-size: 13px; display: flex; flex-wrap: wrap; gap: 2px 14px; }
ul.split li { white-space: nowrap; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; overflow: visible; }
.figure { display: grid; grid-template-columns: minmax(0, 1fr); gap: 14px 28px; align-items: start; justify-items: start; }
@media screen and (min-width: 1000px) {
  .figure:not(.wide) { grid-template-columns: minmax(0, 640px) minmax(0, 1fr); }
}
.panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 8px 36px; }
.panel { min-width: 0; }
table.data { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; margin: 4px 0 0; }
table.data caption { text-align: left; font-size: 12px; color: var(--muted); padding: 0 0 4px; caption-side: top; }
table.data th, table.data td { padding: 3px 10px 3px 0; text-align: left; border-bottom: 1px solid var(--line); vertical-align: top; }
table.data th { font-weight: 600; border-bottom: 1.5px solid #8C959F; vertical-align: bottom; }
.table-wrap { max-width: 100%; overflow-x: auto; }
table.data .num { text-align: right; padding-left: 10px; }
table.data tr[data-only] td { color: var(--muted); }
table.data td:first-child { white-space: nowrap; }
table.urgent { width: 100%; }
table.urgent td:first-child { white-space: normal; }
.none { color: #8C959F; }
p.empty, p.note { color: var(--muted); font-style: italic; margin: 6px 0; }
footer { color: var(--muted); font-size: 13px; padding: 4px 4px 0; }
footer p { margin: 0 0 4px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  :root { background: #FFFFFF; }
  body { font-size: 10pt; }
  .sheet { max-width: none; padding: 0; }
  nav.contents, .card-link { display: none; }
  header.masthead, section { box-shadow: none; border-radius: 0; padding: 0; margin: 0 0 8mm; }
  header.masthead { border-top-width: 3px; padding-top: 4mm; }
  .head, h2, h3, table.data caption { break-after: avoid; page-break-after: avoid; }
  .head { break-inside: avoid; page-break-inside: avoid; }
  section { break-inside: auto; }
  svg.chart, .card, .cards, table.data, table.data tr, .panel { break-inside: avoid; page-break-inside: avoid; }
  .panels, .figure { display: block; }
  .table-wrap { overflow: visible; }
  .figure > * + * { margin-top: 10px; }
  .panel { margin-bottom: 5mm; }
  table.data { font-size: 8.5pt; }
  a { color: inherit; text-decoration: none; }
}
)css";

std::string shell_word(const std::string& s) {
    if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%") == std::string::npos)
        return s;
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace

std::string render_html(const HtmlInput& in) {
    const HtmlContext& ctx = in.context;
    Page page{in, ctx.year.str(), {}, {}};
    for (const auto& t : in.report) {
        if (t.name == "summary") summary_section(page, t);
        else if (t.name == "stages") stages_section(page, t);
        else if (t.name == "reach") reach_section(page, t);
        else if (t.name == "patterns") patterns_section(page, t);
        else if (t.name == "characteristics")
            characteristics_section(page, t, in.all_schools ? &*in.all_schools : nullptr);
        else if (t.name == "cohorts") cohorts_section(page, t);
    }
    if (!in.gaps.empty()) gaps_section(page, in.gaps);

    std::string hubs;
    for (const auto& h : ctx.hub_names) {
        if (!hubs.empty()) hubs += " + ";
        hubs += h;
    }
    if (hubs.empty()) hubs = "Maths Hub";
    std::string dirs;
    for (const auto& d : ctx.directories) {
        if (!dirs.empty()) dirs += ", ";
        dirs += fmt::format("<code>{}</code>", escape(d));
    }

    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += fmt::format("<meta name=\"generator\" content=\"{}\">\n", escape(ctx.generator));
    out += fmt::format("<title>{} \u2014 Teaching for Mastery report {}</title>\n", escape(hubs), page.year);
    out += "<style>" + std::string(style_sheet) + "</style>\n</head>\n<body>\n<div class=\"sheet\">\n";
    out += fmt::format("<header class=\"masthead\" data-year=\"{}\" data-as-of=\"{}\">\n", page.year, ctx.as_of.str());
    out += "<p class=\"kicker\">Teaching for Mastery \u00b7 hub report</p>\n";
    out += fmt::format("<h1>{}</h1>\n", escape(hubs));
    out += fmt::format("<p class=\"subtitle\">Academic year {}, as of {}</p>\n", page.year, long_date(ctx.as_of));
    out += "<dl class=\"provenance\">\n";
    out += fmt::format("<dt>Records</dt><dd data-records=\"\">{} \u00b7 {}, {}</dd>\n", dirs,
                       plural(ctx.files, "file", "files"), plural(ctx.records, "record", "records"));
    out += fmt::format("<dt>As of</dt><dd data-as-of=\"{0}\">{0}</dd>\n", ctx.as_of.str());
    if (!ctx.command.empty())
        out += fmt::format("<dt>Made with</dt><dd><code>{}</code> ({})</dd>\n", escape(ctx.command), escape(ctx.generator));
    else
        out += fmt::format("<dt>Made with</dt><dd>{}</dd>\n", escape(ctx.generator));
    out += "</dl>\n";
    if (ctx.errors > 0)
        out += fmt::format("<p class=\"warning\" role=\"note\">The records have {}; the records with "
                           "errors are left out of this report. Run <code>tfm check</code> for details.</p>\n",
                           plural(ctx.errors, "error", "errors"));
    out += "</header>\n";
    if (page.contents.size() > 1) {
        out += "<nav class=\"contents\" aria-label=\"Contents\"><ol>";
        for (const auto& [id, heading] : page.contents)
            out += fmt::format("<li><a href=\"#{}\">{}</a></li>", escape(id), escape(heading));
        out += "</ol></nav>\n";
    }
    out += "<main>\n" + page.body + "</main>\n";
    out += "<footer>\n";
    out += fmt::format("<p>Made by {} from {} as of {}. Every figure here is also in "
                       "<code>tfm report --format json</code> for the same records and date.</p>\n",
                       escape(ctx.generator), dirs, ctx.as_of.str());
    out += "<p>This page is self-contained: no scripts, fonts or files are fetched, so it reads "
           "offline and prints on A4.</p>\n";
    out += "</footer>\n</div>\n</body>\n</html>\n";
    return out;
}

std::string shell_command(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += " ";
        out += shell_word(w);
    }
    return out;
}

}  // namespace tfm
