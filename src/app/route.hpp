// route: the address of each main view ("#/ansatte/E0001"), so that a view can be linked, reloaded
// and reached with the browser's Back and Forward.
//
// Contract
// - A route path is what follows '#' in the address: "/" + the view's Norwegian slug, for a view
//   that shows one employee "/" + the employee's id, percent-encoded (RFC 3986: every byte but
//   A-Z a-z 0-9 - . _ ~). The slugs: oversikt, ansatte[/<id>], oppfolging[/<id>],
//   oppfolgingsplaner[/<id>], mal, tiltak, statistikk, innstillinger, data (Innstillinger → Data).
// - parse_route() accepts exactly what route_path() writes, with or without the leading '#', a
//   trailing '/' and percent-encoding in either case of hex digit; anything else (unknown slug, an id
//   on a view without one, an empty id, bad percent-encoding, an id holding '/') is nullopt. Whether
//   the employee exists is for the App to check against the data.
// - route_title_key() is the i18n key of the view's name, for the tab title "<name> – iadesk".
#pragma once

#include "app/view_context.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace iadesk::app {

struct Route {
    Page page = Page::overview;
    std::string employee;   // employees, followup, plans: the employee shown; empty = none
    bool data_tab = false;  // settings: the Data tab
    bool operator==(const Route&) const = default;
};

std::string route_path(const Route& route);
std::optional<Route> parse_route(std::string_view path);
const char* route_title_key(const Route& route);

} // namespace iadesk::app
