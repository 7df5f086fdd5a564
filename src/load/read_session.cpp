#include "reader.h"

#include <fmt/format.h>

namespace tfm::detail {
namespace {

// URN -> the names present; [] (or nothing) when the school was absent.
void read_attendance(Reader& r, void* record, NodeId map) {
    auto& s = *static_cast<Session*>(record);
    auto entries = r.pairs(map, "attendance");
    s.attendance.reserve(entries.size());  // in the file's pool, like the names below
    for (auto [k, val] : entries) {
        Attendance a;
        a.pos = r.pos(k);
        auto u = r.urn(k);
        if (r.node(val).kind != yaml::Kind::null) {
            const auto& names = r.items(val, "attendance");
            a.present.reserve(names.size());
            for (NodeId item : names)
                if (auto name = r.text(item)) a.present.push_back({intern(*name), r.pos(item)});
        }
        if (u) {
            a.urn = *u;
            s.attendance.push_back(a);
        }
    }
}

}  // namespace

void read_session(Reader& r, NodeId id) {
    static const RecordSpec& spec = record_spec(RecordKind::session);
    static const CustomFields custom(spec, {{"attendance", read_attendance}});
    static const std::size_t end_field = spec.index_of("end");
    auto f = r.fields(id, spec);
    if (!f.ok) return;
    Session s;
    s.directory = r.directory();
    s.pos = r.pos(id);
    r.read_fields(f, s, &custom);
    if (s.is_visit() && s.school_pos.line == 0)
        r.error(RuleId::schema_missing, id,
                fmt::format("a {} session needs `school`: the school visited", name_of(s.type)));
    if (s.start && s.end && *s.end <= *s.start)
        r.error(RuleId::schema_type, f.values[end_field],
                fmt::format("the session ends ({}) {} it starts ({})", s.end->str(),
                            *s.end == *s.start ? "when" : "before", s.start->str()));
    if (!r.broken()) r.out().sessions.push_back(std::move(s));
}

}  // namespace tfm::detail

