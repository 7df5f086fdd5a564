#include "tfm/render/xlsx_workbook.h"

#include "tfm/base/untrusted_text.h"

#include "tfm/base/text.h"

#include <xlsxwriter.h>

#include <fmt/format.h>

#include <cctype>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>
#include <unistd.h>

namespace tfm {
namespace {

constexpr std::size_t max_cell_bytes = 32000;  // Excel holds at most 32,767 characters a cell
constexpr double min_width = 6, max_width = 60;

// A text Excel stores: at most max_cell_bytes, cut at a character boundary.
std::string storable(std::string text) {
    if (text.size() <= max_cell_bytes) return text;
    std::size_t cut = max_cell_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
    return text + "…";
}

// A cell's text as Excel reads it back: OOXML writes characters XML cannot hold as `_xHHHH_`,
// and readers decode any text of that shape, so one written by a school (`_x0041_`) has its
// `_` escaped as `_x005F_`.
std::string ooxml_literal(std::string text) {
    auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_' && i + 6 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X') && hex(text[i + 2]) &&
            hex(text[i + 3]) && hex(text[i + 4]) && hex(text[i + 5]) && text[i + 6] == '_')
            out += "_x005F";
        out += text[i];
    }
    return out;
}

void check(lxw_error error, const char* what) {
    if (error != LXW_NO_ERROR) throw std::runtime_error(fmt::format("{}: {}", what, lxw_strerror(error)));
}

// A temporary file name for libxlsxwriter, which writes only to files; removed when done.
struct TemporaryFile {
    std::string path;
    TemporaryFile() {
        const char* dir = std::getenv("TMPDIR");
        std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/tfm-XXXXXX.xlsx";
        int fd = mkstemps(pattern.data(), 5);
        if (fd < 0) throw std::runtime_error("cannot create a temporary file for the workbook");
        close(fd);
        path = pattern;
    }
    ~TemporaryFile() { std::remove(path.c_str()); }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
};

struct Formats {
    lxw_format* header;
    lxw_format* date;
    lxw_format* label;
    lxw_format* percent;  // 0.0%: every percentage in every sheet alike
};

Formats make_formats(lxw_workbook* wb) {
    Formats f{};
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    f.label = workbook_add_format(wb);
    format_set_bold(f.label);
    format_set_align(f.label, LXW_ALIGN_VERTICAL_TOP);
    f.date = workbook_add_format(wb);
    format_set_num_format(f.date, "yyyy-mm-dd");
    f.percent = workbook_add_format(wb);
    format_set_num_format(f.percent, "0.0%");
    return f;
}

std::string ascii_lower(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = char(ch - 'A' + 'a');
    return s;
}

lxw_datetime datetime_of(Date d) { return {d.year(), int(d.month()), int(d.day()), 0, 0, 0}; }

// Writes one cell; returns the width of what Excel shows, for the column's width.
std::size_t write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const Cell& cell, ColumnKind kind,
                       const Formats& f) {
    if (cell.empty()) return 0;
    if (auto* i = std::get_if<long long>(&cell.value)) {
        if (kind == ColumnKind::percent) {
            check(worksheet_write_number(ws, r, c, double(*i) / 100.0, f.percent), "writing a cell");
            return cell.text().size() + 3;
        }
        check(worksheet_write_number(ws, r, c, double(*i), nullptr), "writing a cell");
        return cell.text().size();
    }
    if (auto* d = std::get_if<double>(&cell.value)) {
        if (kind == ColumnKind::percent) {
            check(worksheet_write_number(ws, r, c, *d / 100.0, f.percent), "writing a cell");
            return fmt::format("{:.1f}%", *d).size();
        }
        check(worksheet_write_number(ws, r, c, *d, nullptr), "writing a cell");
        return cell.text().size();
    }
    if (auto* b = std::get_if<bool>(&cell.value)) {
        check(worksheet_write_boolean(ws, r, c, *b, nullptr), "writing a cell");
        return 5;
    }
    if (auto* day = std::get_if<Date>(&cell.value)) {
        lxw_datetime dt = datetime_of(*day);
        check(worksheet_write_datetime(ws, r, c, &dt, f.date), "writing a cell");
        return 10;
    }
    std::string text = storable(cell.text());
    std::string literal = ooxml_literal(text);
    check(worksheet_write_string(ws, r, c, literal.c_str(), nullptr), "writing a cell");
    return display_width(text);
}

void write_table(lxw_workbook* wb, const Table& t, const std::string& name, const Formats& f) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    if (!ws) throw std::runtime_error(fmt::format("cannot add the sheet `{}`", name));
    std::vector<std::size_t> widths(t.columns.size(), 0);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        std::string header = storable(t.columns[c].header);
        check(worksheet_write_string(ws, 0, lxw_col_t(c), ooxml_literal(header).c_str(), f.header),
              "writing a header");
        widths[c] = display_width(header) + 3;  // room for the filter button
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        for (std::size_t c = 0; c < t.columns.size() && c < t.rows[r].size(); ++c)
            widths[c] = std::max(widths[c], write_cell(ws, lxw_row_t(r + 1), lxw_col_t(c), t.rows[r][c],
                                                       t.columns[c].kind, f));
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c),
                             std::clamp(double(widths[c]) + 1, min_width, max_width), nullptr);
    if (t.columns.empty()) return;
    worksheet_freeze_panes(ws, 1, 0);
    check(worksheet_autofilter(ws, 0, 0, lxw_row_t(t.rows.size()), lxw_col_t(t.columns.size() - 1)),
          "adding filters");
}

void write_cover(lxw_workbook* wb, const XlsxCover& cover, const std::vector<Table>& tables,
                 const std::vector<std::string>& names, const Formats& f) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "about");
    std::size_t widest = 0;
    lxw_row_t r = 0;
    auto row = [&](const std::string& label, const std::string& value) {
        check(worksheet_write_string(ws, r, 0, label.c_str(), f.label), "writing the cover");
        std::string v = storable(value);
        check(worksheet_write_string(ws, r, 1, ooxml_literal(v).c_str(), nullptr), "writing the cover");
        widest = std::max(widest, display_width(v));
        ++r;
    };
    row("title", cover.title);
    for (const auto& hub : cover.hubs) row("hub", hub);
    check(worksheet_write_string(ws, r, 0, "as of", f.label), "writing the cover");
    lxw_datetime dt = datetime_of(cover.as_of);
    check(worksheet_write_datetime(ws, r, 1, &dt, f.date), "writing the cover");
    ++r;
    row("command", cover.command);
    row("made by", cover.generator);
    ++r;
    for (std::size_t i = 0; i < tables.size(); ++i) row("sheet " + names[i], tables[i].title);
    worksheet_set_column(ws, 0, 0, 18, nullptr);
    worksheet_set_column(ws, 1, 1, std::clamp(double(widest) + 2, 20.0, 100.0), nullptr);
}

}  // namespace

std::string sheet_name(std::string name) {
    for (char& ch : name)
        if (std::string_view("[]:*?/\\").find(ch) != std::string_view::npos) ch = '_';
    if (code_points(name) > 31) {
        std::size_t cut = 0, points = 0;
        while (cut < name.size() && points < 31) {
            ++cut;
            while (cut < name.size() && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) ++cut;
            ++points;
        }
        name.resize(cut);
    }
    if (name.find_first_not_of(' ') == std::string::npos) name = "sheet";
    return name;
}

std::string render_xlsx(const std::vector<Table>& tables, const XlsxCover& cover) {
    // Sheet names: unique (Excel compares them case-insensitively), "about" kept for the cover.
    std::vector<std::string> names;
    std::set<std::string> taken = {"about"};
    for (const auto& t : tables) {
        std::string base = sheet_name(t.name), name = base;
        for (int n = 2; taken.count(ascii_lower(name)); ++n) {
            std::string suffix = fmt::format(" {}", n);
            name = sheet_name(base.substr(0, std::min(base.size(), 31 - suffix.size())) + suffix);
        }
        taken.insert(ascii_lower(name));
        names.push_back(name);
    }

    TemporaryFile file;
    lxw_workbook* wb = workbook_new(file.path.c_str());
    if (!wb) throw std::runtime_error("cannot start the workbook");
    lxw_doc_properties properties{};
    // Document properties are XML that libxlsxwriter does not escape for control characters
    // (a raw one makes the workbook unreadable): shown escaped, as on a terminal.
    std::string title = storable(terminal_safe(cover.title)), author = terminal_safe(cover.generator);
    properties.title = title.data();
    properties.author = author.data();
    properties.created = std::time_t(cover.as_of.days().time_since_epoch().count()) * 86400;
    workbook_set_properties(wb, &properties);
    try {
        Formats f = make_formats(wb);
        write_cover(wb, cover, tables, names, f);
        for (std::size_t i = 0; i < tables.size(); ++i) write_table(wb, tables[i], names[i], f);
    } catch (...) {
        workbook_close(wb);  // frees it; the file is thrown away
        throw;
    }
    check(workbook_close(wb), "writing the workbook");

    std::ifstream in(file.path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) throw std::runtime_error("cannot read the workbook back");
    return bytes;
}

}  // namespace tfm
