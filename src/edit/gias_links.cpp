// Reading the GIAS links extract and planning which predecessors to set: links are taken in
// file order, and one that would make the chain of predecessors loop is refused.
#include "tfm/edit/gias_links.h"

#include "tfm/base/csv.h"
#include "tfm/base/text_decoding.h"
#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace tfm::gias {
namespace {

std::string lowered(std::string_view s) {
    std::string out(trim_spaces(s));
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

struct LinkColumns {
    std::size_t count = 0;
    std::size_t urn = 0, link_urn = 0, type = 0;
    std::optional<std::size_t> name, date;
};

LinkColumns read_link_header(const CsvRow& row) {
    std::vector<std::string_view> missing;
    for (auto name : link_columns())
        if (!find_column(row.fields, name)) missing.push_back(name);
    if (!missing.empty()) missing_columns(row, missing, "links extract");
    LinkColumns c;
    c.count = row.fields.size();
    c.urn = *find_column(row.fields, "URN");
    c.link_urn = *find_column(row.fields, "LinkURN");
    c.type = *find_column(row.fields, "LinkType");
    c.name = find_column(row.fields, "LinkName");
    c.date = find_column(row.fields, "LinkEstablishedDate");
    return c;
}

// The link of one row: empty for a row of another link type, or one skipped with a warning.
std::optional<Link> read_link_row(const CsvRow& row, const LinkColumns& c, std::vector<std::string>& warnings) {
    if (row.fields.size() != c.count) {
        warnings.push_back(fmt::format("line {}: {} field{} where the header has {}; row skipped", row.line,
                                       row.fields.size(), row.fields.size() == 1 ? "" : "s", c.count));
        return std::nullopt;
    }
    std::string type = clean_field(row.fields[c.type]);
    int direction = link_direction(type);
    if (direction == 0) return std::nullopt;
    auto urn = parse_urn(row.fields[c.urn]);
    auto link_urn = parse_urn(row.fields[c.link_urn]);
    if (!urn || !link_urn) {
        warnings.push_back(fmt::format("line {}: `{}` is not a URN (six digits, like 107329); row skipped", row.line,
                                       clean_field(row.fields[urn ? c.link_urn : c.urn])));
        return std::nullopt;
    }
    Link l;
    l.line = row.line;
    l.type = type;
    if (c.date) l.date = clean_field(row.fields[*c.date]);
    std::string name = c.name ? clean_field(row.fields[*c.name]) : std::string();
    if (direction > 0) {
        l.successor = *urn;
        l.predecessor = *link_urn;
        l.predecessor_name = name;
    } else {
        l.successor = *link_urn;
        l.predecessor = *urn;
        l.successor_name = name;
    }
    return l;
}

// The chain from `from` back to `to` through predecessors (`from` first), or empty.
std::vector<Urn> chain_to(const std::unordered_map<Urn, std::vector<Urn>>& preds, Urn from, Urn to) {
    std::unordered_map<Urn, Urn> came_from;
    std::vector<Urn> queue{from};
    std::unordered_set<Urn> seen{from};
    for (std::size_t i = 0; i < queue.size(); ++i) {
        Urn at = queue[i];
        if (at == to) {
            std::vector<Urn> chain{at};
            while (chain.back() != from) chain.push_back(came_from.at(chain.back()));
            std::reverse(chain.begin(), chain.end());
            return chain;
        }
        auto it = preds.find(at);
        if (it == preds.end()) continue;
        for (Urn p : it->second)
            if (seen.insert(p).second) {
                came_from[p] = at;
                queue.push_back(p);
            }
    }
    return {};
}

}  // namespace

const std::vector<std::string_view>& link_columns() {
    static const std::vector<std::string_view> cols = {"URN", "LinkURN", "LinkType"};
    return cols;
}

int link_direction(std::string_view link_type) {
    std::string t = lowered(link_type);
    if (t.starts_with("predecessor")) return 1;
    if (t.starts_with("successor")) return -1;
    return 0;
}

LinksExtract read_links(std::string_view bytes) {
    LinksExtract out;
    Decoded decoded = decode_text(bytes);
    out.encoding = decoded.encoding;
    std::optional<LinkColumns> columns;
    std::set<std::pair<Urn, Urn>> seen;  // (successor, predecessor)
    for_each_csv_row(decoded.text, [&](const CsvRow& row) {
        if (!columns) {
            columns = read_link_header(row);
            return;
        }
        ++out.rows;
        auto l = read_link_row(row, *columns, out.warnings);
        if (!l) return;
        if (seen.insert({l->successor, l->predecessor}).second) {
            out.links.push_back(std::move(*l));
            return;
        }
        // The pair again (GIAS lists a link from both ends): keep the names it adds.
        for (auto& k : out.links)
            if (k.successor == l->successor && k.predecessor == l->predecessor) {
                if (k.successor_name.empty()) k.successor_name = l->successor_name;
                if (k.predecessor_name.empty()) k.predecessor_name = l->predecessor_name;
            }
    });
    if (!columns)
        throw Error(0, "the file is empty; a GIAS links extract starts with a header row naming its columns "
                       "(URN, LinkURN, LinkName, LinkType, LinkEstablishedDate)");
    return out;
}

LinksResult plan_links(const Records& records, const LinksExtract& extract) {
    LinksResult result;
    std::map<Urn, std::vector<const School*>> known;
    std::unordered_map<Urn, std::vector<Urn>> preds;
    for (const auto& s : records.schools) {
        known[s.urn].push_back(&s);
        auto& p = preds[s.urn];
        p.insert(p.end(), s.predecessors.begin(), s.predecessors.end());
    }
    std::set<Urn> broken(records.broken_schools.begin(), records.broken_schools.end());
    auto name_of_urn = [&](Urn urn, const std::string& fallback) {
        auto it = known.find(urn);
        return it != known.end() ? it->second.front()->name : fallback;
    };
    for (const Link& l : extract.links) {
        auto s = known.find(l.successor);
        if (s == known.end()) {
            auto p = known.find(l.predecessor);
            if (p != known.end() && !broken.count(l.successor))
                result.missing.push_back({l.predecessor, p->second.front()->name, l});
            continue;
        }
        auto& names = preds[l.successor];
        if (std::find(names.begin(), names.end(), l.predecessor) != names.end()) {
            ++result.unchanged;
            continue;
        }
        // The new link closes a loop when the successor is already among the predecessor's own.
        std::vector<Urn> chain = l.successor == l.predecessor ? std::vector<Urn>{l.successor}
                                                               : chain_to(preds, l.predecessor, l.successor);
        if (!chain.empty()) {
            chain.insert(chain.begin(), l.successor);
            result.loops.push_back({l, s->second.front()->name, std::move(chain)});
            continue;
        }
        names.push_back(l.predecessor);
        for (const School* school : s->second)
            result.set.push_back({school->urn, school->name, records.files[std::size_t(school->pos.file)].path, l,
                                  name_of_urn(l.predecessor, l.predecessor_name)});
    }
    return result;
}

std::string missing_text(const LinksResult::Missing& m) {
    std::string successor = m.link.successor_name.empty()
                                ? std::to_string(m.link.successor)
                                : fmt::format("{} {}", m.link.successor, m.link.successor_name);
    return fmt::format("{} {} closed; its successor {} is not in your records: add it with tfm import gias", m.urn,
                       m.name, successor);
}

std::string loop_text(const LinksResult::Loop& loop) {
    const Link& l = loop.link;
    std::string predecessor = l.predecessor_name.empty() ? std::to_string(l.predecessor)
                                                         : fmt::format("{} {}", l.predecessor, l.predecessor_name);
    return fmt::format("line {}: not setting {} as the predecessor of {} {}: the predecessors would loop ({})",
                       l.line, predecessor, l.successor, loop.name, fmt::join(loop.chain, " → "));
}

std::string links_summary(const LinksResult& r, bool written) {
    auto plural = [](std::size_t n, std::string_view word) {
        return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
    };
    auto recorded = [&] { return fmt::format("{} already recorded", plural(std::size_t(r.unchanged), "link")); };
    if (r.set.empty()) return r.unchanged > 0 ? "nothing to change: " + recorded() + "\n" : "nothing to change\n";
    std::string out;
    if (written)
        out += fmt::format("changed {}: {}\n", plural(r.files.size(), "file"),
                           terminal_safe(fmt::format("{}", fmt::join(r.files, ", "))));
    out += fmt::format("{} the predecessor of {}:\n", written ? "set" : "would set", plural(r.set.size(), "school"));
    for (const auto& s : r.set) {
        std::string detail = s.link.type;
        if (!s.link.date.empty()) detail += ", " + s.link.date;
        out += fmt::format("  {} {} ({}): {}{} ({})\n", s.urn, terminal_safe(s.name), terminal_safe(s.file),
                           s.link.predecessor, s.predecessor_name.empty() ? "" : " " + terminal_safe(s.predecessor_name),
                           terminal_safe(detail));
    }
    if (r.unchanged > 0) out += "unchanged: " + recorded() + "\n";
    return out;
}

}  // namespace tfm::gias
