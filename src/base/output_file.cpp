#include "tfm/base/output_file.h"

#include "tfm/base/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tfm {

namespace {


// Opens and writes as `> target` would: for a device or pipe there is nothing to replace.
bool redirect_into(const std::string& target, std::string_view text, std::string& problem) {
    int fd = ::open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        problem = std::strerror(errno);
        return false;
    }
    bool ok = write_all(fd, text, problem);
    if (::close(fd) != 0 && ok) {
        problem = std::strerror(errno);
        ok = false;
    }
    return ok;
}

// /dev/stdout, /dev/fd/N and /proc/self/fd/N name a descriptor this process already has:
// writing through them must reach that descriptor (a pipe, a terminal or the file a shell
// opened), never replace what it points at.
bool names_a_descriptor(const std::string& target) {
    for (const char* prefix : {"/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/self/fd/"}) {
        if (target.rfind(prefix, 0) == 0) return true;
    }
    return false;
}

}  // namespace

bool write_output(const std::string& target, std::string_view text, std::string& problem) {
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0) {
        if (errno != ENOENT) {
            problem = std::strerror(errno);
            return false;
        }
        struct stat link {};
        if (::lstat(target.c_str(), &link) == 0) {
            problem = "it is a symbolic link to nothing";
            return false;
        }
        return write_atomically(target, text, problem);  // a new file
    }
    if (S_ISDIR(st.st_mode)) {
        problem = "it is a directory";
        return false;
    }
    if (S_ISSOCK(st.st_mode)) {
        problem = "it is a socket";
        return false;
    }
    if (!S_ISREG(st.st_mode)) return redirect_into(target, text, problem);
    if (names_a_descriptor(target)) {
        // A regular file behind one of our own descriptors: truncate and write, as `>` would.
        int fd = ::open(target.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd < 0) {
            problem = std::strerror(errno);
            return false;
        }
        bool ok = write_all(fd, text, problem);
        ::close(fd);
        return ok;
    }
    return write_atomically(target, text, problem);
}

}  // namespace tfm
