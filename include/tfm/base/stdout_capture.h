// What a command prints on standard output, caught whole so that -o FILE can write it in one
// step (write_output) after the command has run. Standard error is not caught.
#pragma once

#include <string>

namespace tfm {

// While alive, file descriptor 1 is an anonymous temporary file: everything written to
// standard output — by stdio, iostreams or write(2) — lands there, and isatty(1) is false, so
// nothing is coloured. finish() (or the destructor) puts the real standard output back.
class StdoutCapture {
public:
    StdoutCapture();
    ~StdoutCapture();
    StdoutCapture(const StdoutCapture&) = delete;
    StdoutCapture& operator=(const StdoutCapture&) = delete;

    // Whether standard output is being caught (false if no temporary file could be made).
    bool active() const { return saved_ >= 0; }
    // Restores standard output and returns every byte written meanwhile.
    std::string finish();

private:
    int saved_ = -1;    // the real standard output, duplicated
    int capture_ = -1;  // the temporary file
};

}  // namespace tfm
