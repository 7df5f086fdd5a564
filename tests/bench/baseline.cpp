// The benchmark's baseline: the least any YAML-reading tool must do with a records forest.
//
//     bench_baseline DIR...
//
// Loads every *.yaml and *.yml file under the given directories with yaml-cpp's
// YAML::LoadAllFromFile on one thread, in sorted path order, skipping hidden files and
// folders (as tfm does), and prints how many files, bytes and documents it read. It keeps
// nothing: each file's nodes are freed before the next is read. tests/bench/run.sh times
// `tfm check` and `tfm report` against it.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace {

bool is_yaml(const std::string& name) {
    auto ends = [&](const std::string& ext) {
        return name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
    };
    return ends(".yaml") || ends(".yml");
}

void walk(const fs::path& dir, std::vector<fs::path>& out) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        auto st = it->symlink_status(ec);
        if (ec) continue;
        if (fs::is_directory(st))
            walk(it->path(), out);
        else if (is_yaml(name) && fs::is_regular_file(it->status(ec)))
            out.push_back(it->path());
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_baseline DIR...\n");
        return 2;
    }
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        std::vector<fs::path> found;
        walk(argv[i], found);
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    std::size_t documents = 0, bytes = 0, failed = 0;
    for (const auto& f : files) {
        std::error_code ec;
        bytes += std::size_t(fs::file_size(f, ec));
        try {
            documents += YAML::LoadAllFromFile(f.string()).size();
        } catch (const std::exception& e) {
            ++failed;
            std::fprintf(stderr, "%s: %s\n", f.c_str(), e.what());
        }
    }
    std::printf("%zu files, %zu bytes, %zu documents, %zu failed\n", files.size(), bytes, documents,
                failed);
    return failed ? 1 : 0;
}
