// Questions on a terminal with libedit: line editing, history within the run, Tab completion
// of the words a question offers, Ctrl-C and Ctrl-D as "stop". The only code that talks to
// libedit; what to ask is decided elsewhere (edit/log_entry.h).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tfm::cli {

class LinePrompt {
public:
    LinePrompt();  // on standard input and output
    ~LinePrompt();
    LinePrompt(const LinePrompt&) = delete;
    LinePrompt& operator=(const LinePrompt&) = delete;

    // Asks once: `prompt` is shown as it is (already made safe for a terminal); Tab completes
    // the word after the last comma from `completions`. Empty on Ctrl-C or end of input.
    std::optional<std::string> ask(const std::string& prompt, std::vector<std::string> completions = {});
    // Whether the last ask() ended with Ctrl-C.
    bool interrupted() const;

    // Standard input and output are both terminals.
    static bool available();

    struct State;

private:
    std::unique_ptr<State> state_;
};

}  // namespace tfm::cli
