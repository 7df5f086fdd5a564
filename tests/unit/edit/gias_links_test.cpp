// `tfm import gias --links`: the links extract read into predecessor links, the plan (loops
// refused, successors the records lack), and the in-place edit of school records.
#include "tfm/edit/gias_links.h"
#include "tfm/load/load.h"

#include <doctest/doctest.h>

#include <string>

using namespace tfm;
using namespace tfm::gias;

TEST_CASE("link types: predecessors, successors and the rest") {
    CHECK(link_direction("Predecessor") == 1);
    CHECK(link_direction(" predecessor - Split School ") == 1);
    CHECK(link_direction("Predecessor - amalgamated") == 1);
    CHECK(link_direction("Successor - merged") == -1);
    CHECK(link_direction("Sixth Form Centre Link") == 0);
    CHECK(link_direction("Other") == 0);
    CHECK(link_direction("") == 0);
}

TEST_CASE("the links extract: columns in any order, Windows-1252, both ends of a link") {
    std::string bytes =
        "LinkEstablishedDate,LinkType,Extra,LinkName,LinkURN,URN\r\n"
        "01-09-2021,Predecessor,x,\"St Mary\x92s, Old\",107301,149001\r\n"
        "01-09-2021,Successor,x,New,149001,107301\r\n"
        ",Sixth Form Centre Link,x,Sixth,140000,149001\r\n"
        "01-09-2019,Successor - merged,x,Bront\xeb Academy,149002,107302\r\n"
        "01-09-2019,Predecessor,x,Bad,1073,149002\r\n";
    LinksExtract x = read_links(bytes);
    CHECK(x.encoding == "Windows-1252");
    CHECK(x.rows == 5);
    REQUIRE(x.links.size() == 2);
    CHECK(x.links[0].successor == 149001);
    CHECK(x.links[0].predecessor == 107301);
    CHECK(x.links[0].predecessor_name == "St Mary\u2019s, Old");
    CHECK(x.links[0].successor_name == "New");  // from the Successor row of the same pair
    CHECK(x.links[0].date == "01-09-2021");
    CHECK(x.links[1].successor == 149002);
    CHECK(x.links[1].predecessor == 107302);
    CHECK(x.links[1].successor_name == "Bront\u00eb Academy");
    REQUIRE(x.warnings.size() == 1);
    CHECK(x.warnings[0] == "line 6: `1073` is not a URN (six digits, like 107329); row skipped");
}

TEST_CASE("the links extract: a missing column is named") {
    try {
        read_links("URN,LinkName,LinkURN\n149001,Old,107301\n");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.line == 1);
        CHECK(std::string(e.what()).find("no `LinkType` column; is this a GIAS links extract?") != std::string::npos);
    }
    CHECK_THROWS_AS(read_links(""), Error);
}

TEST_CASE("the plan: new predecessors, already recorded, loops refused, successors not in the records") {
    LoadResult tree = load_text("schools:\n"
                                "  - {urn: 100001, name: A, phase: primary, area: X}\n"
                                "  - {urn: 100002, name: B, phase: primary, area: X, predecessor: 100001}\n"
                                "  - {urn: 100003, name: C, phase: primary, area: X, predecessor: 100002}\n"
                                "  - {urn: 100004, name: D, phase: primary, area: X}\n",
                                "schools.yaml");
    auto link = [](int line, Urn s, Urn p) {
        Link l;
        l.line = line;
        l.successor = s;
        l.predecessor = p;
        return l;
    };
    LinksExtract x;
    x.links = {link(2, 100002, 100001),   // already recorded
               link(3, 100001, 100003),   // 100003 → 100002 → 100001: would loop
               link(4, 100004, 100004),   // itself
               link(5, 100004, 100003),   // fine
               link(6, 100001, 100004),   // now loops through 100004 → 100003 → … → 100001
               link(7, 199999, 100004)};  // a successor the records lack
    x.links.back().successor_name = "New Academy";
    LinksResult r = plan_links(tree.records, x);
    CHECK(r.unchanged == 1);
    REQUIRE(r.set.size() == 1);
    CHECK(r.set[0].urn == 100004);
    CHECK(r.set[0].link.predecessor == 100003);
    CHECK(r.set[0].predecessor_name == "C");
    REQUIRE(r.loops.size() == 3);
    CHECK(r.loops[0].chain == std::vector<Urn>{100001, 100003, 100002, 100001});
    CHECK(r.loops[1].chain == std::vector<Urn>{100004, 100004});
    CHECK(r.loops[2].chain == std::vector<Urn>{100001, 100004, 100003, 100002, 100001});
    CHECK(loop_text(r.loops[1]) ==
          "line 4: not setting 100004 as the predecessor of 100004 D: the predecessors would loop (100004 → 100004)");
    REQUIRE(r.missing.size() == 1);
    CHECK(missing_text(r.missing[0]) ==
          "100004 D closed; its successor 199999 New Academy is not in your records: add it with tfm import gias");
}

TEST_CASE("add_predecessors: every style, the rest kept") {
    std::string why;
    std::string text =
        "schools:\n"
        "  - urn: 100001 # first\n"
        "    name: A\n"
        "\n"
        "  - urn: 100002\n"
        "    predecessor: 100009  # old\n"
        "  - {urn: 100003, predecessor: [100008]}\n"
        "  - urn: 100004\n"
        "    predecessor:\n"
        "    - 100007\n"
        "    name: D\n";
    auto out = add_predecessors(text, "\n",
                                {{100001, {100005}}, {100002, {100006}}, {100003, {100005, 100006}}, {100004, {100005}}},
                                why);
    REQUIRE_MESSAGE(out, why);
    CHECK(*out ==
          "schools:\n"
          "  - urn: 100001 # first\n"
          "    name: A\n"
          "    predecessor: 100005\n"
          "\n"
          "  - urn: 100002\n"
          "    predecessor: [100009, 100006]  # old\n"
          "  - {urn: 100003, predecessor: [100008, 100005, 100006]}\n"
          "  - urn: 100004\n"
          "    predecessor:\n"
          "    - 100007\n"
          "    - 100005\n"
          "    name: D\n");
    CHECK_FALSE(add_predecessors("schools:\n  - urn: 100001\n", "\n", {{100002, {100005}}}, why));
    CHECK(why.find("school 100002 is no longer in it") != std::string::npos);
    CHECK_FALSE(add_predecessors("schools:\n  - urn: 100001\n    predecessor: |\n      100005\n", "\n",
                                 {{100001, {100006}}}, why));
}
