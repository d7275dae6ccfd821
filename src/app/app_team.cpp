// The App in team mode (team_mode.hpp): finding the server, the login screen, opening the
// server's register, sending and pulling changes, and showing conflicts. docs/team.md.
#include "app/app.hpp"

#include "app/format.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"
#include "iadesk/calendar.hpp"
#include "iadesk/rules.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>
#include <nlohmann/json.hpp>

#include <random>

namespace iadesk::app {

namespace {
using nlohmann::json;

constexpr double kRetrySeconds = 2.0;

// The role the app shows for the account's grants (GET /api/me): HR before a manager before the
// tillitsvalgt before an employee. A manager of several units is shown the first one's
// (access.hpp's Role has one unit).
Role role_of(const json& roles) {
    std::optional<Role> manager, tillitsvalgt, employee;
    for (const json& g : roles) {
        const std::string r = g.value("role", "");
        if (r == "hr") return Role::hr();
        if (r == "manager" && !manager) manager = Role::manager(g.value("unit", ""));
        if (r == "tillitsvalgt") tillitsvalgt = Role::tillitsvalgt();
        if (r == "employee" && !employee) employee = Role::employee_of(g.value("employee", ""));
    }
    if (manager) return *manager;
    if (tillitsvalgt) return *tillitsvalgt;
    if (employee) return *employee;
    return Role::tillitsvalgt(); // no grant: nothing individual
}

std::string error_of(const std::string& body, bool english) {
    const json j = json::parse(body, nullptr, false);
    if (j.is_object()) return j.value(english ? "error_en" : "error", "");
    return {};
}

// "Sykmelding 60 % 02.11.2026–20.11.2026 (Ola Hansen)": an absence as the conflict dialog shows it.
std::string absence_line(const Absence& a, const Dataset& ds, Language language) {
    std::string who = a.employee;
    for (const Employee& e : ds.employees)
        if (e.id == a.employee) who = e.name;
    std::string s = tr(a.kind == AbsenceKind::egenmelding ? "absence.egenmelding" : "absence.sykmelding");
    if (a.kind == AbsenceKind::sykmelding && a.grade != 100) s += " " + std::to_string(a.grade) + " %";
    return s + " " + format_date(a.from, language) + "\xE2\x80\x93" + (a.to ? format_date(*a.to, language) : std::string(tr("absence.open"))) +
           " (" + who + ")";
}

// "Dialogmøte 1 (innen 7 uker): Utført 28.10.2026 – note", the milestone named by the case's rule set.
std::string event_line(const MilestoneEvent& ev, const std::vector<RuleSet>& rule_sets, Language language) {
    std::string name = ev.milestone;
    if (const RuleSet* rules = choose_rule_set(rule_sets, ev.case_start))
        if (const MilestoneRule* m = rules->find(ev.milestone)) name = language == Language::en ? m->label_en : m->label_nb;
    return name + ": " + tr(ev.status == EventStatus::exempt ? "status.exempt" : "status.done") + " " + format_date(ev.date, language) +
           (ev.note.empty() ? std::string() : " \xE2\x80\x93 " + ev.note);
}
} // namespace

void App::team_begin() {
    if (!options_.platform || !options_.platform->team_server()) return;
    team_.known_server = true;
    std::random_device rd;
    team_.client_id = fmt::format("{:08x}{:08x}", rd(), rd());
    team_.me_request = team_.next_request++;
    if (options_.platform->http(team_.me_request, "GET", "/api/me", "", ""))
        team_.stage = TeamMode::Stage::probing;
    else
        team_.me_request = 0;
}

void App::team_request_snapshot() {
    team_.stage = TeamMode::Stage::loading;
    team_.snapshot_request = team_.next_request++;
    options_.platform->http(team_.snapshot_request, "GET", "/api/sync/snapshot", "", team_.csrf);
}

void App::team_signed_in(const std::string& body) {
    const json j = json::parse(body, nullptr, false);
    if (!j.is_object() || !j.contains("user")) {
        team_.stage = TeamMode::Stage::login;
        team_.login_error = tr("team.bad_answer");
        return;
    }
    const json& u = j.at("user");
    team_.csrf = j.value("csrf_token", "");
    team_.user_email = u.value("email", "");
    team_.user_name = u.value("name", "");
    team_.organisation = u.contains("organisation") ? u.at("organisation").value("name", "") : "";
    team_.role = role_of(u.value("roles", json::array()));
    team_.password.clear();
    team_request_snapshot();
}

void App::on_http(int request, int status, std::string body) {
    const bool english = translations_.language == Language::en;
    if (request == 0) return;
    if (request == team_.me_request) {
        team_.me_request = 0;
        const bool api = !error_of(body, false).empty() || body.find("\"user\"") != std::string::npos;
        if (status == 200 && api) {
            team_signed_in(body);
        } else if (status == 401 && api) {
            team_.stage = TeamMode::Stage::login;
        } else if (status == 0 && team_.known_server) { // out of reach: never the local data instead
            team_.stage = TeamMode::Stage::login;
            team_.login_error = tr("team.no_answer");
        } else {
            team_.stage = TeamMode::Stage::off; // no team server here: the single-browser app
        }
    } else if (request == team_.login_request) {
        team_.login_request = 0;
        if (status == 200) team_signed_in(body);
        else team_.login_error = status == 0 ? tr("team.no_answer") : error_of(body, english);
    } else if (request == team_.snapshot_request) {
        team_.snapshot_request = 0;
        Dataset ds;
        std::optional<std::string> why = status == 200 ? team_.sync.start(body, ds, team_.client_id)
                                                       : std::optional<std::string>(status == 0 ? tr("team.no_answer") : error_of(body, english));
        if (why) {
            team_.stage = TeamMode::Stage::login;
            team_.login_error = *why;
            return;
        }
        // Changes not sent before the last page went (a reload, a closed tab, offline): back on top.
        std::size_t put_back = 0;
        if (std::optional<std::string> kept = options_.platform->kept_text(team_.journal_key()))
            put_back = team_.sync.replay(*kept, ds);
        doc_.reset(std::move(ds));
        role_ = team_.role;
        team_.seen_revision = doc_.revision;
        team_.stage = TeamMode::Stage::on;
        team_.online = true;
        start_ = StartStage::open;
        if (!requested_route_ && options_.platform) requested_route_ = options_.platform->route();
        set_status(put_back ? trn("team.put_back", static_cast<long long>(put_back), fmt::arg("n", put_back))
                            : trf("team.opened", fmt::arg("organisation", team_.organisation)));
    } else if (request == team_.push_request) {
        team_.push_request = 0;
        switch (team_.sync.on_answer(status, body, doc_.data)) {
        case TeamSync::Answer::stored: team_.online = true; break;
        case TeamSync::Answer::conflict:
        case TeamSync::Answer::refused: set_status(error_of(body, english)); break;
        case TeamSync::Answer::logged_out: team_.stage = TeamMode::Stage::login; break;
        case TeamSync::Answer::retry:
            team_.online = status != 0;
            team_.retry_push_at = ImGui::GetTime() + kRetrySeconds;
            break;
        }
        if (team_.sync.take_data_changed()) team_data_changed();
    } else if (request == team_.pull_request) {
        team_.pull_request = 0;
        if (status == 200) {
            team_.online = true;
            if (team_.sync.on_changes(body, doc_.data)) team_data_changed();
        } else if (status == 401) {
            team_.stage = TeamMode::Stage::login;
        } else {
            team_.online = status != 0 && status < 500;
            team_.retry_pull_at = ImGui::GetTime() + kRetrySeconds;
        }
    }
}

// Other people's changes are in doc_.data: the derived data follows, the undo history is cleared
// (its index-based commands no longer fit), and the sync has already seen the new records.
void App::team_data_changed() {
    doc_.changed_externally();
    team_.seen_revision = doc_.revision;
}

void App::team_pump() {
    if (!team_.on() || !options_.platform) return;
    if (doc_.revision != team_.seen_revision) {
        team_.sync.observe(doc_.data);
        team_.seen_revision = doc_.revision;
    }
    if (team_.sync.generation() != team_.counted_generation || doc_.revision != team_.counted_revision) {
        team_.counted_generation = team_.sync.generation();
        team_.counted_revision = doc_.revision;
        team_.waiting = team_.sync.waiting(doc_.data);
        if (std::string journal = team_.sync.journal(doc_.data); journal != team_.kept_journal) {
            options_.platform->keep_text(team_.journal_key(), journal);
            team_.kept_journal = std::move(journal);
        }
    }
    const double now = ImGui::GetTime();
    if (!team_.push_request && now >= team_.retry_push_at)
        if (std::optional<std::string> body = team_.sync.next_command(doc_.data)) {
            team_.push_request = team_.next_request++;
            options_.platform->http(team_.push_request, "POST", "/api/commands", *body, team_.csrf);
        }
    if (!team_.pull_request && now >= team_.retry_pull_at) {
        team_.pull_request = team_.next_request++;
        options_.platform->http(team_.pull_request, "GET", fmt::format("/api/changes?since={}&wait=20", team_.sync.last_seq()), "",
                                team_.csrf);
    }
}

// Team mode takes only what the server can store: absences and milestone events.
bool App::team_allows(const Command& c) const {
    const Touched& t = c.touched;
    return !t.everything && !t.organisation && !t.half_years && t.units.empty() && t.employees.empty() && t.plans.empty() &&
           t.adjustment_options.empty() && t.goals.empty() && t.activities.empty() && t.meetings.empty() &&
           t.removed_units.empty() && t.removed_employees.empty() && t.removed_goals.empty() && t.removed_activities.empty();
}

void App::draw_team_login() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("iadesk-login", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const float em = ImGui::GetFontSize();
    const float width = std::min(24 * em, vp->WorkSize.x - 2 * em);
    ImGui::SetCursorPos(ImVec2(std::max(em, (vp->WorkSize.x - width) * 0.5f), vp->WorkSize.y * 0.2f));
    ImGui::BeginGroup();
    ui::heading(theme_.fonts.title, tr("team.login_title"));
    ui::label_text(tr("team.login_intro"));
    ImGui::Spacing();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ui::input_text(tr("team.email"), "team-email", team_.email, 24);
    bool submit = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGuiKey_Enter);
    ui::password_input(tr("team.password"), "team-password", team_.password, 24);
    submit |= ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGuiKey_Enter);
    ImGui::Spacing();
    const bool busy = team_.login_request != 0 || team_.stage == TeamMode::Stage::loading;
    ImGui::BeginDisabled(busy);
    submit |= ui::primary_button(tr("team.login"));
    ImGui::EndDisabled();
    if (busy) ui::muted_line(tr(team_.stage == TeamMode::Stage::loading ? "team.opening" : "team.signing_in"));
    if (!team_.login_error.empty()) ui::error_text(team_.login_error.c_str());
    ImGui::EndGroup();
    ImGui::End();
    if (submit && !busy) {
        if (team_.email.empty() || team_.password.empty()) {
            team_.login_error = tr("team.fill_in");
        } else {
            team_.login_error.clear();
            team_.login_request = team_.next_request++;
            options_.platform->http(team_.login_request, "POST", "/api/login",
                                    json{{"email", team_.email}, {"password", team_.password}}.dump(), "");
        }
    }
}

// The account in the top bar ("leder@… · Nærmeste leder (Sykehjem Nord)") as a menu with "Logg ut",
// which waits while changes are unsent or unsettled (they would be lost with the page's data).
void App::draw_team_account_menu() {
    const std::string who = team_.user_email + " \xC2\xB7 " +
                            (translations_.language == Language::nb ? role_label_nb(role_, doc_.data) : role_label_en(role_, doc_.data));
    if (!ImGui::BeginMenu((who + "###team-account").c_str())) return;
    const bool unsent = team_.waiting > 0 || !team_.sync.conflicts().empty();
    if (ImGui::MenuItem(tr("team.logout"), nullptr, false, !unsent)) team_logout();
    if (unsent) ui::muted_line(tr("team.logout_unsent"));
    ImGui::EndMenu();
}

// Ends the session on the server and takes the register out of the page: the login screen next.
void App::team_logout() {
    options_.platform->http(team_.next_request++, "POST", "/api/logout", "{}", team_.csrf); // the answer is not waited for
    TeamMode fresh;
    fresh.stage = TeamMode::Stage::login;
    fresh.next_request = team_.next_request; // answers to earlier requests are dropped
    fresh.client_id = team_.client_id;
    fresh.known_server = team_.known_server;
    fresh.email = team_.user_email;
    fresh.login_error = tr("team.logged_out");
    team_ = std::move(fresh);
    doc_.reset(Dataset{});
    role_ = Role::tillitsvalgt(); // nothing individual until the next login sets the account's role
    page_ = Page::overview;
    case_open_ = false;
}

std::string App::team_status(ImVec4& colour) const {
    const std::size_t waiting = team_.waiting;
    const std::size_t conflicts = team_.sync.conflicts().size();
    std::string text;
    if (!team_.online) {
        colour = colours().text_error;
        text = "\xE2\x9A\xA0 " + trn("team.offline", static_cast<long long>(waiting), fmt::arg("n", waiting));
    } else if (conflicts > 0) {
        colour = colours().text_error;
        text = "\xE2\x9A\xA0 " + trn("team.conflicts", static_cast<long long>(conflicts), fmt::arg("n", conflicts));
    } else if (waiting > 0) {
        text = trn("team.waiting", static_cast<long long>(waiting), fmt::arg("n", waiting));
    } else {
        text = tr("team.synced");
    }
    return text + " \xC2\xB7 " + team_.user_email;
}

// The first unsettled conflict as a dialog: both versions, and the user's choice.
void App::draw_team_conflicts() {
    if (!team_.on() || team_.sync.conflicts().empty()) return;
    const TeamConflict& c = team_.sync.conflicts().front();
    const char* title = tr(c.refused ? "team.refused_title" : "team.conflict_title");
    const std::string id = std::string(title) + "###team-conflict";
    if (!ImGui::IsPopupOpen(id.c_str())) ImGui::OpenPopup(id.c_str());
    ui::fit_next_dialog();
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const bool english = translations_.language == Language::en;
    ui::label_text((english ? c.message_en : c.message_nb).c_str());
    ImGui::Spacing();
    auto version = [&](const char* label_key, const std::optional<Absence>& a, const std::optional<MilestoneEvent>& ev) {
        ui::text(tr(label_key));
        if (a) ui::bullet_text(absence_line(*a, doc_.data, translations_.language).c_str());
        else if (ev) ui::bullet_text(event_line(*ev, derived_.rule_sets, translations_.language).c_str());
        else ui::bullet_text(tr("team.version_removed"));
    };
    if (!c.refused) version("team.theirs", c.their_absence, c.their_event);
    version("team.mine", c.my_absence, c.my_event);
    ImGui::Spacing();
    std::optional<bool> keep_mine;
    if (c.refused) {
        if (ui::primary_button(tr("team.drop_mine"))) keep_mine = false;
    } else {
        if (ui::primary_button(tr("team.take_theirs"))) keep_mine = false;
        ImGui::SameLine();
        if (ImGui::Button(tr("team.keep_mine"))) keep_mine = true;
    }
    if (keep_mine) {
        if (team_.sync.resolve(0, *keep_mine, doc_.data)) team_data_changed();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace iadesk::app
