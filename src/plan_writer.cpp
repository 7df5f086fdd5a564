// Writes a plan into the cohort's own file: a line-level edit that leaves every other byte
// as it was, written to a temporary file and renamed over the original.
#include "tfm/plan.h"

#include "tfm/atomic_file.h"
#include "tfm/yaml_tree.h"

#include <fmt/format.h>


#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace tfm {
namespace {

struct Found {
    const yaml::Document* doc = nullptr;
    std::uint32_t map = 0;
};

std::optional<std::string> scalar_value(const yaml::Document& d, std::uint32_t id) {
    const auto& n = d.nodes[id];
    if (n.kind != yaml::Kind::scalar) return std::nullopt;
    return n.value;
}

std::optional<std::uint32_t> value_of(const yaml::Document& d, std::uint32_t map, std::string_view key) {
    const auto& n = d.nodes[map];
    if (n.kind != yaml::Kind::mapping) return std::nullopt;
    for (std::size_t i = 0; i + 1 < n.children.size(); i += 2)
        if (scalar_value(d, n.children[i]) == std::string(key)) return n.children[i + 1];
    return std::nullopt;
}

std::optional<std::uint32_t> key_of(const yaml::Document& d, std::uint32_t map, std::string_view key) {
    const auto& n = d.nodes[map];
    for (std::size_t i = 0; i + 1 < n.children.size(); i += 2)
        if (scalar_value(d, n.children[i]) == std::string(key)) return n.children[i];
    return std::nullopt;
}

std::optional<Found> find_cohort(const yaml::ParseResult& parsed, const std::string& id) {
    for (const auto& doc : parsed.documents) {
        if (doc.nodes.empty()) continue;
        auto matches = [&](std::uint32_t m) {
            auto v = value_of(doc, m, "id");
            return v && scalar_value(doc, *v) == id;
        };
        if (auto one = value_of(doc, doc.root, "cohort"); one && matches(*one)) return Found{&doc, *one};
        if (auto list = value_of(doc, doc.root, "cohorts"); list && doc.nodes[*list].kind == yaml::Kind::sequence)
            for (auto item : doc.nodes[*list].children)
                if (doc.nodes[item].kind == yaml::Kind::mapping && matches(item)) return Found{&doc, item};
    }
    return std::nullopt;
}

// Lines with their terminators, so joining them gives the text back byte for byte.
std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
        lines.push_back(text.substr(start, end - start));
        start = end;
    }
    return lines;
}

std::size_t indent_of(const std::string& line) {
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    return i;
}

bool blank_or_comment(const std::string& line) {
    std::size_t i = indent_of(line);
    return i >= line.size() || line[i] == '\n' || line[i] == '\r' || line[i] == '#';
}

bool document_marker(const std::string& line) {
    return line.rfind("---", 0) == 0 || line.rfind("...", 0) == 0;
}

// The last line (exclusive bound) that belongs to a block starting after `first` whose lines
// are indented more than `column` (or are "- " items at `column`, for sequences).
std::size_t block_end(const std::vector<std::string>& lines, std::size_t first, std::size_t column,
                      bool items_at_column) {
    std::size_t last_content = first;
    for (std::size_t i = first + 1; i < lines.size(); ++i) {
        const std::string& l = lines[i];
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
    std::ifstream in(path, std::ios::binary);
    if (!in) return {false, fmt::format("cannot read {}", shown)};
    std::stringstream buf;
    buf << in.rdbuf();
    std::string text = buf.str();
    std::string_view yaml_text = text;
    std::size_t bom = yaml_text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    yaml_text.remove_prefix(bom);

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

    auto lines = split_lines(text);
    bool crlf = text.find("\r\n") != std::string::npos;
    std::size_t column = map.byte_col;
    if (column == 0) return {false, fmt::format("cohort {} is not inside a `cohort:` or `cohorts:` key", cohort.id)};
    // Lines of the cohort's mapping: from its first key to the last line indented as its keys.
    std::size_t map_end = block_end(lines, map.line, column - 1, false);
    // Comments right after it, indented like its keys (or deeper), still belong to it.
    auto own_comment = [&](const std::string& l) {
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
        auto k = key_of(doc, found->map, key);
        if (!k) continue;
        std::size_t first = doc.nodes[*k].line;
        std::size_t end = block_end(lines, first, doc.nodes[*k].byte_col, true);
        replace_at.push_back({first, std::min(end, std::max(map_end, first + 1)), ""});
    }

    std::string block = plan_yaml(plan, int(column));
    if (crlf) {
        std::string converted;
        for (char c : block) {
            if (c == '\n') converted += "\r\n";
            else converted += c;
        }
        block = converted;
    }
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
                if (!out.empty() && out.back() != '\n') out += crlf ? "\r\n" : "\n";
                out += r.text;
            }
            if (i >= r.first && i < r.end) removed = true;
        }
        if (i == lines.size()) break;
        if (!removed) out += lines[i];
    }
    std::string problem;
    if (!write_atomically(path, out, problem))
        return {false, fmt::format("cannot write {}: {}", shown, problem)};
    return {true, fmt::format("wrote {} meetings and {} visits for cohort {} into {}",
                              plan.meetings.size(), plan.visits.size(), cohort.id, shown)};
}

}  // namespace tfm
