// dataset_sax: one streaming pass over a dataset document (see dataset_internal.hpp).
//
// Why: a full json DOM of 500 000 records costs seconds and gigabytes (a std::map per record,
// all alive at once); here each element of the record arrays is built as a small json value,
// handed to the sink, and freed. Everything else (format, version, organisation, unknown members)
// is built as an ordinary DOM in `top`. Never throws: the handler returns false on a syntax error
// and nlohmann's parser then stops (its exception object is only inspected, not thrown).
#include "dataset_internal.hpp"
#include "json_fast.hpp"

#include <array>

namespace iadesk::detail_ds {
namespace {

using json = nlohmann::json;

class StreamHandler final : public nlohmann::json_sax<json> {
public:
    // With `direct`, the record arrays' elements go to it instead of `sink` (dataset_internal.hpp).
    StreamHandler(StreamResult& res, RecordSink& sink, DirectRecords* direct = nullptr)
        : res_(res), sink_(sink), direct_(direct) {}

    // In direct mode an element that is not an object is declined (direct_element() is false).
    bool null() override { return direct_on() ? direct_->null() : direct_element() && value(json(nullptr)); }
    bool boolean(bool v) override { return !direct_on() && direct_element() && value(json(v)); }
    bool number_integer(number_integer_t v) override {
        return direct_on() ? direct_->number(static_cast<double>(v)) : direct_element() && value(json(v));
    }
    bool number_unsigned(number_unsigned_t v) override {
        return direct_on() ? direct_->number(static_cast<double>(v)) : direct_element() && value(json(v));
    }
    bool number_float(number_float_t v, const string_t&) override {
        return direct_on() ? direct_->number(v) : direct_element() && value(json(v));
    }
    bool string(string_t& v) override { return direct_on() ? direct_->string(v) : direct_element() && value(json(std::move(v))); }
    bool binary(binary_t& v) override { return !direct_on() && direct_element() && value(json(std::move(v))); }

    bool start_object(std::size_t) override {
        if (direct_on()) return direct_->start_object();
        if (direct_ && in_stream() && stack_.size() == 1) return direct_->start_record();
        return open(json::value_t::object);
    }
    bool start_array(std::size_t) override {
        if (direct_on()) return direct_->start_array();
        // A record array directly under the root object is streamed element by element.
        if (stack_.size() == 1 && stack_.back() == &res_.top && !in_stream()) {
            int k = record_array_index(key_);
            if (k >= 0) {
                res_.streamed[static_cast<std::size_t>(k)] = true;
                stream_ = k;
                index_ = 0;
                if (direct_) return direct_->begin_array(k);
                sink_.begin_array(k);
                return true;
            }
        }
        if (!direct_element()) return false;
        return open(json::value_t::array);
    }
    bool key(string_t& k) override {
        if (direct_on()) return direct_->key(k);
        if (stack_.size() == 1 && stack_.back() == &res_.top && !in_stream()) key_ = k;
        auto [it, fresh] = stack_.back()->emplace(std::move(k), nullptr);
        if (!fresh) res_.duplicate_keys.push_back(pointer_to(it.key())); // rare: the path is built only then
        slot_ = &*it;
        return true;
    }
    bool end_object() override { return direct_on() ? direct_->end_object() : close(); }
    bool end_array() override {
        if (direct_on()) return direct_->end_array();
        if (in_stream() && stack_.size() == 1) { stream_ = -1; return true; } // the streamed array ends
        return close();
    }
    bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& ex) override {
        res_.syntax_ok = false;
        res_.error_position = pos;
        res_.error_what = ex.what();
        return false;
    }

private:
    bool in_stream() const { return stream_ >= 0; }
    bool direct_on() const { return direct_ && direct_->active(); }
    // False for a value that would be an element of a streamed array in direct mode (not an object).
    bool direct_element() const { return !(direct_ && in_stream() && stack_.size() == 1); }

    static void append_segment(std::string& out, std::string_view key) {
        out += '/';
        for (char c : key) {
            if (c == '~') out += "~0";
            else if (c == '/') out += "~1";
            else out += c;
        }
    }

    // The JSON pointer of member `key` of the innermost open object: each level's name or index is
    // found by identity in its parent (cheap enough for the rare duplicate).
    std::string pointer_to(std::string_view key) const {
        std::string out;
        for (std::size_t i = 1; i < stack_.size(); ++i) {
            const json* parent = stack_[i - 1];
            const json* child = stack_[i];
            if (i == 1 && in_stream()) {
                append_segment(out, kRecordArrays[static_cast<std::size_t>(stream_)]);
                out += '/' + std::to_string(index_);
            } else if (parent->is_array()) {
                for (std::size_t j = 0; j < parent->size(); ++j)
                    if (&(*parent)[j] == child) { out += '/' + std::to_string(j); break; }
            } else {
                for (auto it = parent->begin(); it != parent->end(); ++it)
                    if (&*it == child) { append_segment(out, it.key()); break; }
            }
        }
        append_segment(out, key);
        return out;
    }

    // Where the next value goes: a record of the streamed array, or the DOM under construction.
    json* place(json&& v) {
        if (in_stream() && stack_.size() == 1) { // a new element of the streamed array
            record_ = std::move(v);
            return &record_;
        }
        if (stack_.empty()) { res_.top = std::move(v); return &res_.top; }
        json* parent = stack_.back();
        if (parent->is_array()) {
            parent->push_back(std::move(v));
            return &parent->back();
        }
        *slot_ = std::move(v);
        return slot_;
    }

    bool value(json&& v) {
        bool element = in_stream() && stack_.size() == 1;
        place(std::move(v));
        if (element) emit();
        return true;
    }
    bool open(json::value_t t) {
        stack_.push_back(place(json(t)));
        return true;
    }
    bool close() {
        stack_.pop_back();
        if (in_stream() && stack_.size() == 1) emit();
        return true;
    }
    void emit() {
        sink_.record(stream_, index_++, record_);
        record_ = json();
    }

    StreamResult& res_;
    RecordSink& sink_;
    DirectRecords* direct_;
    std::vector<json*> stack_;
    json* slot_ = nullptr;
    std::string key_;
    int stream_ = -1;
    std::size_t index_ = 0;
    json record_;
};

} // namespace

int record_array_index(std::string_view key) {
    for (std::size_t i = 0; i < kRecordArrays.size(); ++i)
        if (key == kRecordArrays[i]) return static_cast<int>(i);
    return -1;
}

StreamResult stream_document(std::string_view text, RecordSink& sink) {
    StreamResult res;
    StreamHandler h(res, sink);
    json::sax_parse(text, &h);
    return res;
}

bool stream_document_fast(std::string_view text, RecordSink& sink, StreamResult& out,
                          const std::function<void(std::size_t)>* passed) {
    out = StreamResult{};
    StreamHandler h(out, sink);
    return fast_sax_parse(text, h, passed);
}

namespace {
struct NoSink final : RecordSink {
    void begin_array(int) override {}
    void record(int, std::size_t, const json&) override {}
};
} // namespace

bool stream_document_direct(std::string_view text, DirectRecords& direct, StreamResult& out,
                            const std::function<void(std::size_t)>* passed) {
    out = StreamResult{};
    NoSink none;
    StreamHandler h(out, none, &direct);
    return fast_sax_parse(text, h, passed);
}

} // namespace iadesk::detail_ds
