// The record format of SPEC section 2 as data: every record kind, its fields, their types,
// whether they are required, a description, and where each field's value goes in the typed
// records of model.h. The loader reads records by walking this table; the JSON Schema and
// the documentation are generated from it. Adding a field means: the member in model.h,
// its entry in record_format.cpp, and a test.
#pragma once

#include "tfm/base/date.h"
#include "tfm/base/diagnostic.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <typeinfo>
#include <variant>
#include <vector>

namespace tfm {

enum class FieldType {
    string,     // any scalar text
    id,         // [a-z0-9][a-z0-9_-]*
    integer,    // a plain decimal number
    number,     // a plain decimal number, fractions allowed
    percent,    // a number from 0 to 100
    share,      // a number from 0 to 1
    date,       // YYYY-MM-DD
    year,       // 2021/22
    urn,        // six digits
    time,       // "HH:MM"
    enumeration,
    string_list,
    date_list,
    enum_list,
    record,       // a mapping described by `record`
    record_list,  // a list of mappings described by `record`
    dated_list,   // a list whose items are each a date, or a mapping described by `record`
                  // whose first field is that date (a planned meeting: `2021-10-05` or
                  // `{date: 2021-10-05, start: "13:00", …}`)
    map,          // a mapping with free keys: see map_key_pattern / values and map_value
    number_list,
    urn_list,     // a URN, or a list of URNs
};

// The record kinds a document holds at its top level, in record_specs() order.
enum class RecordKind { hub, school, lead, cohort, session, offer };

// An enumeration's value, as its index in FieldSpec::values.
struct Choice {
    std::size_t index;
};

// A field's value as the loader converted it, by the field's type: text (string, id),
// a whole number (integer, urn), a number (number, percent, share), a Date, an AcademicYear,
// a TimeOfDay, or a Choice (enumeration). Lists hand over one item at a time.
using FieldValue =
    std::variant<std::string, long long, double, Date, AcademicYear, TimeOfDay, Choice>;

// Where a field's value goes in its record. Records are passed untyped (RecordSpec::type
// says which struct); each function is generated from a member pointer in record_format.cpp,
// so it costs one indirect call and no allocation. A field with neither `store` nor `open`
// is read by the loader's own code for that record kind (maps, checks across items).
struct Binding {
    void (*store)(void* record, FieldValue& value, Pos at) = nullptr;  // a value; each list item
    void* (*open)(void* record, Pos at) = nullptr;  // the sub-record to read a record, or each
                                                    // item of a record_list, into
    void (*reserve)(void* record, std::size_t items) = nullptr;  // lists: room for the items
    void (*at)(void* record, Pos value) = nullptr;  // a value was given here
    void (*given)(void* record) = nullptr;          // the key was given, even with no value

    bool read_by_loader() const { return !store && !open; }
};

struct RecordSpec;

struct FieldSpec {
    std::string_view name;
    FieldType type;
    bool required;
    std::string_view description;
    std::vector<std::string_view> values;  // enumeration and enum_list
    std::string_view record;               // record and record_list: the kind's name
    // For maps: keys are `values` when given, else match this pattern; each value is a
    // map_value (with `record` for records and record lists, `values` for enumerations).
    std::string_view map_key_pattern = {};
    FieldType map_value = FieldType::string;

    // For the loader only (the schema says less):
    std::string_view noun;      // how messages name a value: "lead id", "Ofsted grade"
    double min = 0, max = 0;    // integer, number, percent, share: the values allowed
    const RecordSpec* sub = nullptr;  // record and record_list: the spec named by `record`
    Binding bind;
};

// A record kind has at most this many fields (the loader keeps them in a fixed array).
inline constexpr std::size_t max_fields = 16;

struct RecordSpec {
    std::string_view name;         // "school", "cohort.schools[]", …
    std::string_view description;
    std::vector<FieldSpec> fields;
    std::string_view noun;                 // how messages name one: "a target", "school"
    const std::type_info* type = nullptr;  // the struct its bindings write to

    std::vector<std::string_view> field_names() const;
    // The index of a field in `fields`; throws std::logic_error for a name it does not have.
    std::size_t index_of(std::string_view field) const;
};

// Every record and sub-record kind, top-level kinds first (hub, school, lead, cohort, session,
// offer).
const std::vector<RecordSpec>& record_specs();
const RecordSpec& record_spec(std::string_view name);  // throws std::logic_error if unknown
const RecordSpec& record_spec(RecordKind kind);

// hub.rules.cohort_size and meeting_gap_weeks are read into this, then into RuleSettings.
struct RangeSetting {
    int min = 0;
    int max = 0;
};

// The keys a document may have at its top level, and what each holds.
struct TopLevelKey {
    std::string_view key;     // "school" or "schools"
    RecordKind kind;
    bool list;

    std::string_view record() const { return record_spec(kind).name; }  // "school"
};
const std::vector<TopLevelKey>& top_level_keys();

}  // namespace tfm
