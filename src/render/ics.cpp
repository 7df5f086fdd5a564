#include "tfm/render/ics.h"

#include "tfm/base/untrusted_text.h"

#include <fmt/format.h>

#include <algorithm>

namespace tfm {

std::string ics_escape(std::string_view text) {
    // Control and format characters are shown as a terminal shows them (`\x1b`, `<U+0085>`,
    // `<U+202E>`: terminal_safe), C0, C1 and bidirectional controls alike; RFC 5545 (3.3.11)
    // allows no C0 control in TEXT, and a calendar is read on screens like any other output.
    // A line break is kept as `\n`; a CR before it (or alone) is dropped.
    std::string out;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = std::min(text.find('\n', start), text.size());
        std::string line(text.substr(start, end - start));
        std::erase(line, '\r');
        for (char c : terminal_safe(line)) {
            switch (c) {
                case '\\': out += "\\\\"; break;
                case ';': out += "\\;"; break;
                case ',': out += "\\,"; break;
                default: out += c;
            }
        }
        if (end < text.size()) out += "\\n";
        start = end + 1;
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    std::string out;
    std::size_t width = 0;  // octets on the current physical line
    std::size_t limit = 75;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t len = 1;
        auto c = static_cast<unsigned char>(line[i]);
        if (c >= 0xF0) len = 4;
        else if (c >= 0xE0) len = 3;
        else if (c >= 0xC0) len = 2;
        if (width + len > limit) {
            out += "\r\n ";
            width = 1;
        }
        out.append(line.substr(i, len));
        width += len;
        i += len;
    }
    return out + "\r\n";
}

namespace {

std::string compact(Date d) { return fmt::format("{:04}{:02}{:02}", d.year(), d.month(), d.day()); }

std::string compact(Date d, TimeOfDay t) {
    return fmt::format("{}T{:02}{:02}00", compact(d), t.minutes / 60, t.minutes % 60);
}

std::string summary_of(const ScheduleItem& it) {
    std::string group = it.cohort->name.empty() ? it.cohort->id : it.cohort->name;
    if (it.part) return fmt::format("{} ({})", it.part->item, group);
    switch (it.kind) {
        case SessionType::meeting:
            return fmt::format("Maths Hub Work Group meeting: {}", group);
        case SessionType::visit:
        case SessionType::audit_visit:
            return fmt::format("{} visit: {} ({})",
                               it.kind == SessionType::audit_visit ? "Audit" : "Support",
                               it.school_name.empty() ? std::to_string(it.school.value_or(0))
                                                      : it.school_name,
                               group);
        case SessionType::cpd:
            return fmt::format("Maths Hub CPD: {}", group);
    }
    return group;
}

const char* london_timezone =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/London\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:+0000\r\n"
    "TZOFFSETTO:+0100\r\n"
    "TZNAME:BST\r\n"
    "DTSTART:19700329T010000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0000\r\n"
    "TZNAME:GMT\r\n"
    "DTSTART:19701025T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";


std::string uid_of(const ScheduleItem& it) {
    std::string uid = fmt::format("{}-{}-{}-{}", it.cohort->id,
                                  it.kind == SessionType::audit_visit ? "visit" : name_of(it.kind),
                                  compact(it.date), it.school ? std::to_string(*it.school) : "group");
    if (it.same_day > 0) uid += fmt::format("-{}", it.same_day + 1);
    if (it.part) uid += fmt::format("-item{}", it.part_number);
    return uid + "@tfm";
}

std::string description_of(const ScheduleItem& it, const Index& index) {
    std::string lead = it.cohort->lead;
    if (const Lead* l = index.lead(it.cohort->lead)) lead = l->name;
    std::string desc = fmt::format("Work Group {} ({} {}), led by {}. Status: {}.", it.cohort->id,
                                   name_of(it.cohort->stage), it.cohort->year.str(), lead,
                                   name_of_item_status(it.status));
    if (it.mode) desc += fmt::format(" Mode: {}.", it.mode == Mode::online ? "online" : "in person");
    // The link in the text too: some calendar applications show no URL property.
    if (is_web_link(it.link)) desc += "\nJoin online: " + it.link;
    if (it.part) desc += "\nAgenda item: " + agenda_item_text(*it.part);
    else if (it.agenda && !it.agenda->empty()) desc += "\nAgenda:\n" + agenda_text(*it.agenda, "\n");
    return desc;
}

void write_event(std::string& out, const ScheduleItem& it, const Index& index, Date as_of) {
    out += "BEGIN:VEVENT\r\n";
    out += ics_fold("UID:" + uid_of(it));
    out += "DTSTAMP:" + compact(as_of) + "T000000Z\r\n";
    if (it.start) {
        // Without an end time, an hour; late in the evening that ends on the next day.
        int end = it.end ? it.end->minutes : it.start->minutes + 60;
        out += "DTSTART;TZID=Europe/London:" + compact(it.date, *it.start) + "\r\n";
        out += "DTEND;TZID=Europe/London:" +
               compact(it.date.plus_days(end / (24 * 60)), TimeOfDay{std::int16_t(end % (24 * 60))}) + "\r\n";
    } else {
        out += "DTSTART;VALUE=DATE:" + compact(it.date) + "\r\n";
        out += "DTEND;VALUE=DATE:" + compact(it.date.plus_days(1)) + "\r\n";
    }
    out += ics_fold("SUMMARY:" + ics_escape(summary_of(it)));
    out += ics_fold("DESCRIPTION:" + ics_escape(description_of(it, index)));
    if (!it.venue.empty()) out += ics_fold("LOCATION:" + ics_escape(it.venue));
    else if (!it.link.empty()) out += ics_fold("LOCATION:" + ics_escape(it.link));
    else if (it.school && !it.school_name.empty()) out += ics_fold("LOCATION:" + ics_escape(it.school_name));
    // URL is a URI, not TEXT: written as it is, with characters a URI may not hold left out.
    if (is_web_link(it.link)) {
        std::string uri;
        for (char c : it.link)
            if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F && c != '"') uri += c;
        out += ics_fold("URL:" + uri);
    }
    out += ics_fold("CATEGORIES:" + ics_escape(std::string(name_of(it.kind))));
    out += it.status == ItemStatus::done ? "STATUS:CONFIRMED\r\n" : "STATUS:TENTATIVE\r\n";
    out += "TRANSP:OPAQUE\r\n";
    out += "END:VEVENT\r\n";
}

}  // namespace

std::string render_ics(const std::vector<ScheduleItem>& items, const Index& index, Date as_of) {
    std::string out;
    out += "BEGIN:VCALENDAR\r\n";
    out += "VERSION:2.0\r\n";
    out += "PRODID:-//tfm//Teaching for Mastery schedule " TFM_VERSION "//EN\r\n";
    out += "CALSCALE:GREGORIAN\r\n";
    out += "METHOD:PUBLISH\r\n";
    out += "X-WR-TIMEZONE:Europe/London\r\n";
    // Always there: timed events refer to it, and a calendar with no event still holds a
    // component, as RFC 5545 requires.
    out += london_timezone;
    for (const auto& it : items) write_event(out, it, index, as_of);
    out += "END:VCALENDAR\r\n";
    return out;
}

}  // namespace tfm
