#include "reader.h"

namespace tfm::detail {

void read_offer(Reader& r, NodeId id) {
    static const RecordSpec& spec = record_spec(RecordKind::offer);
    auto f = r.fields(id, spec);
    if (!f.ok) return;
    Offer o;
    o.directory = r.directory();
    o.pos = r.pos(id);
    r.read_fields(f, o);
    if (!r.broken()) r.out().offers.push_back(std::move(o));
}

}  // namespace tfm::detail
