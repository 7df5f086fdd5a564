// Internal: the Binding functions of the record format, generated from member pointers.
// The member's type chooses how a loaded FieldValue is stored: text into a string, a whole
// number or an enumeration's index into an int, an index into an enum, items appended to a
// vector or inserted into a SmallSet.
#pragma once

#include "tfm/model/model.h"
#include "tfm/model/record_format.h"

#include <type_traits>
#include <utility>

namespace tfm::detail {

template <class M>
struct member_traits;
template <class C, class T>
struct member_traits<T C::*> {
    using record = C;
    using type = T;
};

// The member M of an untyped record.
template <auto M>
auto& member(void* record) {
    using Record = typename member_traits<decltype(M)>::record;
    return static_cast<Record*>(record)->*M;
}

// ---- one value --------------------------------------------------------------------------

inline void assign(std::string& to, FieldValue& v) { to = std::move(std::get<std::string>(v)); }
// Text the records repeat is kept once, in the pool of the file being read.
inline void assign(std::string_view& to, FieldValue& v) { to = intern(std::get<std::string>(v)); }
inline void assign(double& to, FieldValue& v) { to = std::get<double>(v); }
inline void assign(Date& to, FieldValue& v) { to = std::get<Date>(v); }
inline void assign(AcademicYear& to, FieldValue& v) { to = std::get<AcademicYear>(v); }
inline void assign(TimeOfDay& to, FieldValue& v) { to = std::get<TimeOfDay>(v); }
// Whole numbers, URNs, weekdays and year groups (an enumeration's index) are ints.
inline void assign(int& to, FieldValue& v) {
    if (auto* c = std::get_if<Choice>(&v)) to = int(c->index);
    else to = int(std::get<long long>(v));
}
template <class E>
    requires std::is_enum_v<E>
void assign(E& to, FieldValue& v) {
    to = E(std::get<Choice>(v).index);
}
template <class T>
void assign(std::optional<T>& to, FieldValue& v) {
    T value{};
    assign(value, v);
    to = std::move(value);
}

// ---- list items -------------------------------------------------------------------------

inline void add(std::vector<std::string>& to, FieldValue& v, Pos) {
    to.push_back(std::move(std::get<std::string>(v)));
}
inline void add(std::vector<Date>& to, FieldValue& v, Pos) { to.push_back(std::get<Date>(v)); }
template <class T>
void add(SmallSet<T>& to, FieldValue& v, Pos) {
    T value{};
    assign(value, v);
    to.insert(value);
}

// ---- the Binding functions --------------------------------------------------------------

template <auto M>
void store_value(void* record, FieldValue& v, Pos) {
    assign(member<M>(record), v);
}

template <auto M>
void store_item(void* record, FieldValue& v, Pos at) {
    add(member<M>(record), v, at);
}

template <auto M>
void reserve_items(void* record, std::size_t n) {
    member<M>(record).reserve(n);
}

// A sub-record member, or an optional one (then made present), at the value's position.
template <auto M>
void* open_member(void* record, Pos at) {
    auto& m = member<M>(record);
    if constexpr (requires { m.emplace(); }) {
        auto& value = m.emplace();
        if constexpr (requires { value.pos = at; }) value.pos = at;
        return &value;
    } else {
        return &m;
    }
}

// A new item at the end of a vector of sub-records, at the item's position.
template <auto M>
void* open_item(void* record, Pos at) {
    auto& item = member<M>(record).emplace_back();
    if constexpr (requires { item.pos = at; }) item.pos = at;
    return &item;
}

template <auto M>
void mark_position(void* record, Pos at) {
    member<M>(record) = at;
}

template <auto M>
void mark_given(void* record) {
    member<M>(record) = true;
}

}  // namespace tfm::detail
