// Untrusted text: names from GIAS and from schools, and values from record files, on their
// way to a terminal, a text or Markdown table, a CSV file or a message; and names compared
// the way people read them. Character classes come from utf8proc (Unicode's own tables).
#pragma once

#include <cstddef>
#include <optional>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm {

// How untrusted text shows a character that must not reach a terminal, a table or a page raw.
// `byte`: C0 controls (newline and tab too), DEL and bytes that are not UTF-8, shown `\x1b`;
// `c1`: C1 controls, shown `<U+009B>`; `format`: every format character (Unicode general
// category Cf: bidirectional overrides, embeddings, isolates and marks, the soft hyphen,
// zero-width spaces and (non-)joiners — in emoji sequences too —, the byte-order mark, tags) and the line and paragraph
// separators, shown `<U+202E>`; `none`: any other character, shown as written. The one
// definition terminal_safe, csv_safe, markdown_safe and the HTML and calendar writers use.
enum class Hidden { none, byte, c1, format };
// `cp` is a code point, or -1 for a byte that is not UTF-8.
Hidden hidden_kind(std::int32_t cp);

// Calls visit(code point or -1, the character's bytes) for each character of `text`; -1
// stands for a byte that is not UTF-8 (its `bytes` are that one byte).
void for_each_character(std::string_view text, const std::function<void(std::int32_t, std::string_view)>& visit);

// Text a terminal shows as written: every character hidden_kind names is escaped (`\x1b`,
// `<U+202E>`), so a name can never move the cursor, change colours, ring the bell, reorder
// the line or hide a character. A backslash is kept as is.
std::string terminal_safe(std::string_view text);

// Why typed text (a name, a reason) cannot go into a record: its first control character (C0
// with tab and line breaks, DEL, C1), bidirectional control, line or paragraph separator or
// other format character terminal_safe would escape, or byte that is not UTF-8, as
// "a control character (U+001B)"; empty when it has none.
std::string control_character(std::string_view text);
// A command's whole output as a terminal may receive it, whatever its format: every control
// and format character escaped as terminal_safe does, line ends (LF, CRLF) kept, and with
// `coloured` the colour sequences (ESC [ digits and `;` m) the renderers wrote kept.
std::string terminal_output(std::string_view text, bool coloured);

// A name to be set among other text where no markup can isolate it (a page's <title>, an SVG
// <title> or <desc>, an attribute): wrapped in Unicode isolates, U+2068 FIRST STRONG ISOLATE …
// U+2069 POP DIRECTIONAL ISOLATE, when it holds anything that could reorder the text around it
// (a right-to-left letter, Arabic digits, a bidirectional control); as written otherwise. So
// `Wakefield<U+202E>` cannot reverse the figures after it. An isolate the name leaves open is
// closed, and one it closes without opening gets an opening, so the name cannot end the
// isolation early or carry it past its end.
std::string isolated(std::string_view name);

// A CSV cell a spreadsheet never runs: text (not a number) that begins with `=`, `+`, `-`,
// `@`, a tab or a carriage return gets a leading `'`, as OWASP advises; and a cell that never
// reaches a terminal raw: control characters but the line break are escaped as terminal_safe
// escapes them (`\x1b`, `<U+202E>`). Quoting for RFC 4180 is left to the CSV writer.
std::string csv_safe(std::string_view text);

// Text as a Markdown (GitHub) table cell shows it literally: on one line, control characters
// escaped as terminal_safe does, and every character Markdown could read as markup (raw
// HTML, links, emphasis, code, strike-through, math, `|`, entities, backslashes) escaped
// with a backslash. `_` inside a word, a lone `&` and a `<` before a digit stay as written.
// Nothing becomes a link: GFM's bare autolinks (`https://…`, `www.…`, `mailto:…`, an e-mail
// address) are broken by escaping the scheme's colon and the dot after `www`, and by an empty
// HTML comment before the `@` of an address (GFM links an address even when it is escaped).
std::string markdown_safe(std::string_view text);

// A value quoted for a message: in backticks, as much of it as fits in `limit` columns as
// shown (a character shown `<U+00E9>` takes 8, a wide one 2; then `…` and its length in
// characters), control, invisible and look-alike characters (no-break and other spaces,
// zero-width and format characters, curly quotes, dashes) shown by code point (`<U+00A0>`),
// so two values that print alike never look alike in a message. With `ascii_expected`
// (keys, ids, enumeration values) every character outside ASCII is shown by code point.
std::string quote_value(std::string_view value, bool ascii_expected = false, std::size_t limit = 80);

// A character by its code point and Unicode name, from ICU: `U+043E CYRILLIC SMALL LETTER
// O`, `U+00A0 NO-BREAK SPACE`; only `U+XXXX` for a code point with no name.
std::string code_point_name(char32_t cp);

// "; did you mean `Amina Khan`?" for a message about `given`. When the suggestion would look
// the same as what was written (a Cyrillic `а` for a Latin `a`, in any case), the characters
// that differ are named by code point (ICU's confusable skeletons tell what looks alike):
// "; did you mean `Amina Khan`, with U+0061 LATIN SMALL LETTER A where the value has U+0430
// CYRILLIC SMALL LETTER A?", so a message never shows two values that look the same.
std::string did_you_mean(std::string_view given, std::string_view suggestion);

// The one suggestion for every look-up by name (keys, values, commands, options, ids, URNs,
// names of schools, people and areas): the candidate equal to `given` as names compare
// (name_key), else the one closest to it by edit distance between name keys, when at most a
// third of it differs (at least one character; the first of equally close ones), or at most
// `most` changes when given (a URN: one slip); else empty.
std::optional<std::string> closest_match(std::string_view given, const std::vector<std::string_view>& candidates,
                                         std::optional<std::size_t> most = std::nullopt);

// did_you_mean(given, closest_match(given, candidates)), or "" when no candidate is close.
std::string did_you_mean(std::string_view given, const std::vector<std::string_view>& candidates);

// Whether `link` is a web address a page, calendar or table may make live: `http://` or
// `https://` (any case) and a host, with no space or control character. Never
// `javascript:`, `data:`, `file:` or any other scheme.
bool is_web_link(std::string_view link);

// The key names are compared by: Unicode NFC, case folded, default-ignorable characters
// (soft hyphen, zero-width space) dropped, every kind of space (no-break, thin, tab) a plain
// space with runs collapsed and ends trimmed, curly and prime quotes straight, and every dash
// and minus sign `-`. Records keep their text as written; only comparisons use the key.
std::string name_key(std::string_view name);

// For suggestions only (look-ups compare name_key): name_key without accents, spaces or
// punctuation, so `holmewood` and `bronte` come near Holme Wood Primary and Brontë Primary.
std::string squashed_key(std::string_view name);

// `text` without the spaces at its ends: every kind of space name_key counts (plain,
// no-break, thin, ideographic, tab, line breaks); the spaces inside are kept.
std::string_view trim_spaces(std::string_view text);

// Two names that people would read as the same name.
bool same_name(std::string_view a, std::string_view b);

// Whether `needle` occurs in `haystack`, both compared as names are.
bool name_contains(std::string_view haystack, std::string_view needle);

}  // namespace tfm
