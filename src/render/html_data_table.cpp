// The page's data tables: every figure of a chart is also in a table whose cells carry the
// value `--format json` writes, so the page can be checked against the JSON report.
#include "html_parts.h"

#include "tfm/base/json.h"

#include <fmt/format.h>

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
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        out.push_back({t.columns[c].key, t.columns[c].header, numeric[c], {}, {}});
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
    std::string out = table_head(columns, section, caption, attributes, extra_class);
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
