// Enrol and withdraw as byte edits of the cohort's `schools:` list, checked by reading back.
#include "tfm/edit/membership.h"

#include "tfm/edit/plan_writer.h"
#include "tfm/yaml/editor.h"
#include "tfm/yaml/writer.h"

#include <fmt/format.h>

#include <algorithm>

namespace tfm {
namespace {

std::string flow_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + yaml::scalar_text(items[i], true);
    return out + "]";
}

// The fields the change writes: the new member (enrol), or the keys set on it (withdraw).
std::vector<yaml::Field> change_fields(const MembershipChange& c) {
    if (c.kind == MembershipChange::Kind::enrol) {
        std::vector<yaml::Field> f = {{"urn", std::to_string(c.urn), true}};
        if (!c.participants.empty()) f.push_back({"participants", flow_list(c.participants), true});
        if (c.joined_on) f.push_back({"joined_on", c.joined_on->str(), true});
        return f;
    }
    std::vector<yaml::Field> f = {{"status", "withdrawn", true}, {"withdrawn_on", c.on.str(), true}};
    if (!c.reason.empty()) f.push_back({"reason", c.reason});
    return f;
}

// The fields' meaning, as a mapping value.
std::optional<yaml::Value> fields_value(const std::vector<yaml::Field>& fields) {
    auto v = yaml::values_of(yaml::parse("x: " + yaml::flow_mapping(fields) + "\n"));
    if (!v || v->size() != 1 || !v->front().find("x")) return std::nullopt;
    return *v->front().find("x");
}

// The member item of school `urn` in list `list`, or null.
std::optional<std::uint32_t> member_item(const yaml::Document& d, std::uint32_t list, Urn urn) {
    for (auto item : d.children(list)) {
        auto u = yaml::entry(d, item, "urn");
        const auto* s = u ? yaml::scalar_node(d, u->second) : nullptr;
        if (s && !s->quoted && s->value == std::to_string(urn)) return item;
    }
    return std::nullopt;
}

std::optional<std::vector<yaml::Edit>> withdraw_edits(std::string_view text, std::string_view newline,
                                                      const yaml::Document& d, std::uint32_t item,
                                                      const MembershipChange& c, std::string& why) {
    const yaml::Node& map = d.nodes[item];
    if (map.kind != yaml::Kind::mapping) {
        why = fmt::format("school {} of cohort {} is not written as a mapping", c.urn, c.cohort);
        return std::nullopt;
    }
    if (auto s = yaml::entry(d, item, "status"); s && yaml::scalar_node(d, s->second) &&
                                                 yaml::scalar_node(d, s->second)->value == "withdrawn") {
        why = fmt::format("school {} has already withdrawn from cohort {}", c.urn, c.cohort);
        return std::nullopt;
    }
    bool flow = yaml::opens_with(text, map, '{');
    std::vector<yaml::Edit> edits;
    std::vector<yaml::Field> missing;
    for (const auto& f : change_fields(c)) {
        auto k = yaml::entry(d, item, f.key);
        if (!k) {
            missing.push_back(f);
            continue;
        }
        auto span = yaml::scalar_span(text, d, k->first, k->second, flow, why);
        if (!span) {
            why = fmt::format("the `{}` of school {} in cohort {} {}", f.key, c.urn, c.cohort, why);
            return std::nullopt;
        }
        edits.push_back(yaml::replace_scalar(*span, f.value, flow));
    }
    if (missing.empty()) return edits;
    if (flow) {
        std::size_t close = yaml::closing_flow(text, map.offset);
        if (close == std::string_view::npos) {
            why = fmt::format("school {} of cohort {} does not end where tfm can find it", c.urn, c.cohort);
            return std::nullopt;
        }
        std::size_t back = close;
        while (back > 0 && (text[back - 1] == ' ' || text[back - 1] == '\t')) --back;
        std::string added = yaml::flow_mapping(missing);  // "{a: b, c: d}"
        added = ", " + added.substr(1, added.size() - 2);
        edits.push_back({back, 0, added});
        return edits;
    }
    yaml::LineRange lines = yaml::mapping_lines(text, map);
    std::string pad(map.byte_col, ' ');
    edits.push_back(yaml::replace_lines(text, {lines.end, lines.end}, yaml::block_mapping(missing, pad, pad), newline));
    return edits;
}

std::optional<yaml::Edit> enrol_edit(std::string_view text, std::string_view newline, const yaml::Document& d,
                                     const plan_write::CohortAt& at, std::uint32_t key, std::uint32_t list,
                                     const MembershipChange& c, std::string& why) {
    auto style = yaml::list_style(text, d, key, list, why);
    if (!style) {
        why = fmt::format("cohort {}: {}; add the school by hand", c.cohort, why);
        return std::nullopt;
    }
    yaml::LineRange lines = yaml::entry_lines(text, d.nodes[key]);
    yaml::LineRange cohort_lines = yaml::mapping_lines(text, d.nodes[at.map]);
    lines.end = std::min(lines.end, std::max(cohort_lines.end, lines.first + 1));
    return yaml::replace_lines(text, {lines.end, lines.end}, yaml::list_items(*style, {change_fields(c)}), newline);
}

}  // namespace

std::optional<std::string> change_membership(std::string_view text, std::string_view newline,
                                             const MembershipChange& c, std::string& why) {
    auto at = plan_write::locate_cohort(text, "the file", c.cohort, why);
    if (!at) return std::nullopt;
    const yaml::Document& d = at->parsed.documents[at->doc];
    if (d.nodes[at->map].byte_col == 0) {
        why = fmt::format("cohort {} is not inside a `cohort:` or `cohorts:` key", c.cohort);
        return std::nullopt;
    }
    auto schools = yaml::entry(d, at->map, "schools");
    if (!schools) {
        why = fmt::format("cohort {} has no `schools:` list", c.cohort);
        return std::nullopt;
    }
    const yaml::Node& list = d.nodes[schools->second];
    bool block = list.kind == yaml::Kind::sequence && yaml::opens_with(text, list, '-');
    bool empty = list.kind == yaml::Kind::null && c.kind == MembershipChange::Kind::enrol;
    if (!block && !empty) {
        why = list.kind == yaml::Kind::sequence
                  ? fmt::format("cohort {}'s `schools:` list is written in flow style ([…]); change it by hand", c.cohort)
                  : fmt::format("cohort {}'s `schools:` is not a list", c.cohort);
        return std::nullopt;
    }
    auto item = block ? member_item(d, schools->second, c.urn) : std::nullopt;
    std::vector<yaml::Edit> edits;
    if (c.kind == MembershipChange::Kind::enrol) {
        if (item) {
            why = fmt::format("school {} is already in cohort {}", c.urn, c.cohort);
            return std::nullopt;
        }
        auto e = enrol_edit(text, newline, d, *at, schools->first, schools->second, c, why);
        if (!e) return std::nullopt;
        edits.push_back(std::move(*e));
    } else {
        if (!item) {
            why = fmt::format("school {} is not in cohort {}", c.urn, c.cohort);
            return std::nullopt;
        }
        auto e = withdraw_edits(text, newline, d, *item, c, why);
        if (!e) return std::nullopt;
        edits = std::move(*e);
    }
    return yaml::apply(text, std::move(edits));
}

yaml::Intent membership_intent(const MembershipChange& c) {
    auto fields = fields_value(change_fields(c));
    return [c, fields](std::vector<yaml::Value>& docs) {
        if (!fields) return false;
        auto is_it = [&](const yaml::Value& v) {
            const yaml::Value* i = v.kind == yaml::Kind::mapping ? v.find("id") : nullptr;
            return i && i->kind == yaml::Kind::scalar && i->scalar == c.cohort;
        };
        yaml::Value* cohort = nullptr;
        for (auto& doc : docs) {
            if (yaml::Value* one = doc.find("cohort"); one && is_it(*one)) cohort = one;
            if (yaml::Value* list = doc.find("cohorts"); list && list->kind == yaml::Kind::sequence)
                for (auto& item : list->items)
                    if (is_it(item)) cohort = &item;
            if (cohort) break;
        }
        yaml::Value* schools = cohort ? cohort->find("schools") : nullptr;
        if (!schools) return false;
        if (c.kind == MembershipChange::Kind::enrol) {
            if (schools->kind == yaml::Kind::null) *schools = yaml::Value{yaml::Kind::sequence, false, {}, {}, {}};
            schools->items.push_back(*fields);
            return true;
        }
        for (auto& member : schools->items) {
            const yaml::Value* u = member.kind == yaml::Kind::mapping ? member.find("urn") : nullptr;
            if (!u || u->quoted || u->scalar != std::to_string(c.urn)) continue;
            for (const auto& e : fields->entries) member.set(e.key.scalar, e.value);
            return true;
        }
        return false;
    };
}

std::optional<FileEdit> plan_membership(const Transaction& tx, const std::string& path, const std::string& shown,
                                        const MembershipChange& change, std::string& why) {
    FileEdit file;
    file.path = path;
    file.shown = shown;
    if (!tx.read(file, why)) return std::nullopt;
    yaml::SourceText source = yaml::split_source(file.original);
    auto edited = change_membership(source.text, source.newline, change, why);
    if (!edited) return std::nullopt;
    if (!yaml::means_intended(source.text, *edited, membership_intent(change), why)) {
        why = fmt::format("tfm cannot change cohort {} in {} safely ({}); nothing was written", change.cohort, shown, why);
        return std::nullopt;
    }
    file.updated = yaml::source_bytes(source, *edited);
    return file;
}

}  // namespace tfm
