#include "tfm/load/data_directory.h"

#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace tfm {

namespace {

// "." for 0 levels up, ".." for 1, "../.." for 2, …
std::string levels_up(int n) {
    if (n == 0) return ".";
    std::string out = "..";
    for (int i = 1; i < n; ++i) out += "/..";
    return out;
}

}  // namespace

std::string discover_data_directory(const std::string& start) {
    std::error_code ec;
    fs::path here = fs::absolute(start, ec);
    if (ec) return start;
    here = here.lexically_normal();
    if (here.has_filename() == false && here.has_parent_path() && here != here.root_path())
        here = here.parent_path();
    int git_level = -1, level = 0;
    for (fs::path p = here;; p = p.parent_path(), ++level) {
        if (fs::is_regular_file(p / "hub.yaml", ec) || fs::is_regular_file(p / "hub.yml", ec)) {
            if (level == 0) return start;
            return levels_up(level);
        }
        if (git_level < 0 && fs::exists(p / ".git", ec)) git_level = level;
        if (p == p.root_path() || p.parent_path() == p) break;
    }
    if (git_level > 0) return levels_up(git_level);
    return start;
}

}  // namespace tfm
