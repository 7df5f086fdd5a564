// `tfm schedule --format ics`: schedule items as an iCalendar file (RFC 5545).
#pragma once

#include "tfm/analysis/schedule.h"
#include "tfm/model/index.h"

#include <string>
#include <string_view>
#include <vector>

namespace tfm {

// One VCALENDAR with a VEVENT per item: CRLF line endings, lines folded at 75 octets,
// stable UIDs, DTSTAMP from as_of (so the same records give the same bytes).
std::string render_ics(const std::vector<ScheduleItem>& items, const Index& index, Date as_of);

// TEXT escaping: backslash, semicolon, comma and newlines; other control characters dropped.
std::string ics_escape(std::string_view text);
// One content line folded at 75 octets, never inside a UTF-8 character; ends with CRLF.
std::string ics_fold(std::string_view line);

}  // namespace tfm
