#include "tfm/yaml/yaml_tree.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <streambuf>
#include <unordered_map>

namespace tfm::yaml {

// Finds where a quoted scalar that starts at `open` ends; npos when it never closes.
// yaml-cpp accepts an unterminated quoted string at the end of a file without a word.
std::size_t closing_quote(std::string_view text, std::size_t open) {
    char q = text[open];
    for (std::size_t i = open + 1; i < text.size(); ++i) {
        char c = text[i];
        if (q == '"' && c == '\\') {
            ++i;
        } else if (c == q) {
            if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                ++i;
                continue;
            }
            return i;
        }
    }
    return std::string_view::npos;
}

const Node* scalar_node(const Document& d, std::uint32_t id) {
    const auto& n = d.nodes[id];
    return n.kind == Kind::scalar ? &n : nullptr;
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> entry(const Document& d, std::uint32_t map,
                                                             std::string_view key) {
    const auto& n = d.nodes[map];
    if (n.kind != Kind::mapping) return std::nullopt;
    auto children = d.children(n);
    for (std::size_t i = 0; i + 1 < children.size(); i += 2)
        if (const auto* k = scalar_node(d, children[i]); k && k->value == key)
            return std::pair{children[i], children[i + 1]};
    return std::nullopt;
}

namespace {

// Thrown from the handler to stop yaml-cpp when it stops consuming input: on some malformed
// inputs (`!!0,0[`) it emits empty documents for ever.
struct NoProgress {
    YAML::Mark mark;
};

class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(std::string_view text, ParseResult& out) : text_(text), out_(out) {}

    void OnDocumentStart(const YAML::Mark& mark) override {
        // A document cannot start where the previous one did, and there cannot be more
        // documents than bytes.
        if ((!out_.documents.empty() && mark.pos <= last_document_pos_) ||
            out_.documents.size() > text_.size() + 1)
            throw NoProgress{mark};
        last_document_pos_ = mark.pos;
        if (doc_) OnDocumentEnd();
        out_.documents.emplace_back();
        doc_ = &out_.documents.back();
        stack_.clear();
        pending_.clear();
        anchors_.clear();
    }
    void OnDocumentEnd() override {
        // yaml-cpp closes every collection it opens; should one be left open, keep what it
        // holds.
        while (!stack_.empty()) close_collection();
        doc_ = nullptr;
    }

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto id = add(mark, Kind::null);
        remember(anchor, id);
        attach(id);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto it = anchors_.find(anchor);
        if (it == anchors_.end() || is_open(it->second)) {
            error(mark, "an alias refers to a node that contains it (a cycle)");
            attach(add(mark, Kind::null));
            return;
        }
        attach(it->second);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        auto id = add(mark, Kind::scalar);
        Node& n = doc_->nodes[id];
        n.quoted = tag != "?";
        n.value = value;
        std::size_t at = std::size_t(mark.pos);
        if (at < text_.size() && (text_[at] == '"' || text_[at] == '\'') &&
            closing_quote(text_, at) == std::string_view::npos)
            error(mark, "a quoted string is never closed");
        remember(anchor, id);
        attach(id);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open_collection(mark, Kind::sequence, anchor);
    }
    void OnSequenceEnd() override { close_collection(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open_collection(mark, Kind::mapping, anchor);
    }
    void OnMapEnd() override { close_collection(); }

private:
    std::uint32_t add(const YAML::Mark& mark, Kind kind) {
        // Every node but an alias's target takes at least one byte of input; allow slack for
        // implicit nulls, and stop a parser that has stopped consuming input.
        if (++nodes_total_ > 4 * text_.size() + 64) throw NoProgress{mark};
        Node n;
        n.kind = kind;
        n.line = std::uint32_t(mark.line < 0 ? 0 : mark.line);
        n.byte_col = std::uint32_t(mark.column < 0 ? 0 : mark.column);
        n.offset = std::uint32_t(mark.pos < 0 ? 0 : mark.pos);
        doc_->nodes.push_back(std::move(n));
        return std::uint32_t(doc_->nodes.size() - 1);
    }
    void remember(YAML::anchor_t anchor, std::uint32_t id) {
        if (anchor != YAML::NullAnchor) anchors_[anchor] = id;
    }
    void attach(std::uint32_t id) {
        if (stack_.empty()) {
            doc_->root = id;
        } else {
            pending_.push_back(id);
        }
    }
    // Whether `id` is a collection still being read: an alias to it would make a cycle.
    // Only aliases ask, so a scan of the open collections costs nothing on plain records.
    bool is_open(std::uint32_t id) const {
        return std::any_of(stack_.begin(), stack_.end(), [id](const Open& o) { return o.id == id; });
    }
    void open_collection(const YAML::Mark& mark, Kind kind, YAML::anchor_t anchor) {
        auto id = add(mark, kind);
        remember(anchor, id);
        attach(id);
        stack_.push_back({id, pending_.size()});
    }
    // The collection's children wait on `pending_` while it is open (nested ones above
    // them); at its end they move in one run to the document's `child_ids`.
    void close_collection() {
        if (stack_.empty()) return;
        Open top = stack_.back();
        stack_.pop_back();
        Node& n = doc_->nodes[top.id];
        n.first_child = std::uint32_t(doc_->child_ids.size());
        n.child_count = std::uint32_t(pending_.size() - top.pending_start);
        doc_->child_ids.insert(doc_->child_ids.end(), pending_.begin() + std::ptrdiff_t(top.pending_start),
                               pending_.end());
        pending_.resize(top.pending_start);
    }
    void error(const YAML::Mark& mark, std::string message) {
        if (doc_) doc_->broken = true;
            out_.errors.push_back({std::uint32_t(mark.line < 0 ? 0 : mark.line),
                                   std::uint32_t(mark.column < 0 ? 0 : mark.column),
                                   std::move(message)});
    }

    std::string_view text_;
    ParseResult& out_;
    Document* doc_ = nullptr;
    int last_document_pos_ = -1;
    std::size_t nodes_total_ = 0;
    struct Open {
        std::uint32_t id;           // the collection's node
        std::size_t pending_start;  // where its children start in pending_
    };
    std::vector<Open> stack_;                  // the collections being read, outermost first
    std::vector<std::uint32_t> pending_;       // their children read so far
    std::unordered_map<YAML::anchor_t, std::uint32_t> anchors_;
};

// The parsed text as a read-only stream buffer, instead of a copy of it in a stringstream.
// yaml-cpp only reads and puts back what it has just read (the byte-order-mark sniff),
// which sputbackc does by stepping back without writing.
class ViewBuffer : public std::streambuf {
public:
    explicit ViewBuffer(std::string_view text) {
        char* begin = const_cast<char*>(text.data());
        setg(begin, begin, begin + text.size());
    }
};

// yaml-cpp's mark for a too-deep flow collection is far from the cause: point at the bracket
// that opens level 501 instead, when the nesting is made of brackets.
void locate_deep_flow(std::string_view text, SyntaxError& err) {
    int depth = 0;
    std::uint32_t line = 0;
    std::size_t line_start = 0;
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n') {
            ++line;
            line_start = i + 1;
            continue;
        }
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '"' || c == '\'') quote = c;
        else if (c == '#' && (i == 0 || text[i - 1] == ' ')) {
            while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
        } else if (c == '[' || c == '{') {
            if (++depth > 500) {
                err.line = line;
                err.byte_col = std::uint32_t(i - line_start);
                return;
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
}

std::string clean_message(std::string msg) {
    // yaml-cpp messages sometimes end in a full stop or carry a "yaml-cpp: error at" prefix.
    if (!msg.empty() && msg.back() == '.') msg.pop_back();
    return msg;
}

}  // namespace

ParseResult parse(std::string_view text) {
    ParseResult result;
    ViewBuffer buffer(text);
    std::istream in(&buffer);
    TreeBuilder builder(text, result);
    try {
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(builder)) {
        }
    } catch (const NoProgress& stop) {
        if (!result.documents.empty()) result.documents.pop_back();
        result.errors.clear();
        result.errors.push_back({std::uint32_t(stop.mark.line < 0 ? 0 : stop.mark.line),
                                 std::uint32_t(stop.mark.column < 0 ? 0 : stop.mark.column),
                                 "malformed YAML: the parser stopped making progress here"});
    } catch (const YAML::DeepRecursion& e) {
        if (!result.documents.empty()) result.documents.pop_back();
        result.errors.clear();
        SyntaxError err{std::uint32_t(e.mark.line < 0 ? 0 : e.mark.line),
                        std::uint32_t(e.mark.column < 0 ? 0 : e.mark.column),
                        "nesting is deeper than 500 levels"};
        locate_deep_flow(text, err);
        result.errors.push_back(err);
    } catch (const YAML::Exception& e) {
        // The document being built when the parser gave up is incomplete: drop it.
        if (!result.documents.empty()) result.documents.pop_back();
        std::string msg = clean_message(e.msg);
        if (msg.empty()) msg = "malformed YAML";
        result.errors.clear();
        result.errors.push_back({std::uint32_t(e.mark.line < 0 ? 0 : e.mark.line),
                                 std::uint32_t(e.mark.column < 0 ? 0 : e.mark.column), msg});
    } catch (const std::exception& e) {
        if (!result.documents.empty()) result.documents.pop_back();
        result.errors.clear();
        result.errors.push_back({0, 0, std::string("malformed YAML: ") + e.what()});
    }
    return result;
}

}  // namespace tfm::yaml
