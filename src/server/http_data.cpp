// The register and the statistics: GET /api/employees, GET /api/employees/{id} (with employments
// and absences), GET /api/statistics.
//
// Contract
// - Employee rows come only through RLS: a row the user may not see is 404 exactly like a missing
//   one. A role with no access to personal data at all (the tillitsvalgt) gets 403 on both.
//   The fødselsnummer goes to HR only (include/iadesk/access.hpp: personal data for HR only).
// - Every read of one employee writes an audit row, found or not.
// - Statistics (HR and the tillitsvalgt): the core's compute_stats on anonymous rows
//   (iadesk_stats_source) and visible_stats for the role: fewer than 5 persons masked, with the
//   secondary suppression of include/iadesk/stats.hpp. ?from=YYYY-MM-DD&to=YYYY-MM-DD, default
//   the last complete quarter; at most 10 years.
#include "http.hpp"

#include "iadesk/access.hpp"
#include "iadesk/calendar.hpp"
#include "iadesk/stats.hpp"

#include <chrono>

namespace iadesk::server {

namespace {
using nlohmann::json;

const ApiError kNoPersonalData{403, "Rollen din gir ikke tilgang til opplysninger om enkeltpersoner.",
                               "Your role gives no access to data about individuals."};

void require_personal_access(pqxx::work& tx) {
    if (!has_role(tx, "hr") && !has_role(tx, "manager") && !has_role(tx, "employee")) throw kNoPersonalData;
}

json nullable(const pqxx::field& f) { return f.is_null() ? json() : json(f.as<std::string>()); }

void list_employees(pqxx::work& tx, httplib::Response& res) {
    require_personal_access(tx);
    const bool hr = has_role(tx, "hr");
    json out = json::array();
    for (const auto& r : tx.exec("SELECT e.id, e.name, e.unit, u.name, e.birth_year, e.national_id FROM employees e"
                                 " JOIN units u ON u.org_id = e.org_id AND u.id = e.unit ORDER BY e.position")) {
        json e = {{"id", r[0].as<std::string>()}, {"name", r[1].as<std::string>()}, {"unit", r[2].as<std::string>()},
                  {"unit_name", r[3].as<std::string>()}, {"birth_year", r[4].is_null() ? json() : json(r[4].as<int>())}};
        if (hr) e["national_id"] = r[5].as<std::string>();
        out.push_back(e);
    }
    send_json(res, 200, {{"employees", out}});
}

// An id the database can take as text: 1..100 bytes of well-formed UTF-8 without control
// characters (an ill-formed one would be a database error, not a 404).
bool plausible_id(std::string_view id) {
    if (id.empty() || id.size() > 100) return false;
    for (std::size_t i = 0; i < id.size();) {
        const auto c = static_cast<unsigned char>(id[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > id.size() || (n == 1 && c < 0x20) || c == 0x7F) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(id[i + k]) >> 6) != 0x2) return false;
        if (n == 2 && c < 0xC2) return false; // overlong
        i += n;
    }
    return true;
}

void one_employee(pqxx::work& tx, const Session& s, const std::string& id, httplib::Response& res) {
    require_personal_access(tx);
    if (!plausible_id(id)) {
        send_error(res, {404, "Fant ikke den ansatte.", "No such employee."});
        return;
    }
    const auto rows = tx.exec_params("SELECT e.id, e.name, e.unit, u.name, e.birth_year, e.national_id FROM employees e"
                                     " JOIN units u ON u.org_id = e.org_id AND u.id = e.unit WHERE e.id = $1", id);
    audit(tx, s.user_id, 0, "read_employee", id, {{"found", !rows.empty()}});
    if (rows.empty()) {
        // Missing and not visible look the same; the audit row is kept (the caller commits).
        send_error(res, {404, "Fant ikke den ansatte.", "No such employee."});
        return;
    }
    const auto& r = rows[0];
    json e = {{"id", r[0].as<std::string>()}, {"name", r[1].as<std::string>()}, {"unit", r[2].as<std::string>()},
              {"unit_name", r[3].as<std::string>()}, {"birth_year", r[4].is_null() ? json() : json(r[4].as<int>())}};
    if (has_role(tx, "hr")) e["national_id"] = r[5].as<std::string>();
    json employment = json::array();
    for (const auto& p : tx.exec_params("SELECT from_date::text, to_date::text, percent::float8, end_reason FROM employments"
                                        " WHERE employee = $1 ORDER BY from_date", id))
        employment.push_back({{"from", p[0].as<std::string>()}, {"to", nullable(p[1])}, {"percent", p[2].as<double>()},
                              {"end_reason", nullable(p[3])}});
    json absences = json::array();
    for (const auto& a : tx.exec_params("SELECT kind, from_date::text, to_date::text, grade FROM absences"
                                        " WHERE employee = $1 ORDER BY from_date, id", id))
        absences.push_back({{"kind", a[0].as<std::string>()}, {"from", a[1].as<std::string>()}, {"to", nullable(a[2])},
                            {"grade", a[3].as<int>()}});
    e["employment"] = employment;
    e["absences"] = absences;
    send_json(res, 200, {{"employee", e}});
}

Date today() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return Date{static_cast<int>(now.time_since_epoch().count())};
}

std::optional<Date> date_param(const httplib::Request& req, const char* key) {
    if (!req.has_param(key)) return std::nullopt;
    const std::string v = req.get_param_value(key);
    auto d = parse_iso_date(v);
    if (!d) throw ApiError{400, std::string(key) + ": «" + v + "» er ikke en dato (ÅÅÅÅ-MM-DD)",
                           std::string(key) + ": not a date (YYYY-MM-DD)"};
    return d;
}

// The anonymous rows of iadesk_stats_source as a Dataset: persons "P1".."Pn" without names.
Dataset stats_dataset(const json& src) {
    Dataset ds;
    auto date = [](const json& j) { return *parse_iso_date(j.get<std::string>()); };
    auto open_date = [&](const json& j) { return j.is_null() ? std::optional<Date>() : std::optional<Date>(date(j)); };
    for (const json& u : src.at("units")) ds.units.push_back({u.at("id"), u.at("name"), open_date(u.at("closed"))});
    for (const json& e : src.at("employees")) {
        Employee emp;
        emp.id = "P" + std::to_string(e.at("n").get<long>());
        emp.unit = e.at("unit");
        for (const json& p : e.at("employment"))
            emp.employment.push_back({date(p.at("from")), open_date(p.at("to")), p.at("percent").get<double>(), std::nullopt});
        for (const json& w : e.at("earlier_units")) emp.earlier_units.push_back({w.at("unit"), date(w.at("until"))});
        ds.employees.push_back(std::move(emp));
    }
    for (const json& a : src.at("absences"))
        ds.absences.push_back({"P" + std::to_string(a.at("n").get<long>()),
                               a.at("kind") == "egenmelding" ? AbsenceKind::egenmelding : AbsenceKind::sykmelding,
                               date(a.at("from")), open_date(a.at("to")), a.at("grade").get<int>()});
    return ds;
}

const char* reason_text(MaskReason r) {
    switch (r) {
    case MaskReason::none: return "none";
    case MaskReason::small_group: return "small_group";
    case MaskReason::protects_small_group: return "protects_small_group";
    }
    return "none";
}

void statistics(pqxx::work& tx, const httplib::Request& req, httplib::Response& res) {
    Role role;
    if (has_role(tx, "hr")) role = Role::hr();
    else if (has_role(tx, "tillitsvalgt")) role = Role::tillitsvalgt();
    else throw ApiError{403, "Statistikken er for HR og tillitsvalgte.", "The statistics are for HR and the union representatives."};
    const Quarter last = latest_complete_quarter(today());
    const Date from = date_param(req, "from").value_or(last.first());
    const Date to = date_param(req, "to").value_or(last.last());
    if (to < from) throw ApiError{400, "to: sluttdatoen er før startdatoen", "to: the end is before the start"};
    if (to - from > 3660) throw ApiError{400, "to: høyst 10 år om gangen", "to: at most 10 years at a time"};
    const auto src = tx.exec("SELECT iadesk_stats_source()::text")[0][0];
    if (src.is_null()) throw ApiError{403, "Statistikken er for HR og tillitsvalgte.", "The statistics are for HR and the union representatives."};
    const Dataset ds = stats_dataset(json::parse(src.as<std::string>()));
    StatsQuery q{from, to, true, kMaskBelow, true};
    const StatsResult visible = visible_stats(compute_stats(ds, q), role);
    json groups = json::array();
    for (const StatsGroup& g : visible.groups) {
        json j = {{"unit", g.unit ? json(*g.unit) : json()}, {"employees", g.employees}, {"masked", g.masked},
                  {"reason", reason_text(g.reason)}, {"headcount", masking_headcount(g)},
                  {"percent", g.percent ? json(*g.percent) : json()},
                  {"percent_legemeldt", g.percent_legemeldt ? json(*g.percent_legemeldt) : json()},
                  {"percent_egenmeldt", g.percent_egenmeldt ? json(*g.percent_egenmeldt) : json()}};
        if (g.unit)
            for (const Unit& u : ds.units)
                if (u.id == *g.unit) j["unit_name"] = u.name;
        groups.push_back(j);
    }
    send_json(res, 200, {{"from", format_iso(from)}, {"to", format_iso(to)}, {"mask_below", kMaskBelow}, {"groups", groups}});
}
} // namespace

void add_data_routes(httplib::Server& http, Api& api) {
    http.Get("/api/employees", [&api](const httplib::Request& req, httplib::Response& res) {
        with_session(api, req, res, [](pqxx::work& tx, const Session&, httplib::Response& out) { list_employees(tx, out); });
    });
    http.Get(R"(/api/employees/([^/]+))", [&api](const httplib::Request& req, httplib::Response& res) {
        const std::string id = req.matches[1];
        with_session(api, req, res, [&id](pqxx::work& tx, const Session& s, httplib::Response& out) { one_employee(tx, s, id, out); });
    });
    http.Get("/api/statistics", [&api](const httplib::Request& req, httplib::Response& res) {
        with_session(api, req, res, [&req](pqxx::work& tx, const Session&, httplib::Response& out) { statistics(tx, req, out); });
    });
}

} // namespace iadesk::server
