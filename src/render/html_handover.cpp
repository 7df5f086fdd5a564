#include "tfm/render/html_handover.h"

#include "tfm/render/svg_chart.h"
#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <algorithm>

namespace tfm {
namespace {

using svg::escape;

constexpr const char* handover_css = R"css(
:root { --ink: #1d2733; --muted: #5b6673; --rule: #c9d1da; --band: #f2f5f8; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; }
header h1 { font-size: 1.35rem; margin: 0 0 .2rem; }
header p { margin: 0; color: var(--muted); }
h2 { font-size: 1rem; margin: .9rem 0 .2rem; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--rule); padding: .2rem .35rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-weight: 600; }
td.num { text-align: right; white-space: nowrap; }
span.item { white-space: nowrap; }
td[data-key="year"], td[data-key="stage"], td[data-key="status"], td[data-key="now"] { white-space: nowrap; }
table.facts th { width: 7rem; background: var(--band); font-weight: 600; }
table.facts td { width: 40%; }
p.none, p.more { color: var(--muted); margin: .1rem 0; }
footer { color: var(--muted); font-size: .85em; margin-top: 1rem; }
@page { size: A4 portrait; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 8pt; line-height: 1.15; }
  header h1 { font-size: 13pt; }
  h2 { font-size: 10pt; margin: .5rem 0 .1rem; }
  th, td { padding: .5pt 3pt; }
  tr { break-inside: avoid; }
  table.facts th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  footer { font-size: 7pt; margin-top: .4rem; }
}
)css";

std::string value_of(const Cell& c) {
    if (auto* b = std::get_if<bool>(&c.value)) return *b ? "true" : "false";
    return c.text();
}

// A list (participants, years) breaks between its items, never inside a name.
std::string td(const Column& col, const Cell& c) {
    std::string shown;
    if (auto* items = std::get_if<std::vector<std::string>>(&c.value)) {
        for (std::size_t i = 0; i < items->size(); ++i)
            shown += fmt::format("<span class=\"item\">{}{}</span> ", svg::bdi((*items)[i]), i + 1 < items->size() ? "," : "");
    } else {
        shown = svg::bdi(c.text());
    }
    return fmt::format("<td{} data-key=\"{}\" data-value=\"{}\">{}</td>", c.numeric() ? " class=\"num\"" : "",
                       escape(col.key), escape(value_of(c)), shown);
}

// The one-row school table as facts, one per line.
std::string facts(const Table& t) {
    std::string out = fmt::format("<table class=\"facts\" data-section=\"{}\">\n", escape(t.name));
    // Two facts a line, so the journey and the people keep the page.
    for (std::size_t i = 0; i < t.columns.size() && !t.rows.empty(); i += 2) {
        out += "<tr>";
        for (std::size_t k = i; k < i + 2 && k < t.columns.size(); ++k)
            out += fmt::format("<th scope=\"row\">{}</th>{}", escape(t.columns[k].header), td(t.columns[k], t.rows.front()[k]));
        out += "</tr>\n";
    }
    return out + "</table>\n";
}

// The most rows a list shows so the page stays one A4 page (README "Academy conversions and
// staff over time"): the first ones (contacts come maths leads first), then "and N more".
std::size_t most_rows(const Table& t) {
    if (t.name == "contacts") return 8;
    if (t.name == "people") return 16;
    return t.rows.size();
}

std::string grid(const Table& t) {
    std::string out = fmt::format("<h2>{}</h2>\n", svg::bdi(t.title));
    if (t.rows.empty()) return out + fmt::format("<p class=\"none\" data-section=\"{}\">{}</p>\n", escape(t.name), escape(t.empty_text));
    out += fmt::format("<table data-section=\"{}\">\n<thead><tr>", escape(t.name));
    for (const auto& c : t.columns) out += fmt::format("<th scope=\"col\">{}</th>", escape(c.header));
    out += "</tr></thead>\n<tbody>\n";
    std::size_t shown = std::min(t.rows.size(), most_rows(t));
    for (std::size_t r = 0; r < shown; ++r) {
        const auto& row = t.rows[r];
        out += "<tr>";
        for (std::size_t i = 0; i < row.size() && i < t.columns.size(); ++i) out += td(t.columns[i], row[i]);
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    if (shown < t.rows.size())
        out += fmt::format("<p class=\"more\" data-more=\"{}\" data-of=\"{}\">and {} more (<code>--format table</code> "
                           "lists them all)</p>\n",
                           t.rows.size() - shown, escape(t.name), t.rows.size() - shown);
    return out;
}

}  // namespace

std::string render_handover_html(const std::vector<Table>& tables, const HandoverPageContext& ctx) {
    std::string hubs;
    for (const auto& h : ctx.hub_names) hubs += (hubs.empty() ? "" : " + ") + svg::bdi(h);
    std::string out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += fmt::format("<title>Handover: {}</title>\n", escape(isolated(ctx.title)));
    out += fmt::format("<meta name=\"generator\" content=\"{}\">\n", escape(ctx.generator));
    out += fmt::format("<style>{}</style>\n</head>\n<body>\n", handover_css);
    out += fmt::format("<header>\n<h1>Handover: {}</h1>\n<p>{} · as of {}</p>\n</header>\n<main>\n",
                       svg::bdi(ctx.title), hubs, ctx.as_of.str());
    for (std::size_t i = 0; i < tables.size(); ++i) out += i == 0 ? facts(tables[i]) : grid(tables[i]);
    out += fmt::format("</main>\n<footer>Made with {} by <code>{}</code></footer>\n</body>\n</html>\n",
                       escape(ctx.generator), escape(ctx.command));
    return out;
}

}  // namespace tfm
