// `iadesk-server import` (an iadesk dataset file into the tables) and `create-admin` (the first HR
// account). Both run as the cluster's owner: they write rows no user's policy lets through.
//
// Contract
// - import reads the file with the core's parser (load_dataset, include/iadesk/dataset.hpp) and
//   refuses exactly what it refuses, printing every problem (pointer, Norwegian, English) and
//   writing nothing. A valid file goes in as one new organisation in one transaction: all or nothing.
// - The rows are written from the canonical form (save_dataset), so the tables hold what the app
//   would save.
#include "server.hpp"

#include "iadesk/dataset.hpp"
#include "platform/platform.hpp"

#include <cctype>
#include <iostream>

namespace iadesk::server {

namespace {
using nlohmann::json;

// A JSON value as a text parameter (null stays null); dates are "YYYY-MM-DD" strings in the file.
std::optional<std::string> text_or_null(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    return it->dump();
}
std::string text_or_empty(const json& j, const char* key) { return text_or_null(j, key).value_or(""); }
std::string json_or(const json& j, const char* key, const char* fallback) {
    auto it = j.find(key);
    return it == j.end() ? fallback : it->dump();
}

std::int64_t insert_organisation(pqxx::work& tx, const json& org, const std::string& name) {
    return tx.exec_params1(
        "INSERT INTO organisations(name, orgnr, ia_agreement, own_bht, email, naeringskode,"
        " naeringskode_standard, sector, bransjeprogram, egenmelding)"
        " VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, 'SN2007'), $8, $9, $10::jsonb) RETURNING id",
        name, text_or_empty(org, "orgnr"), org.value("ia_agreement", false), org.value("own_bht", false),
        text_or_empty(org, "email"), text_or_empty(org, "naeringskode"),
        text_or_null(org, "naeringskode_standard"), text_or_empty(org, "sector"),
        text_or_empty(org, "bransjeprogram"), text_or_null(org, "egenmelding"))[0].as<std::int64_t>();
}

void insert_people(pqxx::work& tx, std::int64_t org, const json& doc) {
    int position = 0;
    for (const json& u : doc.value("units", json::array()))
        tx.exec_params("INSERT INTO units(org_id, id, name, closed, position) VALUES ($1, $2, $3, $4::date, $5)",
                       org, u.at("id").get<std::string>(), u.at("name").get<std::string>(),
                       text_or_null(u, "closed"), position++);
    position = 0;
    for (const json& e : doc.value("employees", json::array())) {
        const std::string id = e.at("id").get<std::string>();
        tx.exec_params("INSERT INTO employees(org_id, id, name, unit, birth_year, birth_date, national_id, position)"
                       " VALUES ($1, $2, $3, $4, $5::integer, $6::date, $7, $8)",
                       org, id, e.at("name").get<std::string>(), e.at("unit").get<std::string>(),
                       text_or_null(e, "birth_year"), text_or_null(e, "birth_date"),
                       text_or_empty(e, "national_id"), position++);
        for (const json& p : e.value("employment", json::array()))
            tx.exec_params("INSERT INTO employments(org_id, employee, from_date, to_date, percent, end_reason)"
                           " VALUES ($1, $2, $3::date, $4::date, $5::numeric, $6)",
                           org, id, p.at("from").get<std::string>(), text_or_null(p, "to"),
                           p.at("percent").dump(), text_or_null(p, "end_reason"));
        for (const json& w : e.value("earlier_units", json::array()))
            tx.exec_params("INSERT INTO employee_earlier_units(org_id, employee, unit, until)"
                           " VALUES ($1, $2, $3, $4::date)",
                           org, id, w.at("unit").get<std::string>(), w.at("until").get<std::string>());
    }
    for (const json& a : doc.value("absences", json::array()))
        tx.exec_params("INSERT INTO absences(org_id, employee, kind, from_date, to_date, grade)"
                       " VALUES ($1, $2, $3, $4::date, $5::date, $6::integer)",
                       org, a.at("employee").get<std::string>(), a.at("kind").get<std::string>(),
                       a.at("from").get<std::string>(), text_or_null(a, "to"), text_or_null(a, "grade").value_or("100"));
    for (const json& m : doc.value("milestone_events", json::array()))
        tx.exec_params("INSERT INTO milestone_events(org_id, employee, case_start, milestone, status, date, note, participants)"
                       " VALUES ($1, $2, $3::date, $4, $5, $6::date, $7, $8)",
                       org, m.at("employee").get<std::string>(), m.at("case_start").get<std::string>(),
                       m.at("milestone").get<std::string>(), m.at("status").get<std::string>(),
                       m.at("date").get<std::string>(), text_or_empty(m, "note"), text_or_empty(m, "participants"));
}

void insert_plans_and_goals(pqxx::work& tx, std::int64_t org, const json& doc) {
    for (const json& p : doc.value("plans", json::array())) {
        const std::string id = p.at("id").get<std::string>();
        tx.exec_params("INSERT INTO plans(org_id, id, employee, case_start, shares, exemption)"
                       " VALUES ($1, $2, $3, $4::date, $5::jsonb, $6::jsonb)",
                       org, id, p.at("employee").get<std::string>(), p.at("case_start").get<std::string>(),
                       json_or(p, "shares", "[]"), text_or_null(p, "exemption"));
        for (const json& v : p.value("versions", json::array()))
            tx.exec_params("INSERT INTO plan_versions(org_id, plan_id, number, created, created_by, origin, content,"
                           " agreed_employee, agreed_manager, manager_name)"
                           " VALUES ($1, $2, $3::integer, $4::date, $5, $6, $7::jsonb, $8::date, $9::date, $10)",
                           org, id, v.at("number").dump(), v.at("created").get<std::string>(),
                           text_or_empty(v, "created_by"), text_or_empty(v, "origin"), json_or(v, "content", "{}"),
                           text_or_null(v, "agreed_employee"), text_or_null(v, "agreed_manager"),
                           text_or_empty(v, "manager_name"));
    }
    for (const json& g : doc.value("goals", json::array()))
        tx.exec_params("INSERT INTO goals(org_id, id, kind, title, data) VALUES ($1, $2, $3, $4, $5::jsonb)",
                       org, g.at("id").get<std::string>(), text_or_empty(g, "kind"), text_or_empty(g, "title"), g.dump());
    for (const json& a : doc.value("goal_activities", json::array()))
        tx.exec_params("INSERT INTO goal_activities(org_id, id, goal, title, owner, planned, status, done, note)"
                       " VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8::date, $9)",
                       org, a.at("id").get<std::string>(), a.at("goal").get<std::string>(), text_or_empty(a, "title"),
                       text_or_empty(a, "owner"), text_or_null(a, "planned"), text_or_empty(a, "status"),
                       text_or_null(a, "done"), text_or_empty(a, "note"));
    for (const json& m : doc.value("ia_meetings", json::array()))
        tx.exec_params("INSERT INTO ia_meetings(org_id, id, date, attendees, minutes, decisions)"
                       " VALUES ($1, $2, $3::date, $4::jsonb, $5, $6::jsonb)",
                       org, m.at("id").get<std::string>(), m.at("date").get<std::string>(),
                       json_or(m, "attendees", "[]"), text_or_empty(m, "minutes"), json_or(m, "decisions", "[]"));
    for (const json& r : doc.value("half_year_reports", json::array()))
        tx.exec_params("INSERT INTO half_year_reports(org_id, year, half, data) VALUES ($1, $2::integer, $3::integer, $4::jsonb)",
                       org, r.at("year").dump(), r.at("half").dump(), r.dump());
    for (const json& o : doc.value("adjustment_options", json::array()))
        tx.exec_params("INSERT INTO adjustment_options(org_id, id, text) VALUES ($1, $2, $3)",
                       org, o.at("id").get<std::string>(), o.at("text").get<std::string>());
    for (const json& c : doc.value("change_log", json::array()))
        tx.exec_params("INSERT INTO change_log(org_id, at, role, description) VALUES ($1, to_timestamp($2::bigint), $3, $4)",
                       org, text_or_null(c, "unix_seconds").value_or("0"), text_or_empty(c, "role"),
                       text_or_empty(c, "description"));
}
} // namespace

int run_import(const std::string& url, const std::string& org_name, const std::string& file) {
    std::string error;
    std::optional<std::string> text = platform::read_file(file, &error, kMaxDatasetBytes);
    if (!text) {
        std::cerr << "Kan ikke lese «" << file << "»: " << error << "\n(cannot read the file)\n";
        return 1;
    }
    DatasetLoad load = load_dataset(*text);
    if (!load.ok()) {
        std::cerr << "Ugyldig datasett «" << file << "», ingenting importert / invalid dataset, nothing imported: "
                  << load.problems.size() << "\n";
        for (const DatasetProblem& p : load.problems)
            std::cerr << "  " << (p.pointer.empty() ? "/" : p.pointer) << ": " << p.message_nb << " / " << p.message_en << "\n";
        return 1;
    }
    const json doc = json::parse(save_dataset(*load.dataset));
    const std::string name = org_name.empty() ? load.dataset->organisation.name : org_name;
    pqxx::connection c(url);
    pqxx::work tx(c);
    const std::int64_t org = insert_organisation(tx, doc.at("organisation"), name);
    insert_people(tx, org, doc);
    insert_plans_and_goals(tx, org, doc);
    audit(tx, 0, org, "import", file,
          {{"employees", load.dataset->employees.size()}, {"absences", load.dataset->absences.size()}});
    tx.commit();
    std::cout << "Importerte «" << name << "» som organisasjon " << org << ": " << load.dataset->units.size()
              << " enheter, " << load.dataset->employees.size() << " ansatte, " << load.dataset->absences.size()
              << " fravær / imported as organisation " << org << "\n";
    return 0;
}

int run_create_org(const std::string& url, const std::string& name, const std::string& orgnr) {
    if (name.empty() || name.size() > 200) {
        std::cerr << "--name: oppgi virksomhetens navn, høyst 200 tegn (give the organisation's name)\n";
        return 2;
    }
    if (!orgnr.empty() && !is_valid_orgnr(orgnr)) {
        std::cerr << "--orgnr: «" << orgnr << "» er ikke et gyldig organisasjonsnummer (9 siffer, kontrollsiffer mod 11)"
                  << " (not a valid organisation number)\n";
        return 2;
    }
    pqxx::connection c(url);
    pqxx::work tx(c);
    const auto org = tx.exec_params1("INSERT INTO organisations(name, orgnr) VALUES ($1, $2) RETURNING id", name, orgnr)[0]
                         .as<std::int64_t>();
    audit(tx, 0, org, "create_org", name);
    tx.commit();
    std::cout << "Opprettet organisasjon " << org << " «" << name << "» / created organisation " << org << "\n";
    return 0;
}

int run_create_admin(const std::string& url, const std::string& email_in, std::int64_t org_id) {
    std::string email = email_in;
    for (char& ch : email) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (!is_plausible_email(email)) {
        std::cerr << "--email: «" << email_in << "» er ikke en gyldig e-postadresse (not a valid e-mail address)\n";
        return 2;
    }
    pqxx::connection c(url);
    pqxx::work tx(c);
    if (org_id == 0) {
        pqxx::result orgs = tx.exec("SELECT id FROM organisations ORDER BY id");
        if (orgs.size() != 1) {
            std::cerr << "--org: databasen har " << orgs.size() << " organisasjoner; oppgi hvilken med --org ID"
                      << " (the database has " << orgs.size() << " organisations: name one with --org ID)\n";
            return 2;
        }
        org_id = orgs[0][0].as<std::int64_t>();
    }
    if (tx.exec_params("SELECT 1 FROM users WHERE email = $1", email).size() > 0) {
        std::cerr << "--email: det finnes allerede en bruker med «" << email << "» (a user with this e-mail exists)\n";
        return 1;
    }
    if (tx.exec_params("SELECT 1 FROM organisations WHERE id = $1", org_id).empty()) {
        std::cerr << "--org: ingen organisasjon " << org_id << " (no such organisation)\n";
        return 1;
    }
    const std::string password = one_time_password();
    const auto user = tx.exec_params1("INSERT INTO users(org_id, email, display_name, password_hash)"
                                      " VALUES ($1, $2, $2, $3) RETURNING id",
                                      org_id, email, hash_password(password))[0].as<std::int64_t>();
    tx.exec_params("INSERT INTO role_grants(user_id, org_id, role) VALUES ($1, $2, 'hr')", user, org_id);
    audit(tx, 0, org_id, "create_admin", email, {{"user_id", user}});
    tx.commit();
    std::cout << "HR-bruker " << email << " (id " << user << ") opprettet. Engangspassord (vises bare nå) / "
              << "one-time password (shown only now):\n" << password << "\n";
    return 0;
}

} // namespace iadesk::server
