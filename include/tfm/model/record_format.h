// The record format of SPEC section 2 as data: every record kind, its fields, their types,
// whether they are required, and a description. The loader checks keys against it; the
// JSON Schema and the documentation are generated from it.
#pragma once

#include <string_view>
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
    map,          // a mapping with free keys: see map_key_pattern / values and map_value
    number_list,
};

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
};

struct RecordSpec {
    std::string_view name;         // "school", "cohort.schools[]", …
    std::string_view description;
    std::vector<FieldSpec> fields;

    std::vector<std::string_view> field_names() const;
};

// Every record and sub-record kind, top-level kinds first (hub, school, lead, cohort, session).
const std::vector<RecordSpec>& record_specs();
const RecordSpec& record_spec(std::string_view name);

// The keys a document may have at its top level, and what each holds.
struct TopLevelKey {
    std::string_view key;    // "school" or "schools"
    std::string_view record; // "school"
    bool list;
};
const std::vector<TopLevelKey>& top_level_keys();

}  // namespace tfm
