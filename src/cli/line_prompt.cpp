#include "line_prompt.h"

#include <histedit.h>

#include <clocale>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace tfm::cli {
namespace {

volatile std::sig_atomic_t got_interrupt = 0;

void on_interrupt(int) { got_interrupt = 1; }

std::string common_prefix(const std::vector<const std::string*>& words) {
    if (words.empty()) return {};
    std::string prefix = *words.front();
    for (const auto* w : words) {
        std::size_t i = 0;
        while (i < prefix.size() && i < w->size() && prefix[i] == (*w)[i]) ++i;
        prefix.resize(i);
    }
    return prefix;
}

}  // namespace

struct LinePrompt::State {
    EditLine* el = nullptr;
    History* history = nullptr;
    HistEvent event{};
    std::string prompt;
    std::vector<std::string> completions;
    struct sigaction previous {};
};

namespace {

char* prompt_of(EditLine* el) {
    void* data = nullptr;
    el_get(el, EL_CLIENTDATA, &data);
    return const_cast<char*>(static_cast<LinePrompt::State*>(data)->prompt.c_str());
}

// Tab: the word after the last comma (spaces skipped) completed from the offered words, as
// far as they agree; the candidates listed when they differ.
unsigned char complete(EditLine* el, int) {
    void* data = nullptr;
    el_get(el, EL_CLIENTDATA, &data);
    const auto& words = static_cast<LinePrompt::State*>(data)->completions;
    const LineInfo* line = el_line(el);
    std::string before(line->buffer, std::size_t(line->cursor - line->buffer));
    std::size_t start = before.rfind(',');
    start = start == std::string::npos ? 0 : start + 1;
    while (start < before.size() && before[start] == ' ') ++start;
    std::string word = before.substr(start);
    std::vector<const std::string*> matches;
    for (const auto& w : words)
        if (w.size() >= word.size() && strncasecmp(w.c_str(), word.c_str(), word.size()) == 0) matches.push_back(&w);
    if (matches.empty()) return CC_ERROR;
    std::string prefix = matches.size() == 1 ? *matches.front() : common_prefix(matches);
    if (prefix.size() > word.size() || (matches.size() == 1 && prefix != word)) {
        el_deletestr(el, int(word.size()));
        el_insertstr(el, prefix.c_str());
        return CC_REFRESH;
    }
    std::fputc('\n', stdout);
    for (const auto* m : matches) std::fprintf(stdout, "  %s\n", m->c_str());
    return CC_REDISPLAY;
}

}  // namespace

LinePrompt::LinePrompt() : state_(std::make_unique<State>()) {
    std::setlocale(LC_CTYPE, "");  // names are UTF-8: let libedit count characters
    state_->el = el_init("tfm", stdin, stdout, stderr);
    state_->history = history_init();
    history(state_->history, &state_->event, H_SETSIZE, 100);
    el_set(state_->el, EL_HIST, history, state_->history);
    el_set(state_->el, EL_EDITOR, "emacs");
    el_set(state_->el, EL_CLIENTDATA, state_.get());
    el_set(state_->el, EL_PROMPT, prompt_of);
    el_set(state_->el, EL_ADDFN, "tfm-complete", "Complete what this question offers", complete);
    el_set(state_->el, EL_BIND, "^I", "tfm-complete", nullptr);
    // Ctrl-C ends the read (no SA_RESTART) so the command can stop without writing.
    struct sigaction sa {};
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &state_->previous);
}

LinePrompt::~LinePrompt() {
    sigaction(SIGINT, &state_->previous, nullptr);
    el_end(state_->el);
    history_end(state_->history);
}

bool LinePrompt::available() { return isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1; }

bool LinePrompt::interrupted() const { return got_interrupt != 0; }

std::optional<std::string> LinePrompt::ask(const std::string& prompt, std::vector<std::string> completions) {
    state_->prompt = prompt;
    state_->completions = std::move(completions);
    std::fflush(stdout);
    std::fflush(stderr);
    int count = 0;
    const char* line = got_interrupt ? nullptr : el_gets(state_->el, &count);
    if (!line || got_interrupt) {
        std::fputc('\n', stdout);
        return std::nullopt;
    }
    std::string text(line, std::size_t(count));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (!text.empty()) history(state_->history, &state_->event, H_ENTER, text.c_str());
    return text;
}

}  // namespace tfm::cli
