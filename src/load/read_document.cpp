#include "reader.h"

#include <fmt/format.h>

#include <array>
#include <map>

namespace tfm::detail {

using yaml::Kind;

void read_record(Reader& r, RecordKind kind, NodeId id) {
    // In RecordKind order.
    static constexpr std::array<void (*)(Reader&, NodeId), 6> readers = {
        read_hub, read_school, read_lead, read_cohort, read_session, read_offer};
    ++r.out().records_seen;
    r.broken_ = false;
    readers[std::size_t(kind)](r, id);
}

void Reader::read_document() {
    NodeId root = doc_.root;
    if (doc_.nodes.empty()) return;
    const auto& n = node(root);
    if (n.kind == Kind::null) return;  // an empty document
    if (n.kind != Kind::mapping) {
        error(RuleId::schema_type, root,
              fmt::format("a document must be a mapping with keys such as school or cohorts, "
                          "not {}",
                          kind_word(n.kind)));
        return;
    }
    std::vector<std::string_view> names;
    for (const auto& k : top_level_keys()) names.push_back(k.key);
    for (auto [key, value] : pairs(root, "a document")) {
        auto k = key_text(key);
        if (!k) continue;
        const TopLevelKey* top = nullptr;
        for (const auto& t : top_level_keys())
            if (t.key == *k) top = &t;
        if (!top) {
            unknown_key(key, *k, names, "a document");
            continue;
        }
        if (!top->list) {
            read_record(*this, top->kind, value);
        } else if (node(value).kind == Kind::sequence) {
            for (NodeId item : children(value)) read_record(*this, top->kind, item);
        } else if (node(value).kind != Kind::null) {
            error(RuleId::schema_type, value,
                  fmt::format("`{}` must be a list of {} records, not {}{}", *k, top->record(),
                              kind_word(node(value).kind), slip_hint(value)));
        }
    }
}

}  // namespace tfm::detail
