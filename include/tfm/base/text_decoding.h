// Text from files written on Windows: Windows-1252 or UTF-8, to UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tfm {

// Every byte as Windows-1252 does: ASCII as is, 0x80–0x9F as cp1252's punctuation (0x92 ’,
// 0x96 –, 0x80 €; the five bytes cp1252 leaves undefined become U+0081 … U+009D, as Windows
// decodes them) and 0xA0–0xFF as Latin-1. The result is UTF-8.
std::string cp1252_to_utf8(std::string_view bytes);

// A file saved as UTF-16 or UTF-32 (Notepad's and Excel's "Unicode"), told by its byte-order
// mark or by the zero bytes of ASCII text in it: "UTF-16 (little-endian)" and the like.
std::optional<std::string_view> wide_encoding(std::string_view bytes);

struct Decoded {
    std::string text;      // UTF-8, without a byte-order mark
    std::string encoding;  // "UTF-8", "Windows-1252" or "UTF-8, with fields in Windows-1252"
};

// Each CSV field (each run of bytes between commas, quotes and line breaks, which read the
// same in both encodings) on its own: UTF-8 when its bytes are valid UTF-8, else
// Windows-1252, so that an extract re-saved as UTF-8 with one stray Windows byte keeps its
// accents. A leading UTF-8 byte-order mark is dropped. Throws LineError naming the line (and
// the column) of a field that mixes UTF-8 characters with Windows-1252 bytes (either reading
// would be mojibake), of a control character (C0 but tab and line breaks, DEL, C1, or one of
// the five bytes Windows-1252 leaves undefined: no school name holds one, and none is ever
// written), and of a UTF-16 or UTF-32 file (line 0).
Decoded decode_text(std::string_view bytes);

}  // namespace tfm
