// `tfm register --format html`: a Work Group's register as one self-contained page (inline CSS,
// no scripts, no external requests) that prints on one A4 page.
#pragma once

#include "tfm/analysis/register.h"
#include "tfm/base/date.h"

#include <string>
#include <vector>

namespace tfm {

struct RegisterPageContext {
    std::vector<std::string> hub_names;
    Date as_of;
    std::string generator;  // "tfm 0.1.0"
    std::string command;    // the command line that makes the page again
};

// The page: the cohort, its lead and the threshold; the grid (schools in bold with their
// participants under them, a mark per held meeting, totals; schools below the threshold
// flagged); a totals row per meeting; a key to the marks. Cells carry data-key and
// data-value (the JSON value) so tests compare the page with --format json. Same input,
// same bytes.
std::string render_register_html(const Register& r, const RegisterPageContext& context);

}  // namespace tfm
