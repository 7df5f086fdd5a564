// The in-place YAML editor every writer uses: where a scalar, a mapping entry or a list is
// written in a file's text, and edits that change just those bytes, so every other line,
// comment, quote style, line end and byte-order mark stays as it was.
//
// A writer parses the text (yaml_tree.h), finds spans here, plans a list of Edits and
// applies them; offsets are bytes of the text without its byte-order mark, lines 0-based.
#pragma once

#include "tfm/yaml/yaml_tree.h"
#include "tfm/yaml/writer.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm::yaml {

// ---- the file's bytes --------------------------------------------------------------------

struct SourceText {
    bool bom = false;      // the bytes started with a UTF-8 byte-order mark
    std::string text;      // the bytes without it: what parse() and the spans see
    std::string newline;   // "\r\n" when the text has one anywhere, else "\n"
};

// Sets the byte-order mark aside and notes the line break the file uses.
SourceText split_source(std::string_view bytes);

// The bytes to write for an edited text: with the byte-order mark again when it had one.
std::string source_bytes(const SourceText& source, std::string_view text);

// ---- edits -------------------------------------------------------------------------------

// Bytes [offset, offset + length) of the text become `text` (an insertion when length is 0).
struct Edit {
    std::size_t offset = 0, length = 0;
    std::string text;
};

// The text with non-overlapping edits applied (given in any order); insertions at one offset
// appear in the order given.
std::string apply(std::string_view text, std::vector<Edit> edits);

// A 0-based range of lines [first, end).
struct LineRange {
    std::size_t first = 0, end = 0;
};

// Replaces `range` of the text's lines with `lines` (lines ending in "\n", written with
// `newline`); an empty range inserts. At the end of a file without a final line break the
// new lines start on a line of their own.
Edit replace_lines(std::string_view text, LineRange range, std::string_view lines, std::string_view newline);

// Inserts `lines` (ending in "\n", written with `newline`) at byte `offset`, the end of a
// line: after a line break first when that line has none.
Edit insert_lines(std::string_view text, std::size_t offset, std::string_view lines, std::string_view newline);

// ---- spans -------------------------------------------------------------------------------

// Byte offset of the `]` or `}` that closes the flow collection opening at byte `open` (a
// `[` or `{`), or npos when the text ends first or a bracket of the other kind closes it.
// Quoted scalars and comments (`#` after a space or tab) are skipped.
std::size_t closing_flow(std::string_view text, std::size_t open);

// Whether collection `n` is written starting with `open` ('{', '[' or '-').
bool opens_with(std::string_view text, const Node& n, char open);

// The lines of the entry whose key is `key`: its own line and the lines of a block value
// below it (items of a list written at the key's column included); comments and blank lines
// after the value are not.
LineRange entry_lines(std::string_view text, const Node& key);

// The lines of block mapping `map` (not at column 0): from its first key to its last
// content line, and the comments right after it that are indented like its keys.
LineRange mapping_lines(std::string_view text, const Node& map);

// Where a one-line scalar is written: its quotes included, a comment after it not.
struct ScalarSpan {
    std::size_t offset = 0, length = 0;
    char quote = 0;  // '"', '\'' or 0 for plain
};

// The span of the value of entry key → value. `flow`: the entry is inside {…} or […], where
// a plain scalar ends at a comma or bracket. Empty, with `why` set to the end of a sentence
// ("spans several lines"), when the value cannot be replaced on its own: not a scalar, not
// on its key's line, over several lines, a block scalar, with an anchor or a tag.
std::optional<ScalarSpan> scalar_span(std::string_view text, const Document& d, std::uint32_t key,
                                      std::uint32_t value, bool flow, std::string& why);

// The edit that writes `value` over the scalar at `span` in its style: in the same quotes
// when they can hold it, else plain when YAML allows, else double-quoted.
Edit replace_scalar(const ScalarSpan& span, std::string_view value, bool flow);

// ---- appending to lists ------------------------------------------------------------------

// How a block list's items are written, so that new ones look the same.
struct ListStyle {
    std::size_t dash_column = 2;  // where an item's `-` goes
    std::size_t key_column = 4;   // where a mapping item's keys go
    bool flow_items = false;      // the last item is a flow mapping {…}: new ones are too
    bool blank_between = false;   // items are separated by blank lines
};

// The style of the list that is the value of `key`: a block list, or an empty value (`key:`
// and nothing, or a comment) that starts one indented two past the key. Empty, with `why`
// set ("its `schools:` list is written in flow style ([…])"), for anything else.
std::optional<ListStyle> list_style(std::string_view text, const Document& d, std::uint32_t key,
                                    std::uint32_t list, std::string& why);

// Byte offset just after the text's last line of YAML content (not blank, a comment or a
// `...` marker): where a list that is the file's last value ends. Empty when there is none.
std::optional<std::size_t> content_end(std::string_view text);

// Where and how new items go at the end of a file whose last value is a list.
struct ListEnd {
    std::size_t insert_at = 0;  // byte offset in the text (after the last content line)
    bool with_key = false;      // the file has no document: write `key:` first
    ListStyle style;
    std::uint32_t list = 0;     // the list's node in the last document
};

// The file ends with a `key:` block list (or an empty `key:`, or holds no document at all):
// new items can be appended. Otherwise empty, with `why` set ("its last key is not `key:`").
std::optional<ListEnd> list_at_end(std::string_view text, const ParseResult& parsed, std::string_view key,
                                   std::string& why);

// New mapping items written as `style` says, lines ending in "\n".
std::string list_items(const ListStyle& style, const std::vector<std::vector<Field>>& items);

}  // namespace tfm::yaml
