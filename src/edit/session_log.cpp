// Appends a session log to a file in place: the new item goes after the file's last line of
// content, written in the style of the list it joins, and every other byte stays as it was.
#include "tfm/edit/session_log.h"

#include "tfm/yaml/writer.h"

#include <fmt/format.h>

#include <filesystem>

namespace fs = std::filesystem;

namespace tfm {
namespace {

std::string quoted_time(TimeOfDay t) { return "\"" + t.str() + "\""; }

// [A, B] with each name quoted when YAML needs it.
std::string flow_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + yaml::scalar_text(items[i], true);
    return out + "]";
}

std::string agenda_item(const AgendaItem& a) {
    std::vector<yaml::Field> f;
    if (a.at) f.push_back({"at", quoted_time(*a.at), true});
    if (a.minutes) f.push_back({"minutes", std::to_string(*a.minutes), true});
    f.push_back({"item", std::string(a.item)});
    std::vector<std::string> groups;
    for (YearGroup g = 0; g <= 13; ++g)
        if (a.year_groups.contains(g)) groups.push_back(year_group_name(g));
    if (!groups.empty()) f.push_back({"year_groups", flow_list(groups), true});
    if (a.audience != Audience::all) f.push_back({"audience", std::string(name_of(a.audience)), true});
    return yaml::flow_mapping(f);
}

}  // namespace

std::string session_item(const SessionDraft& d, const yaml::ListStyle& style) {
    std::string pad(style.key_column, ' ');
    std::string out = style.blank_between ? "\n" : "";
    out += std::string(style.dash_column, ' ') + "-" + std::string(style.key_column - style.dash_column - 1, ' ');
    out += "cohort: " + yaml::scalar_text(d.cohort) + "\n";
    auto line = [&](std::string_view key, const std::string& value) { out += fmt::format("{}{}: {}\n", pad, key, value); };
    line("date", d.date.str());
    line("type", std::string(name_of(d.type)));
    if (d.school) line("school", std::to_string(*d.school));
    if (d.mode) line("mode", std::string(name_of(*d.mode)));
    if (d.start) line("start", quoted_time(*d.start));
    if (d.end) line("end", quoted_time(*d.end));
    if (!d.agenda.empty()) {
        out += pad + "agenda:\n";
        for (const auto& a : d.agenda) out += pad + "  - " + agenda_item(a) + "\n";
    }
    if (!d.attendance.empty()) {
        out += pad + "attendance:\n";
        for (const auto& a : d.attendance) out += fmt::format("{}  {}: {}\n", pad, a.urn, flow_list(a.present));
    }
    return out;
}

LogTarget log_target(const Records& records, const Index& index, const Cohort& cohort) {
    LogTarget t;
    t.directory = std::size_t(cohort.directory);
    const Session* latest = nullptr;
    for (const Session* s : index.sessions_of(cohort.id))
        if (!latest || latest->date < s->date || (latest->date == s->date && latest->pos < s->pos)) latest = s;
    if (latest) {
        const SourceFile& f = records.files[std::size_t(latest->pos.file)];
        t.directory = std::size_t(f.directory);
        t.path = f.full_path;
        t.shown = f.path;
        t.relative = fs::path(f.full_path).lexically_relative(records.directories[t.directory]).generic_string();
        t.exists = true;
        return t;
    }
    std::string year = cohort.year.str();
    for (char& c : year)
        if (c == '/') c = '-';
    t.relative = fmt::format("sessions/{}/{}.yaml", year, cohort.id);
    const std::string& dir = records.directories[t.directory];
    t.path = (fs::path(dir) / t.relative).string();
    t.shown = records.directories.size() > 1 ? (fs::path(dir) / t.relative).lexically_normal().generic_string()
                                             : t.relative;
    std::error_code ec;
    fs::file_status link = fs::symlink_status(t.path, ec);
    if (ec || !fs::exists(link)) return t;  // a new file
    fs::file_status target = fs::status(t.path, ec);
    if (fs::is_symlink(link) && !fs::exists(target))
        t.problem = fmt::format("{} is a symbolic link to a file that does not exist; fix or remove the link", t.shown);
    else if (fs::is_directory(target))
        t.problem = fmt::format("{} is a folder, where the cohort's log file goes (SPEC section 6); move it away",
                                t.shown);
    else if (!fs::is_regular_file(target))
        t.problem = fmt::format("{} is not a regular file", t.shown);
    else
        t.exists = true;  // there already (without a log of the cohort): appended to
    return t;
}

std::optional<SessionAppend> append_session(std::string_view text, bool exists, std::string_view newline,
                                            const SessionDraft& draft, std::string_view cohort_name,
                                            std::string& why) {
    auto with_newlines = [&](std::string lines) {
        if (newline == "\n") return lines;
        std::string out;
        for (char c : lines) out += c == '\n' ? std::string(newline) : std::string(1, c);
        return out;
    };
    if (!exists) {
        // A name with control characters stays out of the comment.
        bool named = !cohort_name.empty() && yaml::printable(cohort_name) &&
                     cohort_name.find_first_of("\r\n") == std::string_view::npos;
        std::string head = fmt::format("# Session log for {}{}.\n# One entry per meeting or visit that took place, "
                                       "added by `tfm log` or by hand.\nsessions:\n",
                                       draft.cohort, named ? fmt::format(" ({})", cohort_name) : "");
        if (!yaml::printable(draft.cohort)) head = "sessions:\n";
        return SessionAppend{with_newlines(head + session_item(draft, {})), true};
    }
    auto parsed = yaml::parse(text);
    if (!parsed.errors.empty()) {
        why = "it has YAML errors; run tfm check and fix them first";
        return std::nullopt;
    }
    std::string ignored;
    if (auto end = yaml::list_at_end(text, parsed, "sessions", ignored)) {
        std::string lines = (end->with_key ? "sessions:\n" : "") + session_item(draft, end->style);
        return SessionAppend{yaml::apply(text, {yaml::insert_lines(text, end->insert_at, lines, newline)}),
                             end->with_key};
    }
    // Anything else (a `session:` record, other keys last): the log as a document of its own.
    std::size_t at = yaml::content_end(text).value_or(text.size());
    std::string lines = "---\nsessions:\n" + session_item(draft, {});
    return SessionAppend{yaml::apply(text, {yaml::insert_lines(text, at, lines, newline)}), true};
}

yaml::Intent session_intent(const SessionDraft& draft, bool new_document) {
    return yaml::appends_to_list("sessions", "sessions:\n" + session_item(draft, {}), new_document);
}

std::optional<FileEdit> plan_session_log(const Transaction& tx, const LogTarget& target, const SessionDraft& draft,
                                         std::string_view cohort_name, std::string& why) {
    FileEdit file;
    file.path = target.path;
    file.shown = target.shown;
    file.exists = target.exists;
    if (target.exists && !tx.read(file, why)) return std::nullopt;
    yaml::SourceText source = yaml::split_source(file.original);
    if (!target.exists) source.newline = "\n";
    auto edited = append_session(source.text, target.exists, source.newline, draft, cohort_name, why);
    if (!edited) {
        why = fmt::format("cannot add the log to {}: {}", target.shown, why);
        return std::nullopt;
    }
    if (!yaml::means_intended(source.text, edited->text, session_intent(draft, edited->new_document), why)) {
        why = fmt::format("tfm cannot add the log to {} safely ({}); nothing was written", target.shown, why);
        return std::nullopt;
    }
    file.updated = yaml::source_bytes(source, edited->text);
    return file;
}

}  // namespace tfm
