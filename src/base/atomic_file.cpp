#include "tfm/base/atomic_file.h"

#include <cerrno>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vector>

namespace tfm {

bool write_atomically(const std::string& link_or_path, const std::string& text, std::string& problem) {
    // Write through a symbolic link, so that the link stays a link.
    std::string path = link_or_path;
    if (char* real = ::realpath(link_or_path.c_str(), nullptr)) {
        path = real;
        std::free(real);
    }
    struct stat st {};
    bool have_mode = ::stat(path.c_str(), &st) == 0;
    std::string tmpl = path + ".tfm-XXXXXX";
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    int fd = ::mkstemp(name.data());
    if (fd < 0) {
        problem = std::strerror(errno);
        return false;
    }
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            problem = std::strerror(errno);
            ::close(fd);
            ::unlink(name.data());
            return false;
        }
        done += std::size_t(n);
    }
    if (have_mode) {
        ::fchmod(fd, st.st_mode & 07777);
    } else {
        // A new file gets the mode a plain create would give it (0666 less the umask), not
        // mkstemp's 0600, so a report written for others to read can be read.
        mode_t mask = ::umask(0);
        ::umask(mask);
        ::fchmod(fd, 0666 & ~mask);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
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
