// Reading the GIAS extract: columns by header name, GIAS phases and statuses as tfm's. A full
// extract has some 50,000 rows of over 100 columns: it is read row by row, and only the
// columns tfm uses are kept.
#include "tfm/edit/gias_extract.h"

#include "tfm/base/untrusted_text.h"

#include "tfm/base/csv.h"
#include "tfm/base/text_decoding.h"

#include <fmt/format.h>

#include <map>

namespace tfm::gias {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// A field as a record value: every kind of space at its ends removed (a trailing space or
// no-break space, quoted or not, would make the name differ from the one people type and
// from the next extract's), and a line break or tab inside (with the spaces around it) one
// space. Runs of spaces inside are kept as GIAS has them.
std::string clean(std::string_view s) {
    s = trim_spaces(s);
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (is_space(s[i])) {
            std::size_t j = i;
            bool control = false;
            while (j < s.size() && is_space(s[j])) control |= s[j++] != ' ';
            if (control) out += ' ';
            else out.append(s.substr(i, j - i));
            i = j;
        } else {
            out += s[i++];
        }
    }
    return out;
}

// Where the columns tfm reads are in the header row.
struct Columns {
    std::size_t count = 0;  // fields in the header
    std::size_t urn = 0, name = 0, la = 0, phase = 0, status = 0;
    std::optional<std::size_t> type, trust;
};

std::optional<std::size_t> column(const std::vector<std::string>& header, std::string_view name) {
    return find_column(header, name);
}

}  // namespace

std::optional<std::size_t> find_column(const std::vector<std::string>& header, std::string_view name) {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (trimmed(header[i]) == name) return i;
    for (std::size_t i = 0; i < header.size(); ++i)
        if (same_area(header[i], name)) return i;  // ignoring case
    return std::nullopt;
}

std::string clean_field(std::string_view field) { return clean(field); }

// "the header has no `X` and `Y` columns; … It has `A`, `B` … and 3 more"
void missing_columns(const CsvRow& row, const std::vector<std::string_view>& missing, std::string_view what) {
    const auto& header = row.fields;
    std::string have;
    for (std::size_t i = 0; i < header.size() && i < 8; ++i) have += fmt::format("{}`{}`", i ? ", " : "", trimmed(header[i]));
    if (header.size() > 8) have += fmt::format(" and {} more", header.size() - 8);
    std::string names;
    for (std::size_t i = 0; i < missing.size(); ++i)
        names += fmt::format("{}`{}`", i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ", missing[i]);
    throw Error(row.line, fmt::format("line {}: the header has no {} column{}; is this a GIAS {}? It has {}",
                                      row.line, names, missing.size() == 1 ? "" : "s", what, have));
}

namespace {

Columns read_header(const CsvRow& row) {
    std::vector<std::string_view> missing;
    for (auto name : required_columns())
        if (!column(row.fields, name)) missing.push_back(name);
    if (!missing.empty()) missing_columns(row, missing, "establishment extract");
    Columns c;
    c.count = row.fields.size();
    c.urn = *column(row.fields, "URN");
    c.name = *column(row.fields, "EstablishmentName");
    c.la = *column(row.fields, "LA (name)");
    c.phase = *column(row.fields, "PhaseOfEducation (name)");
    c.status = *column(row.fields, "EstablishmentStatus (name)");
    c.type = column(row.fields, "TypeOfEstablishment (name)");
    c.trust = column(row.fields, "Trusts (name)");
    return c;
}

// The establishment of one row, or a warning saying why the row is skipped.
std::optional<Establishment> read_row(const CsvRow& row, const Columns& c, const std::map<Urn, int>& seen,
                                      std::vector<std::string>& warnings) {
    if (row.fields.size() != c.count) {
        warnings.push_back(fmt::format("line {}: {} field{} where the header has {}; row skipped", row.line,
                                       row.fields.size(), row.fields.size() == 1 ? "" : "s", c.count));
        return std::nullopt;
    }
    auto urn = parse_urn(row.fields[c.urn]);
    if (!urn) {
        warnings.push_back(fmt::format("line {}: `{}` is not a URN (six digits, like 107329); row skipped", row.line,
                                       clean(row.fields[c.urn])));
        return std::nullopt;
    }
    if (auto it = seen.find(*urn); it != seen.end()) {
        warnings.push_back(fmt::format("line {}: URN {} is listed again (first on line {}); row skipped", row.line,
                                       *urn, it->second));
        return std::nullopt;
    }
    Establishment e;
    e.line = row.line;
    e.urn = *urn;
    e.name = clean(row.fields[c.name]);
    e.area = clean(row.fields[c.la]);
    e.status = clean(row.fields[c.status]);
    if (c.trust) e.trust = clean(row.fields[*c.trust]);
    std::string type_name = c.type ? clean(row.fields[*c.type]) : std::string();
    e.phase = map_phase(clean(row.fields[c.phase]), type_name);
    e.open = is_open(e.status);
    if (e.name.empty() || e.area.empty()) {
        warnings.push_back(fmt::format("line {}: URN {} has no {}; row skipped", row.line, e.urn,
                                       e.name.empty() ? "EstablishmentName" : "LA (name)"));
        return std::nullopt;
    }
    return e;
}

}  // namespace

std::optional<Phase> map_phase(std::string_view phase_name, std::string_view type_name) {
    if (lowered(type_name).find("special") != std::string::npos) return Phase::special;
    std::string p = lowered(trimmed(phase_name));
    if (p == "primary" || p == "middle deemed primary") return Phase::primary;
    if (p == "secondary" || p == "middle deemed secondary") return Phase::secondary;
    if (p == "all-through" || p == "all through") return Phase::all_through;
    return std::nullopt;
}

bool is_open(std::string_view status) { return lowered(trimmed(status)).starts_with("open"); }

std::optional<Urn> parse_urn(std::string_view text) {
    text = trimmed(text);
    if (text.size() != 6 || text[0] == '0') return std::nullopt;
    Urn u = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        u = u * 10 + (c - '0');
    }
    return u;
}

// Areas are names: compared as SPEC section 3 says (NFC, case, spaces, quotes, dashes).
bool same_area(std::string_view a, std::string_view b) { return same_name(trimmed(a), trimmed(b)); }

const std::vector<std::string_view>& required_columns() {
    static const std::vector<std::string_view> cols = {"URN", "EstablishmentName", "LA (name)",
                                                       "PhaseOfEducation (name)",
                                                       "EstablishmentStatus (name)"};
    return cols;
}

Extract read_extract(std::string_view bytes) {
    Extract out;
    Decoded decoded = decode_text(bytes);
    out.encoding = decoded.encoding;
    std::optional<Columns> columns;
    std::map<Urn, int> seen;  // URN → the line it was first on
    for_each_csv_row(decoded.text, [&](const CsvRow& row) {
        if (!columns) {
            columns = read_header(row);
        } else if (auto e = read_row(row, *columns, seen, out.warnings)) {
            seen.emplace(e->urn, e->line);
            out.establishments.push_back(std::move(*e));
        }
    });
    if (!columns)
        throw Error(0, "the file is empty; a GIAS extract starts with a header row naming its columns "
                       "(URN, EstablishmentName, …)");
    return out;
}

}  // namespace tfm::gias
