// `tfm import gias --links`: no link is written whose result would not pass `tfm check`
// (README "Academy conversions from GIAS"): each planned link is tried on the loaded records
// and the rules run again; a link bringing an error is refused with that error.
#include "tfm/edit/gias_links.h"

#include "tfm/model/index.h"
#include "tfm/model/journey.h"
#include "tfm/rules/check.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace tfm::gias {
namespace {

using Key = std::tuple<int, std::string, std::string>;  // file, rule, message

std::map<Key, int> errors_of(const LoadResult& tree, Date as_of) {
    Index index(tree.records);
    auto journeys = all_journeys(tree.records, index, as_of);
    std::map<Key, int> out;
    for (const auto& d : check_records(tree, as_of, index, journeys))
        if (d.severity == Severity::error) ++out[{d.pos.file, d.rule, d.message}];
    return out;
}

std::string where(const Records& records, const Pos& pos) {
    if (pos.file < 0 || std::size_t(pos.file) >= records.files.size()) return "";
    return fmt::format("{}:{}:{}: ", records.files[std::size_t(pos.file)].path, pos.line, pos.column);
}

}  // namespace

void refuse_failing_links(LoadResult& tree, Date as_of, LinksResult& result) {
    if (result.set.empty()) return;
    std::map<Urn, std::vector<Urn>> saved;
    for (const auto& s : tree.records.schools) saved[s.urn] = s.predecessors;
    auto restore = [&] {
        for (auto& s : tree.records.schools) s.predecessors = saved[s.urn];
    };
    auto set_link = [&](const Link& l, bool on) {
        for (auto& s : tree.records.schools) {
            if (s.urn != l.successor) continue;
            auto& p = s.predecessors;
            if (on) p.push_back(l.predecessor);
            else if (auto it = std::find(p.begin(), p.end(), l.predecessor); it != p.end()) p.erase(it);
        }
    };
    std::map<Key, int> before = errors_of(tree, as_of);
    std::vector<LinksResult::Set> kept;
    // Entries of one link (one per record of the successor's URN) are next to each other.
    for (std::size_t i = 0; i < result.set.size();) {
        std::size_t end = i + 1;
        while (end < result.set.size() && result.set[end].link.line == result.set[i].link.line &&
               result.set[end].link.predecessor == result.set[i].link.predecessor)
            ++end;
        const Link& l = result.set[i].link;
        set_link(l, true);
        Index index(tree.records);
        auto journeys = all_journeys(tree.records, index, as_of);
        std::map<Key, int> seen;
        const Diagnostic* added = nullptr;
        Diagnostics after = check_records(tree, as_of, index, journeys);
        for (const auto& d : after) {
            if (d.severity != Severity::error) continue;
            Key k{d.pos.file, d.rule, d.message};
            if (++seen[k] > before[k]) {
                added = &d;
                break;
            }
        }
        if (added) {
            result.failing.push_back({l, result.set[i].name,
                                      fmt::format("{}{} [{}]", where(tree.records, added->pos), added->message,
                                                  added->rule)});
            set_link(l, false);
        } else {
            kept.insert(kept.end(), result.set.begin() + long(i), result.set.begin() + long(end));
        }
        i = end;
    }
    result.set = std::move(kept);
    restore();
}

std::string failing_text(const LinksResult::Failing& f) {
    const Link& l = f.link;
    std::string predecessor = l.predecessor_name.empty() ? std::to_string(l.predecessor)
                                                         : fmt::format("{} {}", l.predecessor, l.predecessor_name);
    return fmt::format("line {}: not setting {} as the predecessor of {} {}: tfm check would then give an error: {}",
                       l.line, predecessor, l.successor, f.name, f.error);
}

}  // namespace tfm::gias
