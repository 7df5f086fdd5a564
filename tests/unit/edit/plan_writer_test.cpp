// `tfm plan --write` (SPEC section 6): the plan goes into the cohort's own file in place,
// compared byte for byte; each phase of the writer on its own.
#include "tfm/edit/plan_writer.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace tfm;

namespace {

Date d(int y, unsigned m, unsigned day) { return Date(y, m, day); }

}  // namespace

namespace {

// A file in a fresh temporary folder, removed afterwards.
struct TempFile {
    std::filesystem::path dir, path;
    explicit TempFile(const std::string& text) {
        static int counter = 0;
        dir = std::filesystem::temp_directory_path() /
              ("tfm-plan-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        std::filesystem::create_directories(dir);
        path = dir / "cohort.yaml";
        std::ofstream(path, std::ios::binary) << text;
    }
    ~TempFile() { std::filesystem::remove_all(dir); }
    std::string text() const {
        std::ifstream in(path, std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
    std::size_t files() const {
        return std::size_t(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()));
    }
};

struct Planned {
    Cohort cohort;
    PlanProposal plan;
    explicit Planned(std::string id, bool has_dates = false, bool visits = true) {
        cohort.id = std::move(id);
        if (has_dates) cohort.meetings.push_back(PlannedMeeting{.date = d(2021, 9, 21)});
        plan.meetings = {d(2021, 10, 5), d(2021, 11, 16)};
        if (visits) plan.visits = {{107401, d(2021, 10, 12)}};
        plan.cohort = &cohort;
    }
    PlanWrite write(const TempFile& f) const {
        std::string problem;
        auto tx = Transaction::begin(f.path.parent_path().string(), WriteSettings{false, "test", std::chrono::milliseconds(100)}, problem);
        REQUIRE(tx);
        return write_plan(*tx, f.path.string(), "cohort.yaml", plan);
    }
};

}  // namespace

TEST_CASE("plan: write_plan inserts after the cohort's last line and its own comments") {
    const std::string before =
        "# header comment\n"
        "\n"
        "cohort:\n"
        "  # identity\n"
        "  id: target            # inline comment\n"
        "  stage: development\n"
        "\n"
        "  # comment between keys\n"
        "  lead: jsmith\n"
        "  schools:\n"
        "    - urn: 107401   # school\n"
        "      participants: [A One, A Two]\n"
        "  # dates go here\n"
        "# a comment right after the cohort\n"
        "\n"
        "# trailing comment\n";
    TempFile f(before);
    Planned p("target");
    auto r = p.write(f);
    CHECK(r.written);
    CHECK(r.message == "wrote 2 meetings and 1 visit for cohort target into cohort.yaml (every other date kept)");
    CHECK(f.text() ==
          "# header comment\n"
          "\n"
          "cohort:\n"
          "  # identity\n"
          "  id: target            # inline comment\n"
          "  stage: development\n"
          "\n"
          "  # comment between keys\n"
          "  lead: jsmith\n"
          "  schools:\n"
          "    - urn: 107401   # school\n"
          "      participants: [A One, A Two]\n"
          "  # dates go here\n"
          "  meetings: [2021-10-05, 2021-11-16]\n"
          "  visits:\n"
          "    - {urn: 107401, date: 2021-10-12}\n"
          "# a comment right after the cohort\n"
          "\n"
          "# trailing comment\n");
    CHECK(f.files() == 1);  // no temporary file left behind
}

TEST_CASE("plan: write_plan adds to block lists in their style and keeps every date and comment") {
    const std::string before =
        "cohort:\n"
        "  id: target\n"
        "  meetings:   # agreed with the schools\n"
        "    - 2021-09-21\n"
        "    # moved\n"
        "    - date: 2021-09-28\n"
        "      start: \"09:00\"\n"
        "  # visits: one per school per term\n"
        "  visits:\n"
        "  - {urn: 107401, date: 2021-09-27}\n"
        "  - {urn: 107402, date: 2021-10-22}\n"
        "  # end of visits\n"
        "  lead: jsmith\n";
    TempFile f(before);
    Planned p("target", true);
    auto r = p.write(f);
    CHECK(r.written);
    CHECK(f.text() ==
          "cohort:\n"
          "  id: target\n"
          "  meetings:   # agreed with the schools\n"
          "    - 2021-09-21\n"
          "    # moved\n"
          "    - date: 2021-09-28\n"
          "      start: \"09:00\"\n"
          "    - 2021-10-05\n"
          "    - 2021-11-16\n"
          "  # visits: one per school per term\n"
          "  visits:\n"
          "  - {urn: 107401, date: 2021-09-27}\n"
          "  - {urn: 107402, date: 2021-10-22}\n"
          "  - {urn: 107401, date: 2021-10-12}\n"
          "  # end of visits\n"
          "  lead: jsmith\n");
}

TEST_CASE("plan: write_plan adds inside flow lists and writes nothing for a plan that adds nothing") {
    const std::string before =
        "cohort:\n"
        "  id: target\n"
        "  meetings: [2021-09-21, \"2021-09-28\"]   # agreed\n"
        "  visits: [{urn: 107401, date: 2021-09-27}]\n"
        "  lead: jsmith\n";
    TempFile f(before);
    Planned p("target", true);
    CHECK(p.write(f).written);
    CHECK(f.text() ==
          "cohort:\n"
          "  id: target\n"
          "  meetings: [2021-09-21, \"2021-09-28\", 2021-10-05, 2021-11-16]   # agreed\n"
          "  visits: [{urn: 107401, date: 2021-09-27}, {urn: 107401, date: 2021-10-12}]\n"
          "  lead: jsmith\n");
    Planned nothing("target", true, false);
    nothing.plan.meetings.clear();
    std::string now = f.text();
    auto r = nothing.write(f);
    CHECK(r.written);
    CHECK(r.message.starts_with("nothing to add to cohort target"));
    CHECK(f.text() == now);
}

TEST_CASE("plan: write_plan fills empty lists where they stand") {
    const std::string before =
        "cohort:\n"
        "  id: target\n"
        "  visits: []   # none yet\n"
        "  lead: jsmith\n"
        "  meetings:\n";
    TempFile f(before);
    Planned p("target");
    CHECK(p.write(f).written);
    CHECK(f.text() ==
          "cohort:\n"
          "  id: target\n"
          "  visits: [{urn: 107401, date: 2021-10-12}]   # none yet\n"
          "  lead: jsmith\n"
          "  meetings: [2021-10-05, 2021-11-16]\n");
}

TEST_CASE("plan: write_plan edits only the second cohort of a list") {
    const std::string first =
        "# two cohorts\n"
        "cohorts:\n"
        "  - id: first\n"
        "    lead: apatel\n"
        "    meetings: [2021-09-30]   # agreed\n"
        "    visits:\n"
        "      - {urn: 107409, date: 2021-10-14}\n"
        "    # after first\n"
        "\n";
    const std::string second =
        "  - id: second\n"
        "    lead: jsmith\n"
        "    schools:\n"
        "    - urn: 107401\n"
        "  # between cohorts and the next document\n";
    TempFile f(first + second + "---\nsessions: []\n");
    Planned p("second");
    CHECK(p.write(f).written);
    CHECK(f.text() == first +
                          "  - id: second\n"
                          "    lead: jsmith\n"
                          "    schools:\n"
                          "    - urn: 107401\n"
                          "    meetings: [2021-10-05, 2021-11-16]\n"
                          "    visits:\n"
                          "      - {urn: 107401, date: 2021-10-12}\n"
                          "  # between cohorts and the next document\n"
                          "---\nsessions: []\n");
}

TEST_CASE("plan: write_plan keeps CRLF line endings, a byte-order mark and a missing final newline") {
    TempFile crlf("# windows\r\ncohort:\r\n  id: target   # note\r\n  lead: jsmith\r\n# after\r\n");
    Planned p("target");
    CHECK(p.write(crlf).written);
    CHECK(crlf.text() ==
          "# windows\r\ncohort:\r\n  id: target   # note\r\n  lead: jsmith\r\n"
          "  meetings: [2021-10-05, 2021-11-16]\r\n  visits:\r\n    - {urn: 107401, date: 2021-10-12}\r\n"
          "# after\r\n");
    TempFile bom("\xEF\xBB\xBF" "cohort:\n  id: target\n  lead: jsmith");
    CHECK(p.write(bom).written);
    CHECK(bom.text() ==
          "\xEF\xBB\xBF" "cohort:\n  id: target\n  lead: jsmith\n"
          "  meetings: [2021-10-05, 2021-11-16]\n  visits:\n    - {urn: 107401, date: 2021-10-12}\n");
}

TEST_CASE("plan: write_plan refuses a flow-style cohort and a file without the cohort") {
    const std::string flow = "cohorts: [{id: target, lead: jsmith}]\n";
    TempFile f(flow);
    Planned p("target");
    auto r = p.write(f);
    CHECK_FALSE(r.written);
    CHECK(r.message.find("flow style") != std::string::npos);
    CHECK(f.text() == flow);
    Planned other("elsewhere");
    auto missing = other.write(f);
    CHECK_FALSE(missing.written);
    CHECK(missing.message == "cohort elsewhere is not in cohort.yaml");
    CHECK(f.text() == flow);
}

TEST_CASE("plan: write_plan keeps the file's permissions") {
    TempFile f("cohort:\n  id: target\n");
    ::chmod(f.path.c_str(), 0640);
    Planned p("target");
    CHECK(p.write(f).written);
    struct stat st {};
    REQUIRE(::stat(f.path.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0640);
    CHECK(f.files() == 1);
}


// ---- the phases on their own -------------------------------------------------------------------

TEST_CASE("plan writer phases: locate the cohort or refuse") {
    std::string why;
    auto at = plan_write::locate_cohort("cohorts:\n  - id: a\n  - id: b\n", "c.yaml", "b", why);
    REQUIRE(at);
    CHECK(at->parsed.documents[at->doc].nodes[at->map].line == 2);
    CHECK_FALSE(plan_write::locate_cohort("cohort: [\n", "c.yaml", "b", why));
    CHECK(why == "c.yaml has YAML errors; run tfm check and fix them first");
    CHECK_FALSE(plan_write::locate_cohort("cohort: {id: b}\n", "c.yaml", "b", why));
    CHECK(why.find("flow style") != std::string::npos);
    CHECK_FALSE(plan_write::locate_cohort("---\nsessions: []\n", "c.yaml", "b", why));
    CHECK(why == "cohort b is not in c.yaml");
}

TEST_CASE("plan writer phases: edits, read back") {
    Planned fresh("target");

    std::string text = "cohort:\n  id: target\n  meetings: []\n  lead: jsmith\n";
    std::string why;
    auto at = plan_write::locate_cohort(text, "c.yaml", "target", why);
    REQUIRE(at);
    auto edits = plan_write::plan_edits(text, "\n", *at, fresh.plan, why);
    REQUIRE(edits);
    REQUIRE(edits->size() == 2);  // into the meetings list; visits after the cohort
    std::string edited = yaml::apply(text, *edits);
    CHECK(edited ==
          "cohort:\n  id: target\n  meetings: [2021-10-05, 2021-11-16]\n  lead: jsmith\n  visits:\n"
          "    - {urn: 107401, date: 2021-10-12}\n");
    auto intent = plan_write::plan_intent("target", fresh.plan);
    CHECK(yaml::means_intended(text, edited, intent, why));
    // An edit that breaks the file, or changes another value, or loses the cohort is refused.
    CHECK_FALSE(yaml::means_intended(text, "cohort: [\n", intent, why));
    std::string other = edited;
    other.replace(other.find("jsmith"), 6, "jsmiht");
    CHECK_FALSE(yaml::means_intended(text, other, intent, why));
    CHECK(why == "the edited file would not hold exactly the intended records");
    CHECK_FALSE(yaml::means_intended("cohort:\n  id: other\n", "cohort:\n  id: other\n", intent, why));
}
