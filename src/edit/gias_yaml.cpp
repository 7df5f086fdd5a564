#include "tfm/edit/gias_yaml.h"

namespace tfm::gias {

std::string area_slug(std::string_view area) {
    std::string out;
    bool dash = false;
    for (char c : area) {
        char l = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
        if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += l;
        } else {
            dash = true;
        }
    }
    return out.empty() ? "schools" : out;
}

std::vector<yaml::Field> school_fields(const Establishment& e, const Selection& selection) {
    std::vector<yaml::Field> fields = {{"urn", std::to_string(e.urn), true},
                                       {"name", e.name},
                                       {"phase", std::string(name_of(*e.phase)), true},
                                       {"area", area_spelling(selection, e.area)}};
    if (!e.trust.empty()) fields.push_back({"trust", e.trust});
    return fields;
}

std::string schools_yaml(const std::vector<const Establishment*>& schools, const Selection& selection) {
    if (schools.empty()) return "schools: []\n";
    std::string out = "schools:\n";
    for (const auto* e : schools) out += yaml::block_mapping(school_fields(*e, selection), "  - ", "    ");
    return out;
}

}  // namespace tfm::gias
