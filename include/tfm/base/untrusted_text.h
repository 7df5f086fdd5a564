// Untrusted text: names from GIAS and from schools, and values from record files, on their
// way to a terminal, a text or Markdown table, a CSV file or a message; and names compared
// the way people read them. Character classes come from utf8proc (Unicode's own tables).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tfm {

// Text a terminal shows as written: every control character is escaped, so a name can
// never move the cursor, change colours, ring the bell or reorder the line. C0 controls
// (newline and tab too), DEL and bytes that are not UTF-8 become `\x1b`; C1 controls,
// bidirectional overrides, embeddings, isolates and marks, and the line and paragraph
// separators become `<U+202E>`. A backslash is kept as is.
std::string terminal_safe(std::string_view text);

// Why typed text (a name, a reason) cannot go into a record: its first control character (C0
// with tab and line breaks, DEL, C1), bidirectional control, line or paragraph separator or
// other format character terminal_safe would escape, or byte that is not UTF-8, as
// "a control character (U+001B)"; empty when it has none.
std::string control_character(std::string_view text);

// A CSV cell a spreadsheet never runs: text (not a number) that begins with `=`, `+`, `-`,
// `@`, a tab or a carriage return gets a leading `'`, as OWASP advises. Quoting for RFC 4180
// is left to the CSV writer.
std::string csv_safe(std::string_view text);

// Text as a Markdown (GitHub) table cell shows it literally: on one line, control characters
// escaped as terminal_safe does, and every character Markdown could read as markup (raw
// HTML, links, emphasis, code, strike-through, math, `|`, entities, backslashes) escaped
// with a backslash. `_` inside a word, a lone `&` and a `<` before a digit stay as written.
std::string markdown_safe(std::string_view text);

// A value quoted for a message: in backticks, at most `limit` characters of it (then `…` and
// its length), control, invisible and look-alike characters (no-break and other spaces,
// zero-width and format characters, curly quotes, dashes) shown by code point (`<U+00A0>`),
// so two values that print alike never look alike in a message. With `ascii_expected`
// (keys, ids, enumeration values) every character outside ASCII is shown by code point.
std::string quote_value(std::string_view value, bool ascii_expected = false, std::size_t limit = 80);

// The key names are compared by: Unicode NFC, case folded, default-ignorable characters
// (soft hyphen, zero-width space) dropped, every kind of space (no-break, thin, tab) a plain
// space with runs collapsed and ends trimmed, curly and prime quotes straight, and every dash
// and minus sign `-`. Records keep their text as written; only comparisons use the key.
std::string name_key(std::string_view name);

// Two names that people would read as the same name.
bool same_name(std::string_view a, std::string_view b);

// Whether `needle` occurs in `haystack`, both compared as names are.
bool name_contains(std::string_view haystack, std::string_view needle);

}  // namespace tfm
