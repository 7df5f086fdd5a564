// Quoting follows what yaml-cpp and other YAML 1.1/1.2 readers resolve: anything that could
// read as another type or end a plain scalar early is double-quoted.
#include "tfm/yaml/writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace tfm::yaml {
namespace {

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

// Would a plain scalar with this text read as something other than a string (YAML 1.1 and
// 1.2 core schemas, as yaml-cpp and other readers resolve them)?
bool reads_as_non_string(std::string_view t) {
    static const std::array<std::string_view, 15> words = {
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
        ".inf", "-.inf", "+.inf", ".nan", "="};
    std::string l = lowered(t);
    if (std::find(words.begin(), words.end(), l) != words.end()) return true;
    // Numbers in any notation, dates, times, sexagesimals: a digit (after a sign or a dot)
    // and no spaces, or a date and more with spaces (`2001-12-14 21:59:43.10 -5` is a YAML
    // 1.1 timestamp). Quoting "1st" as well does no harm.
    std::size_t i = 0;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (i < t.size() && t[i] == '.') ++i;
    if (i >= t.size() || t[i] < '0' || t[i] > '9') return false;
    auto digit = [&](std::size_t j) { return j < t.size() && t[j] >= '0' && t[j] <= '9'; };
    bool date = digit(0) && digit(1) && digit(2) && digit(3) && t.size() > 4 && t[4] == '-';
    return std::all_of(t.begin(), t.end(), [&](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               c == '_' || c == '.' || c == ':' || c == '+' || c == '-' || (date && c == ' ');
    });
}

bool needs_quotes(std::string_view t, bool flow) {
    if (t.empty()) return true;
    if (t.front() == ' ' || t.back() == ' ') return true;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(t.front()) != std::string_view::npos) return true;
    if (t.find(": ") != std::string_view::npos || t.find(" #") != std::string_view::npos) return true;
    if (t.back() == ':') return true;
    // The merge key (YAML 1.1 readers merge a mapping there) and a document end marker.
    if (t == "<<" || t.starts_with("...")) return true;
    // yaml-cpp also ends a plain scalar in flow context at a `?`.
    if (flow && t.find_first_of(",[]{}:?") != std::string_view::npos) return true;
    if (!printable(t)) return true;
    return reads_as_non_string(t);
}

std::string field_value(const Field& f, bool flow) { return f.verbatim ? f.value : scalar_text(f.value, flow); }

}  // namespace

namespace {

// Whether a three-byte character at `i` is one a reader cannot see or that reorders text:
// zero-width and directional marks, bidirectional embeddings, overrides and isolates, the
// byte-order mark; and the line and paragraph separators (U+2028, U+2029), which a YAML
// reader takes for a line break in a plain scalar. Written plainly they would pass unseen
// into the records.
bool invisible_at(std::string_view t, std::size_t i) {
    if (t.size() < 3 || i > t.size() - 3) return false;
    auto a = static_cast<unsigned char>(t[i]), b = static_cast<unsigned char>(t[i + 1]),
         c = static_cast<unsigned char>(t[i + 2]);
    if (a == 0xEF && b == 0xBB && c == 0xBF) return true;
    if (a != 0xE2) return false;
    if (b == 0x80 && ((c >= 0x8B && c <= 0x8F) || (c >= 0xA8 && c <= 0xAE))) return true;
    return b == 0x81 && c >= 0xA6 && c <= 0xA9;
}

}  // namespace

bool printable(std::string_view t) {
    for (std::size_t i = 0; i < t.size(); ++i) {
        auto c = static_cast<unsigned char>(t[i]);
        if (c < 0x20 || c == 0x7F) return false;
        if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) < 0xA0) return false;  // C1
        if (invisible_at(t, i)) return false;
        if (c == 0xEF && (t.substr(i, 3) == "\xEF\xBF\xBE" || t.substr(i, 3) == "\xEF\xBF\xBF")) return false;
    }
    return true;
}

std::string double_quoted(std::string_view t) {
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
        } else if (invisible_at(t, i) || t.substr(i, 3) == "\xEF\xBF\xBE" || t.substr(i, 3) == "\xEF\xBF\xBF") {
            // U+200B…U+200F, U+202A…U+202E, U+2066…U+2069, U+FEFF, and U+FFFE and U+FFFF,
            // which YAML does not allow raw: written as \uXXXX.
            char32_t cp = (char32_t(c & 0x0F) << 12) | (char32_t(t[i + 1] & 0x3F) << 6) | char32_t(t[i + 2] & 0x3F);
            out += fmt::format("\\u{:04X}", std::uint32_t(cp));
            i += 2;
        } else {
            out += char(c);
        }
    }
    return out + "\"";
}

std::string single_quoted(std::string_view t) {
    std::string out = "'";
    for (char c : t) {
        if (c == '\'') out += "''";
        else out += c;
    }
    return out + "'";
}

std::string scalar_text(std::string_view text, bool flow) {
    if (!needs_quotes(text, flow)) return std::string(text);
    return double_quoted(text);
}

std::string block_mapping(const std::vector<Field>& fields, std::string_view dash, std::string_view indent) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i)
        out += fmt::format("{}{}: {}\n", i == 0 ? dash : indent, fields[i].key, field_value(fields[i], false));
    return out;
}

std::string flow_mapping(const std::vector<Field>& fields) {
    std::string out = "{";
    for (std::size_t i = 0; i < fields.size(); ++i)
        out += fmt::format("{}{}: {}", i == 0 ? "" : ", ", fields[i].key, field_value(fields[i], true));
    return out + "}";
}

}  // namespace tfm::yaml
