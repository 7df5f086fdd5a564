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

int line_of(std::string_view text, std::size_t offset) {
    return int(std::count(text.begin(), text.begin() + std::ptrdiff_t(std::min(offset, text.size())), '\n')) + 1;
}

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

Decoded decode_text(std::string_view bytes) {
    if (bytes.starts_with(utf8_bom)) {
        bytes.remove_prefix(utf8_bom.size());
        if (auto bad = first_invalid_utf8(bytes); bad != std::string_view::npos)
            throw LineError(line_of(bytes, bad),
                            fmt::format("byte 0x{:02X} is not UTF-8, but the file starts with a UTF-8 "
                                        "byte-order mark",
                                        static_cast<unsigned char>(bytes[bad])));
        return {std::string(bytes), "UTF-8"};
    }
    bool ascii = std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii && first_invalid_utf8(bytes) == std::string_view::npos) return {std::string(bytes), "UTF-8"};
    return {cp1252_to_utf8(bytes), "Windows-1252"};
}

}  // namespace tfm
