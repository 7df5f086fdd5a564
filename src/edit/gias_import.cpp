// Known schools get just their `name` or `area` scalar replaced where it stands; new schools
// are appended to the end of a `schools:` list. Every other byte stays as it was; each result
// is parsed again and compared with the original before anything is written.
#include "tfm/edit/gias_import.h"

#include "tfm/base/untrusted_text.h"
#include "tfm/edit/gias_yaml.h"
#include "tfm/yaml/editor.h"
#include "tfm/yaml/read_back.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace tfm::gias {
namespace import_phase {
namespace {

using NodeId = std::uint32_t;

void refuse(ImportResult& result, std::string message) {
    result.refused = true;
    result.errors.push_back(std::move(message));
}

}  // namespace

std::map<std::string, std::vector<SchoolAt>> index_schools(const yaml::ParseResult& parsed, std::string_view text) {
    std::map<std::string, std::vector<SchoolAt>> out;
    auto add = [&](std::size_t di, const yaml::Document& d, NodeId m, bool flow) {
        if (d.nodes[m].kind != yaml::Kind::mapping) return;
        auto u = yaml::entry(d, m, "urn");
        if (!u) return;
        const auto* v = yaml::scalar_node(d, u->second);
        if (v && !v->quoted) out[v->value].push_back({di, m, flow});
    };
    for (std::size_t di = 0; di < parsed.documents.size(); ++di) {
        const auto& d = parsed.documents[di];
        if (d.nodes.empty() || d.broken) continue;
        if (auto one = yaml::entry(d, d.root, "school"))
            add(di, d, one->second, yaml::opens_with(text, d.nodes[one->second], '{'));
        if (auto list = yaml::entry(d, d.root, "schools"); list && d.nodes[list->second].kind == yaml::Kind::sequence) {
            bool flow_list = yaml::opens_with(text, d.nodes[list->second], '[');
            for (NodeId item : d.children(list->second))
                add(di, d, item, flow_list || yaml::opens_with(text, d.nodes[item], '{'));
        }
    }
    return out;
}

namespace {

std::string new_file_header(std::string_view area) {
    return fmt::format(
        "# Schools in {}, added by `tfm import gias` from Get Information About Schools (GIAS).\n"
        "# Add what GIAS does not know (ofsted, fsm, eal, ehcp, staff, history) by hand: a later\n"
        "# import updates names and areas in place and keeps every other field and comment.\n",
        area);
}

FileWork& work_for(Work& work, const std::string& shown, const std::string& path) {
    auto [it, inserted] = work.try_emplace(shown);
    if (inserted) {
        it->second.edit.shown = shown;
        it->second.edit.path = path;
        it->second.edit.exists = false;
    }
    return it->second;
}

// Reads a file once; a missing file stays new. False (refused) when it cannot be read.
bool load(const Transaction& tx, FileWork& w, ImportResult& result) {
    if (w.edit.exists) return true;
    std::error_code ec;
    if (!fs::exists(w.edit.path, ec)) return true;
    std::string problem;
    if (!fs::is_regular_file(w.edit.path, ec)) problem = fmt::format("{}: cannot read it", w.edit.shown);
    if (!problem.empty() || !tx.read(w.edit, problem)) {
        w.edit.exists = false;
        refuse(result, problem);
        return false;
    }
    return true;
}

// The changes replaced in `text`, each scalar where it stands; refused (empty) when one
// cannot be replaced on its own or the result holds other data than before.
std::optional<std::string> apply_changes(const FileWork& w, const std::string& text, ImportResult& result) {
    const std::string& shown = w.edit.shown;
    auto parsed = yaml::parse(text);
    if (!parsed.errors.empty()) {
        refuse(result, fmt::format("{}: it has YAML errors; run tfm check and fix them first", shown));
        return std::nullopt;
    }
    std::size_t errors_before = result.errors.size();
    std::vector<yaml::Edit> edits;
    yaml::ChangedValues changed;
    auto index = index_schools(parsed, text);
    for (const auto& c : w.changes) {
        Urn urn = c.school->urn;
        auto found = index.find(std::to_string(urn));
        if (found == index.end() || found->second.empty()) {
            refuse(result, fmt::format("{}: school {} is no longer in it (was it edited while tfm ran?)", shown, urn));
            continue;
        }
        for (const auto& at : found->second) {
            const auto& d = parsed.documents[at.doc];
            auto kv = yaml::entry(d, at.map, c.field);
            if (!kv) {
                refuse(result, fmt::format("{}: school {} has no `{}` to update", shown, urn, c.field));
                continue;
            }
            std::string why;
            auto span = yaml::scalar_span(text, d, kv->first, kv->second, at.flow, why);
            if (!span) {
                refuse(result, fmt::format("{}:{}: the {} of school {} {}, so tfm cannot replace it on its own: "
                                           "change it to `{}` by hand (or write it as one plain line) and import "
                                           "again",
                                           shown, d.nodes[kv->first].line + 1, c.field, urn, why, c.value));
                continue;
            }
            edits.push_back(yaml::replace_scalar(*span, c.value, at.flow));
            changed[{at.doc, kv->second}] = c.value;
        }
    }
    if (result.errors.size() != errors_before) return std::nullopt;
    std::string out = yaml::apply(text, std::move(edits));
    if (!yaml::same_data(parsed, yaml::parse(out), changed)) {
        refuse(result, fmt::format("{}: tfm could not update it without changing other data; update it by hand", shown));
        return std::nullopt;
    }
    return out;
}

// The additions appended to the end of `text` (a new file when the work's file is new), in
// the style of the list's items; refused (empty) when the result is more than the list grown.
std::optional<std::string> append_additions(const FileWork& w, const std::string& text, std::string_view newline,
                                            const Selection& selection, ImportResult& result) {
    std::vector<std::vector<yaml::Field>> items;
    for (const auto* e : w.additions) items.push_back(school_fields(*e, selection));
    if (!w.edit.exists) return new_file_header(w.area) + "schools:\n" + yaml::list_items({}, items);
    auto parsed = yaml::parse(text);
    std::string why;
    auto p = yaml::list_at_end(text, parsed, "schools", why);
    if (!p) {
        refuse(result, fmt::format("{}: cannot add schools to it: {}", w.edit.shown, why));
        return std::nullopt;
    }
    std::string lines = (p->with_key ? "schools:\n" : "") + yaml::list_items(p->style, items);
    std::string out = yaml::apply(text, {yaml::insert_lines(text, p->insert_at, lines, newline)});
    if (!yaml::extends_list(parsed, yaml::parse(out), p->list)) {
        refuse(result, fmt::format("{}: tfm could not add schools to it without changing other data; add them by "
                                   "hand (tfm import gias without --write prints them)",
                                   w.edit.shown));
        return std::nullopt;
    }
    return out;
}

}  // namespace

void refuse_broken_tree(const std::string& directory, const LoadResult& tree, ImportResult& result) {
    const auto& files = tree.records.files;
    for (const auto& diag : tree.diagnostics)
        if (diag.severity == Severity::error && (diag.rule == "yaml/syntax" || diag.rule == "file/unreadable"))
            refuse(result, fmt::format("{}:{}: {} [{}]", diag.pos.file >= 0 ? files[std::size_t(diag.pos.file)].path : directory,
                                       diag.pos.line, diag.message, diag.rule));
    if (result.refused)
        result.errors.push_back("fix these first (tfm check shows them): the schools in those files are "
                                "unknown, so a school could be added twice");
}

NewSchools compare_known(const Records& records, const Extract& extract, const Selection& selection, Work& work,
                         ImportResult& result) {
    std::map<Urn, std::vector<const School*>> known;
    for (const auto& s : records.schools) known[s.urn].push_back(&s);
    std::set<Urn> broken(records.broken_schools.begin(), records.broken_schools.end());
    std::set<const Establishment*> chosen;
    for (const auto* e : select(extract, selection)) chosen.insert(e);
    auto in_hub = [&](std::string_view area) {
        return std::any_of(selection.spellings.begin(), selection.spellings.end(),
                           [&](const std::string& s) { return same_area(s, area); });
    };

    NewSchools new_schools;
    for (const auto& e : extract.establishments) {
        auto k = known.find(e.urn);
        if (k == known.end()) {
            if (!broken.count(e.urn)) {
                if (chosen.count(&e)) new_schools[area_spelling(selection, e.area)].push_back(&e);
            } else if (chosen.count(&e)) {
                result.notes.push_back(fmt::format("{} {}: its record has errors, so it is left as it is "
                                                   "(tfm check shows them)",
                                                   e.urn, e.name));
            }
            continue;
        }
        for (const School* s : k->second) {
            const auto& file = records.files[std::size_t(s->pos.file)];
            if (!e.open) {
                result.notes.push_back(fmt::format("{} {} ({}:{}) is `{}` in GIAS; its record is kept", e.urn, s->name,
                                                   file.path, s->pos.line, e.status));
                continue;
            }
            if (!area_chosen(selection, e.area) && !area_chosen(selection, s->area)) continue;
            std::string area = area_spelling(selection, e.area);
            bool renamed = s->name != e.name;
            bool moved = !same_area(s->area, area);
            if (renamed) {
                work_for(work, file.path, file.full_path).changes.push_back({&e, "name", e.name});
                result.renamed.push_back({e.urn, s->name, e.name, file.path});
            }
            if (moved) {
                work_for(work, file.path, file.full_path).changes.push_back({&e, "area", area});
                result.moved.push_back({e.urn, e.name, s->area, area, file.path});
                if (!selection.spellings.empty() && !in_hub(area))
                    result.notes.push_back(
                        fmt::format("{} {} is now in {}, which is not one of the hub's areas", e.urn, e.name, area));
            }
            if (!renamed && !moved) ++result.unchanged;
        }
    }
    // Appended in name order.
    for (auto& [area, list] : new_schools)
        std::stable_sort(list.begin(), list.end(), [](const Establishment* a, const Establishment* b) {
            return a->name != b->name ? a->name < b->name : a->urn < b->urn;
        });
    return new_schools;
}

void place_new(const Transaction& tx, const std::string& directory, const NewSchools& schools, Work& work, ImportResult& result) {
    for (const auto& [area, list] : schools) {
        std::string slug = area_slug(area);
        std::string chosen_path;
        for (std::string name : {slug + ".yaml", slug + "-gias.yaml"}) {
            std::string shown = "schools/" + name;
            // The file's entry when it already has work, else a new one that joins the work
            // only when chosen; either way the file is read once.
            Work fresh;
            auto it = work.find(shown);
            FileWork& candidate =
                it != work.end() ? it->second : work_for(fresh, shown, (fs::path(directory) / shown).string());
            if (!load(tx, candidate, result)) break;
            std::string why;
            bool usable = !candidate.edit.exists;
            if (!usable) {
                std::string text = yaml::split_source(candidate.edit.original).text;
                auto parsed = yaml::parse(text);
                usable = parsed.errors.empty() && yaml::list_at_end(text, parsed, "schools", why).has_value();
            }
            if (usable) {
                chosen_path = shown;
                work.merge(fresh);
                break;
            }
            if (name == slug + "-gias.yaml")
                refuse(result, fmt::format("{}: cannot add the new schools of {} to it: {}", shown, area,
                                           why.empty() ? "it has YAML errors" : why));
        }
        if (chosen_path.empty()) continue;
        FileWork& w = work.at(chosen_path);
        w.area = area;
        w.additions.insert(w.additions.end(), list.begin(), list.end());
        for (const auto* e : list) result.added.push_back({e->urn, e->name, chosen_path});
    }
}

std::optional<std::string> apply_work(const FileWork& file, const Selection& selection, ImportResult& result) {
    yaml::SourceText source = yaml::split_source(file.edit.original);
    std::optional<std::string> text = source.text;
    if (!file.changes.empty()) text = apply_changes(file, *text, result);
    if (text && !file.additions.empty()) text = append_additions(file, *text, source.newline, selection, result);
    return text;
}

void read_back(const FileWork& file, std::string_view text, const Selection& selection, ImportResult& result) {
    const std::string& shown = file.edit.shown;
    LoadResult check = load_text(text, shown);
    for (const auto& diag : check.diagnostics)
        if (diag.rule == "yaml/syntax")
            refuse(result, fmt::format("{}: the result would not parse ({}); nothing was written", shown, diag.message));
    std::map<Urn, std::vector<const School*>> read;
    for (const auto& s : check.records.schools) read[s.urn].push_back(&s);
    std::vector<const Establishment*> expected;
    for (const auto& c : file.changes) expected.push_back(c.school);
    expected.insert(expected.end(), file.additions.begin(), file.additions.end());
    for (const Establishment* e : expected) {
        auto it = read.find(e->urn);
        bool ok = it != read.end();
        if (ok)
            for (const School* s : it->second)
                if (s->name != e->name || !same_area(s->area, area_spelling(selection, e->area))) ok = false;
        if (!ok)
            refuse(result, fmt::format("{}: school {} would not read back as GIAS has it; nothing was written", shown,
                                       e->urn));
    }
}

void commit_all(const Transaction& tx, const Work& work, ImportResult& result) {
    std::vector<FileEdit> edits;
    for (const auto& [shown, w] : work)
        if (w.edit.changes()) edits.push_back(w.edit);
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

}  // namespace import_phase

ImportResult import_into(const Transaction& tx, const std::string& directory, const LoadResult& tree,
                         const Extract& extract, const Selection& selection) {
    using namespace import_phase;
    ImportResult result;
    refuse_broken_tree(directory, tree, result);
    if (result.refused) return result;

    Work work;
    NewSchools new_schools = compare_known(tree.records, extract, selection, work, result);
    place_new(tx, directory, new_schools, work, result);
    if (result.refused) return result;

    for (auto& [shown, w] : work) {
        if (!load(tx, w, result)) continue;
        std::size_t errors_before = result.errors.size();
        auto text = apply_work(w, selection, result);
        if (!text || result.errors.size() != errors_before) continue;
        read_back(w, *text, selection, result);
        w.edit.updated = yaml::source_bytes(yaml::split_source(w.edit.original), *text);
    }
    if (result.refused) return result;
    commit_all(tx, work, result);
    return result;
}

std::string summary_text(const ImportResult& r) {
    auto plural = [](std::size_t n, std::string_view word) {
        return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
    };
    if (!r.changed()) {
        if (r.unchanged == 0) return "nothing to change\n";
        return fmt::format("nothing to change: {} known school{} {} up to date\n", r.unchanged,
                           r.unchanged == 1 ? "" : "s", r.unchanged == 1 ? "is" : "are");
    }
    std::string out =
        fmt::format("changed {}: {}\n", plural(r.files.size(), "file"), terminal_safe(fmt::format("{}", fmt::join(r.files, ", "))));
    if (!r.added.empty()) {
        out += fmt::format("added {}:\n", plural(r.added.size(), "school"));
        for (const auto& a : r.added) out += fmt::format("  {} {} ({})\n", a.urn, terminal_safe(a.name), terminal_safe(a.file));
    }
    if (!r.renamed.empty()) {
        out += fmt::format("renamed {}:\n", plural(r.renamed.size(), "school"));
        for (const auto& a : r.renamed)
            out += fmt::format("  {} {} → {} ({})\n", a.urn, terminal_safe(a.old_name), terminal_safe(a.new_name),
                               terminal_safe(a.file));
    }
    if (!r.moved.empty()) {
        out += fmt::format("moved {} to another area:\n", plural(r.moved.size(), "school"));
        for (const auto& a : r.moved)
            out += fmt::format("  {} {}: {} → {} ({})\n", a.urn, terminal_safe(a.name), terminal_safe(a.old_area),
                               terminal_safe(a.new_area), terminal_safe(a.file));
    }
    out += fmt::format("unchanged: {}\n", plural(std::size_t(r.unchanged), "school"));
    return out;
}

}  // namespace tfm::gias
