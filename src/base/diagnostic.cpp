#include "tfm/base/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace tfm {

std::string_view severity_name(Severity s) {
    switch (s) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::note: return "note";
    }
    return "error";
}

namespace {

// The cause first (SPEC section 3): problems that stop a file or record loading (file/,
// yaml/, schema/) come before every rule finding they may cause.
int load_stage(const std::string& rule) {
    bool loading = rule.starts_with("file/") || rule.starts_with("yaml/") || rule.starts_with("schema/");
    return loading ? 0 : 1;
}

}  // namespace

void sort_diagnostics(Diagnostics& ds) {
    std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
        int sa = load_stage(a.rule), sb = load_stage(b.rule);
        return std::tie(sa, a.pos.file, a.pos.line, a.pos.column, a.rule, a.message) <
               std::tie(sb, b.pos.file, b.pos.line, b.pos.column, b.rule, b.message);
    });
    ds.erase(std::unique(ds.begin(), ds.end(),
                         [](const Diagnostic& a, const Diagnostic& b) {
                             return a.pos.file == b.pos.file && a.pos.line == b.pos.line &&
                                    a.pos.column == b.pos.column && a.rule == b.rule &&
                                    a.message == b.message;
                         }),
             ds.end());
}

}  // namespace tfm
