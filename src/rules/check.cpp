#include "tfm/rules/check.h"

#include "tfm/rules/rules.h"

namespace tfm {

Diagnostics check_records(const LoadResult& loaded, Date as_of) {
    Index index(loaded.records);
    return check_records(loaded, as_of, index, all_journeys(loaded.records, index, as_of));
}

Diagnostics check_records(const LoadResult& loaded, Date as_of, const Index& index,
                          const std::vector<Journey>& journeys) {
    return check_records(loaded.records, loaded.diagnostics, as_of, index, journeys);
}

Diagnostics check_records(const Records& records, Diagnostics load_findings, Date as_of,
                          const Index& index, const std::vector<Journey>& journeys) {
    Diagnostics findings = std::move(load_findings);
    run_checks(records, index, journeys, as_of, findings);
    sort_diagnostics(findings);
    return findings;
}

CheckSummary summarize(const Records& records, const Diagnostics& findings) {
    CheckSummary s;
    for (const auto& d : findings) {
        if (d.severity == Severity::error) ++s.errors;
        else if (d.severity == Severity::warning) ++s.warnings;
        else ++s.notes;
    }
    for (const auto& f : records.files)
        if (!f.is_folder) ++s.files;
    s.records = records.records_seen;
    return s;
}

}  // namespace tfm
