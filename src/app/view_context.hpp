// view_context: what every view gets for one frame. Views read the document and the derived data
// and ask for changes by queuing Commands and navigation requests; the App acts on them after
// drawing (ImGui's request-flag idiom).
#pragma once

#include "app/derived.hpp"
#include "app/i18n.hpp"
#include "iadesk/commands.hpp"
#include "iadesk/document.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace iadesk::app {

struct Theme;

enum class Page { overview, employees, followup, statistics, measures, settings, plans, goals };

struct NavigationRequest {
    std::optional<Page> page;
    std::optional<std::string> open_case_employee; // show this employee's open case
    std::optional<std::string> open_plan_employee; // show the plan editor for this employee's case
};

// `data()` is what the role may see (derived.data()): draw from it. Build commands against
// `doc.data`, the whole document, finding records by identity, never by a position in data().
struct ViewContext {
    const Document& doc;
    const Derived& derived;
    const Theme& theme;
    Date today;
    Language language;
    std::vector<Command>& commands;
    NavigationRequest& navigate;
    bool read_only = false;    // another tab holds the data: views offer no edits
    // The platform's services, passed in so that the app never depends on the platform layer.
    std::function<void(const std::string& name, const std::string& mime, const std::string& bytes)> download;
    std::function<void(const std::string& name, const std::string& html)> open_html;
    // Problems of edits that were refused (shown by the App in the status bar); may be null.
    std::vector<Problem>* refusals = nullptr;

    const Dataset& data() const { return derived.data(); }
    // Queues the command of an accepted edit; a refused one's problems go to `refusals`. True when
    // queued. For views that show no form of their own around the edit (a button that acts). Const:
    // it changes what the context refers to, not the context, so views holding a const one can act.
    bool submit(CommandResult r) const {
        if (r.ok()) {
            commands.push_back(std::move(*r.command));
            return true;
        }
        if (refusals) refusals->insert(refusals->end(), r.problems.begin(), r.problems.end());
        return false;
    }
    // The same for a form: `problems` becomes the result's problems (empty when accepted), shown by
    // the form under its fields; true when queued.
    bool submit_to(CommandResult r, std::vector<Problem>& problems) const {
        problems = std::move(r.problems);
        if (!r.ok()) return false;
        commands.push_back(std::move(*r.command));
        return true;
    }
    // Team mode (team_mode.hpp): the server stores absences and milestone events only, so nothing
    // else is offered for editing.
    bool team_mode = false;
    // May the current role edit this area (for an employee of `unit`)? False in a read-only tab.
    bool can_edit(EditArea area, std::string_view unit = {}) const {
        if (team_mode && area != EditArea::absences && area != EditArea::milestone_events) return false;
        return !read_only && may_edit(derived.role, area, unit);
    }
};

} // namespace iadesk::app
