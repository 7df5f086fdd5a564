// Writing YAML scalars and mapping items that read back as written.
#include "tfm/yaml/writer.h"

#include "tfm/yaml/yaml_tree.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace tfm::yaml;

namespace {

// What a YAML reader makes of `key: <scalar>` (and of it inside a flow mapping).
std::string read_back(const std::string& scalar, bool flow) {
    std::string text = flow ? "{key: " + scalar + ", other: 1}\n" : "key: " + scalar + "\n";
    auto parsed = parse(text);
    REQUIRE(parsed.errors.empty());
    REQUIRE(parsed.documents.size() == 1);
    const auto& d = parsed.documents[0];
    const auto& root = d.nodes[d.root];
    REQUIRE(root.kind == Kind::mapping);
    const auto& v = d.nodes[d.children(root)[1]];
    REQUIRE(v.kind == Kind::scalar);
    return v.value;
}

bool quoted(std::string_view text, bool flow = false) { return scalar_text(text, flow).front() == '"'; }

}  // namespace

TEST_CASE("scalar_text quotes only when YAML needs it") {
    CHECK(scalar_text("Moorside Primary School") == "Moorside Primary School");
    CHECK(scalar_text("St Mary\u2019s Catholic Primary School, Halifax") == "St Mary\u2019s Catholic Primary School, Halifax");
    CHECK(scalar_text("St Mary's") == "St Mary's");
    CHECK(scalar_text("The \"Beacon\" School") == "The \"Beacon\" School");
    CHECK(scalar_text("Caf\u00E9 \u2013 Site") == "Caf\u00E9 \u2013 Site");
    for (const char* t : {"", " lead", "trail ", "Hollybank: Ash Grove", "No #1 School", "Ends:", "- dash",
                          "? q", ": c", ",c", "[x]", "{x}", "#x", "&a", "*a", "!tag", "|x", ">x", "'x", "\"x",
                          "%x", "@x", "`x", "true", "False", "yes", "No", "on", "OFF", "y", "n", "null", "Null",
                          "~", "123", "-12", "1.5", "1e3", "0x1F", "0o17", ".5", ".inf", "-.Inf", ".NaN",
                          "2021-09-01", "12:30", "1_000", "line\nbreak", "tab\there", "\u0085nel", "<<", "...",
                          "... and more", "\x1b[31m", "del\x7f", "\u009bcsi"})
        CHECK_MESSAGE(quoted(t), t);
    // In flow context commas and brackets need quotes too.
    CHECK(quoted("Halifax, Calderdale", true));
    CHECK(quoted("A [B]", true));
    CHECK(quoted("Why? Primary", true));
    CHECK_FALSE(quoted("Why? Primary", false));
    CHECK_FALSE(quoted("Halifax, Calderdale", false));
    CHECK_FALSE(quoted("3D Academy"));
    CHECK_FALSE(quoted("2021 Academy"));
    // A YAML 1.1 timestamp may hold spaces; a line separator ends a plain scalar's line.
    CHECK(quoted("2001-01-01 00:00:00"));
    CHECK(quoted("2001-12-14 21:59:43.10 -5"));
    CHECK(quoted("a\u2028b"));
    CHECK(quoted("a\u2029b"));
    CHECK(scalar_text("x\uFFFE") == "\"x\\uFFFE\"");
    // Whatever is written reads back as the text, in block and in flow context.
    for (const char* t : {"Moorside Primary School", "St Mary\u2019s, Halifax", "The \"Beacon\"", "back\\slash",
                          "Hollybank: Ash Grove", "No #1", "true", "2021-09-01", "  spaced  ", "- dash", "a, b",
                          "{x}", "'q'", "line\nbreak", "\u0081odd", "", "100%", "key: value # c", "Who? Me?",
                          "a?b", "<<", "...", "*star", "&amp", "!bang", "%pct", "@at", "`tick`", "=x", "\x1b[31m",
                          "nbsp\u00a0", "\u00a0lead", "\u2028sep", "\uFEFFbom"}) {
        CHECK(read_back(scalar_text(t), false) == t);
        CHECK(read_back(scalar_text(t, true), true) == t);
    }
}

TEST_CASE("writer: invisible and reordering characters are written as escapes, never raw") {
    using tfm::yaml::scalar_text;
    CHECK(scalar_text("Bidi\xE2\x80\xAEloohcS", false) == "\"Bidi\\u202EloohcS\"");
    CHECK(scalar_text("\xE2\x80\x8BTrust", false) == "\"\\u200BTrust\"");
    CHECK(scalar_text("Iso\xE2\x81\xA6x\xE2\x81\xA9", true) == "\"Iso\\u2066x\\u2069\"");
    CHECK(scalar_text("Café – Site", false) == "Café – Site");  // visible text stays plain
}
