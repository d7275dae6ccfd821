// commands_internal: the helpers the command builders share (commands.cpp, unit_commands.cpp).
#pragma once

#include "iadesk/checks.hpp"
#include "iadesk/commands.hpp"

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace iadesk::detail_cmd {

std::optional<std::size_t> find_employee(const Dataset& ds, std::string_view id);
std::optional<std::size_t> find_unit(const Dataset& ds, std::string_view id);
CommandResult unknown_employee(std::string_view id, const char* field = "employee");
// A Touched naming one record of one list.
Touched touching(std::vector<std::size_t> Touched::*list, std::size_t index);
// The loader's checks of an employee as it would be stored at `self` (nullopt: a new one), and
// the rule of edits that nobody joins a closed unit. Sorts the employment list by `from` (stable).
std::vector<Problem> check_candidate(const Dataset& ds, Employee& e, std::optional<std::size_t> self);
// Replace the employee at `index` by `now` (apply) and back (undo).
Command replace_employee(const Dataset& ds, std::size_t index, Employee now, std::string description,
                         std::string merge_key);

// Puts `items` (position in the final vector, value; positions ascending) back into `v`
// in one pass: the inverse of removing them. O(n + k).
template <class T>
void reinsert(std::vector<T>& v, const std::vector<std::pair<std::size_t, T>>& items) {
    if (items.empty()) return;
    std::vector<T> out;
    out.reserve(v.size() + items.size());
    std::size_t src = 0, k = 0;
    while (out.size() < v.size() + items.size()) {
        if (k < items.size() && items[k].first == out.size()) out.push_back(items[k++].second);
        else if (src < v.size()) out.push_back(std::move(v[src++]));
        else out.push_back(items[k++].second); // positions past the end: append in order
    }
    v = std::move(out);
}

} // namespace iadesk::detail_cmd
