// Spans are found from the parsed tree's marks and the text's lines; edits are plain byte
// replacements, so what is not edited cannot change.
#include "tfm/yaml/editor.h"

#include "tfm/base/text.h"

#include <fmt/format.h>

#include <algorithm>

namespace tfm::yaml {
namespace {

std::size_t indent_of(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    return i;
}

// Blank or a comment, indented by spaces only (a line mapping_lines may skip).
bool spaces_then_comment(std::string_view line) {
    std::size_t i = indent_of(line);
    return i >= line.size() || line[i] == '\n' || line[i] == '\r' || line[i] == '#';
}

bool document_marker(std::string_view line) { return line.starts_with("---") || line.starts_with("..."); }

// Blank or a comment, whatever the white space (a line content_end skips).
bool comment_or_blank(std::string_view line) {
    auto i = line.find_first_not_of(" \t\r\n");
    return i == std::string_view::npos || line[i] == '#';
}

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// The end (exclusive) of a block starting on line `first` whose lines are indented more than
// `column` (or are "- " items at `column`, for lists), up to its last content line.
std::size_t block_end(const std::vector<std::string_view>& lines, std::size_t first, std::size_t column,
                      bool items_at_column) {
    std::size_t last_content = first;
    for (std::size_t i = first + 1; i < lines.size(); ++i) {
        std::string_view l = lines[i];
        if (document_marker(l)) break;
        if (spaces_then_comment(l)) continue;
        std::size_t ind = indent_of(l);
        bool item = items_at_column && ind == column && l.compare(ind, 2, "- ") == 0;
        if (ind <= column && !item) break;
        last_content = i;
    }
    return last_content + 1;
}

std::size_t offset_of_line(const std::vector<std::string_view>& lines, std::size_t line) {
    std::size_t offset = 0;
    for (std::size_t i = 0; i < line && i < lines.size(); ++i) offset += lines[i].size();
    return offset;
}

// An empty value: nothing, or only a comment, after `key:` on its line (not `~` or `null`).
bool empty_value(std::string_view text, const Node& key) {
    std::size_t after = key.offset + key.value.size();
    std::size_t eol = text.find('\n', after);
    std::string_view rest = text.substr(after, eol == std::string_view::npos ? std::string_view::npos : eol - after);
    auto colon = rest.find(':');
    if (colon == std::string_view::npos) return false;
    std::string_view tail = rest.substr(colon + 1);
    auto first = tail.find_first_not_of(" \t\r");
    return first == std::string_view::npos || tail[first] == '#';
}

}  // namespace

SourceText split_source(std::string_view bytes) {
    std::string_view body = without_bom(bytes);
    return {body.size() != bytes.size(), std::string(body), std::string(newline_of(body))};
}

std::string source_bytes(const SourceText& source, std::string_view text) {
    return (source.bom ? std::string(utf8_bom) : std::string()) + std::string(text);
}

std::string apply(std::string_view text, std::vector<Edit> edits) {
    // From the end backwards, so earlier offsets stay valid; of two edits at one offset the
    // later one goes in first, so that the texts end up in the order given.
    std::vector<std::size_t> order(edits.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return edits[a].offset != edits[b].offset ? edits[a].offset > edits[b].offset : a > b;
    });
    std::string out(text);
    for (std::size_t i : order) out.replace(edits[i].offset, edits[i].length, edits[i].text);
    return out;
}

Edit insert_lines(std::string_view text, std::size_t offset, std::string_view lines, std::string_view newline) {
    std::string added = with_newlines(lines, newline);
    if (!added.empty() && offset > 0 && text[offset - 1] != '\n') added = std::string(newline) + added;
    return {offset, 0, added};
}

Edit replace_lines(std::string_view text, LineRange range, std::string_view lines, std::string_view newline) {
    auto all = lines_of(text);
    std::size_t first = offset_of_line(all, range.first), end = offset_of_line(all, range.end);
    Edit e = insert_lines(text, first, lines, newline);
    e.length = end - first;
    return e;
}

std::size_t closing_flow(std::string_view text, std::size_t open) {
    if (open >= text.size() || (text[open] != '[' && text[open] != '{')) return std::string_view::npos;
    const char want = text[open] == '[' ? ']' : '}';
    int depth = 0;
    for (std::size_t i = open; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"' || c == '\'') {
            i = closing_quote(text, i);
            if (i == std::string_view::npos) return i;
        } else if (c == '#' && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
            i = text.find('\n', i);
            if (i == std::string_view::npos) return i;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth == 0) return c == want ? i : std::string_view::npos;
        }
    }
    return std::string_view::npos;
}

bool opens_with(std::string_view text, const Node& n, char open) {
    return n.offset < text.size() && text[n.offset] == open;
}

LineRange entry_lines(std::string_view text, const Node& key) {
    return {key.line, block_end(lines_of(text), key.line, key.byte_col, true)};
}

LineRange mapping_lines(std::string_view text, const Node& map) {
    auto lines = lines_of(text);
    std::size_t column = map.byte_col;
    std::size_t end = block_end(lines, map.line, column == 0 ? 0 : column - 1, false);
    // Comments right after it, indented like its keys (or deeper), still belong to it.
    auto own_comment = [&](std::string_view l) {
        std::size_t i = indent_of(l);
        return i >= column && i < l.size() && l[i] == '#';
    };
    while (end < lines.size() && own_comment(lines[end])) ++end;
    return {map.line, end};
}

std::optional<ScalarSpan> scalar_span(std::string_view text, const Document& d, std::uint32_t key,
                                      std::uint32_t value, bool flow, std::string& why) {
    const auto& k = d.nodes[key];
    const auto& v = d.nodes[value];
    auto refuse = [&](const char* reason) -> std::optional<ScalarSpan> {
        why = reason;
        return std::nullopt;
    };
    if (v.kind != Kind::scalar) return refuse("is not a single value");
    if (v.line != k.line || v.offset <= k.offset || v.offset >= text.size())
        return refuse("is not written on its key's line (it is an alias, or spans several lines)");
    char c = text[v.offset];
    if (c == '"' || c == '\'') {
        std::size_t end = closing_quote(text, v.offset);
        if (end == std::string_view::npos) return refuse("has a quote that never closes");
        if (text.substr(v.offset, end - v.offset).find('\n') != std::string_view::npos)
            return refuse("spans several lines");
        return ScalarSpan{v.offset, end + 1 - v.offset, c};
    }
    if (c == '|' || c == '>') return refuse("is a block scalar spanning several lines");
    if (c == '&' || c == '!' || c == '*') return refuse("has an anchor or a tag");
    std::size_t end = v.offset;
    while (end < text.size()) {
        char ch = text[end];
        if (ch == '\n' || ch == '\r') break;
        if (flow && (ch == ',' || ch == '}' || ch == ']')) break;
        if (ch == '#' && (text[end - 1] == ' ' || text[end - 1] == '\t')) break;
        ++end;
    }
    while (end > v.offset && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    // A plain scalar whose text on the line is not all of its value goes on below.
    if (text.substr(v.offset, end - v.offset) != v.value) return refuse("spans several lines");
    return ScalarSpan{v.offset, end - v.offset, 0};
}

Edit replace_scalar(const ScalarSpan& span, std::string_view value, bool flow) {
    std::string written;
    if (span.quote == '"') written = double_quoted(value);
    else if (span.quote == '\'' && printable(value)) written = single_quoted(value);
    else written = scalar_text(value, flow);
    return {span.offset, span.length, written};
}

std::optional<ListStyle> list_style(std::string_view text, const Document& d, std::uint32_t key,
                                    std::uint32_t list, std::string& why) {
    const auto& k = d.nodes[key];
    const auto& v = d.nodes[list];
    ListStyle style;
    if (v.kind == Kind::null) {
        if (!empty_value(text, k)) {
            why = fmt::format("its `{}:` value is not a list", k.value);
            return std::nullopt;
        }
        style.dash_column = k.byte_col + 2;
        style.key_column = style.dash_column + 2;
        return style;
    }
    if (v.kind != Kind::sequence || !opens_with(text, v, '-')) {
        why = fmt::format("its `{}:` list is written in flow style ([…])", k.value);
        return std::nullopt;
    }
    style.dash_column = v.byte_col;
    style.key_column = style.dash_column + 2;
    auto items = d.children(v);
    if (items.empty()) return style;
    const auto& item = d.nodes[items.back()];
    if (item.kind == Kind::mapping && opens_with(text, item, '{')) style.flow_items = true;
    else if (item.kind == Kind::mapping && item.byte_col > style.dash_column) style.key_column = item.byte_col;
    // Items separated by blank lines (perhaps with a comment after the blank line).
    if (items.size() >= 2) {
        auto lines = lines_of(text);
        for (std::size_t l = item.line; l-- > 0 && l < lines.size() && comment_or_blank(lines[l]);)
            if (blank(lines[l])) style.blank_between = true;
    }
    return style;
}

std::optional<std::size_t> content_end(std::string_view text) {
    auto lines = lines_of(text);
    for (std::size_t i = lines.size(); i-- > 0;)
        if (!comment_or_blank(lines[i]) && !lines[i].starts_with("...")) return offset_of_line(lines, i + 1);
    return std::nullopt;
}

std::optional<ListEnd> list_at_end(std::string_view text, const ParseResult& parsed, std::string_view key,
                                   std::string& why) {
    auto end = content_end(text);
    if (parsed.documents.empty()) {
        if (end) {
            why = "it holds no YAML document but is not empty";
            return std::nullopt;
        }
        return ListEnd{text.size(), true, {}, 0};
    }
    const auto& d = parsed.documents.back();
    if (d.nodes.empty() || d.broken) {
        why = "its last document is empty";
        return std::nullopt;
    }
    const auto& root = d.nodes[d.root];
    auto entries = d.children(root);
    if (root.kind != Kind::mapping || entries.size() < 2 || opens_with(text, root, '{')) {
        why = "its last document is not a block mapping";
        return std::nullopt;
    }
    std::uint32_t last_key = entries[entries.size() - 2], list = entries.back();
    const auto* k = scalar_node(d, last_key);
    if (!k || k->value != key) {
        why = fmt::format("its last key is not `{}:`", key);
        return std::nullopt;
    }
    auto style = list_style(text, d, last_key, list, why);
    if (!style) return std::nullopt;
    if (!end) {
        why = "it has no content";  // cannot happen with a document
        return std::nullopt;
    }
    return ListEnd{*end, false, *style, list};
}

std::string list_items(const ListStyle& style, const std::vector<std::vector<Field>>& items) {
    std::string dash = std::string(style.dash_column, ' ') + "-" +
                       std::string(style.key_column - style.dash_column - 1, ' ');
    std::string indent(style.key_column, ' ');
    std::string out;
    for (const auto& fields : items) {
        if (style.blank_between) out += "\n";
        if (style.flow_items) out += std::string(style.dash_column, ' ') + "- " + flow_mapping(fields) + "\n";
        else out += block_mapping(fields, dash, indent);
    }
    return out;
}

}  // namespace tfm::yaml
