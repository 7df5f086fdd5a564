// A problem that makes a whole input file unusable (bytes that are not text, bad CSV),
// with the line it concerns.
#pragma once

#include <stdexcept>
#include <string>

namespace tfm {

class LineError : public std::runtime_error {
public:
    LineError(int line, const std::string& message) : std::runtime_error(message), line(line) {}
    int line;  // 1-based line of the file; 0 for the file as a whole
};

}  // namespace tfm
