// Writes a plan into the cohort's own file: a line-level edit that leaves every other byte
// as it was, written to a temporary file and renamed over the original.
#include "tfm/edit/plan_writer.h"

#include <fmt/format.h>

#include <algorithm>

namespace tfm {
namespace plan_write {
namespace {

// The cohort `id` as the value of `cohort:` or an item of `cohorts:`.
std::optional<std::uint32_t> find_in(const yaml::Document& doc, const std::string& id) {
    if (doc.nodes.empty()) return std::nullopt;
    auto matches = [&](std::uint32_t m) {
        auto v = yaml::entry(doc, m, "id");
        const auto* s = v ? yaml::scalar_node(doc, v->second) : nullptr;
        return s && s->value == id;
    };
    if (auto one = yaml::entry(doc, doc.root, "cohort"); one && matches(one->second)) return one->second;
    if (auto list = yaml::entry(doc, doc.root, "cohorts"); list && doc.nodes[list->second].kind == yaml::Kind::sequence)
        for (auto item : doc.children(list->second))
            if (doc.nodes[item].kind == yaml::Kind::mapping && matches(item)) return item;
    return std::nullopt;
}

// The first `width` bytes of line `line` (0-based) of the text (fewer on a shorter line).
std::string_view line_prefix(std::string_view text, std::size_t line, std::size_t width) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < line && start != std::string_view::npos; ++i) {
        start = text.find('\n', start);
        if (start != std::string_view::npos) ++start;
    }
    if (start == std::string_view::npos) return {};
    std::string_view rest = text.substr(start);
    rest = rest.substr(0, std::min(rest.find('\n'), width));
    return rest;
}

// A value written with an anchor (&name) or as an alias (*name) is shared with another
// place in the file: replacing it would change, or break, the other. `key` is a plain key
// (as `meetings` and `visits` are); its value starts after the colon and spaces.
bool anchored(std::string_view text, const yaml::Node& key) {
    std::size_t at = key.offset + key.value.size();
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
    if (at >= text.size() || text[at] != ':') return false;
    ++at;
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
    return at < text.size() && (text[at] == '&' || text[at] == '*');
}

}  // namespace

std::optional<CohortAt> locate_cohort(std::string_view text, std::string_view shown, const std::string& id,
                                      std::string& why) {
    CohortAt at;
    at.parsed = yaml::parse(text);
    if (!at.parsed.errors.empty()) {
        why = fmt::format("{} has YAML errors; run tfm check and fix them first", shown);
        return std::nullopt;
    }
    for (at.doc = 0; at.doc < at.parsed.documents.size(); ++at.doc)
        if (auto map = find_in(at.parsed.documents[at.doc], id)) {
            at.map = *map;
            break;
        }
    if (at.doc == at.parsed.documents.size()) {
        why = fmt::format("cohort {} is not in {}", id, shown);
        return std::nullopt;
    }
    if (yaml::opens_with(text, at.parsed.documents[at.doc].nodes[at.map], '{')) {
        why = fmt::format("cohort {} is written in flow style ({{…}}); paste the plan by hand", id);
        return std::nullopt;
    }
    return at;
}

namespace {

// The added items of one list as YAML: flow items ("2022-01-11", "{urn: …, date: …}"), and
// their block mappings' fields.
struct Added {
    const char* key;
    std::vector<std::string> flow;
    std::vector<std::vector<yaml::Field>> fields;  // visits only
};

std::vector<Added> added_lists(const PlanProposal& plan) {
    std::vector<Added> out;
    if (!plan.meetings.empty()) {
        Added a{"meetings", {}, {}};
        for (Date d : plan.meetings) a.flow.push_back(d.str());
        out.push_back(std::move(a));
    }
    if (!plan.visits.empty()) {
        Added a{"visits", {}, {}};
        for (const auto& v : plan.visits) {
            std::vector<yaml::Field> f = {{"urn", std::to_string(v.urn), true}, {"date", v.date.str(), true}};
            a.flow.push_back(yaml::flow_mapping(f));
            a.fields.push_back(std::move(f));
        }
        out.push_back(std::move(a));
    }
    return out;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

// Items appended to a flow list, just before its `]`.
yaml::Edit append_to_flow(std::string_view text, std::size_t close, const Added& a) {
    std::size_t back = close;
    while (back > 0 && (text[back - 1] == ' ' || text[back - 1] == '\t' || text[back - 1] == '\n' ||
                        text[back - 1] == '\r'))
        --back;
    bool first = back > 0 && (text[back - 1] == '[' || text[back - 1] == ',');
    std::string sep = first ? (text[back - 1] == ',' ? " " : "") : ", ";
    return {back, 0, sep + joined(a.flow)};
}

// Items appended to a block list, after its last item's lines, written in its style.
std::optional<yaml::Edit> append_to_block(std::string_view text, std::string_view newline,
                                          const yaml::Document& doc, std::uint32_t key, std::uint32_t list,
                                          yaml::LineRange lines, const Added& a, std::string& why) {
    auto style = yaml::list_style(text, doc, key, list, why);
    if (!style) return std::nullopt;
    std::string items;
    if (a.fields.empty()) {
        for (const auto& f : a.flow)
            items += (style->blank_between ? "\n" : "") + std::string(style->dash_column, ' ') + "- " + f + "\n";
    } else {
        items = yaml::list_items(*style, a.fields);
    }
    return yaml::replace_lines(text, {lines.end, lines.end}, items, newline);
}

}  // namespace

std::optional<std::vector<yaml::Edit>> plan_edits(std::string_view text, std::string_view newline,
                                                  const CohortAt& at, const PlanProposal& plan, std::string& why) {
    const yaml::Document& doc = at.parsed.documents[at.doc];
    const yaml::Node& map = doc.nodes[at.map];
    if (map.byte_col == 0) {
        why = fmt::format("cohort {} is not inside a `cohort:` or `cohorts:` key", plan.cohort->id);
        return std::nullopt;
    }
    yaml::LineRange cohort_lines = yaml::mapping_lines(text, map);
    std::string pad(map.byte_col, ' ');
    std::vector<yaml::Edit> edits;
    std::string missing;  // keys the cohort does not have yet: after its last line
    for (const Added& a : added_lists(plan)) {
        std::string new_entry = a.fields.empty()
                                    ? fmt::format("{}: [{}]\n", a.key, joined(a.flow))
                                    : fmt::format("{}:\n", a.key) + [&] {
                                          std::string items;
                                          for (const auto& f : a.flow) items += "  - " + f + "\n";
                                          return items;
                                      }();
        auto k = yaml::entry(doc, at.map, a.key);
        if (!k) {
            for (std::size_t i = 0; i < new_entry.size();) {  // each line indented like the cohort's keys
                std::size_t eol = new_entry.find('\n', i) + 1;
                missing += pad + new_entry.substr(i, eol - i);
                i = eol;
            }
            continue;
        }
        const yaml::Node& key = doc.nodes[k->first];
        const yaml::Node& value = doc.nodes[k->second];
        if (anchored(text, key)) {
            why = fmt::format("cohort {}'s `{}` is written with a YAML anchor (&name) or alias (*name), "
                              "which can share it with another place in the file; write its value out "
                              "in full without them, then run this again",
                              plan.cohort->id, a.key);
            return std::nullopt;
        }
        yaml::LineRange lines = yaml::entry_lines(text, key);
        lines.end = std::min(lines.end, std::max(cohort_lines.end, lines.first + 1));  // not past the cohort
        if (value.kind == yaml::Kind::sequence && yaml::opens_with(text, value, '[')) {
            std::size_t close = yaml::closing_flow(text, value.offset);
            if (close == std::string_view::npos) {
                why = fmt::format("cohort {}'s `{}` list does not end where tfm can find it", plan.cohort->id, a.key);
                return std::nullopt;
            }
            edits.push_back(append_to_flow(text, close, a));
        } else if (value.kind == yaml::Kind::sequence) {
            auto e = append_to_block(text, newline, doc, k->first, k->second, lines, a, why);
            if (!e) return std::nullopt;
            edits.push_back(std::move(*e));
        } else if (value.kind == yaml::Kind::null) {
            // `meetings:` with nothing after it: the key's line (with any dash before it) is rewritten.
            std::string first(line_prefix(text, lines.first, map.byte_col));
            if (first.find_first_not_of(' ') == std::string::npos) first = pad;
            std::string entry = first + new_entry;
            for (std::size_t i = entry.find('\n'); i + 1 < entry.size(); i = entry.find('\n', i + 1))
                entry.insert(i + 1, pad);
            edits.push_back(yaml::replace_lines(text, {lines.first, lines.first + 1}, entry, newline));
        } else {
            why = fmt::format("cohort {}'s `{}` is not a list", plan.cohort->id, a.key);
            return std::nullopt;
        }
    }
    if (!missing.empty())
        edits.push_back(yaml::replace_lines(text, {cohort_lines.end, cohort_lines.end}, missing, newline));
    return edits;
}

namespace {

// The cohort `id` in a document's meaning: the value of `cohort:` or an item of `cohorts:`.
yaml::Value* cohort_value(yaml::Value& doc, const std::string& id) {
    auto is_it = [&](yaml::Value& v) {
        const yaml::Value* i = v.find("id");
        return v.kind == yaml::Kind::mapping && i && i->kind == yaml::Kind::scalar && i->scalar == id;
    };
    if (yaml::Value* one = doc.find("cohort"); one && is_it(*one)) return one;
    if (yaml::Value* list = doc.find("cohorts"); list && list->kind == yaml::Kind::sequence)
        for (auto& item : list->items)
            if (is_it(item)) return &item;
    return nullptr;
}

}  // namespace

yaml::Intent plan_intent(const std::string& id, const PlanProposal& plan) {
    auto block = yaml::values_of(yaml::parse(plan_yaml(plan, 0)));
    return [id, block](std::vector<yaml::Value>& docs) {
        if (!block || block->size() > 1) return false;
        for (auto& doc : docs) {
            yaml::Value* cohort = cohort_value(doc, id);
            if (!cohort) continue;
            if (block->empty()) return true;
            for (const char* key : {"meetings", "visits"}) {
                const yaml::Value* added = block->front().find(key);
                if (!added) continue;
                yaml::Value* list = cohort->find(key);
                if (list && list->kind == yaml::Kind::sequence)
                    list->items.insert(list->items.end(), added->items.begin(), added->items.end());
                else
                    cohort->set(key, *added);
            }
            return true;
        }
        return false;
    };
}

}  // namespace plan_write

PlanWrite write_plan(const Transaction& tx, const std::string& path, const std::string& shown,
                     const PlanProposal& plan) {
    using namespace plan_write;
    const std::string& id = plan.cohort->id;
    FileEdit file;
    file.path = path;
    file.shown = shown;
    std::string problem;
    if (!tx.read(file, problem)) return {false, problem, {}};
    yaml::SourceText source = yaml::split_source(file.original);

    std::string why;
    auto at = locate_cohort(source.text, shown, id, why);
    if (!at) return {false, why, {}};
    if (plan.adds_nothing())
        return {true, fmt::format("nothing to add to cohort {}: every half-term and term after {} is planned",
                                  id, plan.as_of.str()), {}};
    auto edits = plan_edits(source.text, source.newline, *at, plan, why);
    if (!edits) return {false, why, {}};
    std::string edited = yaml::apply(source.text, std::move(*edits));
    if (!yaml::means_intended(source.text, edited, plan_intent(id, plan), why))
        return {false,
                fmt::format("tfm cannot write the plan into {} safely ({}); nothing was written: "
                            "paste the YAML that `tfm plan {}` prints into it by hand",
                            shown, why, id),
                {}};
    file.updated = yaml::source_bytes(source, edited);

    WriteOutcome outcome = tx.commit({file});
    if (!outcome.ok) return {false, outcome.problem, {}};
    auto count = [](std::size_t n, const char* one) { return fmt::format("{} {}{}", n, one, n == 1 ? "" : "s"); };
    std::string what = fmt::format("{} and {} for cohort {} into {} (every other date kept)",
                                   count(plan.meetings.size(), "meeting"), count(plan.visits.size(), "visit"), id,
                                   shown);
    if (tx.settings().dry_run) return {true, "would write " + what + " (a dry run: nothing written)", outcome.diff};
    return {true, "wrote " + what, {}};
}

}  // namespace tfm
