#include "tfm/base/text_decoding.h"

#include "tfm/base/line_error.h"
#include "tfm/base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace tfm {
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


}  // namespace

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

namespace {

// Why decoded text cannot be a GIAS value: a control character (C0 but tab and line breaks,
// DEL, C1), which no school name has and a terminal or a YAML reader must never receive.
// Empty when it has none.
std::string control_in(std::string_view line, bool windows) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        auto c = static_cast<unsigned char>(line[i]);
        if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)
            return fmt::format("a control character (\\x{:02x})", c);
        if (c == 0xC2 && i + 1 < line.size() && static_cast<unsigned char>(line[i + 1]) < 0xA0) {
            auto cp = static_cast<unsigned char>(line[i + 1]);
            return windows ? fmt::format("byte 0x{:02X}, which Windows-1252 leaves undefined,", cp)
                           : fmt::format("a control character (U+{:04X})", cp);
        }
    }
    return "";
}

}  // namespace

std::optional<std::string_view> wide_encoding(std::string_view b) {
    auto at = [&](std::size_t i) { return i < b.size() ? static_cast<unsigned char>(b[i]) : 0x100u; };
    if (b.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return "UTF-32 (little-endian)";
    if (b.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return "UTF-32 (big-endian)";
    if (b.starts_with("\xFF\xFE")) return "UTF-16 (little-endian)";
    if (b.starts_with("\xFE\xFF")) return "UTF-16 (big-endian)";
    if (b.size() < 4) return std::nullopt;
    if (at(0) && !at(1) && !at(2) && !at(3)) return "UTF-32 (little-endian)";
    if (!at(0) && !at(1) && !at(2) && at(3)) return "UTF-32 (big-endian)";
    if (at(0) && !at(1) && at(2) && !at(3)) return "UTF-16 (little-endian)";
    if (!at(0) && at(1) && !at(2) && at(3)) return "UTF-16 (big-endian)";
    return std::nullopt;
}

namespace {

// Length of the valid multi-byte UTF-8 character at the start of `s`, or 0.
std::size_t utf8_char_at(std::string_view s) {
    auto c = static_cast<unsigned char>(s[0]);
    std::size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (n == 0 || s.size() < n) return 0;
    return first_invalid_utf8(s.substr(0, n)) == std::string_view::npos ? n : 0;
}

// A field that is not UTF-8 but holds a UTF-8 character too (`Café` saved as UTF-8, then
// `Zoë` typed in Windows-1252): the character, else empty.
std::string_view utf8_inside(std::string_view field) {
    for (std::size_t i = 0; i < field.size(); ++i)
        if (std::size_t n = static_cast<unsigned char>(field[i]) >= 0x80 ? utf8_char_at(field.substr(i)) : 0)
            return field.substr(i, n);
    return {};
}

}  // namespace

Decoded decode_text(std::string_view bytes) {
    if (auto wide = wide_encoding(bytes))
        throw LineError(0, fmt::format("this file is {}, not UTF-8 or Windows-1252; save it from Excel as "
                                       "\"CSV UTF-8\"",
                                       *wide));
    bool bom = bytes.starts_with(utf8_bom);
    if (bom) bytes.remove_prefix(utf8_bom.size());
    Decoded out;
    out.text.reserve(bytes.size() + bytes.size() / 8);
    bool utf8 = false, windows = false;
    int line = 1;
    bool quoted = false;  // inside a quoted field, which may go on to the next line
    // Line by line (a line ends at LF, CRLF or a bare CR) for the messages, and within a line
    // field by field, so that one stray Windows-1252 byte does not turn the other accents of
    // a UTF-8 file into mojibake.
    for (std::size_t start = 0; start < bytes.size(); ++line) {
        std::size_t end = bytes.find_first_of("\r\n", start);
        if (end == std::string_view::npos) end = bytes.size();
        else end += bytes[end] == '\r' && end + 1 < bytes.size() && bytes[end + 1] == '\n' ? 2 : 1;
        std::string_view raw = bytes.substr(start, end - start);
        start = end;
        std::string text;
        bool line_windows = false;
        int column = 1;  // the CSV column of the field, counted from the line's first
        for (std::size_t i = 0; i < raw.size();) {
            std::size_t j = raw.find_first_of(",\"\r\n", i);
            if (j == i) {
                if (raw[i] == '"') quoted = !quoted;
                else if (raw[i] == ',' && !quoted) ++column;
                text += raw[i++];
                continue;
            }
            if (j == std::string_view::npos) j = raw.size();
            std::string_view field = raw.substr(i, j - i);
            i = j;
            if (first_invalid_utf8(field) == std::string_view::npos) {
                utf8 |= std::any_of(field.begin(), field.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
                text += field;
            } else if (std::string_view u = utf8_inside(field); !u.empty()) {
                throw LineError(line, fmt::format("line {}, column {}: the field mixes UTF-8 ({}) with "
                                                  "Windows-1252 bytes, so no reading of it is right; save the "
                                                  "extract from Excel as \"CSV UTF-8\"",
                                                  line, column, u));
            } else {
                line_windows = windows = true;
                text += cp1252_to_utf8(field);
            }
        }
        if (std::string why = control_in(text, line_windows); !why.empty())
            throw LineError(line, fmt::format("line {}: {} is not text a school's record can hold; is this "
                                              "file a GIAS extract (CSV)?",
                                              line, why));
        out.text += text;
    }
    out.encoding = utf8 && windows ? "UTF-8, with fields in Windows-1252"
                   : utf8 || bom   ? "UTF-8"
                                   : "Windows-1252";
    return out;
}
}  // namespace tfm
