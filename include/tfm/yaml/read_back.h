// Reading an edit back: the edited text, parsed again, must hold the data the original held
// apart from what the edit meant to change. Node ids are compared as parse() numbers them,
// so an edit that moves or adds any other node is caught.
#pragma once

#include "tfm/yaml/yaml_tree.h"

#include <cstddef>
#include <cstdint>
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

}  // namespace tfm::yaml
