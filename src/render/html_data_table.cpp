// The page's data tables: every figure of a chart is also in a table whose cells carry the
// value `--format json` writes, so the page can be checked against the JSON report.
#include "html_parts.h"

#include "tfm/base/json.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace tfm::detail {

namespace {

const Cell& cell_at(const std::vector<Cell>& row, int c) {
    static const Cell none;
    return c >= 0 && std::size_t(c) < row.size() ? row[std::size_t(c)] : none;
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

std::string table_head(const std::vector<DataColumn>& columns, std::string_view section,
                       std::string_view caption, std::string_view attributes,
                       std::string_view extra_class) {
    std::string out = fmt::format("<div class=\"table-wrap\"><table class=\"data{}\" data-section=\"{}\"{}>\n"
                                  "<caption>{}</caption>\n<thead><tr>",
                                  extra_class.empty() ? "" : " " + std::string(extra_class), escape(section),
                                  attributes.empty() ? "" : " " + std::string(attributes), escape(caption));
    for (const auto& c : columns)
        out += fmt::format("<th scope=\"col\" data-key=\"{}\"{}>{}</th>", escape(c.key),
                           c.numeric ? " class=\"num\"" : "", escape(c.header));
    return out + "</tr></thead>\n<tbody>\n";
}

}  // namespace

int column(const Table& t, std::string_view key) {
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].key == key) return int(i);
    return -1;
}

std::vector<DataColumn> columns_of(const Table& t) {
    std::vector<DataColumn> out;
    std::vector<bool> numeric = numeric_columns(t);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const Column& col = t.columns[c];
        if (col.reader == Reader::machines) continue;  // an id or code people read elsewhere
        DataColumn d{col.key, col.header, numeric[c], {}, {}};
        std::size_t shown = c;
        if (col.kind == ColumnKind::code)
            d.show = [shown](std::size_t, const std::vector<Cell>& r) { return in_words(cell_at(r, int(shown)).text()); };
        else if (col.reader == Reader::people)  // words over the value of its machines' twin
            d.show = [shown](std::size_t, const std::vector<Cell>& r) { return cell_at(r, int(shown)).text(); };
        out.push_back(std::move(d));
    }
    return out;
}

std::vector<DataRow> rows_of(const Table& t) {
    std::vector<DataRow> out;
    for (const auto& r : t.rows) out.push_back({r, ""});
    return out;
}

std::string data_table(const Table& source, const std::vector<DataColumn>& columns,
                       const std::vector<DataRow>& rows, std::string_view section,
                       std::string_view caption, std::string_view attributes,
                       std::string_view extra_class) {
    // The source's columns the page leaves out (ids whose names it shows), for the tests.
    std::string omitted;
    for (const auto& sc : source.columns)
        if (std::none_of(columns.begin(), columns.end(), [&](const DataColumn& c) { return c.key == sc.key; }))
            omitted += (omitted.empty() ? "" : " ") + sc.key;
    std::string extra(attributes);
    if (!omitted.empty()) extra += fmt::format("{}data-omitted=\"{}\"", extra.empty() ? "" : " ", escape(omitted));
    std::string out = table_head(columns, section, caption, extra, extra_class);
    std::vector<int> indices;
    for (const auto& c : columns) indices.push_back(column(source, c.key));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const DataRow& row = rows[r];
        out += row.attributes.empty() ? "<tr>" : "<tr " + row.attributes + ">";
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const DataColumn& c = columns[i];
            const Cell& cell = cell_at(row.cells, indices[i]);
            std::string shown = c.show ? c.show(r, row.cells) : cell.text();
            std::optional<std::string> value = c.value ? c.value(row.cells) : raw_value(cell);
            std::string attrs = fmt::format(" data-key=\"{}\"", escape(c.key));
            if (value) attrs += fmt::format(" data-value=\"{}\"", escape(*value));
            else attrs += " data-null=\"\"";
            if (c.numeric) attrs += " class=\"num\"";
            out += fmt::format("<td{}>{}</td>", attrs, shown.empty()  ? "<span class=\"none\">\u2013</span>"
                                                                 : c.numeric ? escape(shown)
                                                                             : bdi(shown));
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table></div>\n";
    return out;
}

}  // namespace tfm::detail
