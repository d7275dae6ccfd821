// enum_text: one table per enum names each value as it is stored (the code in the data file, the CLI's
// JSON and the problem texts) and, where people read it, in bokmål and English. The to_string, parse
// and label functions of an enum all read its table, so a new value is added in one line.
//
// Contract
// - A table lists every value of its enum once; its first row is the answer for a value not in the table
//   (which a valid enum never is).
// - enum_parse matches the code exactly (no case folding, no trimming: the loader's canonical form).
// - enum_codes lists the codes in table order, ", "-separated, for messages naming what is allowed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace iadesk {

template <class E>
struct EnumText {
    E value;
    const char* code;
    const char* nb = nullptr; // label for people, when the enum is shown; else nullptr
    const char* en = nullptr;
};

template <class E, std::size_t N>
constexpr const EnumText<E>& enum_row(const EnumText<E> (&table)[N], E value) {
    for (const EnumText<E>& row : table)
        if (row.value == value) return row;
    return table[0];
}

template <class E, std::size_t N>
constexpr const char* enum_code(const EnumText<E> (&table)[N], E value) {
    return enum_row(table, value).code;
}

template <class E, std::size_t N>
constexpr std::optional<E> enum_parse(const EnumText<E> (&table)[N], std::string_view code) {
    for (const EnumText<E>& row : table)
        if (code == row.code) return row.value;
    return std::nullopt;
}

template <class E, std::size_t N>
std::string enum_codes(const EnumText<E> (&table)[N]) {
    std::string out;
    for (const EnumText<E>& row : table) {
        if (!out.empty()) out += ", ";
        out += row.code;
    }
    return out;
}

// The same for values stored as text (a plan's field names, a milestone's "responsible"): a code and
// its bokmål and English words. nullptr when the code is not in the table.
struct CodeText {
    const char* code;
    const char* nb;
    const char* en;
};

template <std::size_t N>
constexpr const CodeText* find_code(const CodeText (&table)[N], std::string_view code) {
    for (const CodeText& row : table)
        if (code == row.code) return &row;
    return nullptr;
}

} // namespace iadesk
