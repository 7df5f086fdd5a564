// `tfm import gias`: the extract read into establishments, the selection, school YAML and
// the in-place import into a records tree.
#include "tfm/base/untrusted_text.h"
#include "tfm/edit/gias_import.h"
#include "tfm/edit/gias_yaml.h"
#include "tfm/load/load.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace tfm;
using namespace tfm::gias;

namespace {

const char* header =
    "URN,LA (name),EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),"
    "PhaseOfEducation (name),Trusts (name)\r\n";

// import_into under a transaction on `directory`, as the command runs it.
ImportResult import_locked(const std::string& directory, const LoadResult& tree, const Extract& x,
                           const Selection& s) {
    std::string problem;
    auto tx = Transaction::begin(directory, WriteSettings{false, "test", std::chrono::milliseconds(100)}, problem);
    REQUIRE(tx);
    return import_into(*tx, directory, tree, x, s);
}

}  // namespace

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

TEST_CASE("the extract: spaces at a field's ends are trimmed, quoted or not; those inside kept") {
    std::string csv = std::string(header) +
                      "107329,Calderdale ,\"  Moorside  Primary \",Community school,Open,Primary,\r\n"
                      "107330,\"Kirklees\u00A0\",\"\u00A0Hill Top\u2009\",Community school,Open,Primary,\" Aire Trust\"\r\n"
                      "107331,Kirklees,\"Line\r\n  break\",Community school,Open,Primary,\r\n";
    Extract x = read_extract(csv);
    REQUIRE(x.establishments.size() == 3);
    CHECK(x.establishments[0].name == "Moorside  Primary");  // the double space inside is GIAS's
    CHECK(x.establishments[0].area == "Calderdale");
    CHECK(x.establishments[1].name == "Hill Top");
    CHECK(x.establishments[1].area == "Kirklees");
    CHECK(x.establishments[1].trust == "Aire Trust");
    CHECK(x.establishments[2].name == "Line break");
    CHECK(trim_spaces(" \u00A0 a  b\t\u3000") == "a  b");
    CHECK(trim_spaces(" \u00A0 ").empty());
    CHECK(trim_spaces("\xff ") == "\xff");
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
    auto r = import_locked(dir.string(), tree, x, s);
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
    r = import_locked(dir.string(), tree, x, s);
    CHECK(r.refused);
    REQUIRE_FALSE(r.errors.empty());
    CHECK(r.errors[0].find("spans several lines") != std::string::npos);
    CHECK(read(dir / "schools" / "calderdale.yaml") == folded);

    // YAML errors anywhere in the tree: refused.
    write(dir / "schools" / "calderdale.yaml", crlf);
    write(dir / "broken.yaml", "schools: [\n");
    tree = load_tree({dir.string()});
    r = import_locked(dir.string(), tree, x, s);
    CHECK(r.refused);
    CHECK(read(dir / "schools" / "calderdale.yaml") == crlf);
    fs::remove_all(dir);
}

TEST_CASE("import phases: a broken tree is refused, known schools compared, edits applied") {
    using namespace import_phase;
    Extract x = read_extract(std::string(header) +
                             "107329,Calderdale,New Name,Community school,Open,Primary,\r\n"
                             "107330,Calderdale,Closed One,Community school,Closed,Primary,\r\n"
                             "107340,Calderdale,Added School,Community school,Open,Primary,\r\n");
    Selection s;
    s.areas = {"Calderdale"};
    s.spellings = {"Calderdale"};

    ImportResult broken;
    refuse_broken_tree("dir", load_text("schools: [\n", "schools/x.yaml"), broken);
    CHECK(broken.refused);
    REQUIRE(broken.errors.size() == 2);
    CHECK(broken.errors[0].find("schools/x.yaml:") == 0);

    std::string text = "schools:\n  - urn: 107329\n    name: Old Name  # kept\n    phase: primary\n    area: Calderdale\n"
                       "  - urn: 107330\n    name: Closed One\n    phase: primary\n    area: Calderdale\n";
    auto tree = load_text(text, "schools/calderdale.yaml");
    Work work;
    ImportResult r;
    auto fresh = compare_known(tree.records, x, s, work, r);
    REQUIRE(r.renamed.size() == 1);
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].find("107330 Closed One") == 0);
    REQUIRE(fresh.size() == 1);
    CHECK(fresh.at("Calderdale").front()->urn == 107340);
    REQUIRE(work.size() == 1);
    FileWork& w = work.begin()->second;
    REQUIRE(w.changes.size() == 1);
    CHECK(w.changes[0].field == "name");

    w.edit.exists = true;
    w.edit.original = text;
    w.additions = fresh.at("Calderdale");
    auto edited = apply_work(w, s, r);
    REQUIRE(edited);
    CHECK(*edited == "schools:\n  - urn: 107329\n    name: New Name  # kept\n    phase: primary\n    area: Calderdale\n"
                     "  - urn: 107330\n    name: Closed One\n    phase: primary\n    area: Calderdale\n"
                     "  - urn: 107340\n    name: Added School\n    phase: primary\n    area: Calderdale\n");
    read_back(w, *edited, s, r);
    CHECK_FALSE(r.refused);
    read_back(w, text, s, r);  // the old text does not hold what GIAS has
    CHECK(r.refused);
}
