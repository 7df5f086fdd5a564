#include "tfm/base/directory_lock.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <thread>

namespace tfm {

namespace {

// Tries once. 1: locked (fd holds it); 0: another process holds it; -1: error (problem set).
int try_lock(const std::string& path, int& fd, std::string& problem) {
    fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        problem = fmt::format("cannot create the lock file {}: {}", path, std::strerror(errno));
        return -1;
    }
    struct flock fl {};
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    if (::fcntl(fd, F_SETLK, &fl) != 0) {
        int err = errno;
        ::close(fd);
        fd = -1;
        if (err == EACCES || err == EAGAIN) return 0;
        problem = fmt::format("cannot lock {}: {}", path, std::strerror(err));
        return -1;
    }
    // The holder before us may have removed the file after we opened it: then our lock is on
    // a file nobody else will see, and we must lock the one now at the path.
    struct stat held {}, now {};
    if (::fstat(fd, &held) != 0 || ::stat(path.c_str(), &now) != 0 || held.st_ino != now.st_ino ||
        held.st_dev != now.st_dev) {
        ::close(fd);
        fd = -1;
        return 0;
    }
    return 1;
}

// "process 4242 (tfm plan --write)", from the lock's holder and the file's text.
std::string holder(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return "another process";
    struct flock fl {};
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    // F_GETLK needs a descriptor open for the lock type asked about only on some systems; a
    // read-only one is enough on Linux to learn the holder.
    pid_t pid = 0;
    if (::fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK) pid = fl.l_pid;
    char buf[512];
    ssize_t n = ::read(fd, buf, sizeof buf - 1);
    ::close(fd);
    std::string command;
    if (n > 0) {
        command.assign(buf, std::size_t(n));
        auto nl = command.find('\n');
        if (nl != std::string::npos) command.erase(nl);
        // The command line is the holder's own text: keep it printable.
        for (char& c : command)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    }
    std::string who = pid > 0 ? fmt::format("process {}", pid) : std::string("another process");
    return command.empty() ? who : fmt::format("{} ({})", who, command);
}

}  // namespace

std::optional<DirectoryLock> DirectoryLock::acquire(const std::string& directory,
                                                    const std::string& command,
                                                    std::chrono::milliseconds wait,
                                                    std::string& problem) {
    const std::string path = (directory.empty() ? std::string(".") : directory) + "/" + file_name;
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        int fd = -1;
        int got = try_lock(path, fd, problem);
        if (got < 0) return std::nullopt;
        if (got > 0) {
            std::string text = fmt::format("{}\n", command);
            if (::ftruncate(fd, 0) == 0) {
                [[maybe_unused]] ssize_t w = ::pwrite(fd, text.data(), text.size(), 0);
            }
            return DirectoryLock(fd, path);
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            problem = fmt::format(
                "another tfm is changing the records in {} ({}); tfm waited {} s for it to "
                "finish and wrote nothing: try again when it has",
                directory.empty() ? "." : directory, holder(path), wait.count() / 1000);
            return std::nullopt;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

DirectoryLock::DirectoryLock(DirectoryLock&& other) noexcept
    : fd_(other.fd_), path_(std::move(other.path_)) {
    other.fd_ = -1;
}

DirectoryLock& DirectoryLock::operator=(DirectoryLock&& other) noexcept {
    if (this != &other) {
        release();
        fd_ = other.fd_;
        path_ = std::move(other.path_);
        other.fd_ = -1;
    }
    return *this;
}

DirectoryLock::~DirectoryLock() { release(); }

void DirectoryLock::release() {
    if (fd_ < 0) return;
    // Remove the file while still holding the lock; a waiter that opened it sees the inode
    // change and locks the new file instead.
    ::unlink(path_.c_str());
    ::close(fd_);
    fd_ = -1;
}

}  // namespace tfm
