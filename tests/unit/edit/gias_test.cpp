#include "tfm/edit/gias.h"
#include "tfm/load/load.h"
#include "tfm/yaml/yaml_tree.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace tfm;
using namespace tfm::gias;

namespace {

std::vector<std::vector<std::string>> fields(std::string_view csv) {
    std::vector<std::vector<std::string>> out;
    for (auto& row : parse_csv(csv)) out.push_back(row.fields);
    return out;
}

int error_line(std::string_view csv) {
    try {
        parse_csv(csv);
    } catch (const Error& e) {
        return e.line;
    }
    return -1;
}

// What a YAML reader makes of `key: <scalar>` (and of it inside a flow mapping).
std::string read_back(const std::string& scalar, bool flow) {
    std::string text = flow ? "{key: " + scalar + ", other: 1}\n" : "key: " + scalar + "\n";
    auto parsed = yaml::parse(text);
    REQUIRE(parsed.errors.empty());
    REQUIRE(parsed.documents.size() == 1);
    const auto& d = parsed.documents[0];
    const auto& root = d.nodes[d.root];
    REQUIRE(root.kind == yaml::Kind::mapping);
    const auto& v = d.nodes[root.children[1]];
    REQUIRE(v.kind == yaml::Kind::scalar);
    return v.value;
}

bool quoted(std::string_view text, bool flow = false) { return yaml_scalar(text, flow).front() == '"'; }

const char* header =
    "URN,LA (name),EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),"
    "PhaseOfEducation (name),Trusts (name)\r\n";

}  // namespace

TEST_CASE("cp1252 maps every byte from 0x80 to 0x9F as Windows does") {
    CHECK(cp1252_to_utf8("St Mary\x92s") == "St Mary\u2019s");
    CHECK(cp1252_to_utf8("A \x96 B \x97 C") == "A \u2013 B \u2014 C");
    CHECK(cp1252_to_utf8("\x80\x85\x91\x93\x94\x99\x9F") == "\u20AC\u2026\u2018\u201C\u201D\u2122\u0178");
    CHECK(cp1252_to_utf8("\x8A\x8C\x8E\x9A\x9C\x9E\x83\x88\x98") == "\u0160\u0152\u017D\u0161\u0153\u017E\u0192\u02C6\u02DC");
    // The five bytes cp1252 leaves undefined become the C1 control with the same number.
    CHECK(cp1252_to_utf8("\x81\x8D\x8F\x90\x9D") == "\u0081\u008D\u008F\u0090\u009D");
    // 0xA0 to 0xFF are Latin-1.
    CHECK(cp1252_to_utf8("Caf\xE9 \xA0\xFF") == "Caf\u00E9 \u00A0\u00FF");
    CHECK(cp1252_to_utf8("plain ASCII, 123") == "plain ASCII, 123");
    // Every one of the 32 bytes gives valid UTF-8 of its own.
    for (int b = 0x80; b < 0xA0; ++b) {
        std::string one(1, char(b));
        std::string out = cp1252_to_utf8(one);
        CHECK(out.size() >= 2);
        CHECK(static_cast<unsigned char>(out[0]) >= 0xC2);
    }
}

TEST_CASE("decode reads cp1252 unless the file is UTF-8 with a BOM or valid UTF-8") {
    CHECK(decode("Caf\xE9").text == "Caf\u00E9");
    CHECK(decode("Caf\xE9").encoding == "Windows-1252");
    CHECK(decode("\xEF\xBB\xBFURN,Name\r\nCaf\xC3\xA9").text == "URN,Name\r\nCaf\u00E9");
    CHECK(decode("\xEF\xBB\xBFURN").encoding == "UTF-8");
    CHECK(decode("Caf\xC3\xA9").text == "Caf\u00E9");
    CHECK(decode("Caf\xC3\xA9").encoding == "UTF-8");
    CHECK(decode("ascii").encoding == "Windows-1252");
    // A BOM, then bytes that are not UTF-8: an error naming the line.
    try {
        decode("\xEF\xBB\xBFURN\nok\nCaf\xE9\n");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.line == 3);
    }
}

TEST_CASE("RFC 4180 quoted fields, escapes, commas and line breaks") {
    CHECK(fields("a,b,c\r\n1,2,3\r\n") == std::vector<std::vector<std::string>>{{"a", "b", "c"}, {"1", "2", "3"}});
    CHECK(fields("a,b\n1,2\n") == std::vector<std::vector<std::string>>{{"a", "b"}, {"1", "2"}});
    // No final line break.
    CHECK(fields("a,b\r\n1,2") == std::vector<std::vector<std::string>>{{"a", "b"}, {"1", "2"}});
    CHECK(fields("\"St Mary's, Halifax\",x") == std::vector<std::vector<std::string>>{{"St Mary's, Halifax", "x"}});
    CHECK(fields("\"The \"\"Beacon\"\"\",\"\"") == std::vector<std::vector<std::string>>{{"The \"Beacon\"", ""}});
    CHECK(fields("\"two\r\nlines\",b\r\nc,d") ==
          std::vector<std::vector<std::string>>{{"two\r\nlines", "b"}, {"c", "d"}});
    // Empty fields, a trailing comma, blank lines.
    CHECK(fields(",,\r\n\r\nx,\r\n") == std::vector<std::vector<std::string>>{{"", "", ""}, {"x", ""}});
    CHECK(fields("").empty());
    // Rows know their first line, also after a field with a line break.
    auto rows = parse_csv("h\r\n\"a\nb\nc\"\r\nz\r\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].line == 2);
    CHECK(rows[2].line == 5);
}

TEST_CASE("CSV errors name the line") {
    CHECK(error_line("a,b\r\n1,\"never closed\r\nmore\r\n") == 2);
    CHECK(error_line("a,b\n\"x\"y,2\n") == 2);
    CHECK(error_line("a,b\n1,2\n") == -1);
    try {
        parse_csv("a\n\"open");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("line 2") != std::string::npos);
    }
}

TEST_CASE("GIAS phases and types as tfm phases") {
    CHECK(map_phase("Primary", "Community school") == Phase::primary);
    CHECK(map_phase("Middle deemed primary", "Academy converter") == Phase::primary);
    CHECK(map_phase("Secondary", "Academy converter") == Phase::secondary);
    CHECK(map_phase("Middle deemed secondary", "Foundation school") == Phase::secondary);
    CHECK(map_phase("All-through", "Free schools") == Phase::all_through);
    CHECK(map_phase("Not applicable", "Community special school") == Phase::special);
    CHECK(map_phase("Primary", "Academy special converter") == Phase::special);
    CHECK(map_phase("Secondary", "Foundation Special School") == Phase::special);
    CHECK_FALSE(map_phase("Nursery", "LA nursery school"));
    CHECK_FALSE(map_phase("16 plus", "Further education"));
    CHECK_FALSE(map_phase("Not applicable", "Other independent school"));
    CHECK_FALSE(map_phase("", ""));
}

TEST_CASE("open statuses") {
    CHECK(is_open("Open"));
    CHECK(is_open("Open, but proposed to close"));
    CHECK_FALSE(is_open("Closed"));
    CHECK_FALSE(is_open("Proposed to open"));
    CHECK_FALSE(is_open(""));
}

TEST_CASE("URNs are six digits") {
    CHECK(parse_urn("107329") == 107329);
    CHECK(parse_urn(" 150020 ") == 150020);
    CHECK_FALSE(parse_urn("15002"));
    CHECK_FALSE(parse_urn("1500200"));
    CHECK_FALSE(parse_urn("012345"));
    CHECK_FALSE(parse_urn("10732a"));
    CHECK_FALSE(parse_urn(""));
}

TEST_CASE("the extract: columns by name, skipped rows, a missing column") {
    std::string csv = std::string(header) +
                      "107329,Calderdale,Moorside Primary,Community school,Open,Primary,\r\n"
                      "12345,Calderdale,Short URN,Community school,Open,Primary,\r\n"
                      "107330,Kirklees,\"Hill Top, Upper\",Academy converter,\"Open, but proposed to close\",Primary,Aire Trust\r\n"
                      "107329,Calderdale,Moorside again,Community school,Open,Primary,\r\n"
                      "107331,Kirklees,Too few fields\r\n"
                      "107332,Kirklees,Little Acorns,LA nursery school,Open,Nursery,\r\n"
                      "107333,Kirklees,Old School,Community school,Closed,Primary,\r\n";
    Extract x = read_extract(csv);
    REQUIRE(x.establishments.size() == 4);
    CHECK(x.establishments[0].name == "Moorside Primary");
    CHECK(x.establishments[1].name == "Hill Top, Upper");
    CHECK(x.establishments[1].trust == "Aire Trust");
    CHECK(x.establishments[1].open);
    CHECK(x.establishments[1].line == 4);
    CHECK_FALSE(x.establishments[2].phase);
    CHECK_FALSE(x.establishments[3].open);
    REQUIRE(x.warnings.size() == 3);
    CHECK(x.warnings[0].find("line 3: `12345` is not a URN") == 0);
    CHECK(x.warnings[1].find("line 5: URN 107329 is listed again (first on line 2)") == 0);
    CHECK(x.warnings[2].find("line 6: 3 fields where the header has 7") == 0);

    Selection all;
    auto chosen = select(x, all);
    REQUIRE(chosen.size() == 2);
    Selection kirklees;
    kirklees.areas = {"KIRKLEES"};
    chosen = select(x, kirklees);
    REQUIRE(chosen.size() == 1);
    CHECK(chosen[0]->urn == 107330);

    try {
        read_extract("URN,EstablishmentName,PhaseOfEducation (name)\r\n107329,X,Primary\r\n");
        FAIL("no error");
    } catch (const Error& e) {
        std::string m = e.what();
        CHECK(m.find("`LA (name)` and `EstablishmentStatus (name)` columns") != std::string::npos);
        CHECK(m.find("line 1") == 0);
    }
    CHECK_THROWS_AS(read_extract(""), Error);
}

TEST_CASE("areas: comma-separated unless the name has a comma") {
    Extract x = read_extract(std::string(header) +
                             "107329,\"Bristol, City of\",A,Community school,Open,Primary,\r\n"
                             "107330,Kirklees,B,Community school,Open,Primary,\r\n");
    CHECK(split_areas({"Calderdale,Kirklees", " leeds "}, x) == std::vector<std::string>{"Calderdale", "Kirklees", "leeds"});
    CHECK(split_areas({"bristol, city of"}, x) == std::vector<std::string>{"bristol, city of"});
    CHECK(split_areas({"Kirklees", "kirklees,"}, x) == std::vector<std::string>{"Kirklees"});
    Selection s;
    s.spellings = {"KIRKLEES"};
    CHECK(area_spelling(s, "Kirklees") == "KIRKLEES");
    CHECK(area_spelling(s, "Leeds") == "Leeds");
    CHECK(area_slug("Bristol, City of") == "bristol-city-of");
    CHECK(area_slug("St. Helens") == "st-helens");
    CHECK(area_slug("Kingston upon Hull") == "kingston-upon-hull");
}

TEST_CASE("yaml_scalar quotes only when YAML needs it") {
    CHECK(yaml_scalar("Moorside Primary School") == "Moorside Primary School");
    CHECK(yaml_scalar("St Mary\u2019s Catholic Primary School, Halifax") == "St Mary\u2019s Catholic Primary School, Halifax");
    CHECK(yaml_scalar("St Mary's") == "St Mary's");
    CHECK(yaml_scalar("The \"Beacon\" School") == "The \"Beacon\" School");
    CHECK(yaml_scalar("Caf\u00E9 \u2013 Site") == "Caf\u00E9 \u2013 Site");
    for (const char* t : {"", " lead", "trail ", "Hollybank: Ash Grove", "No #1 School", "Ends:", "- dash",
                          "? q", ": c", ",c", "[x]", "{x}", "#x", "&a", "*a", "!tag", "|x", ">x", "'x", "\"x",
                          "%x", "@x", "`x", "true", "False", "yes", "No", "on", "OFF", "y", "n", "null", "Null",
                          "~", "123", "-12", "1.5", "1e3", "0x1F", "0o17", ".5", ".inf", "-.Inf", ".NaN",
                          "2021-09-01", "12:30", "1_000", "line\nbreak", "tab\there", "\u0085nel"})
        CHECK_MESSAGE(quoted(t), t);
    // In flow context commas and brackets need quotes too.
    CHECK(quoted("Halifax, Calderdale", true));
    CHECK(quoted("A [B]", true));
    CHECK(quoted("Why? Primary", true));
    CHECK_FALSE(quoted("Why? Primary", false));
    CHECK_FALSE(quoted("Halifax, Calderdale", false));
    CHECK_FALSE(quoted("3D Academy"));
    // Whatever is written reads back as the text, in block and in flow context.
    for (const char* t : {"Moorside Primary School", "St Mary\u2019s, Halifax", "The \"Beacon\"", "back\\slash",
                          "Hollybank: Ash Grove", "No #1", "true", "2021-09-01", "  spaced  ", "- dash", "a, b",
                          "{x}", "'q'", "line\nbreak", "\u0081odd", "", "100%", "key: value # c", "Who? Me?",
                          "a?b"}) {
        CHECK(read_back(yaml_scalar(t), false) == t);
        CHECK(read_back(yaml_scalar(t, true), true) == t);
    }
}

TEST_CASE("schools_yaml prints records sorted by area then name") {
    Extract x = read_extract(std::string(header) +
                             "107331,Kirklees,Zeta Primary,Community school,Open,Primary,\r\n"
                             "107330,Kirklees,Alpha: Primary,Community school,Open,Primary,Trust X\r\n"
                             "107329,Calderdale,Moorside,Community school,Open,Primary,\r\n");
    Selection s;
    CHECK(schools_yaml(select(x, s), s) ==
          "schools:\n"
          "  - urn: 107329\n    name: Moorside\n    phase: primary\n    area: Calderdale\n"
          "  - urn: 107330\n    name: \"Alpha: Primary\"\n    phase: primary\n    area: Kirklees\n    trust: Trust X\n"
          "  - urn: 107331\n    name: Zeta Primary\n    phase: primary\n    area: Kirklees\n");
    s.areas = {"Leeds"};
    CHECK(schools_yaml(select(x, s), s) == "schools: []\n");
}

TEST_CASE("import_into edits in place and refuses a name over several lines") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "tfm-gias-unit";
    fs::remove_all(dir);
    fs::create_directories(dir / "schools");
    auto write = [&](const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; };
    auto read = [&](const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    write(dir / "hub.yaml", "hub:\n  name: H\n  areas: [Calderdale]\n");
    std::string crlf = "schools:\r\n  - urn: 107329   # first\r\n    name: 'Old Name'   # kept\r\n"
                       "    phase: primary\r\n    area: Calderdale\r\n";
    write(dir / "schools" / "calderdale.yaml", "\xEF\xBB\xBF" + crlf);
    Extract x = read_extract(std::string(header) +
                             "107329,Calderdale,New Name's,Community school,Open,Primary,\r\n"
                             "107340,Calderdale,Added School,Community school,Open,Primary,\r\n");
    Selection s;
    s.areas = {"Calderdale"};
    s.spellings = {"Calderdale"};
    auto tree = load_tree({dir.string()});
    auto r = import_into(dir.string(), tree, x, s);
    REQUIRE_FALSE(r.refused);
    CHECK(r.renamed.size() == 1);
    CHECK(r.added.size() == 1);
    // BOM and CRLF kept; the single quotes too; the new school in the file's style.
    CHECK(read(dir / "schools" / "calderdale.yaml") ==
          "\xEF\xBB\xBF"
          "schools:\r\n  - urn: 107329   # first\r\n    name: 'New Name''s'   # kept\r\n"
          "    phase: primary\r\n    area: Calderdale\r\n"
          "  - urn: 107340\r\n    name: Added School\r\n    phase: primary\r\n    area: Calderdale\r\n");
    CHECK(summary_text(r).find("renamed 1 school:\n  107329 Old Name → New Name's") != std::string::npos);

    // A name written over two lines is refused, and nothing is written.
    std::string folded = "schools:\n  - urn: 107329\n    name: Old\n      Name\n    phase: primary\n    area: Calderdale\n";
    write(dir / "schools" / "calderdale.yaml", folded);
    tree = load_tree({dir.string()});
    r = import_into(dir.string(), tree, x, s);
    CHECK(r.refused);
    REQUIRE_FALSE(r.errors.empty());
    CHECK(r.errors[0].find("spans several lines") != std::string::npos);
    CHECK(read(dir / "schools" / "calderdale.yaml") == folded);

    // YAML errors anywhere in the tree: refused.
    write(dir / "schools" / "calderdale.yaml", crlf);
    write(dir / "broken.yaml", "schools: [\n");
    tree = load_tree({dir.string()});
    r = import_into(dir.string(), tree, x, s);
    CHECK(r.refused);
    CHECK(read(dir / "schools" / "calderdale.yaml") == crlf);
    fs::remove_all(dir);
}
