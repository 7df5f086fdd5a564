#include "tfm/edit/transaction.h"

#include "../temp_dir.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace tfm;
using tfm::test::contents;
using tfm::test::TempDir;
using namespace std::chrono_literals;

namespace {

FileEdit edit_of(const fs::path& p, const std::string& shown) {
    FileEdit e;
    e.path = p.string();
    e.shown = shown;
    return e;
}

}  // namespace

TEST_CASE("Transaction: writes the edits and releases the lock") {
    TempDir dir;
    auto file = dir.write("a.yaml", "old\n");
    std::string problem;
    {
        auto tx = Transaction::begin(dir.path.string(), WriteSettings{false, "test", 100ms}, problem);
        REQUIRE(tx);
        FileEdit e = edit_of(file, "a.yaml");
        REQUIRE(tx->read(e, problem));
        e.updated = "new\n";
        FileEdit created = edit_of(dir.path / "sub" / "b.yaml", "sub/b.yaml");
        created.exists = false;
        created.updated = "b\n";
        WriteOutcome out = tx->commit({e, created});
        CHECK(out.ok);
        CHECK(out.written == std::vector<std::string>{"a.yaml", "sub/b.yaml"});
    }
    CHECK(contents(file) == "new\n");
    CHECK(contents(dir.path / "sub" / "b.yaml") == "b\n");
    CHECK_FALSE(fs::exists(dir.path / DirectoryLock::file_name));
}

TEST_CASE("Transaction: a file changed since it was read is refused, nothing written") {
    TempDir dir;
    auto a = dir.write("a.yaml", "a\n");
    auto b = dir.write("b.yaml", "b\n");
    std::string problem;
    auto tx = Transaction::begin(dir.path.string(), WriteSettings{false, "test", 100ms}, problem);
    REQUIRE(tx);
    FileEdit ea = edit_of(a, "a.yaml"), eb = edit_of(b, "b.yaml");
    REQUIRE(tx->read(ea, problem));
    REQUIRE(tx->read(eb, problem));
    ea.updated = "A\n";
    eb.updated = "B\n";
    dir.write("b.yaml", "changed by an editor\n");
    WriteOutcome out = tx->commit({ea, eb});
    CHECK_FALSE(out.ok);
    CHECK(out.problem.find("b.yaml changed since tfm read it") != std::string::npos);
    CHECK(contents(a) == "a\n");
    CHECK(contents(b) == "changed by an editor\n");
}

TEST_CASE("Transaction: a dry run returns the diff and writes nothing") {
    TempDir dir;
    auto a = dir.write("a.yaml", "one\ntwo\n");
    std::string problem;
    auto tx = Transaction::begin(dir.path.string(), WriteSettings{true, "test", 100ms}, problem);
    REQUIRE(tx);
    FileEdit e = edit_of(a, "a.yaml");
    REQUIRE(tx->read(e, problem));
    e.updated = "one\n2\n";
    WriteOutcome out = tx->commit({e});
    CHECK(out.ok);
    CHECK(out.diff == "--- a/a.yaml\n+++ b/a.yaml\n@@ -1,2 +1,2 @@\n one\n-two\n+2\n");
    CHECK(contents(a) == "one\ntwo\n");
}

TEST_CASE("Transaction: read-only and hard-linked files are refused when read") {
    TempDir dir;
    auto ro = dir.write("ro.yaml", "x\n");
    REQUIRE(::chmod(ro.c_str(), 0444) == 0);
    auto linked = dir.write("linked.yaml", "y\n");
    fs::create_hard_link(linked, dir.path / "other-name.yaml");
    std::string problem;
    auto tx = Transaction::begin(dir.path.string(), WriteSettings{false, "test", 100ms}, problem);
    REQUIRE(tx);
    FileEdit e = edit_of(ro, "ro.yaml");
    CHECK_FALSE(tx->read(e, problem));
    CHECK(problem == "tfm will not change ro.yaml: it is read-only (make it writable first if it should change)");
    FileEdit l = edit_of(linked, "linked.yaml");
    CHECK_FALSE(tx->read(l, problem));
    CHECK(problem.find("(a hard link)") != std::string::npos);
}

TEST_CASE("Transaction: a failed write puts back the files already written") {
    TempDir dir;
    auto a = dir.write("a.yaml", "a\n");
    std::string problem;
    auto tx = Transaction::begin(dir.path.string(), WriteSettings{false, "test", 100ms}, problem);
    REQUIRE(tx);
    FileEdit ea = edit_of(a, "a.yaml");
    REQUIRE(tx->read(ea, problem));
    ea.updated = "A\n";
    // A new file whose folder cannot be made: a file stands where the folder would be.
    dir.write("blocker", "x");
    FileEdit bad = edit_of(dir.path / "blocker" / "c.yaml", "blocker/c.yaml");
    bad.exists = false;
    bad.updated = "c\n";
    WriteOutcome out = tx->commit({ea, bad});
    CHECK_FALSE(out.ok);
    CHECK(out.problem.find("every file is as it was") != std::string::npos);
    CHECK(contents(a) == "a\n");
}

TEST_CASE("Transaction: a file changed after the transaction began is refused when read") {
    // The records are read after begin(); an editor saving a file meanwhile must not be
    // overwritten by a plan made from the old records.
    TempDir dir;
    auto a = dir.write("cohorts/a.yaml", "cohort: {id: a}\n");
    std::string problem;
    auto tx = Transaction::begin(dir.path.string(), WriteSettings{false, "test", 100ms}, problem);
    REQUIRE(tx);
    dir.write("cohorts/a.yaml", "cohort: {id: a, meetings: [2027-02-03]}\n");
    FileEdit e = edit_of(a, "cohorts/a.yaml");
    CHECK_FALSE(tx->read(e, problem));
    CHECK(problem.find("cohorts/a.yaml changed while tfm was reading the records") != std::string::npos);
    // an interactive log asks its questions between reading and writing: say so
    auto asking = Transaction::begin(dir.path.string(), WriteSettings{true, "test", 100ms, true}, problem);
    REQUIRE(asking);
    dir.write("cohorts/a.yaml", "cohort: {id: a}\n");
    FileEdit again = edit_of(a, "cohorts/a.yaml");
    CHECK_FALSE(asking->read(again, problem));
    CHECK(problem.find("cohorts/a.yaml changed while tfm was asking its questions") != std::string::npos);
    // A file that appeared meanwhile is refused too.
    auto b = dir.write("cohorts/b.yaml", "cohort: {id: b}\n");
    FileEdit eb = edit_of(b, "cohorts/b.yaml");
    CHECK_FALSE(tx->read(eb, problem));
}

TEST_CASE("Transaction: a dry run takes no lock and writes no lock file") {
    TempDir dir;
    dir.write("a.yaml", "x\n");
    std::string problem;
    auto held = Transaction::begin(dir.path.string(), WriteSettings{false, "holder", 100ms}, problem);
    REQUIRE(held);
    // Another process would wait for the lock; a dry run does not need it (nor create it).
    TempDir other;
    auto dry = Transaction::begin(other.path.string(), WriteSettings{true, "dry", 100ms}, problem);
    REQUIRE(dry);
    CHECK_FALSE(fs::exists(other.path / DirectoryLock::file_name));
}
