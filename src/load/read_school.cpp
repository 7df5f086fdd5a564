#include "reader.h"

#include <fmt/format.h>

#include <map>

namespace tfm::detail {
namespace {

// Staff names are unique within a school: participants are matched to them by name.
void read_staff(Reader& r, void* record, NodeId list) {
    static const RecordSpec& spec = record_spec("school.staff[]");
    static const std::size_t name_field = spec.index_of("name");
    static const std::size_t left_field = spec.index_of("left");
    auto& school = *static_cast<School*>(record);
    std::map<std::string_view, NodeId> names;  // views into the pool
    const auto& items = r.items(list, "staff");
    school.staff.reserve(items.size());
    for (NodeId item : items) {
        auto f = r.fields(item, spec);
        if (!f.ok) continue;
        StaffMember& m = school.staff.emplace_back();
        m.pos = r.pos(item);
        r.read_fields(f, m);
        // Dates typed the wrong way round would make them former staff, silently.
        if (m.from && m.left && *m.left < *m.from)
            r.error(RuleId::schema_type, f.value(left_field).value_or(item),
                    fmt::format("`left` {} is before `from` {}: are the dates the wrong way round?",
                                m.left->str(), m.from->str()));
        auto name = f.value(name_field);
        if (!name) continue;
        if (auto it = names.find(m.name); it != names.end())
            r.error(RuleId::ref_duplicate_id, *name,
                    fmt::format("`{}` is listed twice in this school's staff (first on line {})",
                                m.name, r.pos(it->second).line));
        else
            names.emplace(m.name, *name);
    }
}

}  // namespace

void read_school(Reader& r, NodeId id) {
    static const RecordSpec& spec = record_spec(RecordKind::school);
    static const CustomFields custom(spec, {{"staff", read_staff}});
    auto f = r.fields(id, spec);
    if (!f.ok) return;
    School s;
    s.directory = r.directory();
    s.pos = r.pos(id);
    r.read_fields(f, s, &custom);
    if (r.broken()) {
        if (s.urn != 0) r.out().broken_schools.emplace_back(s.urn, s.urn_pos);
        return;
    }
    r.out().schools.push_back(std::move(s));
}

}  // namespace tfm::detail
