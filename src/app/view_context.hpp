// view_context: what every view gets for one frame. Views read the document and the derived data
// and ask for changes by queuing Commands and navigation requests; the App acts on them after
// drawing (ImGui's request-flag idiom).
#pragma once

#include "app/derived.hpp"
#include "app/i18n.hpp"
#include "iadesk/document.hpp"

#include <optional>
#include <string>
#include <vector>

namespace iadesk::app {

struct Theme;

enum class Page { overview, employees, followup, statistics, measures, settings };

struct NavigationRequest {
    std::optional<Page> page;
    std::optional<std::string> open_case_employee; // show this employee's open case
};

struct ViewContext {
    const Document& doc;
    const Derived& derived;
    const Theme& theme;
    Date today;
    Language language;
    std::vector<Command>& commands;
    NavigationRequest& navigate;
    bool read_only = false;    // another tab holds the data: views offer no edits

    const Dataset& data() const { return doc.data; }
};

} // namespace iadesk::app
