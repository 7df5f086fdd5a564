#include "tfm/base/directory_lock.h"

#include "../temp_dir.h"

#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace tfm;
using tfm::test::contents;
using tfm::test::TempDir;
using namespace std::chrono_literals;

TEST_CASE("DirectoryLock: taken, released, and its file removed") {
    TempDir dir;
    std::string problem;
    {
        auto lock = DirectoryLock::acquire(dir.path.string(), "tfm test", 100ms, problem);
        REQUIRE(lock);
        CHECK(fs::exists(dir.path / DirectoryLock::file_name));
    }
    CHECK_FALSE(fs::exists(dir.path / DirectoryLock::file_name));
    auto again = DirectoryLock::acquire(dir.path.string(), "tfm test", 100ms, problem);
    CHECK(again);
}

TEST_CASE("DirectoryLock: a second process waits, then says who holds the lock") {
    TempDir dir;
    std::string problem;
    auto lock = DirectoryLock::acquire(dir.path.string(), "tfm plan --write", 100ms, problem);
    REQUIRE(lock);
    int pipefd[2];
    REQUIRE(::pipe(pipefd) == 0);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // POSIX record locks belong to a process, so only another process can be refused.
        std::string why;
        auto other = DirectoryLock::acquire(dir.path.string(), "tfm log", 300ms, why);
        [[maybe_unused]] ssize_t n = ::write(pipefd[1], why.data(), why.size());
        ::_exit(other ? 1 : 0);
    }
    ::close(pipefd[1]);
    int status = 0;
    ::waitpid(child, &status, 0);
    char buf[512];
    ssize_t n = ::read(pipefd[0], buf, sizeof buf);
    ::close(pipefd[0]);
    std::string why(buf, n > 0 ? std::size_t(n) : 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(why.find("process " + std::to_string(::getpid()) + " (tfm plan --write)") !=
          std::string::npos);
}

TEST_CASE("DirectoryLock: a waiting process gets the lock once it is released") {
    TempDir dir;
    std::string problem;
    auto lock = DirectoryLock::acquire(dir.path.string(), "first", 100ms, problem);
    REQUIRE(lock);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        std::string why;
        auto other = DirectoryLock::acquire(dir.path.string(), "second", 5000ms, why);
        ::_exit(other ? 0 : 1);
    }
    ::usleep(200 * 1000);
    lock.reset();  // release: the child must now get it
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}
