// Writes a plan into the cohort's own file: a line-level edit that leaves every other byte
// as it was, written to a temporary file and renamed over the original.
#include "tfm/analysis/plan.h"

#include "tfm/base/atomic_file.h"
#include "tfm/base/text.h"
#include "tfm/yaml/yaml_tree.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tfm {
namespace {

struct Found {
    const yaml::Document* doc = nullptr;
    std::uint32_t map = 0;
};

std::optional<Found> find_cohort(const yaml::ParseResult& parsed, const std::string& id) {
    for (const auto& doc : parsed.documents) {
        if (doc.nodes.empty()) continue;
        auto matches = [&](std::uint32_t m) {
            auto v = yaml::entry(doc, m, "id");
            const auto* s = v ? yaml::scalar_node(doc, v->second) : nullptr;
            return s && s->value == id;
        };
        if (auto one = yaml::entry(doc, doc.root, "cohort"); one && matches(one->second))
            return Found{&doc, one->second};
        if (auto list = yaml::entry(doc, doc.root, "cohorts");
            list && doc.nodes[list->second].kind == yaml::Kind::sequence)
            for (auto item : doc.nodes[list->second].children)
                if (doc.nodes[item].kind == yaml::Kind::mapping && matches(item)) return Found{&doc, item};
    }
    return std::nullopt;
}

std::size_t indent_of(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    return i;
}

bool blank_or_comment(std::string_view line) {
    std::size_t i = indent_of(line);
    return i >= line.size() || line[i] == '\n' || line[i] == '\r' || line[i] == '#';
}

bool document_marker(std::string_view line) {
    return line.starts_with("---") || line.starts_with("...");
}

// The last line (exclusive bound) that belongs to a block starting after `first` whose lines
// are indented more than `column` (or are "- " items at `column`, for sequences).
std::size_t block_end(const std::vector<std::string_view>& lines, std::size_t first, std::size_t column,
                      bool items_at_column) {
    std::size_t last_content = first;
    for (std::size_t i = first + 1; i < lines.size(); ++i) {
        std::string_view l = lines[i];
        if (document_marker(l)) break;
        if (blank_or_comment(l)) continue;
        std::size_t ind = indent_of(l);
        bool item = items_at_column && ind == column && l.compare(ind, 2, "- ") == 0;
        if (ind <= column && !item) break;
        last_content = i;
    }
    return last_content + 1;
}

}  // namespace

PlanWrite write_plan(const std::string& path, const std::string& shown, const PlanProposal& plan,
                     bool replace) {
    const Cohort& cohort = *plan.cohort;
    std::string text, problem;
    if (!read_file(path, text, problem)) return {false, fmt::format("cannot read {}", shown)};
    std::string_view yaml_text = without_bom(text);

    auto parsed = yaml::parse(yaml_text);
    if (!parsed.errors.empty())
        return {false, fmt::format("{} has YAML errors; run tfm check and fix them first", shown)};
    auto found = find_cohort(parsed, cohort.id);
    if (!found) return {false, fmt::format("cohort {} is not in {}", cohort.id, shown)};
    const yaml::Document& doc = *found->doc;
    const yaml::Node& map = doc.nodes[found->map];
    if (yaml_text[map.offset] == '{')
        return {false, fmt::format("cohort {} is written in flow style ({{…}}); paste the plan by hand", cohort.id)};

    bool has_dates = !cohort.meetings.empty() || !cohort.visits.empty();
    if (has_dates && !replace)
        return {false, fmt::format("cohort {} already has planned dates ({} meetings, {} visits); "
                                   "use --replace to replace them",
                                   cohort.id, cohort.meetings.size(), cohort.visits.size())};

    auto lines = lines_of(text);
    std::string_view nl = newline_of(text);
    std::size_t column = map.byte_col;
    if (column == 0) return {false, fmt::format("cohort {} is not inside a `cohort:` or `cohorts:` key", cohort.id)};
    // Lines of the cohort's mapping: from its first key to the last line indented as its keys.
    std::size_t map_end = block_end(lines, map.line, column - 1, false);
    // Comments right after it, indented like its keys (or deeper), still belong to it.
    auto own_comment = [&](std::string_view l) {
        std::size_t i = indent_of(l);
        return i >= column && i < l.size() && l[i] == '#';
    };
    while (map_end < lines.size() && own_comment(lines[map_end])) ++map_end;

    // Ranges [first, end) of the existing meetings: and visits: keys. Each is replaced where
    // it stands, so lines and comments between the two keys stay between them.
    struct Replacement {
        std::size_t first, end;
        std::string text;
    };
    std::vector<Replacement> replace_at;
    for (const char* key : {"meetings", "visits"}) {
        auto k = yaml::entry(doc, found->map, key);
        if (!k) continue;
        const yaml::Node& key_node = doc.nodes[k->first];
        std::size_t first = key_node.line;
        std::size_t end = block_end(lines, first, key_node.byte_col, true);
        replace_at.push_back({first, std::min(end, std::max(map_end, first + 1)), ""});
    }

    std::string block = with_newlines(plan_yaml(plan, int(column)), nl);
    // The block is the meetings: line, then the visits: key and its items (if any).
    std::size_t split = block.find('\n') + 1;
    std::string meetings_text = block.substr(0, split), visits_text = block.substr(split);
    if (replace_at.size() == 2) {
        replace_at[0].text = meetings_text;
        replace_at[1].text = visits_text;
    } else if (replace_at.size() == 1) {
        replace_at[0].text = block;
    } else {
        replace_at.push_back({map_end, map_end, block});  // a pure insertion after the cohort
    }
    std::string out;
    for (std::size_t i = 0; i <= lines.size(); ++i) {
        bool removed = false;
        for (const auto& r : replace_at) {
            if (i == r.first && !r.text.empty()) {
                // The line before may lack a final newline (end of file).
                if (!out.empty() && out.back() != '\n') out += nl;
                out += r.text;
            }
            if (i >= r.first && i < r.end) removed = true;
        }
        if (i == lines.size()) break;
        if (!removed) out += lines[i];
    }
    if (!write_atomically(path, out, problem))
        return {false, fmt::format("cannot write {}: {}", shown, problem)};
    return {true, fmt::format("wrote {} meetings and {} visits for cohort {} into {}",
                              plan.meetings.size(), plan.visits.size(), cohort.id, shown)};
}

}  // namespace tfm
