#include "tfm/base/chunked.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace tfm;

namespace {

template <class T>
std::vector<T> flat(const Chunked<T>& c) {
    std::vector<T> out;
    for (const T& v : c) out.push_back(v);
    return out;
}

}  // namespace

TEST_CASE("an empty chunked list has nothing to walk") {
    Chunked<int> c;
    CHECK(c.empty());
    CHECK(c.size() == 0);
    CHECK(c.begin() == c.end());
    c.append({});
    CHECK(c.begin() == c.end());
    c.reserve(4);  // an empty last chunk
    CHECK(c.begin() == c.end());
    CHECK(flat(c).empty());
}

TEST_CASE("chunks read as one list, in order, skipping empty ones") {
    Chunked<std::string> c;
    c.append({"a", "b"});
    c.append({});
    c.append({"c"});
    c.append({"d", "e", "f"});
    CHECK(c.size() == 6);
    CHECK(flat(c) == std::vector<std::string>{"a", "b", "c", "d", "e", "f"});
    CHECK(c.back() == "f");
    CHECK(std::distance(c.begin(), c.end()) == 6);
}

TEST_CASE("an appended chunk keeps its elements where they are") {
    std::vector<std::string> file{"x", "y"};
    const std::string* first = file.data();
    Chunked<std::string> c;
    c.append(std::move(file));
    CHECK(&*c.begin() == first);
}

TEST_CASE("push_back after reserve keeps references, and append after reserve replaces the empty chunk") {
    Chunked<int> c;
    c.reserve(3);
    c.push_back(1);
    int& one = c.back();
    c.push_back(2);
    c.push_back(3);
    CHECK(&one == &*c.begin());
    CHECK(flat(c) == std::vector<int>{1, 2, 3});

    Chunked<int> d;
    d.reserve(2);
    d.append({7, 8});
    d.push_back(9);
    CHECK(flat(d) == std::vector<int>{7, 8, 9});
    CHECK(d.size() == 3);
}

TEST_CASE("a mutable walk changes the elements and converts to a const one") {
    Chunked<int> c;
    c.append({1, 2});
    c.append({3});
    for (int& v : c) v *= 10;
    Chunked<int>::const_iterator it = c.begin();
    CHECK(*it == 10);
    ++it;
    CHECK(*it++ == 20);
    CHECK(*it == 30);
    CHECK(++it == c.end());
}

TEST_CASE("chunked: erase_if removes across chunks, keeps the order and drops emptied chunks") {
    tfm::Chunked<int> c;
    c.append({1, 2, 3});
    c.append({4, 6});
    c.append({5, 7});
    CHECK(c.erase_if([](int v) { return v % 2 == 0; }) == 3);
    CHECK(c.size() == 4);
    std::vector<int> left(c.begin(), c.end());
    CHECK(left == std::vector<int>{1, 3, 5, 7});
    CHECK(c.erase_if([](int v) { return v < 4; }) == 2);
    left.assign(c.begin(), c.end());
    CHECK(left == std::vector<int>{5, 7});
    CHECK(c.erase_if([](int) { return true; }) == 2);
    CHECK(c.empty());
    CHECK(c.begin() == c.end());
}
