#include "tfm/edit/pending_check.h"

#include <filesystem>
#include <tuple>

namespace fs = std::filesystem;

namespace tfm {
namespace {

using Key = std::tuple<Severity, std::string, std::string, std::string>;

Key key_of(const Records& records, const Diagnostic& d) {
    std::string file = d.pos.file >= 0 ? records.files[std::size_t(d.pos.file)].path : std::string();
    return {d.severity, d.rule, file, d.message};
}

}  // namespace

PendingCheck check_pending(const std::vector<std::string>& directories, const Workspace& before,
                           const std::vector<PendingFile>& pending, unsigned threads) {
    PendingCheck out;
    out.after = std::make_unique<Workspace>(load_tree(directories, threads, pending), before.as_of());
    std::map<Key, int> known;
    for (const auto& d : before.findings()) ++known[key_of(before.records(), d)];
    const Records& records = out.after->records();
    for (const auto& d : out.after->findings()) {
        auto it = known.find(key_of(records, d));
        if (it != known.end() && it->second > 0) {
            --it->second;
            continue;
        }
        out.added.push_back(d);
        if (d.severity == Severity::error) ++out.errors;
        if (d.severity == Severity::warning) ++out.warnings;
    }
    for (const auto& p : pending) {
        fs::path full = (fs::path(directories[p.directory]) / p.relative).lexically_normal();
        for (const auto& f : records.files)
            if (!f.is_folder && fs::path(f.full_path).lexically_normal() == full) out.unwritten[f.full_path] = p.bytes;
    }
    return out;
}

}  // namespace tfm
