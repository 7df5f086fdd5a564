#include "reader.h"
#include "slips.h"

#include "tfm/base/text.h"
#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <map>

namespace tfm::detail {

using yaml::Kind;

std::string_view kind_word(Kind k) {
    switch (k) {
        case Kind::null: return "nothing";
        case Kind::scalar: return "a value";
        case Kind::sequence: return "a list";
        case Kind::mapping: return "a mapping";
    }
    return "a value";
}

std::string Reader::slip_hint(NodeId id) const {
    const auto& n = node(id);
    std::optional<Slip> slip;
    if (n.kind == Kind::scalar && !n.quoted) slip = key_value_slip(n.value);
    else if (auto entries = children(id); n.kind == Kind::mapping && entries.size() >= 2 &&
                                          node(entries[0]).kind == Kind::scalar) {
        // The key and its value as the line had them: `-urn: 140001`.
        const auto& value = node(entries[1]);
        slip = key_value_slip(node(entries[0]).value + ": " + (value.kind == Kind::scalar ? value.value : ""));
    }
    return slip ? "; " + slip->message : "";
}

Pos Reader::pos(NodeId id) const {
    const auto& n = node(id);
    Pos p{file_, int(n.line) + 1, int(n.byte_col) + 1};
    // yaml-cpp counts columns in bytes; report characters, as an editor shows them.
    if (n.offset >= n.byte_col && n.offset <= text_.size())
        p.column = int(code_points(text_.substr(n.offset - n.byte_col, n.byte_col))) + 1;
    return p;
}

void Reader::error(RuleId rule, NodeId at, std::string message) {
    broken_ = true;
    out_.diagnostics.push_back(
        {pos(at), Severity::error, std::string(rule_name(rule)), std::move(message)});
}

void Reader::error(RuleId rule, Pos at, std::string message) {
    broken_ = true;
    out_.diagnostics.push_back(
        {at, Severity::error, std::string(rule_name(rule)), std::move(message)});
}

std::optional<std::string> Reader::key_text(NodeId key) {
    const auto& k = node(key);
    if (k.kind != Kind::scalar) {
        error(RuleId::schema_type, key, fmt::format("a key must be a word, not {}", kind_word(k.kind)));
        return std::nullopt;
    }
    return k.value;
}

void Reader::duplicate_key(NodeId key, std::string_view name, NodeId first) {
    error(RuleId::schema_duplicate_key, key,
          fmt::format("duplicate key {} (first given on line {})", quote_value(name, true), pos(first).line));
}

std::string Reader::unknown_key(NodeId key, std::string_view name, const std::vector<std::string_view>& known,
                                std::string_view where) {
    if (auto slip = key_value_slip(name)) {
        Pos at = pos(key);
        at.column += int(code_points(name.substr(0, slip->offset)));
        error(RuleId::yaml_syntax, at, std::move(slip->message));
        return slip->key;
    }
    std::string msg = fmt::format("unknown key {} in {}", quote_value(name, true), where);
    if (name == "<<") msg += "; merge keys (<<) are not supported";
    else if (auto hint = did_you_mean(name, known); !hint.empty()) msg += hint;
    else msg += fmt::format("; expected {}", join_or(known));
    error(RuleId::schema_unknown_key, key, msg);
    return "";
}

std::span<const NodeId> Reader::items(NodeId id, std::string_view what) {
    const auto& n = node(id);
    if (n.kind == Kind::sequence) return children(id);
    error(RuleId::schema_type, id, fmt::format("`{}` must be a list, not {}{}", what, kind_word(n.kind), slip_hint(id)));
    return {};
}

std::vector<std::pair<NodeId, NodeId>> Reader::pairs(NodeId id, std::string_view what) {
    const auto& n = node(id);
    if (n.kind != Kind::mapping) {
        error(RuleId::schema_type, id,
              fmt::format("`{}` must be a mapping, not {}{}", what, kind_word(n.kind), slip_hint(id)));
        return {};
    }
    std::vector<std::pair<NodeId, NodeId>> out;
    std::map<std::string, NodeId> seen;
    auto entries = children(id);
    for (std::size_t i = 0; i + 1 < entries.size(); i += 2) {
        NodeId key = entries[i];
        auto k = key_text(key);
        if (!k) continue;
        if (auto it = seen.find(*k); it != seen.end()) {
            duplicate_key(key, *k, it->second);
            continue;
        }
        seen.emplace(*k, key);
        out.emplace_back(key, entries[i + 1]);
    }
    return out;
}

}  // namespace tfm::detail
