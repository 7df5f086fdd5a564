#include "reader.h"

namespace tfm::detail {

void read_lead(Reader& r, NodeId id) {
    static const RecordSpec& spec = record_spec(RecordKind::lead);
    auto f = r.fields(id, spec);
    if (!f.ok) return;
    Lead l;
    l.directory = r.directory();
    l.pos = r.pos(id);
    r.read_fields(f, l);
    if (r.broken()) {
        // Its id still counts as defined: references to it are not "unknown".
        if (!l.id.empty()) r.out().broken_leads.emplace_back(l.id, l.id_pos);
        return;
    }
    r.out().leads.push_back(std::move(l));
}

}  // namespace tfm::detail
