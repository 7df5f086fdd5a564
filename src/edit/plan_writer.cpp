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
        for (auto item : doc.nodes[list->second].children)
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

std::optional<std::string> kept_dates(const PlanProposal& plan, bool replace) {
    const Cohort& cohort = *plan.cohort;
    if (replace || (cohort.meetings.empty() && cohort.visits.empty())) return std::nullopt;
    return fmt::format("cohort {} already has planned dates ({} meetings, {} visits); "
                       "use --replace to replace them",
                       cohort.id, cohort.meetings.size(), cohort.visits.size());
}

std::optional<std::vector<yaml::Edit>> plan_edits(std::string_view text, std::string_view newline,
                                                  const CohortAt& at, const PlanProposal& plan, std::string& why) {
    const yaml::Document& doc = at.parsed.documents[at.doc];
    const yaml::Node& map = doc.nodes[at.map];
    if (map.byte_col == 0) {
        why = fmt::format("cohort {} is not inside a `cohort:` or `cohorts:` key", plan.cohort->id);
        return std::nullopt;
    }
    yaml::LineRange cohort_lines = yaml::mapping_lines(text, map);
    std::vector<yaml::LineRange> existing;  // of meetings: and visits:, in that order
    for (const char* key : {"meetings", "visits"})
        if (auto k = yaml::entry(doc, at.map, key)) {
            if (anchored(text, doc.nodes[k->first])) {
                why = fmt::format("cohort {}'s `{}` is shared with another place in the file through a YAML "
                                  "anchor (&) or alias (*); write its value out in full, then run this again",
                                  plan.cohort->id, key);
                return std::nullopt;
            }
            yaml::LineRange r = yaml::entry_lines(text, doc.nodes[k->first]);
            r.end = std::min(r.end, std::max(cohort_lines.end, r.first + 1));  // not past the cohort
            existing.push_back(r);
        }

    // The block is the meetings: line, then the visits: key and its items (if any).
    std::string block = plan_yaml(plan, int(map.byte_col));
    // An entry that shares its line with the item's dash (`- meetings: …`) keeps that dash:
    // the whole block goes there, with the line's text before the key as it was.
    int dashed = -1;
    for (std::size_t i = 0; i < existing.size(); ++i)
        if (line_prefix(text, existing[i].first, map.byte_col).find_first_not_of(' ') != std::string_view::npos)
            dashed = int(i);
    std::vector<yaml::Edit> edits;
    if (dashed >= 0) {
        std::string first = std::string(line_prefix(text, existing[std::size_t(dashed)].first, map.byte_col));
        edits.push_back(yaml::replace_lines(text, existing[std::size_t(dashed)], first + block.substr(map.byte_col), newline));
        if (existing.size() == 2) edits.push_back(yaml::replace_lines(text, existing[std::size_t(1 - dashed)], "", newline));
        return edits;
    }
    std::size_t split = block.find('\n') + 1;
    std::string meetings_text = block.substr(0, split), visits_text = block.substr(split);
    if (existing.size() == 2) {
        edits.push_back(yaml::replace_lines(text, existing[0], meetings_text, newline));
        edits.push_back(yaml::replace_lines(text, existing[1], visits_text, newline));
    } else if (existing.size() == 1) {
        edits.push_back(yaml::replace_lines(text, existing[0], block, newline));
    } else {
        edits.push_back(yaml::replace_lines(text, {cohort_lines.end, cohort_lines.end}, block, newline));
    }
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
        if (!block || block->size() != 1) return false;
        for (auto& doc : docs) {
            yaml::Value* cohort = cohort_value(doc, id);
            if (!cohort) continue;
            for (const char* key : {"meetings", "visits"}) {
                if (const yaml::Value* v = block->front().find(key)) cohort->set(key, *v);
                else cohort->erase(key);
            }
            return true;
        }
        return false;
    };
}

}  // namespace plan_write

PlanWrite write_plan(const Transaction& tx, const std::string& path, const std::string& shown,
                     const PlanProposal& plan, bool replace) {
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
    if (auto refused = kept_dates(plan, replace)) return {false, *refused, {}};
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
    std::string what = fmt::format("{} meetings and {} visits for cohort {} into {}",
                                   plan.meetings.size(), plan.visits.size(), id, shown);
    if (tx.settings().dry_run) return {true, "would write " + what + " (a dry run: nothing written)", outcome.diff};
    return {true, "wrote " + what, {}};
}

}  // namespace tfm
