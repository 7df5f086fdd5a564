#include "tfm/render/schema.h"

#include "tfm/model/record_format.h"
#include "tfm/base/json.h"

#include <string>

namespace tfm {
namespace {

std::string def_name(std::string_view record) {
    // "cohort.schools[]" -> "cohort.school"; JSON pointer-safe names.
    std::string out(record);
    if (out.size() > 2 && out.compare(out.size() - 2, 2, "[]") == 0) out.resize(out.size() - 2);
    for (char& c : out)
        if (c == '.') c = '_';
    return out;
}

void ref(JsonWriter& w, std::string_view record) {
    w.begin_object().key("$ref").value("#/$defs/" + def_name(record)).end_object();
}

void enum_values(JsonWriter& w, const std::vector<std::string_view>& values) {
    w.key("enum").begin_array();
    for (auto v : values) w.value(v);
    w.end_array();
}

// A schema for one value of the given type.
void value_schema(JsonWriter& w, FieldType type, const FieldSpec& f, std::string_view description) {
    w.begin_object();
    if (!description.empty()) w.key("description").value(description);
    switch (type) {
        case FieldType::string:
            w.key("type").begin_array().value("string").value("number").end_array();
            break;
        case FieldType::id:
            w.key("type").value("string").key("pattern").value("^[a-z0-9][a-z0-9_-]*$");
            break;
        case FieldType::integer:
            w.key("type").value("integer").key("minimum").value(0);
            break;
        case FieldType::number:
            w.key("type").value("number");
            break;
        case FieldType::percent:
            w.key("type").value("number").key("minimum").value(0).key("maximum").value(100);
            break;
        case FieldType::share:
            w.key("type").value("number").key("minimum").value(0).key("maximum").value(1);
            break;
        case FieldType::date:
            w.key("type").value("string").key("pattern").value("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
            w.key("format").value("date");
            break;
        case FieldType::year:
            w.key("type").value("string").key("pattern").value("^[0-9]{4}[/-][0-9]{2}$");
            w.key("examples").begin_array().value("2021/22").end_array();
            break;
        case FieldType::urn:
            w.key("type").value("integer").key("minimum").value(100000).key("maximum").value(999999);
            break;
        case FieldType::time:
            w.key("type").value("string").key("pattern").value("^([01][0-9]|2[0-3]):[0-5][0-9]$");
            break;
        case FieldType::enumeration:
            enum_values(w, f.values);
            break;
        case FieldType::string_list:
            w.key("type").value("array").key("items").begin_object().key("type").value("string").end_object();
            break;
        case FieldType::number_list:
            w.key("type").value("array").key("items").begin_object().key("type").value("number").end_object();
            break;
        case FieldType::urn_list:
            w.key("anyOf").begin_array();
            value_schema(w, FieldType::urn, f, "");
            w.begin_object().key("type").value("array").key("items");
            value_schema(w, FieldType::urn, f, "");
            w.end_object().end_array();
            break;
        case FieldType::date_list:
            w.key("type").value("array").key("items");
            value_schema(w, FieldType::date, f, "");
            break;
        case FieldType::enum_list:
            w.key("type").value("array").key("items").begin_object();
            enum_values(w, f.values);
            w.end_object();
            break;
        case FieldType::record:
            w.key("$ref").value("#/$defs/" + def_name(f.record));
            break;
        case FieldType::record_list:
            w.key("type").value("array").key("items");
            ref(w, f.record);
            break;
        case FieldType::dated_list:
            w.key("type").value("array").key("items").begin_object().key("anyOf").begin_array();
            value_schema(w, FieldType::date, f, "");
            ref(w, f.record);
            w.end_array().end_object();
            break;
        case FieldType::map: {
            w.key("type").value("object");
            w.key("propertyNames").begin_object();
            if (!f.map_key_pattern.empty()) w.key("pattern").value(f.map_key_pattern);
            else enum_values(w, f.values);
            w.end_object();
            w.key("additionalProperties");
            value_schema(w, f.map_value, f, "");
            break;
        }
    }
    w.end_object();
}

void record_schema(JsonWriter& w, const RecordSpec& r) {
    w.begin_object();
    w.key("description").value(r.description);
    w.key("type").value("object");
    w.key("additionalProperties").value(false);
    std::vector<std::string_view> required;
    w.key("properties").begin_object();
    for (const auto& f : r.fields) {
        w.key(f.name);
        value_schema(w, f.type, f, f.description);
        if (f.required) required.push_back(f.name);
    }
    w.end_object();
    if (!required.empty()) {
        w.key("required").begin_array();
        for (auto n : required) w.value(n);
        w.end_array();
    }
    if (&r == &record_spec(RecordKind::session)) {
        // Visits name the school visited (read_session.cpp checks the same).
        w.key("if").begin_object().key("properties").begin_object().key("type").begin_object();
        w.key("enum").begin_array().value("visit").value("audit_visit").end_array();
        w.end_object().end_object().key("required").begin_array().value("type").end_array().end_object();
        w.key("then").begin_object().key("required").begin_array().value("school").end_array().end_object();
    }
    w.end_object();
}

}  // namespace

std::string json_schema() {
    JsonWriter w;
    w.begin_object();
    w.key("$schema").value("https://json-schema.org/draft/2020-12/schema");
    w.key("$id").value("urn:tfm:records-schema");
    w.key("title").value("tfm records");
    w.key("description")
        .value("A document of a Teaching for Mastery records tree: a hub, or schools, leads, "
               "cohorts, sessions and offers, one record or a list each. Generated by `tfm schema`.");
    w.key("type").value("object");
    w.key("additionalProperties").value(false);
    w.key("properties").begin_object();
    for (const auto& top : top_level_keys()) {
        w.key(top.key);
        if (top.list) {
            w.begin_object().key("type").value("array").key("items");
            ref(w, top.record());
            w.end_object();
        } else {
            ref(w, top.record());
        }
    }
    w.end_object();
    w.key("$defs").begin_object();
    for (const auto& r : record_specs()) {
        w.key(def_name(r.name));
        record_schema(w, r);
    }
    w.end_object();
    w.end_object();
    return w.str();
}

}  // namespace tfm
