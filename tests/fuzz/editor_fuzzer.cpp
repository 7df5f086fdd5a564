// libFuzzer target for the YAML editor and the writers' read-back: any bytes as a cohort file;
// every cohort found gets a plan planned, applied and read back (plan --write's phases, on
// text only). Nothing may crash, hang or trip a sanitizer, and two invariants must hold:
// a text means what it means (read-back is reflexive), and an edit the read-back accepts
// still parses and still holds the cohort.
#include "tfm/edit/plan_writer.h"
#include "tfm/yaml/editor.h"
#include "tfm/yaml/read_back.h"
#include "tfm/yaml/value.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace tfm;

// Ids of cohorts in the documents: `cohort: {id: …}` and items of `cohorts:`.
std::vector<std::string> cohort_ids(const yaml::ParseResult& parsed) {
    std::vector<std::string> ids;
    for (const auto& doc : parsed.documents) {
        if (doc.nodes.empty()) continue;
        auto id_of = [&](std::uint32_t m) {
            if (auto e = yaml::entry(doc, m, "id"))
                if (const auto* s = yaml::scalar_node(doc, e->second)) ids.push_back(s->value);
        };
        if (auto one = yaml::entry(doc, doc.root, "cohort")) id_of(one->second);
        if (auto list = yaml::entry(doc, doc.root, "cohorts");
            list && doc.nodes[list->second].kind == yaml::Kind::sequence)
            for (auto item : doc.children(list->second)) id_of(item);
    }
    if (ids.size() > 3) ids.resize(3);
    return ids;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 1 << 16) return 0;
    std::string bytes(reinterpret_cast<const char*>(data), size);
    yaml::SourceText source = yaml::split_source(bytes);
    yaml::ParseResult parsed = yaml::parse(source.text);
    if (!parsed.errors.empty()) return 0;

    std::string why;
    // Reflexive: a file read back unchanged means what it meant.
    if (yaml::values_of(parsed) &&
        !yaml::means_intended(source.text, source.text, [](std::vector<yaml::Value>&) { return true; }, why))
        __builtin_trap();

    for (const std::string& id : cohort_ids(parsed)) {
        Cohort cohort;
        cohort.id = id;
        PlanProposal plan;
        plan.cohort = &cohort;
        plan.meetings = {Date(2021, 10, 5), Date(2021, 11, 16)};
        if (size % 2) plan.visits = {{107401, Date(2021, 10, 12)}};
        auto at = plan_write::locate_cohort(source.text, "fuzz.yaml", id, why);
        if (!at) continue;
        auto edits = plan_write::plan_edits(source.text, source.newline, *at, plan, why);
        if (!edits) continue;
        std::string edited = yaml::apply(source.text, std::move(*edits));
        if (!yaml::means_intended(source.text, edited, plan_write::plan_intent(id, plan), why)) continue;
        // Accepted: the result parses and still holds the cohort.
        if (!yaml::parse(edited).errors.empty()) __builtin_trap();
        if (!plan_write::locate_cohort(edited, "fuzz.yaml", id, why)) __builtin_trap();
        std::string out = yaml::source_bytes(source, edited);
        if (source.bom && out.rfind("\xEF\xBB\xBF", 0) != 0) __builtin_trap();
    }
    return 0;
}
