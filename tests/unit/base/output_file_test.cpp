#include "tfm/base/output_file.h"

#include "../temp_dir.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;
using namespace tfm;
using tfm::test::contents;
using tfm::test::TempDir;

TEST_CASE("write_output writes a new regular file and replaces an existing one") {
    TempDir dir;
    std::string problem;
    REQUIRE(write_output((dir.path / "r.csv").string(), "a,b\n", problem));
    CHECK(contents(dir.path / "r.csv") == "a,b\n");
    REQUIRE(::chmod((dir.path / "r.csv").c_str(), 0640) == 0);
    REQUIRE(write_output((dir.path / "r.csv").string(), "c\n", problem));
    CHECK(contents(dir.path / "r.csv") == "c\n");
    struct stat st {};
    REQUIRE(::stat((dir.path / "r.csv").c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0640u);
}

TEST_CASE("write_output writes into a named pipe and leaves it a pipe") {
    TempDir dir;
    fs::path fifo = dir.path / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string got;
    std::thread reader([&] {
        std::ifstream in(fifo, std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        got = s.str();
    });
    std::string problem;
    bool ok = write_output(fifo.string(), "through the pipe\n", problem);
    reader.join();
    CHECK(ok);
    CHECK(got == "through the pipe\n");
    CHECK(fs::is_fifo(fifo));
}

TEST_CASE("write_output writes into /dev/null and never replaces it") {
    std::string problem;
    CHECK(write_output("/dev/null", "nothing\n", problem));
    CHECK(fs::is_character_file("/dev/null"));
}

TEST_CASE("write_output refuses a directory and a dangling link") {
    TempDir dir;
    std::string problem;
    CHECK_FALSE(write_output(dir.path.string(), "x", problem));
    CHECK(problem == "it is a directory");
    fs::create_symlink(dir.path / "nowhere", dir.path / "link");
    CHECK_FALSE(write_output((dir.path / "link").string(), "x", problem));
    CHECK(fs::is_symlink(dir.path / "link"));
}

TEST_CASE("write_output through /proc/self/fd writes into the descriptor's file") {
    TempDir dir;
    fs::path file = dir.path / "out.txt";
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    struct stat before {};
    REQUIRE(::fstat(fd, &before) == 0);
    std::string problem;
    CHECK(write_output("/proc/self/fd/" + std::to_string(fd), "via fd\n", problem));
    struct stat after {};
    REQUIRE(::stat(file.c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);  // written into, not replaced
    ::close(fd);
    CHECK(contents(file) == "via fd\n");
}
