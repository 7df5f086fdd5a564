// The in-place YAML editor: spans found from the parsed tree, edits that change only those
// bytes, list ends and styles, byte-order marks and line ends.
#include "tfm/yaml/editor.h"

#include "tfm/yaml/read_back.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace tfm::yaml;

namespace {

const Document& only(const ParseResult& parsed) {
    REQUIRE(parsed.errors.empty());
    REQUIRE(parsed.documents.size() == 1);
    return parsed.documents[0];
}

// The key and value nodes of `key` in the root mapping.
std::pair<std::uint32_t, std::uint32_t> root_entry(const Document& d, std::string_view key) {
    auto kv = entry(d, d.root, key);
    REQUIRE(kv);
    return *kv;
}

// `value` written over the scalar of root key `key`, or "refused: why".
std::string replaced(const std::string& text, std::string_view key, std::string_view value) {
    auto parsed = parse(text);
    const auto& d = only(parsed);
    auto [k, v] = root_entry(d, key);
    std::string why;
    auto span = scalar_span(text, d, k, v, false, why);
    if (!span) return "refused: " + why;
    return apply(text, {replace_scalar(*span, value, false)});
}

std::string style_of(const std::string& text, std::string_view key) {
    auto parsed = parse(text);
    const auto& d = only(parsed);
    auto [k, v] = root_entry(d, key);
    std::string why;
    auto s = list_style(text, d, k, v, why);
    if (!s) return "refused: " + why;
    return std::to_string(s->dash_column) + "/" + std::to_string(s->key_column) + (s->flow_items ? " flow" : "") +
           (s->blank_between ? " blank" : "");
}

}  // namespace

TEST_CASE("editor: the byte-order mark is set aside and the line end noted") {
    auto plain = split_source("a: 1\n");
    CHECK_FALSE(plain.bom);
    CHECK(plain.newline == "\n");
    auto windows = split_source("\xEF\xBB\xBF" "a: 1\r\nb: 2\r\n");
    CHECK(windows.bom);
    CHECK(windows.text == "a: 1\r\nb: 2\r\n");
    CHECK(windows.newline == "\r\n");
    CHECK(source_bytes(windows, "x") == "\xEF\xBB\xBF" "x");
    CHECK(source_bytes(plain, "x") == "x");
}

TEST_CASE("editor: edits apply in any order and touch nothing else") {
    std::string text = "a: 1  # one\nb: 2\n";
    CHECK(apply(text, {{0, 1, "A"}, {12, 1, "B"}}) == "A: 1  # one\nB: 2\n");
    CHECK(apply(text, {{12, 1, "B"}, {0, 1, "A"}}) == "A: 1  # one\nB: 2\n");
    CHECK(apply(text, {}) == text);
    CHECK(apply(text, {{12, 0, "c: 3\n"}}) == "a: 1  # one\nc: 3\nb: 2\n");
}

TEST_CASE("editor: lines are inserted with the file's line end, on a line of their own") {
    CHECK(apply("a: 1", {insert_lines("a: 1", 4, "b: 2\n", "\n")}) == "a: 1\nb: 2\n");
    CHECK(apply("a: 1\r\n", {insert_lines("a: 1\r\n", 6, "b: 2\nc: 3\n", "\r\n")}) == "a: 1\r\nb: 2\r\nc: 3\r\n");
    std::string text = "a: 1\nb: [2]\nc: 3\n";
    CHECK(apply(text, {replace_lines(text, {1, 2}, "b:\n  - 2\n", "\n")}) == "a: 1\nb:\n  - 2\nc: 3\n");
    CHECK(apply(text, {replace_lines(text, {1, 2}, "", "\n")}) == "a: 1\nc: 3\n");
    CHECK(apply(text, {replace_lines(text, {3, 3}, "d: 4\n", "\n")}) == text + "d: 4\n");
}

TEST_CASE("editor: an entry's lines and a mapping's lines") {
    std::string text =
        "cohort:\n"
        "  id: x\n"
        "  meetings:   # by hand\n"
        "    - 2021-09-21\n"
        "    # moved\n"
        "    - 2021-11-09\n"
        "  # comment between\n"
        "  visits:\n"
        "  - {urn: 1}\n"
        "  # its own comment\n"
        "# not its own\n"
        "other: 1\n";
    auto parsed = parse(text);
    const auto& d = only(parsed);
    auto cohort = root_entry(d, "cohort").second;
    auto meetings = entry(d, cohort, "meetings");
    auto visits = entry(d, cohort, "visits");
    REQUIRE(meetings);
    REQUIRE(visits);
    auto m = entry_lines(text, d.nodes[meetings->first]);
    CHECK(m.first == 2);
    CHECK(m.end == 6);  // the comment after the last item is not the entry's
    auto v = entry_lines(text, d.nodes[visits->first]);
    CHECK(v.first == 7);
    CHECK(v.end == 9);  // items written at the key's column belong to it
    auto whole = mapping_lines(text, d.nodes[cohort]);
    CHECK(whole.first == 1);
    CHECK(whole.end == 10);  // with the comment indented like its keys
    CHECK(opens_with(text, d.nodes[cohort], 'i'));
    CHECK_FALSE(opens_with(text, d.nodes[cohort], '{'));
}

TEST_CASE("editor: a scalar is replaced in its quotes, its comment kept") {
    CHECK(replaced("name: Old   # kept\n", "name", "New") == "name: New   # kept\n");
    CHECK(replaced("name: 'Old'\n", "name", "New's") == "name: 'New''s'\n");
    CHECK(replaced("name: \"Old\"\n", "name", "Tab\there") == "name: \"Tab\\there\"\n");
    // Single quotes cannot hold a control character: double quotes then.
    CHECK(replaced("name: 'Old'\n", "name", "Tab\there") == "name: \"Tab\\there\"\n");
    // Plain stays plain unless YAML needs quotes.
    CHECK(replaced("name: Old\n", "name", "Ash: Grove") == "name: \"Ash: Grove\"\n");
    CHECK(replaced("name: Old\r\nnext: 1\r\n", "name", "New") == "name: New\r\nnext: 1\r\n");
}

TEST_CASE("editor: a scalar that is not one plain line is refused") {
    CHECK(replaced("name: Old\n  Name\n", "name", "X") == "refused: spans several lines");
    CHECK(replaced("name: |\n  Old\n", "name", "X") == "refused: is a block scalar spanning several lines");
    CHECK(replaced("name: &a Old\n", "name", "X") == "refused: has an anchor or a tag");
    CHECK(replaced("name: !!str Old\n", "name", "X") == "refused: has an anchor or a tag");
    CHECK(replaced("name: [a]\n", "name", "X") == "refused: is not a single value");
    CHECK(replaced("name: \"Old\n  Name\"\n", "name", "X") == "refused: spans several lines");
}

TEST_CASE("editor: a scalar inside a flow mapping ends at the comma") {
    std::string text = "school: {urn: 1, name: Old, area: A}\n";
    auto parsed = parse(text);
    const auto& d = only(parsed);
    auto map = root_entry(d, "school").second;
    auto kv = entry(d, map, "name");
    REQUIRE(kv);
    std::string why;
    auto span = scalar_span(text, d, kv->first, kv->second, true, why);
    REQUIRE(span);
    CHECK(apply(text, {replace_scalar(*span, "New, Ltd", true)}) == "school: {urn: 1, name: \"New, Ltd\", area: A}\n");
}

TEST_CASE("editor: a list's style, for items appended to it") {
    CHECK(style_of("schools:\n", "schools") == "2/4");
    CHECK(style_of("schools:   # none yet\n", "schools") == "2/4");
    CHECK(style_of("schools:\n- urn: 1\n  name: A\n", "schools") == "0/2");
    CHECK(style_of("schools:\n  -   urn: 1\n      name: A\n", "schools") == "2/6");
    CHECK(style_of("schools:\n  - {urn: 1}\n", "schools") == "2/4 flow");
    CHECK(style_of("schools:\n  - urn: 1\n\n  # two\n  - urn: 2\n", "schools") == "2/4 blank");
    CHECK(style_of("schools: [a]\n", "schools") == "refused: its `schools:` list is written in flow style ([…])");
    CHECK(style_of("schools: ~\n", "schools") == "refused: its `schools:` value is not a list");
}

TEST_CASE("editor: new items in the list's style") {
    std::vector<std::vector<Field>> items = {{{"urn", "1", true}, {"name", "A: B"}}, {{"urn", "2", true}, {"name", "C"}}};
    CHECK(list_items({}, items) == "  - urn: 1\n    name: \"A: B\"\n  - urn: 2\n    name: C\n");
    ListStyle wide{0, 4, false, true};
    CHECK(list_items(wide, {items[1]}) == "\n-   urn: 2\n    name: C\n");
    ListStyle flow{2, 4, true, false};
    CHECK(list_items(flow, items) == "  - {urn: 1, name: \"A: B\"}\n  - {urn: 2, name: C}\n");
}

TEST_CASE("editor: where the last content ends") {
    CHECK(content_end("a: 1\n# c\n\n...\n") == 5);
    CHECK(content_end("a: 1") == 4);
    CHECK_FALSE(content_end("# only a comment\n\n"));
    CHECK_FALSE(content_end(""));
}

TEST_CASE("read back: the same data apart from what was meant to change") {
    auto before = parse("a: 1\nb: [x, y]\n");
    const auto& d = only(before);
    auto b = root_entry(d, "b").second;
    auto x = d.children(b)[0];
    CHECK(same_data(before, parse("a: 1   # c\nb: [x, y]\n"), {}));
    CHECK(same_data(before, parse("a: 1\nb: [z, y]\n"), {{{0, x}, "z"}}));
    CHECK_FALSE(same_data(before, parse("a: 1\nb: [z, y]\n"), {}));
    CHECK_FALSE(same_data(before, parse("a: 1\nb: [x, y, w]\n"), {}));
    CHECK_FALSE(same_data(before, parse("a: '1'\nb: [x, y]\n"), {}));
    CHECK_FALSE(same_data(before, parse("a: [\n"), {}));
}

TEST_CASE("read back: a list grown at its end") {
    auto before = parse("a: 1\nlist:\n  - x\n");
    auto list = root_entry(only(before), "list").second;
    CHECK(extends_list(before, parse("a: 1\nlist:\n  - x\n  - y\n"), list));
    CHECK_FALSE(extends_list(before, parse("a: 2\nlist:\n  - x\n  - y\n"), list));
    CHECK_FALSE(extends_list(before, parse("a: 1\nlist:\n  - y\n  - x\n"), list));
    auto empty = parse("a: 1\nlist:\n");
    CHECK(extends_list(empty, parse("a: 1\nlist:\n  - y\n"), root_entry(only(empty), "list").second));
    CHECK(extends_list(parse("# nothing\n"), parse("# nothing\nlist:\n  - y\n"), 0));
}

TEST_CASE("editor: insertions at one offset keep the order they were given in") {
    std::string text = "a\nb\n";
    std::vector<tfm::yaml::Edit> edits = {{2, 0, "first\n"}, {2, 0, "second\n"}, {0, 0, "top\n"}, {4, 0, "end\n"}};
    CHECK(tfm::yaml::apply(text, edits) == "top\na\nfirst\nsecond\nb\nend\n");
}

TEST_CASE("editor: the bracket closing a flow collection skips quotes, comments and nesting") {
    using tfm::yaml::closing_flow;
    constexpr auto npos = std::string_view::npos;
    std::string_view list = "k: [a, \"]\", '}', {b: [c]}, # ] not this\n  d]  # after\n";
    CHECK(closing_flow(list, 3) == list.find("d]") + 1);
    std::string_view map = "{urn: 1, name: \"x}\" , list: [1, 2]}";
    CHECK(closing_flow(map, 0) == map.size() - 1);
    CHECK(closing_flow("[a, b}", 0) == npos);          // closed by the other kind
    CHECK(closing_flow("[a, \"b]", 0) == npos);        // a quote never closed
    CHECK(closing_flow("{a: [1, 2]", 0) == npos);      // the text ends first
    CHECK(closing_flow("a#b]", 0) == npos);            // not an opening bracket
    CHECK(closing_flow("[a#b]", 0) == 4);              // `#` inside a word is not a comment
}
