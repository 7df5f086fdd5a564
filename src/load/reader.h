// Internal: builds the typed records of one YAML document by walking the record format
// (model/record_format.h). The walk itself is read_fields.cpp; value conversions are
// values.cpp; each record kind's own code (maps, checks across fields) is read_<kind>.cpp.
#pragma once

#include "file_records.h"
#include "tfm/model/record_format.h"
#include "tfm/model/rule_id.h"
#include "tfm/yaml/yaml_tree.h"

#include <array>
#include <cassert>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <typeinfo>
#include <utility>
#include <vector>

namespace tfm::detail {

using NodeId = std::uint32_t;
inline constexpr NodeId no_node = ~NodeId(0);

// "a list", "a mapping", … for messages about a node of the wrong kind.
std::string_view kind_word(yaml::Kind k);


// The fields of one mapping, by their index in its RecordSpec.
struct Fields {
    const RecordSpec* spec = nullptr;
    NodeId map = 0;
    bool ok = false;  // the node was a mapping
    std::array<NodeId, max_fields> values;  // no_node when absent or empty (null)
    std::array<NodeId, max_fields> keys;    // no_node when absent

    std::optional<NodeId> value(std::size_t field) const {
        if (values[field] == no_node) return std::nullopt;
        return values[field];
    }
};

// A field read by code of its own rather than through a binding: `record` is the struct
// of the RecordSpec (a Hub for the hub's fields), `value` the field's non-null value.
class Reader;
using FieldReader = void (*)(Reader& r, void* record, NodeId value);

// The FieldReaders of one record kind, by field index. Built once; it checks that they
// cover exactly the fields the format leaves unbound, so a new field cannot be forgotten.
class CustomFields {
public:
    using Named = std::pair<std::string_view, FieldReader>;
    CustomFields(const RecordSpec& spec, std::initializer_list<Named> readers);
    FieldReader operator[](std::size_t field) const { return readers_[field]; }

private:
    std::array<FieldReader, max_fields> readers_{};
};

class Reader {
public:
    Reader(const yaml::Document& doc, std::string_view text, int file, int directory,
           FileRecords& out)
        : doc_(doc), text_(text), file_(file), directory_(directory), out_(out) {}

    // Reads every record of the document into `out` (read_document.cpp).
    void read_document();

    // ---- where things are, and reporting (reader.cpp) ----------------------------------
    const yaml::Node& node(NodeId id) const { return doc_.nodes[id]; }
    // A collection's children (yaml::Document::children).
    std::span<const NodeId> children(NodeId id) const { return doc_.children(id); }
    // "; `urn:107329` has no space after the colon, …" (slips.h) for a node of the wrong kind
    // that a slip made: a plain value meant as `key: value`, or a mapping whose first key
    // holds a slip (`– urn` where a list was meant); else empty.
    std::string slip_hint(NodeId id) const;
    Pos pos(NodeId id) const;
    int directory() const { return directory_; }
    FileRecords& out() { return out_; }
    // Whether the current top-level record has an error (it is then left out).
    bool broken() const { return broken_; }
    void error(RuleId rule, NodeId at, std::string message);
    void error(RuleId rule, Pos at, std::string message);  // at a position a record kept
    std::optional<std::string> key_text(NodeId key);
    void duplicate_key(NodeId key, std::string_view name, NodeId first);
    // Reports an unknown key; when it is a slip (`area:Kirklees`), says so and gives the key
    // that was meant (`area`), else empty.
    std::string unknown_key(NodeId key, std::string_view name, const std::vector<std::string_view>& known,
                     std::string_view where);
    // Items of a list; reports and returns nothing when the node is not a list.
    std::span<const NodeId> items(NodeId id, std::string_view what);
    // Key/value pairs of a free-keyed mapping, with duplicate keys reported.
    std::vector<std::pair<NodeId, NodeId>> pairs(NodeId id, std::string_view what);

    // ---- mappings described by the format (read_fields.cpp) -----------------------------
    // Sorts a mapping's keys into the spec's fields; reports unknown, duplicate and missing
    // ones. `what` names the mapping in messages (default: the spec's noun).
    Fields fields(NodeId map, const RecordSpec& spec, std::string_view what = {});
    // Converts and stores every given field through its binding (or `custom`), in the
    // format's order. Returns a bit per field (1 << index) whose value was stored.
    template <class Record>
    std::uint32_t read_fields(const Fields& f, Record& record,
                              const CustomFields* custom = nullptr) {
        assert(f.spec->type && *f.spec->type == typeid(Record));
        return read_untyped(f, &record, custom);
    }
    std::uint32_t read_untyped(const Fields& f, void* record, const CustomFields* custom);

    // ---- values (values.cpp); each reports and returns nothing when malformed -----------
    std::optional<std::string> text(NodeId id);
    std::optional<std::string> identifier(NodeId id, std::string_view what);
    // The plain number text of a scalar, or null after reporting why it is not one.
    const yaml::Node* number_text(NodeId id, std::string_view what, bool (*shape)(std::string_view), bool octal);
    std::optional<long long> integer(NodeId id, std::string_view what = "a whole number");
    std::optional<int> bounded(NodeId id, long long lo, long long hi, std::string_view what);
    std::optional<double> number(NodeId id, double lo, double hi, std::string_view what);
    std::optional<Urn> urn(NodeId id);
    std::optional<Date> date(NodeId id);
    std::optional<AcademicYear> year(NodeId id);
    std::optional<TimeOfDay> time(NodeId id);
    // The index of the value in `values`.
    std::optional<std::size_t> choice(NodeId id, const std::vector<std::string_view>& values,
                                      std::string_view what);
    template <class E>
    std::optional<E> enumeration(NodeId id, std::string_view what) {
        auto i = choice(id, enum_names<E>(), what);
        if (!i) return std::nullopt;
        return E(*i);
    }

private:
    friend void read_record(Reader& r, RecordKind kind, NodeId id);
    const yaml::Node* scalar(NodeId id, std::string_view expected);
    std::optional<FieldValue> convert(const FieldSpec& field, FieldType type, NodeId id);
    bool read_value(const FieldSpec& field, NodeId value, void* record);

    const yaml::Document& doc_;
    std::string_view text_;
    int file_;
    int directory_;
    FileRecords& out_;
    bool broken_ = false;
};

// One top-level record, counted in records_seen and left out if it has an error.
void read_record(Reader& r, RecordKind kind, NodeId id);

// One function per record kind, each in read_<kind>.cpp.
void read_hub(Reader& r, NodeId id);
void read_school(Reader& r, NodeId id);
void read_lead(Reader& r, NodeId id);
void read_cohort(Reader& r, NodeId id);
void read_session(Reader& r, NodeId id);
void read_offer(Reader& r, NodeId id);

}  // namespace tfm::detail
