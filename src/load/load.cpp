#include "tfm/load/load.h"

#include "file_records.h"
#include "tfm/base/atomic_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <filesystem>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

namespace fs = std::filesystem;

namespace tfm {
namespace {

// A finding of the loader itself (not of one record).
Diagnostic finding(Pos p, Severity severity, RuleId rule, std::string message) {
    return {p, severity, std::string(rule_name(rule)), std::move(message)};
}

bool is_yaml_name(const std::string& name) {
    auto ends = [&](std::string_view ext) {
        return name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
    };
    return ends(".yaml") || ends(".yml");
}

struct Found {
    std::string relative;  // generic form, relative to the data directory
    fs::path full;
    bool regular = true;
    std::string problem;   // why it is skipped
};

// Walks a directory without following symlinked directories, skipping hidden entries.
void walk(const fs::path& root, const fs::path& dir, std::vector<Found>& found,
          std::vector<std::string>& warnings_dirs) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
        warnings_dirs.push_back(fs::relative(dir, root, ec).generic_string());
        return;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) break;
        const fs::path& p = it->path();
        std::string name = p.filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code sec;
        // The listing types most entries (d_type): a plain file or directory then costs no
        // system call (there were two per file, on the one thread, before the load). A
        // symbolic link, or an entry the listing leaves untyped, is looked up as it was.
        bool plain_file = false;
        if (!it->is_symlink(sec) && !sec) {
            if (it->is_directory(sec) && !sec) {
                walk(root, p, found, warnings_dirs);
                continue;
            }
            plain_file = !sec && it->is_regular_file(sec) && !sec;
        }
        if (!plain_file) {
            sec.clear();
            auto lst = fs::symlink_status(p, sec);
            if (lst.type() == fs::file_type::directory) {
                walk(root, p, found, warnings_dirs);
                continue;
            }
        }
        if (!is_yaml_name(name)) continue;
        Found f;
        f.relative = p.lexically_relative(root).generic_string();
        f.full = p;
        if (plain_file) {
            found.push_back(std::move(f));
            continue;
        }
        auto st = fs::status(p, sec);
        if (sec) {
            f.regular = false;
            f.problem = sec.value() == ELOOP ? "a symbolic link loop" : "a broken symbolic link";
        } else if (st.type() != fs::file_type::regular) {
            f.regular = false;
            f.problem = st.type() == fs::file_type::directory ? "a directory"
                        : st.type() == fs::file_type::fifo    ? "a named pipe"
                                                              : "not a regular file";
        }
        found.push_back(std::move(f));
    }
}

struct Job {
    int file = 0;
    int directory = 0;
    bool readable = true;
    bool logs = false;  // under sessions/: read after the other files are merged
    const std::string* pending = nullptr;  // the bytes to read instead of the file's
    detail::FileRecords result;
    // How many of its hubs, schools, leads and cohorts were merged before the logs were read.
    std::size_t hubs_merged = 0, schools_merged = 0, leads_merged = 0, cohorts_merged = 0;
};

void load_job(Job& job, const std::string& full_path, const std::shared_ptr<StringPool>& pool) {
    if (job.pending) {
        job.result = detail::read_file_records(*job.pending, job.file, job.directory, pool);
        return;
    }
    std::string bytes;
    std::string problem;
    if (!read_file(full_path, bytes, problem)) {
        job.result.diagnostics.push_back(finding(Pos{job.file, 0, 0}, Severity::error,
                                                 RuleId::file_unreadable,
                                                 fmt::format("cannot read this file: {}", problem)));
        return;
    }
    job.result = detail::read_file_records(bytes, job.file, job.directory, pool);
}

// Reads the files of the jobs whose `logs` is as given.
void run_jobs(std::vector<Job>& jobs, const std::vector<SourceFile>& files, unsigned threads, bool logs) {
    std::vector<Job*> these;
    for (auto& job : jobs)
        if (job.readable && job.logs == logs) these.push_back(&job);
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = std::min<unsigned>(threads, unsigned(these.size()));
    std::atomic<std::size_t> next{0};
    // One pool per loading thread, not per file: most files hold a few kilobytes of lists
    // and names, and a pool of its own per file would leave the unused end of its last
    // block behind every one of them.
    auto worker = [&] {
        auto pool = std::make_shared<StringPool>();
        for (std::size_t i; (i = next.fetch_add(1)) < these.size();)
            load_job(*these[i], files[std::size_t(these[i]->file)].full_path, pool);
    };
    if (threads <= 1) {
        worker();
        return;
    }
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
}

// Moves a file's records to the end of the national list and frees the file's buffer at
// once, so that the two never both hold the whole tree.
template <class T>
void append(std::vector<T>& to, std::vector<T>& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
    std::vector<T>().swap(from);
}

// Reserves the exact total first: growing by doubling would keep an old and a new buffer
// of every record alive at once (a third of the peak memory on a national tree).
template <class T, class Member>
void reserve_total(std::vector<T>& to, const std::vector<Job>& jobs, Member member) {
    std::size_t total = to.size();
    for (const auto& job : jobs) total += (job.result.*member).size();
    to.reserve(total);
}

// Merges one kind of record that files under sessions/ held too (rarely: a log file may
// hold any record), putting them in file order among those merged before the logs were
// read.
template <class T>
void merge_from_logs(std::vector<T>& to, std::vector<Job>& jobs, std::vector<T> detail::FileRecords::*member,
                     std::size_t Job::*merged) {
    std::size_t later = 0;
    for (const auto& job : jobs)
        if (job.logs) later += (job.result.*member).size();
    if (later == 0) return;
    std::vector<T> all;
    all.reserve(to.size() + later);
    auto next = to.begin();
    for (auto& job : jobs) {
        if (job.logs) {
            append(all, job.result.*member);
            continue;
        }
        auto end = next + std::ptrdiff_t(job.*merged);
        all.insert(all.end(), std::make_move_iterator(next), std::make_move_iterator(end));
        next = end;
    }
    to = std::move(all);
}

// Keeps the first record of each id; reports and drops the later ones.
template <class Rec, class Key, class KeyOf>
void drop_duplicates(std::vector<Rec>& records, const std::vector<std::pair<Key, Pos>>& broken,
                     KeyOf key_of, Pos Rec::*id_pos, std::string_view what,
                     const std::vector<SourceFile>& files, Diagnostics& diagnostics) {
    std::unordered_map<Key, Pos> first;
    for (const auto& [k, p] : broken) first.emplace(k, p);
    // Records before broken ones in file order should win; compare positions.
    // The kept records are compacted in place, at the front.
    std::size_t kept = 0;
    auto keep = [&](std::size_t i) {
        if (kept != i) records[kept] = std::move(records[i]);
        ++kept;
    };
    for (std::size_t i = 0; i < records.size(); ++i) {
        const Rec& r = records[i];
        Key k = key_of(r);
        Pos p = r.*id_pos;
        auto it = first.find(k);
        if (it == first.end()) {
            first.emplace(k, p);
            keep(i);
            continue;
        }
        Pos earlier = it->second;
        if (p < earlier) {
            // The broken record came later: keep this one; the broken one is already out.
            it->second = p;
            keep(i);
            continue;
        }
        diagnostics.push_back(finding(p, Severity::error, RuleId::ref_duplicate_id,
                                      fmt::format("{} {} is defined twice (first at {}:{})", what,
                                                  k, files[std::size_t(earlier.file)].path,
                                                  earlier.line)));
    }
    records.erase(records.begin() + std::ptrdiff_t(kept), records.end());
}

// Lists the files of data directory d (adding them to records.files) and a job for each.
void add_directory(const std::vector<std::string>& directories, std::size_t d, LoadResult& result,
                   std::vector<Job>& jobs, const std::vector<PendingFile>& pending) {
    Records& rec = result.records;
    const std::string& dir = directories[d];
    rec.directories.push_back(dir);
    std::error_code ec;
    auto st = fs::status(dir, ec);
    if (ec || !fs::is_directory(st)) {
        result.fatal.push_back(fmt::format("cannot read data directory {}: {}", dir,
                                           ec ? ec.message() : "not a directory"));
        return;
    }
    fs::directory_iterator probe(dir, ec);
    if (ec) {
        result.fatal.push_back(fmt::format("cannot read data directory {}: {}", dir, ec.message()));
        return;
    }
    std::vector<Found> found;
    std::vector<std::string> unreadable_dirs;
    walk(fs::path(dir), fs::path(dir), found, unreadable_dirs);
    std::map<std::string, const std::string*> pending_here;  // by relative path
    for (const auto& p : pending) {
        if (p.directory != d) continue;
        std::string relative = fs::path(p.relative).lexically_normal().generic_string();
        pending_here[relative] = &p.bytes;
        bool known = std::any_of(found.begin(), found.end(), [&](const Found& f) { return f.relative == relative; });
        if (!known) found.push_back({relative, fs::path(dir) / relative, true, {}});
    }
    std::sort(found.begin(), found.end(),
              [](const Found& a, const Found& b) { return a.relative < b.relative; });
    // The directory itself, for findings about the whole tree (such as a missing hub).
    rec.files.push_back({directories.size() > 1 ? dir : std::string("."), dir, int(d), true});
    int dir_entry = int(rec.files.size()) - 1;
    for (const auto& sub : unreadable_dirs)
        result.diagnostics.push_back(finding(Pos{dir_entry, 0, 0}, Severity::warning,
                                             RuleId::file_skipped,
                                             fmt::format("cannot read folder {}; skipped", sub)));
    for (auto& f : found) {
        std::string shown = directories.size() > 1
                                ? (fs::path(dir) / f.relative).lexically_normal().generic_string()
                                : f.relative;
        rec.files.push_back({shown, f.full.string(), int(d)});
        Job job;
        job.file = int(rec.files.size()) - 1;
        job.directory = int(d);
        job.readable = f.regular;
        job.logs = f.relative.starts_with("sessions/");
        if (auto it = pending_here.find(f.relative); it != pending_here.end()) {
            job.readable = true;
            job.pending = it->second;
        }
        if (!f.regular)
            result.diagnostics.push_back(finding(Pos{job.file, 0, 0}, Severity::warning,
                                                 RuleId::file_skipped,
                                                 fmt::format("{}; skipped", f.problem)));
        jobs.push_back(std::move(job));
    }
}

// Exactly one hub in each data directory: a second is an error, and so is none (unless a
// file that may have held it did not load).
void one_hub_each(std::size_t directories, const std::set<int>& broken_hub_dirs,
                  LoadResult& result) {
    Records& rec = result.records;
    auto file_name = [&](Pos p) { return rec.files[std::size_t(p.file)].path; };
    std::vector<Hub> hubs;
    for (std::size_t d = 0; d < directories; ++d) {
        const Hub* first = nullptr;
        for (auto& h : rec.hubs) {
            if (h.directory != int(d)) continue;
            if (!first) {
                first = &h;
                hubs.push_back(h);
            } else {
                result.diagnostics.push_back(finding(
                    h.pos, Severity::error, RuleId::ref_duplicate_id,
                    fmt::format("a second hub in this data directory (the first is at {}:{}); "
                                "each directory holds exactly one hub",
                                file_name(first->pos), first->pos.line)));
            }
        }
        if (!first && !broken_hub_dirs.count(int(d))) {
            int dir_entry = 0;
            for (std::size_t f = 0; f < rec.files.size(); ++f)
                if (rec.files[f].directory == int(d)) {
                    dir_entry = int(f);
                    break;
                }
            result.diagnostics.push_back(finding(
                Pos{dir_entry, 0, 0}, Severity::error, RuleId::schema_missing,
                "no hub record in this data directory: add a hub.yaml with `hub: {name: …}`"));
        }
    }
    rec.hubs = std::move(hubs);
}

}  // namespace

LoadResult load_tree(const std::vector<std::string>& directories, unsigned threads,
                     const std::vector<PendingFile>& pending) {
    LoadResult result;
    Records& rec = result.records;
    std::vector<Job> jobs;
    for (std::size_t d = 0; d < directories.size(); ++d) add_directory(directories, d, result, jobs, pending);
    if (!result.fatal.empty()) return result;

    // The session logs, most of a tree's memory, are read last: merging the other records
    // holds each of them twice for a moment (a file's copy and the merged list), and that
    // moment then comes before the logs are in memory, not on top of them.
    run_jobs(jobs, rec.files, threads, false);
    reserve_total(rec.hubs, jobs, &detail::FileRecords::hubs);
    reserve_total(rec.schools, jobs, &detail::FileRecords::schools);
    reserve_total(rec.leads, jobs, &detail::FileRecords::leads);
    reserve_total(rec.cohorts, jobs, &detail::FileRecords::cohorts);
    for (auto& job : jobs) {
        auto& r = job.result;
        job.hubs_merged = r.hubs.size();
        job.schools_merged = r.schools.size();
        job.leads_merged = r.leads.size();
        job.cohorts_merged = r.cohorts.size();
        append(rec.hubs, r.hubs);
        append(rec.schools, r.schools);
        append(rec.leads, r.leads);
        append(rec.cohorts, r.cohorts);
    }
    run_jobs(jobs, rec.files, threads, true);
    merge_from_logs(rec.hubs, jobs, &detail::FileRecords::hubs, &Job::hubs_merged);
    merge_from_logs(rec.schools, jobs, &detail::FileRecords::schools, &Job::schools_merged);
    merge_from_logs(rec.leads, jobs, &detail::FileRecords::leads, &Job::leads_merged);
    merge_from_logs(rec.cohorts, jobs, &detail::FileRecords::cohorts, &Job::cohorts_merged);

    std::vector<std::pair<Urn, Pos>> broken_schools;
    std::vector<std::pair<std::string, Pos>> broken_leads, broken_cohorts;
    std::set<int> broken_hub_dirs;
    for (auto& job : jobs) {
        auto& r = job.result;
        rec.sessions.append(std::move(r.sessions));
        append(rec.offers, r.offers);
        if (r.pool && r.pool->capacity() > 0 && std::find(rec.pools.begin(), rec.pools.end(), r.pool) == rec.pools.end())
            rec.pools.push_back(std::move(r.pool));
        append(broken_schools, r.broken_schools);
        append(broken_leads, r.broken_leads);
        append(broken_cohorts, r.broken_cohorts);
        append(result.diagnostics, r.diagnostics);
        if (r.broken_hubs > 0) broken_hub_dirs.insert(job.directory);
        if (r.unloaded) rec.unloaded_files.push_back({job.file, std::move(r.unloaded_text)});
        rec.records_seen += r.records_seen;
    }

    auto& diags = result.diagnostics;
    // Duplicate ids: keep the first in file order.
    drop_duplicates(rec.schools, broken_schools, [](const School& s) { return s.urn; },
                    &School::urn_pos, "school", rec.files, diags);
    drop_duplicates(rec.leads, broken_leads, [](const Lead& l) { return l.id; }, &Lead::id_pos,
                    "lead", rec.files, diags);
    drop_duplicates(rec.cohorts, broken_cohorts, [](const Cohort& c) { return c.id; },
                    &Cohort::id_pos, "cohort", rec.files, diags);
    for (auto& [u, p] : broken_schools) rec.broken_schools.push_back(u);
    for (auto& [id, p] : broken_leads) rec.broken_leads.push_back(id);
    for (auto& [id, p] : broken_cohorts) rec.broken_cohorts.push_back(id);

    one_hub_each(directories.size(), broken_hub_dirs, result);
    return result;
}

LoadResult load_text(std::string_view text, std::string path) {
    LoadResult result;
    Records& rec = result.records;
    rec.directories.push_back(".");
    rec.files.push_back({".", ".", 0, true});
    rec.files.push_back({path, path, 0});
    auto r = detail::read_file_records(text, 1, 0);
    rec.hubs = std::move(r.hubs);
    rec.schools = std::move(r.schools);
    rec.leads = std::move(r.leads);
    rec.cohorts = std::move(r.cohorts);
    rec.sessions.append(std::move(r.sessions));
    rec.offers = std::move(r.offers);
    rec.pools.push_back(std::move(r.pool));
    for (auto& [u, p] : r.broken_schools) rec.broken_schools.push_back(u);
    for (auto& [id, p] : r.broken_leads) rec.broken_leads.push_back(id);
    for (auto& [id, p] : r.broken_cohorts) rec.broken_cohorts.push_back(id);
    rec.records_seen = r.records_seen;
    if (r.unloaded) rec.unloaded_files.push_back({1, std::move(r.unloaded_text)});
    result.diagnostics = std::move(r.diagnostics);
    return result;
}

}  // namespace tfm
