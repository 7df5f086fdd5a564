// A second real client for tfm's iCalendar output: libical (Debian libical-dev), the parser
// of Evolution and many calendar servers. Parses the file and checks every VEVENT as a
// calendar application would read it: no parse errors (libical marks them as X-LIC-ERROR),
// a unique UID, a start, an end after it, timed events in Europe/London resolved through the
// calendar's own VTIMEZONE, and an online event's URL.
// Usage: libical_check FILE.ics [expected event count [expected timed event count]]
#include <libical/ical.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: libical_check FILE.ics [events [timed events]]\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    icalcomponent* cal = icalparser_parse_string(text.str().c_str());
    int problems = 0;
    auto problem = [&](const std::string& what) {
        std::printf("%s\n", what.c_str());
        ++problems;
    };
    if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
        std::printf("libical found no VCALENDAR\n");
        return 1;
    }
    int errors = icalcomponent_count_errors(cal);
    if (errors > 0) {
        char* s = icalcomponent_as_ical_string_r(cal);
        problem("libical reports " + std::to_string(errors) + " parse errors:\n" + s);
        std::free(s);
    }
    icaltimezone* london = icalcomponent_get_timezone(cal, "Europe/London");
    if (!london) problem("no VTIMEZONE Europe/London in the calendar");

    std::set<std::string> uids;
    int events = 0, timed = 0;
    for (icalcomponent* e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        ++events;
        const char* uid_text = icalcomponent_get_uid(e);
        std::string uid = uid_text ? uid_text : "";
        if (uid.empty()) problem("an event without a UID");
        if (!uids.insert(uid).second) problem(uid + ": UID appears twice");
        if (!icalcomponent_get_summary(e)) problem(uid + ": no SUMMARY");
        icaltimetype start = icalcomponent_get_dtstart(e), end = icalcomponent_get_dtend(e);
        if (icaltime_is_null_time(start)) problem(uid + ": no DTSTART");
        if (icaltime_is_null_time(end)) problem(uid + ": no DTEND");
        if (icaltime_compare(end, start) <= 0) problem(uid + ": DTEND is not after DTSTART");
        if (!start.is_date) {
            ++timed;
            const icaltimezone* zone = start.zone;
            const char* tzid = zone ? icaltimezone_get_tzid(const_cast<icaltimezone*>(zone)) : nullptr;
            if (!tzid || std::string(tzid) != "Europe/London")
                problem(uid + ": a timed event not in Europe/London");
        }
        bool online = false;
        if (const char* d = icalcomponent_get_description(e))
            online = std::string(d).find("Join online: ") != std::string::npos;
        if (online && !icalcomponent_get_first_property(e, ICAL_URL_PROPERTY))
            problem(uid + ": an online event without a URL");
    }
    if (argc > 2 && events != std::atoi(argv[2]))
        problem(std::to_string(events) + " events, expected " + argv[2]);
    if (argc > 3 && timed != std::atoi(argv[3]))
        problem(std::to_string(timed) + " timed events, expected " + argv[3]);
    icalcomponent_free(cal);
    std::printf("libical: %d events (%d timed) parsed; %d problems\n", events, timed, problems);
    return problems ? 1 : 0;
}
