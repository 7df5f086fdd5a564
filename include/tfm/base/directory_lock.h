// The writers' lock on a data directory, so two writers never lose each other's edit.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace tfm {

// An exclusive lock on a directory, held from acquire() until destruction. It is a POSIX
// record lock on the file `.tfm-lock` inside the directory, which holds the holder's process
// id and command line; the file is removed on release, so a records repository shows nothing
// between runs. A process that dies releases its lock with it (the kernel drops the lock).
class DirectoryLock {
public:
    // Waits up to `wait` for the lock, polling. On failure returns nothing and sets `problem`
    // to a sentence naming who holds it ("process 4242 (tfm plan --write) holds …") or why the
    // lock file could not be made. `command` is written into the lock file for such messages.
    static std::optional<DirectoryLock> acquire(const std::string& directory,
                                                const std::string& command,
                                                std::chrono::milliseconds wait,
                                                std::string& problem);
    DirectoryLock(DirectoryLock&& other) noexcept;
    DirectoryLock& operator=(DirectoryLock&& other) noexcept;
    DirectoryLock(const DirectoryLock&) = delete;
    ~DirectoryLock();

    static constexpr const char* file_name = ".tfm-lock";

private:
    void release();
    DirectoryLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    int fd_ = -1;
    std::string path_;
};

}  // namespace tfm
