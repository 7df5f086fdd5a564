#include "tfm/base/csv.h"

#include "tfm/base/line_error.h"

#include <fmt/format.h>

#include <algorithm>

namespace tfm {
namespace {

// A cursor over the text that counts lines as it goes.
class CsvReader {
public:
    explicit CsvReader(std::string_view text) : text_(text) {}

    bool done() const { return i_ >= text_.size(); }
    int line() const { return line_; }

    // Reads one row's fields into `fields`; after it the cursor is past the row's line break.
    void read_row(std::vector<std::string>& fields) {
        for (;;) {
            fields.push_back(at('"') ? quoted_field() : plain_field());
            if (at(',')) {
                ++i_;
                continue;
            }
            if (!done()) {  // a line break (LF, CRLF or a bare CR) ends the row
                i_ += text_[i_] == '\r' && i_ + 1 < text_.size() && text_[i_ + 1] == '\n' ? 2 : 1;
                ++line_;
            }
            return;
        }
    }

private:
    bool at(char c) const { return i_ < text_.size() && text_[i_] == c; }

    bool at_row_end(std::size_t k) const {
        std::size_t n = text_.size();
        return k >= n || text_[k] == '\n' || text_[k] == '\r';
    }

    std::string plain_field() {
        std::size_t start = i_;
        while (i_ < text_.size() && text_[i_] != ',' && !at_row_end(i_)) ++i_;
        return std::string(text_.substr(start, i_ - start));
    }

    std::string quoted_field() {
        std::string field;
        int opened = line_;
        std::size_t n = text_.size();
        for (++i_;; ++i_) {
            if (i_ >= n)
                throw LineError(opened, fmt::format("line {}: a quoted field starts on this line and never "
                                                    "closes (its closing \" is missing)",
                                                    opened));
            char c = text_[i_];
            if (c == '"') {
                if (i_ + 1 < n && text_[i_ + 1] == '"') {
                    field += '"';
                    ++i_;
                    continue;
                }
                ++i_;
                break;
            }
            if (c == '\n' || (c == '\r' && (i_ + 1 >= n || text_[i_ + 1] != '\n'))) ++line_;
            field += c;
        }
        if (i_ < n && text_[i_] != ',' && !at_row_end(i_)) {
            std::size_t end = i_;
            while (end < n && text_[end] != ',' && text_[end] != '\n' && text_[end] != '\r') ++end;
            // A field that ran on over line breaks into text after its "closing" quote: the
            // quote that really lacks its partner is the one that opened it.
            if (line_ != opened)
                throw LineError(opened, fmt::format("line {}: a quoted field starts on this line and never "
                                                    "closes (its closing \" is missing): it runs on to line {}",
                                                    opened, line_));
            throw LineError(line_, fmt::format("line {}: `{}` follows a closing quote; a quote inside a "
                                               "quoted field is written \"\"",
                                               line_, text_.substr(i_, std::min<std::size_t>(end - i_, 20))));
        }
        return field;
    }

    std::string_view text_;
    std::size_t i_ = 0;
    int line_ = 1;
};

bool blank_row(const CsvRow& row) {
    if (row.fields.size() != 1) return false;
    const auto& f = row.fields[0];
    return std::all_of(f.begin(), f.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

}  // namespace

void for_each_csv_row(std::string_view text, const std::function<void(const CsvRow&)>& visit) {
    CsvReader reader(text);
    CsvRow row;
    while (!reader.done()) {
        row.line = reader.line();
        row.fields.clear();
        reader.read_row(row.fields);
        if (!blank_row(row)) visit(row);
    }
}

std::vector<CsvRow> parse_csv(std::string_view text) {
    std::vector<CsvRow> rows;
    for_each_csv_row(text, [&](const CsvRow& row) { rows.push_back(row); });
    return rows;
}

}  // namespace tfm
