#include "tfm/base/stdout_capture.h"

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

#include <iostream>

namespace tfm {

StdoutCapture::StdoutCapture() {
    std::fflush(stdout);
    std::cout.flush();
    FILE* tmp = std::tmpfile();
    if (!tmp) return;
    capture_ = ::dup(::fileno(tmp));
    std::fclose(tmp);  // the duplicate keeps the (already unlinked) file open
    if (capture_ < 0) return;
    saved_ = ::dup(STDOUT_FILENO);
    if (saved_ < 0 || ::dup2(capture_, STDOUT_FILENO) < 0) {
        if (saved_ >= 0) ::close(saved_);
        ::close(capture_);
        saved_ = capture_ = -1;
    }
}

StdoutCapture::~StdoutCapture() { finish(); }

std::string StdoutCapture::finish() {
    if (saved_ < 0) return {};
    std::fflush(stdout);
    std::cout.flush();
    ::dup2(saved_, STDOUT_FILENO);
    ::close(saved_);
    saved_ = -1;
    std::string text;
    char buf[1 << 16];
    ssize_t n;
    ::lseek(capture_, 0, SEEK_SET);
    while ((n = ::read(capture_, buf, sizeof buf)) > 0) text.append(buf, std::size_t(n));
    ::close(capture_);
    capture_ = -1;
    return text;
}

}  // namespace tfm
