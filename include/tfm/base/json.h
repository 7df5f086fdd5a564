// A small JSON writer: enough for tfm's one-document outputs, deterministic and escaped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tfm {

std::string json_quote(std::string_view text);
// A number as JSON: whole values (below 1e15) without a fraction; "null" when not finite.
std::string json_number(double d);

class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(long long n);
    JsonWriter& value(int n) { return value(static_cast<long long>(n)); }
    JsonWriter& value(double d);
    JsonWriter& value(bool b);
    JsonWriter& null();
    std::string str() const { return out_ + "\n"; }

private:
    void before_value();
    JsonWriter& close(char bracket);
    void newline();
    std::string out_;
    std::vector<bool> first_;  // per open container: no member written yet
    bool after_key_ = false;
};

}  // namespace tfm
