// Reading an edit back: the edited text, parsed again, must hold the data the original held
// apart from what the edit meant to change. Node ids are compared as parse() numbers them,
// so an edit that moves or adds any other node is caught.
#pragma once

#include "tfm/yaml/value.h"
#include "tfm/yaml/yaml_tree.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>

namespace tfm::yaml {

// Scalars an edit replaced, by (document index, node id), with the values they must read as.
using ChangedValues = std::map<std::pair<std::size_t, std::uint32_t>, std::string>;

// `after` has no errors and the same documents and nodes as `before`, every value the same
// except the `changed` ones, which read as given.
bool same_data(const ParseResult& before, const ParseResult& after, const ChangedValues& changed);

// `after` has no errors and is `before` with items appended to list `list` of the last
// document (which may have been an empty value); a text with no document may become one.
bool extends_list(const ParseResult& before, const ParseResult& after, std::uint32_t list);

// The documents of `before` changed as a writer means to: returns false when it cannot (the
// data it expected is not there), and so refuses the edit.
using Intent = std::function<bool(std::vector<Value>& documents)>;

// Appending records to a file: `added` is YAML text `KEY:` followed by a list of items. With
// `new_document`, `added` becomes a document of its own after the others; otherwise its items
// are appended to list `key` of the last document (which may have been an empty value).
Intent appends_to_list(std::string key, std::string_view added, bool new_document);

// `after` (a file's text without its byte-order mark) parses without error and means exactly
// what `before` meant with `intend` applied: every other document, record and value equal,
// whatever the layout, quoting style or comments. False with `why` set otherwise.
bool means_intended(std::string_view before, std::string_view after, const Intent& intend,
                    std::string& why);

}  // namespace tfm::yaml
