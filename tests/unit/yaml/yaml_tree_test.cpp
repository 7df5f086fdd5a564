// The YAML event tree: children kept in one array per document, aliases as shared nodes,
// cycles refused, and parsing straight from the caller's bytes.
#include "tfm/yaml/yaml_tree.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace tfm::yaml;

namespace {

std::vector<std::string> scalars(const Document& d, std::uint32_t id) {
    std::vector<std::string> out;
    for (auto c : d.children(id)) out.push_back(d.nodes[c].kind == Kind::scalar ? d.nodes[c].value : "?");
    return out;
}

const Document& only(const ParseResult& r) {
    REQUIRE(r.errors.empty());
    REQUIRE(r.documents.size() == 1);
    return r.documents[0];
}

}  // namespace

TEST_CASE("yaml tree: each collection's children, in order, nested ones apart") {
    auto parsed = parse("a: [1, [2, 3], {k: v}, 4]\nb:\n  - x\n  - {}\n  - []\nc: d\n");
    const auto& d = only(parsed);
    REQUIRE(d.nodes[d.root].kind == Kind::mapping);
    CHECK(scalars(d, d.root) == std::vector<std::string>{"a", "?", "b", "?", "c", "d"});
    auto root = d.children(d.root);
    REQUIRE(root.size() == 6);

    auto a = root[1];
    REQUIRE(d.nodes[a].kind == Kind::sequence);
    CHECK(scalars(d, a) == std::vector<std::string>{"1", "?", "?", "4"});
    auto inner = d.children(a)[1];
    CHECK(d.nodes[inner].kind == Kind::sequence);
    CHECK(scalars(d, inner) == std::vector<std::string>{"2", "3"});
    auto map = d.children(a)[2];
    CHECK(d.nodes[map].kind == Kind::mapping);
    CHECK(scalars(d, map) == std::vector<std::string>{"k", "v"});

    auto b = root[3];
    REQUIRE(d.children(b).size() == 3);
    CHECK(d.nodes[d.children(b)[1]].kind == Kind::mapping);
    CHECK(d.children(d.children(b)[1]).empty());
    CHECK(d.nodes[d.children(b)[2]].kind == Kind::sequence);
    CHECK(d.children(d.children(b)[2]).empty());
    // Scalars have none; each child is listed once in the document's array.
    CHECK(d.children(root[0]).empty());
    CHECK(d.child_ids.size() == d.nodes.size() - 1);

    auto e = entry(d, d.root, "c");
    REQUIRE(e);
    CHECK(d.nodes[e->second].value == "d");
    CHECK_FALSE(entry(d, d.root, "z"));
    CHECK_FALSE(entry(d, root[0], "a"));
}

TEST_CASE("yaml tree: positions of nodes") {
    auto parsed = parse("list:\n  - one\n  - key: 'two'\n");
    const auto& d = only(parsed);
    auto list = d.children(d.root)[1];
    CHECK(d.nodes[list].line == 1);
    CHECK(d.nodes[list].byte_col == 2);
    auto item = d.children(list)[1];
    auto value = d.children(item)[1];
    CHECK(d.nodes[value].line == 2);
    CHECK(d.nodes[value].byte_col == 9);
    CHECK(d.nodes[value].offset == 23);
    CHECK(d.nodes[value].quoted);
    CHECK_FALSE(d.nodes[d.children(list)[0]].quoted);
}

TEST_CASE("yaml tree: every document keeps its own children") {
    auto parsed = parse("a: [1, 2]\n---\n- x\n- y\n- z\n---\nplain\n");
    REQUIRE(parsed.errors.empty());
    REQUIRE(parsed.documents.size() == 3);
    const auto& first = parsed.documents[0];
    CHECK(scalars(first, first.children(first.root)[1]) == std::vector<std::string>{"1", "2"});
    const auto& second = parsed.documents[1];
    CHECK(scalars(second, second.root) == std::vector<std::string>{"x", "y", "z"});
    const auto& third = parsed.documents[2];
    CHECK(third.nodes[third.root].value == "plain");
    CHECK(third.children(third.root).empty());
}

TEST_CASE("yaml tree: an alias is the anchored node itself; one to a node it is inside is a cycle") {
    {
        auto parsed = parse("base: &b [1, 2]\nalso: *b\nnested: [[*b]]\n");
        const auto& d = only(parsed);
        auto root = d.children(d.root);
        CHECK(root[3] == root[1]);
        auto nested = d.children(root[5]);
        REQUIRE(nested.size() == 1);
        CHECK(d.children(nested[0])[0] == root[1]);
        CHECK_FALSE(d.broken);
    }
    {
        auto parsed = parse("a: &x\n  b: [1, *x]\n");
        REQUIRE(parsed.errors.size() == 1);
        CHECK(parsed.errors[0].message == "an alias refers to a node that contains it (a cycle)");
        CHECK(parsed.errors[0].line == 1);
        CHECK(parsed.errors[0].byte_col == 9);
        REQUIRE(parsed.documents.size() == 1);
        CHECK(parsed.documents[0].broken);
    }
    {
        // An anchor on a sibling that has closed is no cycle, however deep the alias.
        auto parsed = parse("- &s {k: v}\n- [[{a: *s}]]\n");
        const auto& d = only(parsed);
        CHECK_FALSE(d.broken);
        auto items = d.children(d.root);
        auto deep = d.children(d.children(d.children(items[1])[0])[0]);
        CHECK(deep[1] == items[0]);
    }
    {
        auto parsed = parse("a: *nowhere\n");
        CHECK_FALSE(parsed.errors.empty());
    }
}

TEST_CASE("yaml tree: parses exactly the bytes of the view, in place") {
    std::string buffer = "a: 1\nb: [2, 3]\n";
    auto parsed = parse(std::string_view(buffer).substr(0, 5));  // "a: 1\n" only
    const auto& d = only(parsed);
    CHECK(scalars(d, d.root) == std::vector<std::string>{"a", "1"});

    // No final line break; a quoted value running to the very end.
    auto tail = parse("k: \"v\"");
    const auto& t = only(tail);
    CHECK(scalars(t, t.root) == std::vector<std::string>{"k", "v"});
    // The view ends inside the quotes: the quote is never closed, though the buffer closes it.
    auto open = parse(std::string_view("k: \"v\"\n", 5));
    REQUIRE(open.errors.size() == 1);
    CHECK(open.errors[0].message == "illegal EOF in scalar");
    CHECK(open.documents.empty());

    // yaml-cpp reads the first bytes looking for a byte-order mark and puts them back: a
    // text that starts like one (U+FF01 is EF BC 81) loses none of them.
    auto mark = parse("\xEF\xBC\x81: 1\n");
    const auto& m = only(mark);
    CHECK(scalars(m, m.root) == std::vector<std::string>{"\xEF\xBC\x81", "1"});
    CHECK(parse("").documents.empty());
    CHECK(parse("").errors.empty());
}

TEST_CASE("yaml tree: syntax errors and the no-progress guard") {
    auto bad = parse("a: 1\nb: [1, 2\n");
    REQUIRE(bad.errors.size() == 1);
    CHECK(bad.documents.empty());

    auto stuck = parse("!!0,0[");
    REQUIRE(stuck.errors.size() == 1);
    CHECK_FALSE(stuck.errors[0].message.empty());

    // Documents before the error are kept whole.
    auto later = parse("x: [1, 2]\n---\ny: [\n");
    REQUIRE(later.errors.size() == 1);
    REQUIRE(later.documents.size() == 1);
    CHECK(scalars(later.documents[0], later.documents[0].children(later.documents[0].root)[1]) ==
          std::vector<std::string>{"1", "2"});
}
