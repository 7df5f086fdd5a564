// Small text helpers: edit distance, UTF-8 checks, display width, and the lines, line breaks
// and byte-order mark of a file's text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm {

// Changes (a character added, dropped or replaced, or two neighbours swapped) that turn a into
// b, counted over code points. Suggestions use it through closest_match (untrusted_text.h).
std::size_t edit_distance(std::string_view a, std::string_view b);

// Offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view text);

// Columns a UTF-8 string takes in a terminal, from Unicode's widths (utf8proc): combining
// marks 0, wide East Asian and emoji 2.
std::size_t display_width(std::string_view text);

// Number of UTF-8 code points in text.
std::size_t code_points(std::string_view text);

// "a, b or c"
std::string join_or(const std::vector<std::string_view>& words);

// The UTF-8 byte-order mark.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// text without a leading byte-order mark (text itself when it has none).
std::string_view without_bom(std::string_view text);

// The line break a file's text uses: "\r\n" when it has one anywhere, else "\n".
std::string_view newline_of(std::string_view text);

// text with each "\n" written as `newline`.
std::string with_newlines(std::string_view text, std::string_view newline);

// The lines of text with their terminators, so joining them gives the text back byte for
// byte. They point into text.
std::vector<std::string_view> lines_of(std::string_view text);

}  // namespace tfm
