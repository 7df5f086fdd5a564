// Text from files written on Windows: Windows-1252 or UTF-8, to UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace tfm {

// Every byte as Windows-1252 does: ASCII as is, 0x80–0x9F as cp1252's punctuation (0x92 ’,
// 0x96 –, 0x80 €; the five bytes cp1252 leaves undefined become U+0081 … U+009D, as Windows
// decodes them) and 0xA0–0xFF as Latin-1. The result is UTF-8.
std::string cp1252_to_utf8(std::string_view bytes);

struct Decoded {
    std::string text;           // UTF-8, without a byte-order mark
    std::string_view encoding;  // "UTF-8" or "Windows-1252"
};

// A file starting with a UTF-8 byte-order mark is UTF-8 (throws LineError naming the line of
// a byte that is not). Otherwise the file is Windows-1252 unless its non-ASCII bytes all form
// valid UTF-8 (a file re-saved as UTF-8 by a spreadsheet): real Windows-1252 text
// practically never does.
Decoded decode_text(std::string_view bytes);

}  // namespace tfm
