// Writing predecessors into school records in place: `predecessor: P` added to a record
// without one, `predecessor: OLD` becoming `[OLD, P]`, P appended to a list written in
// either style. Every other byte stays; each result must mean exactly the intended records.
#include "tfm/edit/gias_links.h"

#include "tfm/edit/gias_import.h"
#include "tfm/yaml/editor.h"
#include "tfm/yaml/read_back.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace tfm::gias {
namespace {

std::string urn_text(Urn u) { return std::to_string(u); }

std::string joined(const std::vector<Urn>& urns) {
    std::string out;
    for (Urn u : urns) out += (out.empty() ? "" : ", ") + urn_text(u);
    return out;
}

// Inserts `added` (", 1, 2" or "1, 2") before the bracket closing the flow collection at `open`.
std::optional<yaml::Edit> before_closing(std::string_view text, std::size_t open, std::string added,
                                         std::string& why) {
    std::size_t close = yaml::closing_flow(text, open);
    if (close == std::string_view::npos) {
        why = "it does not end where tfm can find it";
        return std::nullopt;
    }
    std::size_t back = close;
    while (back > open + 1 && (text[back - 1] == ' ' || text[back - 1] == '\t')) --back;
    return yaml::Edit{back, 0, std::move(added)};
}

// The edit adding `urns` to one school mapping.
std::optional<yaml::Edit> school_edit(std::string_view text, std::string_view newline, const yaml::Document& d,
                                      const import_phase::SchoolAt& at, const std::vector<Urn>& urns,
                                      std::string& why) {
    const yaml::Node& map = d.nodes[at.map];
    auto kv = yaml::entry(d, at.map, "predecessor");
    if (!kv) {
        std::string value = urns.size() == 1 ? urn_text(urns[0]) : "[" + joined(urns) + "]";
        if (at.flow) {
            if (!yaml::opens_with(text, map, '{')) {
                why = "it is not written as {…}";
                return std::nullopt;
            }
            return before_closing(text, map.offset, ", predecessor: " + value, why);
        }
        if (map.byte_col == 0) {
            why = "it is not inside a `school:` or `schools:` key";
            return std::nullopt;
        }
        yaml::LineRange lines = yaml::mapping_lines(text, map);
        std::string pad(map.byte_col, ' ');
        return yaml::replace_lines(text, {lines.end, lines.end}, pad + "predecessor: " + value + "\n", newline);
    }
    const yaml::Node& value = d.nodes[kv->second];
    if (value.kind == yaml::Kind::scalar) {
        auto span = yaml::scalar_span(text, d, kv->first, kv->second, at.flow, why);
        if (!span) {
            why = "its `predecessor` " + why;
            return std::nullopt;
        }
        std::string old(text.substr(span->offset, span->length));
        return yaml::Edit{span->offset, span->length, "[" + old + ", " + joined(urns) + "]"};
    }
    if (value.kind != yaml::Kind::sequence) {
        why = "its `predecessor` is neither a URN nor a list";
        return std::nullopt;
    }
    if (yaml::opens_with(text, value, '[')) {
        std::string added = (d.children(value).empty() ? "" : ", ") + joined(urns);
        return before_closing(text, value.offset, added, why);
    }
    if (!yaml::opens_with(text, value, '-') || d.children(value).empty() || at.flow) {
        why = "its `predecessor` list is written in a way tfm does not extend";
        return std::nullopt;
    }
    // A block list: new items under the last, with its dash and spacing.
    const yaml::Node& last = d.nodes[d.children(value).back()];
    std::size_t gap = last.byte_col > value.byte_col + 1 ? last.byte_col - value.byte_col - 1 : 1;
    std::string items;
    for (Urn u : urns) items += std::string(value.byte_col, ' ') + "-" + std::string(gap, ' ') + urn_text(u) + "\n";
    yaml::LineRange lines = yaml::entry_lines(text, d.nodes[kv->first]);
    yaml::LineRange school_lines = yaml::mapping_lines(text, map);
    lines.end = std::min(lines.end, std::max(school_lines.end, lines.first + 1));
    return yaml::replace_lines(text, {lines.end, lines.end}, items, newline);
}

bool is_school(const yaml::Value& v, Urn urn) {
    const yaml::Value* u = v.kind == yaml::Kind::mapping ? v.find("urn") : nullptr;
    return u && u->kind == yaml::Kind::scalar && !u->quoted && u->scalar == urn_text(urn);
}

// The records as they must read: each school's `predecessor` with the URNs added.
yaml::Intent links_intent(const std::map<Urn, std::vector<Urn>>& predecessors) {
    return [predecessors](std::vector<yaml::Value>& docs) {
        auto number = [](Urn u) { return yaml::Value{yaml::Kind::scalar, false, urn_text(u), {}, {}}; };
        std::set<Urn> found;
        auto change = [&](yaml::Value& school) {
            for (const auto& [urn, urns] : predecessors) {
                if (!is_school(school, urn)) continue;
                found.insert(urn);
                yaml::Value* p = school.find("predecessor");
                if (!p) {
                    if (urns.size() == 1) {
                        school.set("predecessor", number(urns[0]));
                        continue;
                    }
                    school.set("predecessor", yaml::Value{yaml::Kind::sequence, false, {}, {}, {}});
                    p = school.find("predecessor");
                } else if (p->kind == yaml::Kind::scalar) {
                    yaml::Value old = *p;
                    *p = yaml::Value{yaml::Kind::sequence, false, {}, {old}, {}};
                }
                for (Urn u : urns) p->items.push_back(number(u));
            }
        };
        for (auto& doc : docs) {
            if (yaml::Value* one = doc.find("school")) change(*one);
            if (yaml::Value* list = doc.find("schools"); list && list->kind == yaml::Kind::sequence)
                for (auto& item : list->items) change(item);
        }
        return found.size() == predecessors.size();
    };
}

void refuse(LinksResult& result, std::string message) {
    result.refused = true;
    result.errors.push_back(std::move(message));
}

}  // namespace

std::optional<std::string> add_predecessors(std::string_view text, std::string_view newline,
                                            const std::map<Urn, std::vector<Urn>>& predecessors, std::string& why) {
    auto parsed = yaml::parse(text);
    if (!parsed.errors.empty()) {
        why = "it has YAML errors; run tfm check and fix them first";
        return std::nullopt;
    }
    auto index = import_phase::index_schools(parsed, text);
    std::vector<yaml::Edit> edits;
    for (const auto& [urn, urns] : predecessors) {
        auto found = index.find(urn_text(urn));
        if (found == index.end()) {
            why = fmt::format("school {} is no longer in it (was it edited while tfm ran?)", urn);
            return std::nullopt;
        }
        for (const auto& at : found->second) {
            auto e = school_edit(text, newline, parsed.documents[at.doc], at, urns, why);
            if (!e) {
                why = fmt::format("school {}: {}; add `predecessor: {}` by hand", urn, why, joined(urns));
                return std::nullopt;
            }
            edits.push_back(std::move(*e));
        }
    }
    std::string out = yaml::apply(text, std::move(edits));
    std::string mismatch;
    if (!yaml::means_intended(text, out, links_intent(predecessors), mismatch)) {
        why = fmt::format("tfm could not add the predecessors without changing other data ({}); add them by hand",
                          mismatch);
        return std::nullopt;
    }
    return out;
}

void write_links(const Transaction& tx, const std::string& directory, const LoadResult& tree, LinksResult& result) {
    ImportResult broken;
    import_phase::refuse_broken_tree(directory, tree, broken);
    if (broken.refused) {
        result.refused = true;
        result.errors = broken.errors;
        return;
    }
    // The predecessors to add, by file (as shown) and school.
    std::map<std::string, std::map<Urn, std::vector<Urn>>> by_file;
    std::map<std::string, std::string> full_path;
    for (const auto& s : result.set) {
        auto& urns = by_file[s.file][s.urn];
        if (std::find(urns.begin(), urns.end(), s.link.predecessor) == urns.end()) urns.push_back(s.link.predecessor);
    }
    for (const auto& f : tree.records.files) full_path[f.path] = f.full_path;
    std::vector<FileEdit> edits;
    for (const auto& [shown, schools] : by_file) {
        FileEdit file;
        file.path = full_path[shown];
        file.shown = shown;
        std::string why;
        if (!tx.read(file, why)) {
            refuse(result, why);
            continue;
        }
        yaml::SourceText source = yaml::split_source(file.original);
        auto text = add_predecessors(source.text, source.newline, schools, why);
        if (!text) {
            refuse(result, fmt::format("{}: {}", shown, why));
            continue;
        }
        // Read back as the loader reads it: every school with every predecessor wanted.
        LoadResult check = load_text(*text, shown);
        for (const auto& [urn, urns] : schools) {
            bool ok = false;
            for (const auto& s : check.records.schools)
                if (s.urn == urn)
                    ok = std::all_of(urns.begin(), urns.end(), [&](Urn u) {
                        return std::find(s.predecessors.begin(), s.predecessors.end(), u) != s.predecessors.end();
                    });
            if (!ok) refuse(result, fmt::format("{}: school {} would not read back with its predecessors; nothing "
                                                "was written", shown, urn));
        }
        file.updated = yaml::source_bytes(source, *text);
        edits.push_back(std::move(file));
    }
    if (result.refused) return;
    WriteOutcome outcome = tx.commit(edits);
    if (!outcome.ok) {
        refuse(result, outcome.problem);
        return;
    }
    result.files = outcome.written;
    if (tx.settings().dry_run)
        for (const auto& e : edits) result.files.push_back(e.shown);
    result.diff = outcome.diff;
}

}  // namespace tfm::gias
