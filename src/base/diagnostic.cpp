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

void sort_diagnostics(Diagnostics& ds) {
    std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.pos.file, a.pos.line, a.pos.column, a.rule, a.message) <
               std::tie(b.pos.file, b.pos.line, b.pos.column, b.rule, b.message);
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
