#include "tfm/base/atomic_file.h"

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

TEST_CASE("write_atomically replaces a file and keeps its permissions") {
    TempDir dir;
    fs::path file = dir.path / "cohort.yaml";
    std::ofstream(file) << "old\n";
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    std::string problem;
    REQUIRE(write_atomically(file.string(), "new\n", problem));
    CHECK(contents(file) == "new\n");
    CHECK((fs::status(file).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    // No temporary file is left beside it.
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++entries;
    CHECK(entries == 1);
}

TEST_CASE("write_atomically writes through a symbolic link and keeps the link") {
    TempDir dir;
    fs::create_directory(dir.path / "real");
    fs::path target = dir.path / "real" / "schools.yaml";
    std::ofstream(target) << "old\n";
    fs::path link = dir.path / "schools.yaml";
    fs::create_symlink(target, link);
    std::string problem;
    REQUIRE(write_atomically(link.string(), "new\n", problem));
    CHECK(fs::is_symlink(link));
    CHECK(contents(target) == "new\n");
}

TEST_CASE("write_atomically refuses a dangling symbolic link and keeps the link") {
    TempDir dir;
    fs::path link = dir.path / "log.yaml";
    fs::create_symlink(dir.path / "missing" / "log.yaml", link);
    std::string problem;
    CHECK(!write_atomically(link.string(), "new\n", problem));
    CHECK(problem == "it is a symbolic link to a file that does not exist (fix or remove the link)");
    CHECK(fs::is_symlink(link));
    CHECK(!fs::exists(dir.path / "missing"));
}

TEST_CASE("write_atomically gives a new file the usual permissions") {
    TempDir dir;
    mode_t mask = ::umask(022);
    std::string problem;
    REQUIRE(write_atomically((dir.path / "report.html").string(), "<p>\n", problem));
    ::umask(mask);
    CHECK((fs::status(dir.path / "report.html").permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
           fs::perms::others_read));
}

TEST_CASE("write_atomically fails cleanly in a folder that does not exist") {
    std::string problem;
    CHECK_FALSE(write_atomically("/nonexistent-folder/x.yaml", "x", problem));
    CHECK_FALSE(problem.empty());
}

TEST_CASE("write_atomically keeps another user's ownership when run as root") {
    if (::geteuid() != 0) return;  // only root may give a file to another user
    TempDir dir;
    fs::path file = dir.path / "cohort.yaml";
    std::ofstream(file) << "old\n";
    REQUIRE(::chown(file.c_str(), 4321, 8765) == 0);
    REQUIRE(::chmod(file.c_str(), 0600) == 0);
    std::string problem;
    REQUIRE(write_atomically(file.string(), "new\n", problem));
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK(st.st_uid == 4321u);
    CHECK(st.st_gid == 8765u);
    CHECK((st.st_mode & 07777) == 0600u);
    CHECK(contents(file) == "new\n");
}

TEST_CASE("write_atomically refuses a read-only file and leaves it as it was") {
    TempDir dir;
    fs::path file = dir.path / "hub.yaml";
    std::ofstream(file) << "old\n";
    REQUIRE(::chmod(file.c_str(), 0444) == 0);
    std::string problem;
    CHECK_FALSE(write_atomically(file.string(), "new\n", problem));
    CHECK(problem.find("read-only") != std::string::npos);
    CHECK(contents(file) == "old\n");
    CHECK_FALSE(can_replace(file.string(), problem));
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++entries;
    CHECK(entries == 1);
}

TEST_CASE("write_atomically refuses a hard-linked file rather than split the link") {
    TempDir dir;
    fs::path file = dir.path / "schools.yaml";
    std::ofstream(file) << "old\n";
    fs::create_hard_link(file, dir.path / "copy.yaml");
    std::string problem;
    CHECK_FALSE(write_atomically(file.string(), "new\n", problem));
    CHECK(problem.find("(a hard link)") != std::string::npos);
    CHECK(contents(file) == "old\n");
    CHECK(contents(dir.path / "copy.yaml") == "old\n");
}

TEST_CASE("write_atomically refuses what is not a regular file") {
    TempDir dir;
    fs::path fifo = dir.path / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string problem;
    CHECK_FALSE(write_atomically(fifo.string(), "x", problem));
    CHECK(fs::is_fifo(fifo));
}
