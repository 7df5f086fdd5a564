// `tfm log`: a session that took place, as the coordinator gave it; the YAML it is written
// as; the file it goes into (SPEC section 6: the file holding the cohort's latest log, else
// sessions/YYYY-YY/COHORT.yaml); and the in-place edit that appends it there.
#pragma once

#include "tfm/edit/file_edit.h"
#include "tfm/edit/transaction.h"
#include "tfm/model/index.h"
#include "tfm/model/model.h"
#include "tfm/yaml/editor.h"
#include "tfm/yaml/read_back.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tfm {

// One school's attendance: the names present ([] = the school was absent).
struct SchoolAttendance {
    Urn urn = 0;
    std::vector<std::string> present;
    friend bool operator==(const SchoolAttendance&, const SchoolAttendance&) = default;
};

// The session to record, every field as it will be written.
struct SessionDraft {
    std::string cohort;
    Date date;
    SessionType type = SessionType::meeting;
    std::optional<Urn> school;  // the school visited (visits)
    std::optional<Mode> mode;
    std::optional<TimeOfDay> start, end;
    std::vector<AgendaItem> agenda;  // the published agenda of the planned meeting
    std::vector<SchoolAttendance> attendance;  // empty: no `attendance:` written
};

// The session as the items of a block list, `style` giving its columns: "  - cohort: …".
std::string session_item(const SessionDraft& draft, const yaml::ListStyle& style);

// Where a cohort's next log goes.
struct LogTarget {
    std::size_t directory = 0;  // index into the data directories
    std::string relative;       // path relative to that directory
    std::string path;           // to read and write
    std::string shown;          // as messages name it
    bool exists = false;
    std::string problem;  // why the log cannot go there (a folder, a dangling link), else ""
};

// The file that holds the cohort's latest log (the last in file order among its latest
// date), else sessions/YYYY-YY/COHORT.yaml in the cohort's own data directory: appended to
// when it is already there (a file without a log of the cohort, or a link to one), `problem`
// set when it is a folder or a link to nothing.
LogTarget log_target(const Records& records, const Index& index, const Cohort& cohort);

// The text of the file with the session appended: at the end of the file's last `sessions:`
// list when the file ends with one, else as a new document; a new file gets a comment saying
// what it holds. Empty with `why` set when the file has YAML errors. Lines end in `newline`.
struct SessionAppend {
    std::string text;
    bool new_document = false;  // the log is a document of its own (or the file's first)
};
std::optional<SessionAppend> append_session(std::string_view text, bool exists, std::string_view newline,
                                            const SessionDraft& draft, std::string_view cohort_name,
                                            std::string& why);

// Read back: the documents as before with the session added at the end: of the last
// document's `sessions` list, or as a new document.
yaml::Intent session_intent(const SessionDraft& draft, bool new_document);

// Reads the target under `tx` and plans the whole edit, checked by reading it back: the
// FileEdit to commit, or empty with `why` set (nothing is written).
std::optional<FileEdit> plan_session_log(const Transaction& tx, const LogTarget& target, const SessionDraft& draft,
                                         std::string_view cohort_name, std::string& why);

}  // namespace tfm
