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

Decoded decode_text(std::string_view bytes) {
    bool bom = bytes.starts_with(utf8_bom);
    if (bom) bytes.remove_prefix(utf8_bom.size());
    Decoded out;
    out.text.reserve(bytes.size() + bytes.size() / 8);
    bool utf8 = false, windows = false;
    int line = 1;
    // Line by line (a line ends at LF, CRLF or a bare CR), so that one stray Windows-1252 byte
    // does not turn every other accent of a UTF-8 file into mojibake.
    for (std::size_t start = 0; start < bytes.size(); ++line) {
        std::size_t end = bytes.find_first_of("\r\n", start);
        if (end == std::string_view::npos) end = bytes.size();
        else end += bytes[end] == '\r' && end + 1 < bytes.size() && bytes[end + 1] == '\n' ? 2 : 1;
        std::string_view raw = bytes.substr(start, end - start);
        start = end;
        bool ascii = std::all_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        bool is_utf8 = ascii || first_invalid_utf8(raw) == std::string_view::npos;
        std::string text = is_utf8 ? std::string(raw) : cp1252_to_utf8(raw);
        if (std::string why = control_in(text, !is_utf8); !why.empty())
            throw LineError(line, fmt::format("line {}: {} is not text a school's record can hold; is this "
                                              "file a GIAS extract (CSV)?",
                                              line, why));
        utf8 |= !ascii && is_utf8;
        windows |= !is_utf8;
        out.text += text;
    }
    out.encoding = utf8 && windows ? "UTF-8, with lines in Windows-1252"
                   : utf8 || bom   ? "UTF-8"
                                   : "Windows-1252";
    return out;
}
}  // namespace tfm
