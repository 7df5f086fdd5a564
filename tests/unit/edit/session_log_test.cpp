// Where tfm log writes and what it writes: the session's YAML, appended in place.
#include "tfm/edit/session_log.h"
#include "tfm/load/load.h"

#include <doctest/doctest.h>

using namespace tfm;

namespace {

SessionDraft draft() {
    SessionDraft d;
    d.cohort = "c1";
    d.date = *Date::parse("2021-11-09");
    d.mode = Mode::online;
    d.start = TimeOfDay::parse("13:00");
    d.attendance = {{100001, {"Amy Ash", "O'Neil, Jo"}}, {100002, {}}};
    return d;
}

const char* item =
    "  - cohort: c1\n"
    "    date: 2021-11-09\n"
    "    type: meeting\n"
    "    mode: online\n"
    "    start: \"13:00\"\n"
    "    attendance:\n"
    "      100001: [Amy Ash, \"O'Neil, Jo\"]\n"
    "      100002: []\n";

std::string appended(std::string_view text, bool& new_document) {
    std::string why;
    auto out = append_session(text, true, "\n", draft(), "", why);
    REQUIRE(out);
    new_document = out->new_document;
    CHECK(why.empty());
    return out->text;
}

}  // namespace

TEST_CASE("tfm log: the session as YAML, names quoted only when they must be") {
    CHECK(session_item(draft(), {}) == item);
    yaml::ListStyle wide{4, 8, false, true};
    CHECK(session_item(draft(), wide).starts_with("\n    -   cohort: c1\n        date: 2021-11-09\n"));
}

TEST_CASE("tfm log: appended to the file's last sessions list, comments kept") {
    bool doc = true;
    std::string text = "# log\nsessions:\n  - {cohort: c1, date: 2021-09-28, type: meeting}  # first\n# end\n";
    CHECK(appended(text, doc) == "# log\nsessions:\n  - {cohort: c1, date: 2021-09-28, type: meeting}  # first\n" +
                                     std::string(item) + "# end\n");
    CHECK(!doc);
}

TEST_CASE("tfm log: a file ending otherwise gets a document of its own") {
    bool doc = false;
    std::string text = "sessions:\n  - {cohort: c1, date: 2021-09-28, type: meeting}\nschools: []\n";
    CHECK(appended(text, doc) == text + "---\nsessions:\n" + item);
    CHECK(doc);
    std::string why;
    CHECK(!append_session("sessions: [\n", true, "\n", draft(), "", why));
    CHECK(why == "it has YAML errors; run tfm check and fix them first");
}

TEST_CASE("tfm log: a new file says what it holds; CRLF files stay CRLF") {
    std::string why;
    auto fresh = append_session("", false, "\n", draft(), "Alder Group", why);
    REQUIRE(fresh);
    CHECK(fresh->text.starts_with("# Session log for c1 (Alder Group).\n"));
    auto crlf = append_session("sessions:\r\n  - {cohort: c1, date: 2021-09-28, type: meeting}\r\n", true, "\r\n",
                               draft(), "", why);
    REQUIRE(crlf);
    CHECK(crlf->text.find("\n  - cohort: c1\r\n    date: 2021-11-09\r\n") != std::string::npos);
    CHECK(crlf->text.find("\r\n") != std::string::npos);
    std::string bare = crlf->text;
    CHECK(std::count(bare.begin(), bare.end(), '\n') == std::count(bare.begin(), bare.end(), '\r'));
}

TEST_CASE("tfm log: the read-back intent adds exactly the session") {
    std::string before = "sessions:\n  - {cohort: c1, date: 2021-09-28, type: meeting}\n";
    bool doc = false;
    std::string after = appended(before, doc);
    std::string why;
    CHECK(yaml::means_intended(before, after, session_intent(draft(), false), why));
    // A text that lost a line of the original does not read back as intended.
    CHECK(!yaml::means_intended(before, "sessions:\n" + std::string(item), session_intent(draft(), false), why));
}

TEST_CASE("tfm log: the file of the cohort's latest log, else sessions/YYYY-YY/COHORT.yaml") {
    auto loaded = load_text("cohort: {id: c1, stage: development, year: 2021/22, lead: jo, schools: []}\n"
                            "---\nsessions: [{cohort: c1, date: 2021-09-28, type: meeting}]\n",
                            "log.yaml");
    Index index(loaded.records);
    LogTarget t = log_target(loaded.records, index, *index.cohort("c1"));
    CHECK(t.exists);
    CHECK(t.shown == "log.yaml");
    auto none = load_text("cohort: {id: c1, stage: development, year: 2021/22, lead: jo, schools: []}\n");
    Index empty(none.records);
    LogTarget n = log_target(none.records, empty, *empty.cohort("c1"));
    CHECK(!n.exists);
    CHECK(n.relative == "sessions/2021-22/c1.yaml");
}
