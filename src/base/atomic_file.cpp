#include "tfm/base/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vector>

namespace tfm {

namespace {

// The path a symbolic link finally names (the path itself when it is not a link).
std::string resolved(const std::string& path) {
    if (char* real = ::realpath(path.c_str(), nullptr)) {
        std::string out = real;
        std::free(real);
        return out;
    }
    return path;
}

std::string fmt_hard_links(nlink_t names) {
    return "the same file also has " + std::to_string(names - 1) + " other name" + (names == 2 ? "" : "s") +
           " elsewhere (a hard link), which replacing it would cut off; make it an ordinary file "
           "first (copy it, then move the copy over it)";
}

bool refusal(const std::string& real, const struct stat& st, std::string& problem) {
    if (!S_ISREG(st.st_mode)) {
        problem = "it is not a regular file";
        return true;
    }
    if ((st.st_mode & 0222) == 0 || ::access(real.c_str(), W_OK) != 0) {
        problem = "it is read-only (make it writable first if it should change)";
        return true;
    }
    if (st.st_nlink > 1) {
        problem = fmt_hard_links(st.st_nlink);
        return true;
    }
    return false;
}


}  // namespace

bool write_all(int fd, std::string_view text, std::string& problem) {
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            problem = std::strerror(errno);
            return false;
        }
        done += std::size_t(n);
    }
    return true;
}

bool can_replace(const std::string& path, std::string& problem) {
    std::string real = resolved(path);
    struct stat st {};
    if (::stat(real.c_str(), &st) != 0) {
        problem = std::strerror(errno);
        return false;
    }
    return !refusal(real, st, problem);
}

bool write_atomically(const std::string& link_or_path, std::string_view text,
                      std::string& problem) {
    const std::string path = resolved(link_or_path);
    struct stat st {};
    if (path == link_or_path && ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
        // A link whose target is missing (or a loop): never replaced by a file of its own.
        problem = "it is a symbolic link to a file that does not exist (fix or remove the link)";
        return false;
    }
    bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && refusal(path, st, problem)) return false;
    std::string tmpl = path + ".tfm-XXXXXX";
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    int fd = ::mkstemp(name.data());
    if (fd < 0) {
        int err = errno;
        problem = err == EACCES || err == EROFS
                      ? "its folder is read-only for you (tfm writes a new copy beside a file, then "
                        "moves it over the old one, so the folder must be writable)"
                      : std::strerror(err);
        return false;
    }
    auto fail = [&](int err) {
        problem = std::strerror(err);
        ::close(fd);
        ::unlink(name.data());
        return false;
    };
    if (!write_all(fd, text, problem)) return fail(errno);
    if (exists) {
        // Owner and group first (a chown clears set-id bits), then the mode. Only root may
        // give a file away; for anyone else a file of their own keeps its owner anyway, and a
        // group they are not in cannot be kept, which is refused rather than silently changed.
        if ((st.st_uid != ::geteuid() || st.st_gid != ::getegid()) &&
            ::fchown(fd, st.st_uid, st.st_gid) != 0) {
            ::close(fd);
            ::unlink(name.data());
            problem = st.st_uid != ::geteuid()
                          ? "it belongs to another user, and replacing it would make it yours"
                          : "its group could not be kept";
            return false;
        }
        if (::fchmod(fd, st.st_mode & 07777) != 0) return fail(errno);
    } else {
        // A new file gets the mode a plain create would give it (0666 less the umask), not
        // mkstemp's 0600, so a report written for others to read can be read.
        mode_t mask = ::umask(0);
        ::umask(mask);
        if (::fchmod(fd, 0666 & ~mask) != 0) return fail(errno);
    }
    if (::fsync(fd) != 0) return fail(errno);
    if (::close(fd) != 0) {
        problem = std::strerror(errno);
        ::unlink(name.data());
        return false;
    }
    if (::rename(name.data(), path.c_str()) != 0) {
        problem = std::strerror(errno);
        ::unlink(name.data());
        return false;
    }
    return true;
}

bool read_file(const std::string& path, std::string& text, std::string& problem) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        problem = std::strerror(errno);
        return false;
    }
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
    bool failed = std::ferror(f);
    if (failed) problem = std::strerror(errno);
    std::fclose(f);
    return !failed;
}

}  // namespace tfm
