#include "reader.h"

#include <fmt/format.h>

#include <stdexcept>

namespace tfm::detail {

using yaml::Kind;

CustomFields::CustomFields(const RecordSpec& spec, std::initializer_list<Named> readers) {
    for (auto [name, read] : readers) readers_[spec.index_of(name)] = read;
    for (std::size_t i = 0; i < spec.fields.size(); ++i)
        if (spec.fields[i].bind.read_by_loader() != (readers_[i] != nullptr))
            throw std::logic_error(fmt::format("field {} of {} needs a binding or a reader (one)",
                                               spec.fields[i].name, spec.name));
}

Fields Reader::fields(NodeId map, const RecordSpec& spec, std::string_view what) {
    if (what.empty()) what = spec.noun;
    Fields f;
    f.spec = &spec;
    f.map = map;
    f.values.fill(no_node);
    f.keys.fill(no_node);
    const auto& n = node(map);
    if (n.kind != Kind::mapping) {
        error(RuleId::schema_type, map,
              fmt::format("{} must be a mapping of fields, not {}{}", what, kind_word(n.kind), slip_hint(map)));
        return f;
    }
    f.ok = true;
    const std::size_t count = spec.fields.size();
    std::array<bool, max_fields> slipped{};  // given, but with a slip already reported
    auto entries = children(map);
    for (std::size_t i = 0; i + 1 < entries.size(); i += 2) {
        NodeId key = entries[i], value = entries[i + 1];
        auto k = key_text(key);
        if (!k) continue;
        std::size_t idx = count;
        for (std::size_t j = 0; j < count; ++j)
            if (spec.fields[j].name == *k) idx = j;
        if (idx == count) {
            std::string meant = unknown_key(key, *k, spec.field_names(), what);
            for (std::size_t j = 0; j < count; ++j)
                if (spec.fields[j].name == meant) slipped[j] = true;
            continue;
        }
        if (f.keys[idx] != no_node) {
            duplicate_key(key, *k, f.keys[idx]);
            continue;
        }
        f.keys[idx] = key;
        if (node(value).kind != Kind::null) f.values[idx] = value;
    }
    for (std::size_t j = 0; j < count; ++j) {
        if (!spec.fields[j].required || f.values[j] != no_node || slipped[j]) continue;
        if (f.keys[j] != no_node)
            error(RuleId::schema_missing, f.keys[j],
                  fmt::format("`{}` of {} is empty", spec.fields[j].name, what));
        else
            error(RuleId::schema_missing, map,
                  fmt::format("{} is missing required field `{}`", what, spec.fields[j].name));
    }
    return f;
}

std::uint32_t Reader::read_untyped(const Fields& f, void* record, const CustomFields* custom) {
    std::uint32_t stored = 0;
    const auto& specs = f.spec->fields;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const Binding& bind = specs[i].bind;
        if (bind.given && f.keys[i] != no_node) bind.given(record);
        NodeId value = f.values[i];
        if (value == no_node) continue;
        if (bind.at) bind.at(record, pos(value));
        if (bind.read_by_loader()) {
            if (!custom || !(*custom)[i])
                throw std::logic_error(fmt::format("nothing reads field {} of {}", specs[i].name,
                                                   f.spec->name));
            (*custom)[i](*this, record, value);
        } else if (read_value(specs[i], value, record)) {
            stored |= std::uint32_t(1) << i;
        }
    }
    return stored;
}

// One field's value through its binding; false when it did not convert.
bool Reader::read_value(const FieldSpec& field, NodeId value, void* record) {
    const Binding& bind = field.bind;
    auto item_type = [&] {
        switch (field.type) {
            case FieldType::date_list: return FieldType::date;
            case FieldType::enum_list: return FieldType::enumeration;
            case FieldType::number_list: return FieldType::number;
            default: return FieldType::string;
        }
    };
    switch (field.type) {
        case FieldType::record: {
            auto sub = fields(value, *field.sub);
            if (!sub.ok) return false;
            read_untyped(sub, bind.open(record, pos(value)), nullptr);
            return true;
        }
        case FieldType::record_list: {
            const auto& list = items(value, field.name);
            if (bind.reserve) bind.reserve(record, list.size());
            for (NodeId item : list) {
                auto sub = fields(item, *field.sub);
                if (sub.ok) read_untyped(sub, bind.open(record, pos(item)), nullptr);
            }
            return true;
        }
        case FieldType::dated_list: {
            // Each item a date (the sub-record's first field, given alone) or a mapping.
            const FieldSpec& first = field.sub->fields.front();
            const auto& list = items(value, field.name);
            if (bind.reserve) bind.reserve(record, list.size());
            for (NodeId item : list) {
                if (node(item).kind == Kind::mapping) {
                    auto sub = fields(item, *field.sub);
                    if (sub.ok) read_untyped(sub, bind.open(record, pos(item)), nullptr);
                } else if (auto v = convert(first, first.type, item)) {
                    void* sub = bind.open(record, pos(item));
                    if (first.bind.at) first.bind.at(sub, pos(item));
                    first.bind.store(sub, *v, pos(item));
                }
            }
            return true;
        }
        case FieldType::string_list:
        case FieldType::date_list:
        case FieldType::enum_list:
        case FieldType::number_list: {
            const auto& list = items(value, field.name);
            if (bind.reserve) bind.reserve(record, list.size());
            for (NodeId item : list)
                if (auto v = convert(field, item_type(), item)) bind.store(record, *v, pos(item));
            return true;
        }
        case FieldType::urn_list: {
            // One URN, or a list of them.
            if (node(value).kind != Kind::sequence) {
                if (auto v = convert(field, FieldType::urn, value)) bind.store(record, *v, pos(value));
                return true;
            }
            const auto& list = items(value, field.name);
            for (NodeId item : list)
                if (auto v = convert(field, FieldType::urn, item)) bind.store(record, *v, pos(item));
            return true;
        }
        case FieldType::map:
            throw std::logic_error(fmt::format("map field {} needs a reader", field.name));
        default:
            if (auto v = convert(field, field.type, value)) {
                bind.store(record, *v, pos(value));
                return true;
            }
            return false;
    }
}

// A scalar as the field's type says, named in messages by the field's noun.
std::optional<FieldValue> Reader::convert(const FieldSpec& field, FieldType type, NodeId id) {
    auto wrap = [](auto v) -> std::optional<FieldValue> {
        if (!v) return std::nullopt;
        return FieldValue(std::move(*v));
    };
    switch (type) {
        case FieldType::string: return wrap(text(id));
        case FieldType::id: return wrap(identifier(id, field.noun));
        case FieldType::integer: {
            auto v = bounded(id, (long long)field.min, (long long)field.max, field.noun);
            if (!v) return std::nullopt;
            return FieldValue((long long)*v);
        }
        case FieldType::number:
        case FieldType::percent:
        case FieldType::share: return wrap(number(id, field.min, field.max, field.noun));
        case FieldType::date: return wrap(date(id));
        case FieldType::year: return wrap(year(id));
        case FieldType::urn: {
            auto v = urn(id);
            if (!v) return std::nullopt;
            return FieldValue((long long)*v);
        }
        case FieldType::time: return wrap(time(id));
        case FieldType::enumeration: {
            auto i = choice(id, field.values, field.noun);
            if (!i) return std::nullopt;
            return FieldValue(Choice{*i});
        }
        default: throw std::logic_error(fmt::format("field {} is not a scalar", field.name));
    }
}

}  // namespace tfm::detail
