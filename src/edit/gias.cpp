// Reading the GIAS establishment extract: Windows-1252 to UTF-8, RFC 4180 CSV, columns by
// header name, GIAS phases and statuses as tfm's; and YAML school records out of it.
#include "tfm/edit/gias.h"

#include "gias_detail.h"
#include "tfm/base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <map>

namespace tfm::gias {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// Windows-1252 bytes 0x80–0x9F. The five cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
// 0x9D) decode to the C1 control with the same number, as Windows and browsers do.
constexpr std::array<std::uint16_t, 32> cp1252_high = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80–87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88–8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90–97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98–9F
};

int line_of(std::string_view text, std::size_t offset) {
    return int(std::count(text.begin(), text.begin() + std::ptrdiff_t(std::min(offset, text.size())), '\n')) + 1;
}

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

// A field as a record value: trimmed, and a line break or tab (with the spaces around it)
// becomes one space. Runs of plain spaces are kept as GIAS has them.
std::string clean(std::string_view s) {
    s = trimmed(s);
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

}  // namespace

// ---- text --------------------------------------------------------------------------------

std::string cp1252_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char ch : bytes) {
        auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) out += ch;
        else if (c < 0xA0) append_utf8(out, cp1252_high[c - 0x80]);
        else append_utf8(out, c);
    }
    return out;
}

Decoded decode(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        if (auto bad = first_invalid_utf8(bytes); bad != std::string_view::npos)
            throw Error(line_of(bytes, bad),
                        fmt::format("byte 0x{:02X} is not UTF-8, but the file starts with a UTF-8 "
                                    "byte-order mark",
                                    static_cast<unsigned char>(bytes[bad])));
        return {std::string(bytes), "UTF-8"};
    }
    bool ascii = std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii && first_invalid_utf8(bytes) == std::string_view::npos) return {std::string(bytes), "UTF-8"};
    return {cp1252_to_utf8(bytes), "Windows-1252"};
}

// ---- CSV ---------------------------------------------------------------------------------

void for_each_row(std::string_view text, const std::function<void(const CsvRow&)>& visit) {
    CsvRow row;
    std::size_t i = 0, n = text.size();
    int line = 1;
    auto at_row_end = [&](std::size_t k) {
        return k >= n || text[k] == '\n' || (text[k] == '\r' && k + 1 < n && text[k + 1] == '\n');
    };
    while (i < n) {
        row.line = line;
        row.fields.clear();
        for (;;) {
            std::string field;
            if (i < n && text[i] == '"') {
                int opened = line;
                ++i;
                for (;;) {
                    if (i >= n)
                        throw Error(opened, fmt::format("line {}: a quoted field starts on this line and "
                                                        "never closes (its closing \" is missing)",
                                                        opened));
                    char c = text[i];
                    if (c == '"') {
                        if (i + 1 < n && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (c == '\n') ++line;
                    field += c;
                    ++i;
                }
                if (i < n && text[i] != ',' && !at_row_end(i)) {
                    std::size_t end = i;
                    while (end < n && text[end] != ',' && text[end] != '\n' && text[end] != '\r') ++end;
                    throw Error(line, fmt::format("line {}: `{}` follows a closing quote; a quote inside "
                                                  "a quoted field is written \"\"",
                                                  line, text.substr(i, std::min<std::size_t>(end - i, 20))));
                }
            } else {
                std::size_t start = i;
                while (i < n && text[i] != ',' && !at_row_end(i)) ++i;
                field.assign(text.substr(start, i - start));
            }
            row.fields.push_back(std::move(field));
            if (i < n && text[i] == ',') {
                ++i;
                continue;
            }
            if (i < n) {  // a line break ends the row
                i += text[i] == '\r' ? 2 : 1;
                ++line;
            }
            break;
        }
        if (row.fields.size() == 1 && trimmed(row.fields[0]).empty()) continue;  // a blank line
        visit(row);
    }
}

std::vector<CsvRow> parse_csv(std::string_view text) {
    std::vector<CsvRow> rows;
    for_each_row(text, [&](const CsvRow& row) { rows.push_back(row); });
    return rows;
}

// ---- the extract -------------------------------------------------------------------------

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

const std::vector<std::string_view>& required_columns() {
    static const std::vector<std::string_view> cols = {"URN", "EstablishmentName", "LA (name)",
                                                       "PhaseOfEducation (name)",
                                                       "EstablishmentStatus (name)"};
    return cols;
}

Extract read_extract(std::string_view bytes) {
    Extract out;
    Decoded decoded = decode(bytes);
    out.encoding = decoded.encoding;

    // A full extract has some 50,000 rows of over 100 columns: it is read row by row, and
    // only the columns tfm uses are kept.
    std::vector<std::string> header;
    std::size_t c_urn = 0, c_name = 0, c_la = 0, c_phase = 0, c_status = 0;
    std::optional<std::size_t> c_type, c_trust;
    std::map<Urn, int> seen;

    auto read_header = [&](const CsvRow& row) {
        header = row.fields;
        auto column = [&](std::string_view name) -> std::optional<std::size_t> {
            for (std::size_t i = 0; i < header.size(); ++i)
                if (trimmed(header[i]) == name) return i;
            for (std::size_t i = 0; i < header.size(); ++i)
                if (same_area(header[i], name)) return i;  // ignoring case
            return std::nullopt;
        };
        std::vector<std::string_view> missing;
        for (auto name : required_columns())
            if (!column(name)) missing.push_back(name);
        if (!missing.empty()) {
            std::string have;
            for (std::size_t i = 0; i < header.size() && i < 8; ++i)
                have += fmt::format("{}`{}`", i ? ", " : "", trimmed(header[i]));
            if (header.size() > 8) have += fmt::format(" and {} more", header.size() - 8);
            std::string names;
            for (std::size_t i = 0; i < missing.size(); ++i)
                names += fmt::format("{}`{}`", i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ", missing[i]);
            throw Error(row.line, fmt::format("line {}: the header has no {} column{}; is this a GIAS establishment "
                                              "extract? It has {}",
                                              row.line, names, missing.size() == 1 ? "" : "s", have));
        }
        c_urn = *column("URN");
        c_name = *column("EstablishmentName");
        c_la = *column("LA (name)");
        c_phase = *column("PhaseOfEducation (name)");
        c_status = *column("EstablishmentStatus (name)");
        c_type = column("TypeOfEstablishment (name)");
        c_trust = column("Trusts (name)");
    };

    auto read_row = [&](const CsvRow& row) {
        if (row.fields.size() != header.size()) {
            out.warnings.push_back(fmt::format("line {}: {} field{} where the header has {}; row skipped", row.line,
                                               row.fields.size(), row.fields.size() == 1 ? "" : "s", header.size()));
            return;
        }
        auto urn = parse_urn(row.fields[c_urn]);
        if (!urn) {
            out.warnings.push_back(fmt::format("line {}: `{}` is not a URN (six digits, like 107329); row skipped",
                                               row.line, clean(row.fields[c_urn])));
            return;
        }
        if (auto it = seen.find(*urn); it != seen.end()) {
            out.warnings.push_back(fmt::format("line {}: URN {} is listed again (first on line {}); row skipped",
                                               row.line, *urn, it->second));
            return;
        }
        Establishment e;
        e.line = row.line;
        e.urn = *urn;
        e.name = clean(row.fields[c_name]);
        e.area = clean(row.fields[c_la]);
        std::string phase_name = clean(row.fields[c_phase]);  // PhaseOfEducation (name)
        e.status = clean(row.fields[c_status]);
        std::string type_name = c_type ? clean(row.fields[*c_type]) : std::string();  // TypeOfEstablishment (name)
        if (c_trust) e.trust = clean(row.fields[*c_trust]);
        e.phase = map_phase(phase_name, type_name);
        e.open = is_open(e.status);
        if (e.name.empty() || e.area.empty()) {
            out.warnings.push_back(fmt::format("line {}: URN {} has no {}; row skipped", row.line, e.urn,
                                               e.name.empty() ? "EstablishmentName" : "LA (name)"));
            return;
        }
        seen.emplace(e.urn, e.line);
        out.establishments.push_back(std::move(e));
    };

    bool have_header = false;
    for_each_row(decoded.text, [&](const CsvRow& row) {
        if (have_header) {
            read_row(row);
        } else {
            read_header(row);
            have_header = true;
        }
    });
    if (!have_header)
        throw Error(0, "the file is empty; a GIAS extract starts with a header row naming its columns "
                       "(URN, EstablishmentName, …)");
    return out;
}

// ---- choosing ----------------------------------------------------------------------------

bool same_area(std::string_view a, std::string_view b) {
    a = trimmed(a);
    b = trimmed(b);
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

std::vector<std::string> split_areas(const std::vector<std::string>& values, const Extract& extract) {
    std::vector<std::string> out;
    auto add = [&](std::string_view a) {
        a = trimmed(a);
        if (a.empty()) return;
        for (const auto& o : out)
            if (same_area(o, a)) return;
        out.emplace_back(a);
    };
    for (const auto& v : values) {
        bool whole = std::any_of(extract.establishments.begin(), extract.establishments.end(),
                                 [&](const Establishment& e) { return same_area(e.area, v); });
        if (whole || v.find(',') == std::string::npos) {
            add(v);
            continue;
        }
        std::size_t start = 0;
        for (;;) {
            std::size_t comma = v.find(',', start);
            add(std::string_view(v).substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    return out;
}

bool area_chosen(const Selection& selection, std::string_view area) {
    if (selection.areas.empty()) return true;
    return std::any_of(selection.areas.begin(), selection.areas.end(),
                       [&](const std::string& a) { return same_area(a, area); });
}

std::string area_spelling(const Selection& selection, std::string_view area) {
    for (const auto& s : selection.spellings)
        if (same_area(s, area)) return s;
    return std::string(trimmed(area));
}

std::vector<const Establishment*> select(const Extract& extract, const Selection& selection) {
    std::vector<Phase> phases = selection.phases;
    if (phases.empty()) phases.push_back(Phase::primary);
    std::vector<const Establishment*> out;
    for (const auto& e : extract.establishments) {
        if (!e.open || !e.phase) continue;
        if (std::find(phases.begin(), phases.end(), *e.phase) == phases.end()) continue;
        if (!area_chosen(selection, e.area)) continue;
        out.push_back(&e);
    }
    std::stable_sort(out.begin(), out.end(), [&](const Establishment* a, const Establishment* b) {
        std::string aa = area_spelling(selection, a->area), ba = area_spelling(selection, b->area);
        if (aa != ba) return aa < ba;
        if (a->name != b->name) return a->name < b->name;
        return a->urn < b->urn;
    });
    return out;
}

// ---- YAML out ----------------------------------------------------------------------------

namespace {

// Would a plain scalar with this text read as something other than a string (YAML 1.1 and
// 1.2 core schemas, as yaml-cpp and other readers resolve them)?
bool reads_as_non_string(std::string_view t) {
    static const std::array<std::string_view, 15> words = {
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
        ".inf", "-.inf", "+.inf", ".nan", "="};
    std::string l = lowered(t);
    if (std::find(words.begin(), words.end(), l) != words.end()) return true;
    // Numbers in any notation, dates, times, sexagesimals: a digit (after a sign or a dot)
    // and no spaces. Quoting "1st" as well does no harm.
    std::size_t i = 0;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (i < t.size() && t[i] == '.') ++i;
    if (i >= t.size() || t[i] < '0' || t[i] > '9') return false;
    return std::all_of(t.begin(), t.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               c == '_' || c == '.' || c == ':' || c == '+' || c == '-';
    });
}

bool needs_quotes(std::string_view t, bool flow) {
    if (t.empty()) return true;
    if (t.front() == ' ' || t.back() == ' ') return true;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(t.front()) != std::string_view::npos) return true;
    if (t.find(": ") != std::string_view::npos || t.find(" #") != std::string_view::npos) return true;
    if (t.back() == ':') return true;
    // yaml-cpp also ends a plain scalar in flow context at a `?`.
    if (flow && t.find_first_of(",[]{}:?") != std::string_view::npos) return true;
    if (!detail::printable(t)) return true;
    return reads_as_non_string(t);
}

}  // namespace

bool detail::printable(std::string_view t) {
    for (std::size_t i = 0; i < t.size(); ++i) {
        auto c = static_cast<unsigned char>(t[i]);
        if (c < 0x20 || c == 0x7F) return false;
        if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) < 0xA0) return false;  // C1
        if (t.substr(i, 3) == "\xE2\x80\xA8" || t.substr(i, 3) == "\xE2\x80\xA9" ||
            t.substr(i, 3) == "\xEF\xBB\xBF")
            return false;
    }
    return true;
}

std::string detail::double_quoted(std::string_view t) {
    std::string out = "\"";
    for (std::size_t i = 0; i < t.size(); ++i) {
        auto c = static_cast<unsigned char>(t[i]);
        if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02X}", c);
        else if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) < 0xA0) {
            out += fmt::format("\\x{:02X}", static_cast<unsigned char>(t[++i]));
        } else if (t.substr(i, 3) == "\xE2\x80\xA8") {
            out += "\\L";
            i += 2;
        } else if (t.substr(i, 3) == "\xE2\x80\xA9") {
            out += "\\P";
            i += 2;
        } else if (t.substr(i, 3) == "\xEF\xBB\xBF") {
            out += "\\uFEFF";
            i += 2;
        } else {
            out += char(c);
        }
    }
    return out + "\"";
}

std::string yaml_scalar(std::string_view text, bool flow) {
    if (!needs_quotes(text, flow)) return std::string(text);
    return detail::double_quoted(text);
}

std::string area_slug(std::string_view area) {
    std::string out;
    bool dash = false;
    for (char c : area) {
        char l = lower(c);
        if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += l;
        } else {
            dash = true;
        }
    }
    return out.empty() ? "schools" : out;
}

std::string detail::school_lines(const Establishment& e, const Selection& selection, std::string_view dash,
                         std::string_view indent, std::string_view nl) {
    std::string out = fmt::format("{}urn: {}{}", dash, e.urn, nl);
    out += fmt::format("{}name: {}{}", indent, yaml_scalar(e.name), nl);
    out += fmt::format("{}phase: {}{}", indent, name_of(*e.phase), nl);
    out += fmt::format("{}area: {}{}", indent, yaml_scalar(area_spelling(selection, e.area)), nl);
    if (!e.trust.empty()) out += fmt::format("{}trust: {}{}", indent, yaml_scalar(e.trust), nl);
    return out;
}

std::string detail::school_flow(const Establishment& e, const Selection& selection) {
    std::string out = fmt::format("{{urn: {}, name: {}, phase: {}, area: {}", e.urn, yaml_scalar(e.name, true),
                                  name_of(*e.phase), yaml_scalar(area_spelling(selection, e.area), true));
    if (!e.trust.empty()) out += fmt::format(", trust: {}", yaml_scalar(e.trust, true));
    return out + "}";
}

std::string schools_yaml(const std::vector<const Establishment*>& schools, const Selection& selection) {
    if (schools.empty()) return "schools: []\n";
    std::string out = "schools:\n";
    for (const auto* e : schools) out += detail::school_lines(*e, selection, "  - ", "    ", "\n");
    return out;
}

}  // namespace tfm::gias
