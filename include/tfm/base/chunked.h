// A list kept as the chunks it was built in.
//
// Records are read file by file, in parallel, each file into its own vector. Joining those
// vectors into one would hold every record twice while it runs (on a national tree, the
// session logs alone are a third of the peak memory), so the loader hands each file's
// vector over whole and this class makes the chunks read as one list, in order.
#pragma once

#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

namespace tfm {

template <class T>
class Chunked {
    using Chunks = std::vector<std::vector<T>>;

    // Walks the chunks in order. Only the last chunk can be empty (made by reserve()), and
    // then the end is at its start.
    template <class Value, class ChunksRef>
    class Iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = Value*;
        using reference = Value&;

        Iterator() = default;
        Iterator(ChunksRef* chunks, std::size_t chunk, std::size_t item)
            : chunks_(chunks), chunk_(chunk), item_(item) {}
        // A mutable iterator converts to a const one.
        template <class V2, class C2>
        Iterator(const Iterator<V2, C2>& other)  // NOLINT: implicit on purpose
            : chunks_(other.chunks_), chunk_(other.chunk_), item_(other.item_) {}

        reference operator*() const { return (*chunks_)[chunk_][item_]; }
        pointer operator->() const { return &**this; }
        Iterator& operator++() {
            if (++item_ == (*chunks_)[chunk_].size()) {
                ++chunk_;
                item_ = 0;
            }
            return *this;
        }
        Iterator operator++(int) {
            Iterator before = *this;
            ++*this;
            return before;
        }
        friend bool operator==(const Iterator& a, const Iterator& b) {
            return a.chunk_ == b.chunk_ && a.item_ == b.item_;
        }

    private:
        template <class, class>
        friend class Iterator;
        ChunksRef* chunks_ = nullptr;
        std::size_t chunk_ = 0;
        std::size_t item_ = 0;
    };

public:
    using value_type = T;
    using iterator = Iterator<T, Chunks>;
    using const_iterator = Iterator<const T, const Chunks>;

    // Adds a whole chunk at the end without moving its elements.
    void append(std::vector<T>&& chunk) {
        if (chunk.empty()) return;
        size_ += chunk.size();
        if (!chunks_.empty() && chunks_.back().empty())
            chunks_.back() = std::move(chunk);
        else
            chunks_.push_back(std::move(chunk));
    }
    // Adds one element to the last chunk. As with a vector, growing that chunk moves its
    // elements unless reserve() made room first.
    void push_back(T value) {
        if (chunks_.empty()) chunks_.emplace_back();
        chunks_.back().push_back(std::move(value));
        ++size_;
    }
    // Makes room for n more elements in the last chunk.
    void reserve(std::size_t n) {
        if (chunks_.empty()) chunks_.emplace_back();
        chunks_.back().reserve(chunks_.back().size() + n);
    }

    // Removes every element for which pred is true, keeping the order of the rest; returns
    // how many went.
    template <class Pred>
    std::size_t erase_if(Pred pred) {
        std::size_t removed = 0;
        for (auto& chunk : chunks_) removed += std::erase_if(chunk, pred);
        std::erase_if(chunks_, [](const std::vector<T>& chunk) { return chunk.empty(); });
        size_ -= removed;
        return removed;
    }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    T& back() { return chunks_.back().back(); }
    const T& back() const { return chunks_.back().back(); }

    iterator begin() { return {&chunks_, 0, 0}; }
    iterator end() { return {&chunks_, end_chunk(), 0}; }
    const_iterator begin() const { return {&chunks_, 0, 0}; }
    const_iterator end() const { return {&chunks_, end_chunk(), 0}; }

private:
    std::size_t end_chunk() const {
        return chunks_.empty() || !chunks_.back().empty() ? chunks_.size() : chunks_.size() - 1;
    }

    Chunks chunks_;
    std::size_t size_ = 0;
};

}  // namespace tfm
