// `tfm import gias --write`: brings a records tree up to date with the extract by editing
// files in place. Known schools get just their `name` or `area` scalar replaced where it
// stands; new schools are appended to the end of a `schools:` list. Every other byte stays
// as it was; each result is parsed again and compared with the original before anything is
// written, and each file is written atomically.
#include "gias_detail.h"
#include "tfm/base/atomic_file.h"
#include "tfm/edit/gias.h"
#include "tfm/base/text.h"
#include "tfm/yaml/yaml_tree.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace tfm::gias {
namespace {

using NodeId = std::uint32_t;
using yaml::entry;
using yaml::scalar_node;

struct SchoolAt {
    std::size_t doc = 0;
    NodeId map = 0;
    bool flow = false;  // inside {…} or […]: a plain scalar ends at a comma or bracket
};

// Every school mapping of the file, by its URN as written.
std::map<std::string, std::vector<SchoolAt>> index_schools(const yaml::ParseResult& parsed, std::string_view text) {
    std::map<std::string, std::vector<SchoolAt>> out;
    auto add = [&](std::size_t di, const yaml::Document& d, NodeId m, bool flow) {
        if (d.nodes[m].kind != yaml::Kind::mapping) return;
        auto u = entry(d, m, "urn");
        if (!u) return;
        const auto* v = scalar_node(d, u->second);
        if (v && !v->quoted) out[v->value].push_back({di, m, flow});
    };
    auto starts = [&](const yaml::Node& n, char c) { return n.offset < text.size() && text[n.offset] == c; };
    for (std::size_t di = 0; di < parsed.documents.size(); ++di) {
        const auto& d = parsed.documents[di];
        if (d.nodes.empty() || d.broken) continue;
        if (auto one = entry(d, d.root, "school")) add(di, d, one->second, starts(d.nodes[one->second], '{'));
        if (auto list = entry(d, d.root, "schools"); list && d.nodes[list->second].kind == yaml::Kind::sequence) {
            bool flow_list = starts(d.nodes[list->second], '[');
            for (NodeId item : d.nodes[list->second].children)
                add(di, d, item, flow_list || starts(d.nodes[item], '{'));
        }
    }
    return out;
}

struct Extent {
    std::size_t offset = 0, length = 0;
    char quote = 0;  // '"', '\'' or 0 for plain
};

// Where a one-line scalar value is written: its quotes included, a comment after it not.
// Empty with `why` set when it cannot be replaced on its own.
std::optional<Extent> scalar_extent(std::string_view text, const yaml::Document& d, NodeId key, NodeId value,
                                    bool flow, std::string& why) {
    const auto& k = d.nodes[key];
    const auto& v = d.nodes[value];
    if (v.kind != yaml::Kind::scalar) {
        why = "is not a single value";
        return std::nullopt;
    }
    if (v.line != k.line || v.offset <= k.offset || v.offset >= text.size()) {
        why = "is not written on its key's line (it is an alias, or spans several lines)";
        return std::nullopt;
    }
    char c = text[v.offset];
    if (c == '"' || c == '\'') {
        std::size_t end = yaml::closing_quote(text, v.offset);
        if (end == std::string_view::npos) {
            why = "has a quote that never closes";
            return std::nullopt;
        }
        if (text.substr(v.offset, end - v.offset).find('\n') != std::string_view::npos) {
            why = "spans several lines";
            return std::nullopt;
        }
        return Extent{v.offset, end + 1 - v.offset, c};
    }
    if (c == '|' || c == '>') {
        why = "is a block scalar spanning several lines";
        return std::nullopt;
    }
    if (c == '&' || c == '!' || c == '*') {
        why = "has an anchor or a tag";
        return std::nullopt;
    }
    std::size_t end = v.offset;
    while (end < text.size()) {
        char ch = text[end];
        if (ch == '\n' || ch == '\r') break;
        if (flow && (ch == ',' || ch == '}' || ch == ']')) break;
        if (ch == '#' && (text[end - 1] == ' ' || text[end - 1] == '\t')) break;
        ++end;
    }
    while (end > v.offset && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    if (text.substr(v.offset, end - v.offset) != v.value) {
        why = "spans several lines";
        return std::nullopt;
    }
    return Extent{v.offset, end - v.offset, 0};
}

// The new value written as the old one was: in the same quotes when it was quoted (and the
// quotes can hold it), else plain when YAML allows.
std::string written_as(std::string_view value, char quote, bool flow) {
    if (quote == '"') return detail::double_quoted(value);
    if (quote == '\'' && detail::printable(value)) {
        std::string out = "'";
        for (char c : value) {
            if (c == '\'') out += "''";
            else out += c;
        }
        return out + "'";
    }
    return yaml_scalar(value, flow);
}

// Two parses of a file hold the same data, apart from the values of `changed` nodes (which
// must read as given).
bool same_data(const yaml::ParseResult& a, const yaml::ParseResult& b,
               const std::map<std::pair<std::size_t, NodeId>, std::string>& changed) {
    if (!b.errors.empty() || a.documents.size() != b.documents.size()) return false;
    for (std::size_t di = 0; di < a.documents.size(); ++di) {
        const auto& da = a.documents[di];
        const auto& db = b.documents[di];
        if (da.nodes.size() != db.nodes.size() || da.root != db.root || da.broken != db.broken) return false;
        for (NodeId i = 0; i < da.nodes.size(); ++i) {
            const auto& na = da.nodes[i];
            const auto& nb = db.nodes[i];
            if (na.kind != nb.kind || na.children != nb.children) return false;
            if (auto it = changed.find({di, i}); it != changed.end()) {
                if (nb.value != it->second) return false;
            } else if (na.value != nb.value || na.quoted != nb.quoted) {
                return false;
            }
        }
    }
    return true;
}

// b is a with items added at the end of one list (node `list` of the last document, which
// may have been an empty value before).
bool extends(const yaml::ParseResult& a, const yaml::ParseResult& b, NodeId list) {
    if (!b.errors.empty()) return false;
    if (a.documents.empty()) return b.documents.size() == 1;
    if (a.documents.size() != b.documents.size()) return false;
    for (std::size_t di = 0; di < a.documents.size(); ++di) {
        const auto& da = a.documents[di];
        const auto& db = b.documents[di];
        bool last = di + 1 == a.documents.size();
        if (last ? db.nodes.size() < da.nodes.size() : db.nodes.size() != da.nodes.size()) return false;
        if (da.root != db.root) return false;
        for (NodeId i = 0; i < da.nodes.size(); ++i) {
            const auto& na = da.nodes[i];
            const auto& nb = db.nodes[i];
            if (last && i == list) {
                bool was_empty = na.kind == yaml::Kind::null && nb.kind == yaml::Kind::sequence;
                if (!was_empty && na.kind != nb.kind) return false;
                if (nb.children.size() < na.children.size() ||
                    !std::equal(na.children.begin(), na.children.end(), nb.children.begin()))
                    return false;
                continue;
            }
            if (na.kind != nb.kind || na.children != nb.children || na.value != nb.value || na.quoted != nb.quoted)
                return false;
        }
    }
    return true;
}

bool blank(std::string_view line) {
    return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool comment_or_blank(std::string_view line) {
    auto i = line.find_first_not_of(" \t\r\n");
    return i == std::string_view::npos || line[i] == '#';
}

// Where and how new schools go at the end of a file.
struct AppendPoint {
    std::size_t insert_at = 0;       // byte offset in the text (after the last content line)
    bool need_newline = false;       // the last content line has no line break
    bool with_key = false;           // the file has no document: write `schools:` first
    std::size_t dash_column = 2;
    std::size_t key_column = 4;
    bool flow_items = false;
    bool blank_between = false;
    NodeId list = 0;                 // the list's node in the last document
};

// The file ends with a `schools:` block list (or an empty `schools:`, or holds no document
// at all): new schools can be appended. Otherwise empty, with `why` set.
std::optional<AppendPoint> append_point(std::string_view text, const yaml::ParseResult& parsed, std::string& why) {
    AppendPoint p;
    auto lines = lines_of(text);
    std::size_t last_content = lines.size();
    for (std::size_t i = lines.size(); i-- > 0;) {
        std::string_view l = lines[i];
        if (comment_or_blank(l) || l.starts_with("...")) continue;
        last_content = i;
        break;
    }
    if (parsed.documents.empty()) {
        if (last_content != lines.size()) {
            why = "it holds no YAML document but is not empty";
            return std::nullopt;
        }
        p.with_key = true;
        p.insert_at = text.size();
        p.need_newline = !text.empty() && text.back() != '\n';
        return p;
    }
    const auto& d = parsed.documents.back();
    if (d.nodes.empty() || d.broken) {
        why = "its last document is empty";
        return std::nullopt;
    }
    const auto& root = d.nodes[d.root];
    if (root.kind != yaml::Kind::mapping || root.children.size() < 2 || text[root.offset] == '{') {
        why = "its last document is not a block mapping";
        return std::nullopt;
    }
    const auto* key = scalar_node(d, root.children[root.children.size() - 2]);
    NodeId list = root.children.back();
    const auto& v = d.nodes[list];
    if (!key || key->value != "schools") {
        why = "its last key is not `schools:`";
        return std::nullopt;
    }
    p.list = list;
    if (v.kind == yaml::Kind::null) {
        // Only an empty value (`schools:` and nothing, or a comment), not `~` or `null`.
        std::size_t after = key->offset + key->value.size();
        std::size_t eol = text.find('\n', after);
        std::string_view rest = text.substr(after, eol == std::string_view::npos ? std::string_view::npos : eol - after);
        auto colon = rest.find(':');
        std::string_view tail = colon == std::string_view::npos ? rest : rest.substr(colon + 1);
        auto first = tail.find_first_not_of(" \t\r");
        if (colon == std::string_view::npos || (first != std::string_view::npos && tail[first] != '#')) {
            why = "its `schools:` value is not a list";
            return std::nullopt;
        }
        p.dash_column = key->byte_col + 2;
        p.key_column = p.dash_column + 2;
    } else if (v.kind == yaml::Kind::sequence && text[v.offset] == '-') {
        p.dash_column = v.byte_col;
        p.key_column = p.dash_column + 2;
        if (!v.children.empty()) {
            const auto& item = d.nodes[v.children.back()];
            if (item.kind == yaml::Kind::mapping && text[item.offset] == '{') p.flow_items = true;
            else if (item.kind == yaml::Kind::mapping && item.byte_col > p.dash_column) p.key_column = item.byte_col;
            // Items separated by blank lines (perhaps with a comment after the blank line).
            if (v.children.size() >= 2)
                for (std::size_t l = item.line; l-- > 0 && l < lines.size() && comment_or_blank(lines[l]);)
                    if (blank(lines[l])) p.blank_between = true;
        }
    } else {
        why = "its `schools:` list is written in flow style ([…])";
        return std::nullopt;
    }
    if (last_content == lines.size()) {
        why = "it has no content";  // cannot happen with a document
        return std::nullopt;
    }
    std::size_t offset = 0;
    for (std::size_t i = 0; i <= last_content; ++i) offset += lines[i].size();
    p.insert_at = offset;
    p.need_newline = lines[last_content].empty() || lines[last_content].back() != '\n';
    return p;
}

std::string new_file_header(std::string_view area) {
    return fmt::format(
        "# Schools in {}, added by `tfm import gias` from Get Information About Schools (GIAS).\n"
        "# Add what GIAS does not know (ofsted, fsm, eal, ehcp, staff, history) by hand: a later\n"
        "# import updates names and areas in place and keeps every other field and comment.\n",
        area);
}

struct Change {
    Urn urn = 0;
    std::string field;  // name | area
    std::string value;
};

struct FileWork {
    std::string full;   // to read and write
    std::string shown;  // relative to the data directory
    bool exists = false;
    bool has_bom = false;
    std::string text;   // without the byte-order mark
    std::vector<Change> changes;
    std::vector<const Establishment*> additions;
    std::string area;   // of the additions, for a new file's header
    std::string result;
};

}  // namespace

ImportResult import_into(const std::string& directory, const LoadResult& tree, const Extract& extract,
                         const Selection& selection) {
    ImportResult result;
    const Records& records = tree.records;
    auto refuse = [&](std::string message) {
        result.refused = true;
        result.errors.push_back(std::move(message));
    };
    auto shown_of = [&](const Pos& p) -> std::string {
        return p.file >= 0 ? records.files[std::size_t(p.file)].path : std::string("?");
    };

    // A file that did not parse may hold schools: the known URNs would be incomplete and a
    // school could be added twice. Refuse until `tfm check` is clean of such errors.
    for (const auto& diag : tree.diagnostics)
        if (diag.severity == Severity::error && (diag.rule == "yaml/syntax" || diag.rule == "file/unreadable"))
            refuse(fmt::format("{}:{}: {} [{}]", diag.pos.file >= 0 ? shown_of(diag.pos) : directory,
                               diag.pos.line, diag.message, diag.rule));
    if (result.refused) {
        result.errors.push_back("fix these first (tfm check shows them): the schools in those files are "
                                "unknown, so a school could be added twice");
        return result;
    }

    std::map<Urn, const Establishment*> by_urn;
    for (const auto& e : extract.establishments) by_urn.emplace(e.urn, &e);
    std::map<Urn, std::vector<const School*>> known;
    for (const auto& s : records.schools) known[s.urn].push_back(&s);
    std::set<Urn> broken(records.broken_schools.begin(), records.broken_schools.end());
    std::set<const Establishment*> chosen;
    for (const auto* e : select(extract, selection)) chosen.insert(e);

    std::map<std::string, FileWork> work;  // by shown path
    auto work_for = [&](const std::string& shown, const std::string& full) -> FileWork& {
        auto [it, inserted] = work.try_emplace(shown);
        if (inserted) {
            it->second.shown = shown;
            it->second.full = full;
        }
        return it->second;
    };
    bool has_hub_areas = !selection.spellings.empty();
    auto in_hub = [&](std::string_view area) {
        return std::any_of(selection.spellings.begin(), selection.spellings.end(),
                           [&](const std::string& s) { return same_area(s, area); });
    };

    std::map<std::string, std::vector<const Establishment*>> new_by_area;
    for (const auto& e : extract.establishments) {
        auto k = known.find(e.urn);
        if (k != known.end()) {
            for (const School* s : k->second) {
                std::string where = fmt::format("{}:{}", shown_of(s->pos), s->pos.line);
                if (!e.open) {
                    result.notes.push_back(fmt::format("{} {} ({}) is `{}` in GIAS; its record is kept", e.urn,
                                                       s->name, where, e.status));
                    continue;
                }
                if (!area_chosen(selection, e.area) && !area_chosen(selection, s->area)) continue;
                std::string area = area_spelling(selection, e.area);
                bool renamed = s->name != e.name;
                bool moved = !same_area(s->area, area);
                const auto& file = records.files[std::size_t(s->pos.file)];
                if (renamed) {
                    work_for(file.path, file.full_path).changes.push_back({e.urn, "name", e.name});
                    result.renamed.push_back({e.urn, s->name, e.name, file.path});
                }
                if (moved) {
                    work_for(file.path, file.full_path).changes.push_back({e.urn, "area", area});
                    result.moved.push_back({e.urn, e.name, s->area, area, file.path});
                    if (has_hub_areas && !in_hub(area))
                        result.notes.push_back(fmt::format("{} {} is now in {}, which is not one of the hub's areas",
                                                           e.urn, e.name, area));
                }
                if (!renamed && !moved) ++result.unchanged;
            }
            continue;
        }
        if (broken.count(e.urn)) {
            if (chosen.count(&e))
                result.notes.push_back(fmt::format("{} {}: its record has errors, so it is left as it is "
                                                   "(tfm check shows them)",
                                                   e.urn, e.name));
            continue;
        }
        if (chosen.count(&e)) new_by_area[area_spelling(selection, e.area)].push_back(&e);
    }
    // Appended in name order.
    for (auto& [area, list] : new_by_area)
        std::stable_sort(list.begin(), list.end(), [](const Establishment* a, const Establishment* b) {
            return a->name != b->name ? a->name < b->name : a->urn < b->urn;
        });

    // Reads a file once (keeping a byte-order mark aside).
    auto load = [&](FileWork& w) -> bool {
        if (w.exists) return true;
        std::error_code ec;
        if (!fs::exists(w.full, ec)) return true;
        std::string bytes, problem;
        if (!fs::is_regular_file(w.full, ec) || !read_file(w.full, bytes, problem)) {
            refuse(fmt::format("{}: cannot read it{}{}", w.shown, problem.empty() ? "" : ": ", problem));
            return false;
        }
        std::string_view body = without_bom(bytes);
        w.exists = true;
        w.has_bom = body.size() != bytes.size();
        w.text = std::string(body);
        return true;
    };

    // Where each area's new schools go.
    for (const auto& [area, list] : new_by_area) {
        std::string slug = area_slug(area);
        std::string chosen_path;
        for (std::string name : {slug + ".yaml", slug + "-gias.yaml"}) {
            std::string shown = "schools/" + name;
            // The file's entry when it already has work, else a new one that joins the work
            // only when chosen; either way the file is read once.
            FileWork fresh;
            fresh.shown = shown;
            fresh.full = (fs::path(directory) / shown).string();
            auto it = work.find(shown);
            FileWork& candidate = it != work.end() ? it->second : fresh;
            if (!load(candidate)) break;
            auto choose = [&] {
                chosen_path = shown;
                if (&candidate == &fresh) work.emplace(shown, std::move(fresh));
            };
            if (!candidate.exists) {
                choose();
                break;
            }
            auto parsed = yaml::parse(candidate.text);
            std::string why;
            if (parsed.errors.empty() && append_point(candidate.text, parsed, why)) {
                choose();
                break;
            }
            if (name == slug + "-gias.yaml")
                refuse(fmt::format("{}: cannot add the new schools of {} to it: {}", shown, area,
                                   why.empty() ? "it has YAML errors" : why));
        }
        if (chosen_path.empty()) continue;
        FileWork& w = work_for(chosen_path, (fs::path(directory) / chosen_path).string());
        w.area = area;
        w.additions.insert(w.additions.end(), list.begin(), list.end());
        for (const auto* e : list) result.added.push_back({e->urn, e->name, chosen_path});
    }
    if (result.refused) return result;

    for (auto& [shown, w] : work) {
        std::size_t errors_before = result.errors.size();
        auto refused_here = [&] { return result.errors.size() != errors_before; };
        if (!load(w)) continue;
        std::string text = w.text;
        std::string_view nl = newline_of(text);
        std::vector<Urn> expected;

        if (!w.changes.empty()) {
            auto parsed = yaml::parse(text);
            if (!parsed.errors.empty()) {
                refuse(fmt::format("{}: it has YAML errors; run tfm check and fix them first", shown));
                continue;
            }
            struct Replacement {
                Extent at;
                std::string text;
            };
            std::vector<Replacement> replacements;
            std::map<std::pair<std::size_t, NodeId>, std::string> changed;
            auto index = index_schools(parsed, text);
            for (const auto& c : w.changes) {
                auto found = index.find(std::to_string(c.urn));
                const std::vector<SchoolAt> none;
                const auto& schools = found == index.end() ? none : found->second;
                if (schools.empty()) {
                    refuse(fmt::format("{}: school {} is no longer in it (was it edited while tfm ran?)", shown, c.urn));
                    continue;
                }
                for (const auto& at : schools) {
                    const auto& d = parsed.documents[at.doc];
                    auto kv = entry(d, at.map, c.field);
                    if (!kv) {
                        refuse(fmt::format("{}: school {} has no `{}` to update", shown, c.urn, c.field));
                        continue;
                    }
                    std::string why;
                    auto extent = scalar_extent(text, d, kv->first, kv->second, at.flow, why);
                    if (!extent) {
                        refuse(fmt::format("{}:{}: the {} of school {} {}, so tfm cannot replace it on its "
                                           "own: change it to `{}` by hand (or write it as one plain line) "
                                           "and import again",
                                           shown, d.nodes[kv->first].line + 1, c.field, c.urn, why, c.value));
                        continue;
                    }
                    replacements.push_back({*extent, written_as(c.value, extent->quote, at.flow)});
                    changed[{at.doc, kv->second}] = c.value;
                }
                expected.push_back(c.urn);
            }
            if (refused_here()) continue;
            std::sort(replacements.begin(), replacements.end(),
                      [](const Replacement& a, const Replacement& b) { return a.at.offset > b.at.offset; });
            for (const auto& r : replacements) text.replace(r.at.offset, r.at.length, r.text);
            if (!same_data(parsed, yaml::parse(text), changed)) {
                refuse(fmt::format("{}: tfm could not update it without changing other data; update it by hand",
                                   shown));
                continue;
            }
        }

        if (!w.additions.empty()) {
            std::string added;
            if (!w.exists) {
                added = new_file_header(w.area) + "schools:\n";
                for (const auto* e : w.additions) added += detail::school_lines(*e, selection, "  - ", "    ", "\n");
                text = added;
            } else {
                auto parsed = yaml::parse(text);
                std::string why;
                auto p = append_point(text, parsed, why);
                if (!p) {
                    refuse(fmt::format("{}: cannot add schools to it: {}", shown, why));
                    continue;
                }
                std::string dash = std::string(p->dash_column, ' ') + "-" +
                                   std::string(p->key_column - p->dash_column - 1, ' ');
                std::string indent(p->key_column, ' ');
                if (p->with_key) added += "schools:\n";
                for (const auto* e : w.additions) {
                    if (p->blank_between) added += "\n";
                    if (p->flow_items) added += std::string(p->dash_column, ' ') + "- " + detail::school_flow(*e, selection) + "\n";
                    else added += detail::school_lines(*e, selection, dash, indent, "\n");
                }
                added = with_newlines(added, nl);
                if (p->need_newline) added = std::string(nl) + added;
                text.insert(p->insert_at, added);
                if (!extends(parsed, yaml::parse(text), p->list)) {
                    refuse(fmt::format("{}: tfm could not add schools to it without changing other data; add "
                                       "them by hand (tfm import gias without --write prints them)",
                                       shown));
                    continue;
                }
            }
            for (const auto* e : w.additions) expected.push_back(e->urn);
        }

        // The result must load, and each school touched must read as intended.
        LoadResult check = load_text(text, shown);
        for (const auto& diag : check.diagnostics)
            if (diag.rule == "yaml/syntax") refuse(fmt::format("{}: the result would not parse ({}); nothing was written", shown, diag.message));
        std::map<Urn, std::vector<const School*>> read_back;
        for (const auto& s : check.records.schools) read_back[s.urn].push_back(&s);
        for (Urn urn : expected) {
            const Establishment* e = by_urn.at(urn);
            auto it = read_back.find(urn);
            bool ok = it != read_back.end();
            if (ok)
                for (const School* s : it->second)
                    if (s->name != e->name || !same_area(s->area, area_spelling(selection, e->area))) ok = false;
            if (!ok)
                refuse(fmt::format("{}: school {} would not read back as GIAS has it; nothing was written", shown, urn));
        }
        w.result = (w.has_bom ? std::string(utf8_bom) : std::string()) + text;
    }
    if (result.refused) return result;

    for (auto& [shown, w] : work) {
        if (w.exists && w.result == (w.has_bom ? std::string(utf8_bom) : std::string()) + w.text) continue;
        result.files.push_back(shown);
    }
    std::vector<std::string> written;
    for (auto& [shown, w] : work) {
        if (std::find(result.files.begin(), result.files.end(), shown) == result.files.end()) continue;
        std::error_code ec;
        if (!w.exists) fs::create_directories(fs::path(w.full).parent_path(), ec);
        std::string problem;  // write_atomically writes through a link, so the link stays
        if (ec || !write_atomically(w.full, w.result, problem)) {
            refuse(fmt::format("{}: cannot write it: {}", shown, ec ? ec.message() : problem));
            if (!written.empty())
                result.errors.push_back(fmt::format("already written: {}", fmt::join(written, ", ")));
            result.files = written;
            return result;
        }
        written.push_back(shown);
    }
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
    std::string out = fmt::format("changed {}: {}\n", plural(r.files.size(), "file"), fmt::join(r.files, ", "));
    if (!r.added.empty()) {
        out += fmt::format("added {}:\n", plural(r.added.size(), "school"));
        for (const auto& a : r.added) out += fmt::format("  {} {} ({})\n", a.urn, a.name, a.file);
    }
    if (!r.renamed.empty()) {
        out += fmt::format("renamed {}:\n", plural(r.renamed.size(), "school"));
        for (const auto& a : r.renamed) out += fmt::format("  {} {} → {} ({})\n", a.urn, a.old_name, a.new_name, a.file);
    }
    if (!r.moved.empty()) {
        out += fmt::format("moved {} to another area:\n", plural(r.moved.size(), "school"));
        for (const auto& a : r.moved)
            out += fmt::format("  {} {}: {} → {} ({})\n", a.urn, a.name, a.old_area, a.new_area, a.file);
    }
    out += fmt::format("unchanged: {}\n", plural(std::size_t(r.unchanged), "school"));
    return out;
}

}  // namespace tfm::gias
