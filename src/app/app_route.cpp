// The App's address and tab title per view (route.hpp, app_platform.hpp): a route that comes from
// the platform is applied before the views draw; the view's route and title go to the platform
// after the frame, only when they changed.
#include "app/app.hpp"

namespace iadesk::app {

Route App::current_route() const {
    Route route;
    route.page = page_;
    switch (page_) {
    case Page::employees:
        if (!employees_.form.is_new) route.employee = employees_.selected;
        break;
    case Page::followup:
        if (case_open_) route.employee = case_.employee_id;
        break;
    case Page::plans: route.employee = plans_.employee_id; break;
    case Page::settings: // a tab asked for shows from the next frame on: the address says it at once
        route.data_tab = settings_.select_data_tab || (settings_.data_tab_shown && !settings_.select_org_tab);
        break;
    default: break;
    }
    return route;
}

// An employee's route needs the employee among those the role sees; a case's or a plan's needs
// the employee's case. Otherwise, and for a route that does not parse, Oversikt.
void App::apply_route(const std::string& path) {
    shown_route_ = path;
    replace_route_ = true;
    std::optional<Route> route = parse_route(path);
    if (route && !route->employee.empty()) {
        const bool known = route->page == Page::employees ? derived_.employee_index.count(route->employee) > 0
                                                           : derived_.schedule_of(route->employee) != nullptr;
        if (!known) route.reset();
    }
    const Route target = route.value_or(Route{});
    page_ = target.page;
    settings_.select_data_tab = false;
    settings_.select_org_tab = false;
    switch (target.page) {
    case Page::employees:
        if (target.employee.empty()) employees_.selected.clear();
        else employees_.open(view_context_for_actions(), target.employee);
        break;
    case Page::followup:
        case_open_ = !target.employee.empty();
        if (case_open_) case_.employee_id = target.employee;
        break;
    case Page::plans:
        if (target.employee.empty()) plans_.employee_id.clear(); // the list, as "Gå til" does
        else plans_.open(target.employee);
        break;
    case Page::settings:
        if (target.data_tab) settings_.select_data_tab = true;
        else if (settings_.data_tab_shown) settings_.select_org_tab = true;
        break;
    default: break;
    }
}

void App::publish_route() {
    if (!options_.platform) return;
    const Route route = current_route();
    const std::string path = route_path(route);
    if (path != shown_route_) {
        options_.platform->show_route(path, !replace_route_);
        shown_route_ = path;
    }
    replace_route_ = false;
    std::string title = std::string(tr(route_title_key(route))) + " \xE2\x80\x93 iadesk"; // "<view> – iadesk"
    if (title != shown_title_) {
        options_.platform->set_title(title);
        shown_title_ = std::move(title);
    }
}

} // namespace iadesk::app
