// Innstillinger > Organisasjon > Egenmelding: the law's rule (folketrygdloven § 8-24: 3 days at a
// time, 4 times in 12 months) or the organisation's own agreement with the tillitsvalgte (at most
// 16 days at a time; times and/or days per 12 months; from the date agreed). Saved as one checked
// set_organisation (commands.hpp): its problems are shown under the fields and nothing changes
// until they are fixed. The rule is what the absence form's warning checks against.
#include "app/views/settings.hpp"

#include "app/widgets.hpp"
#include "iadesk/calendar.hpp"
#include "iadesk/commands.hpp"

#include <imgui.h>

#include <optional>
#include <string>

namespace iadesk::app {
namespace {

std::string number_text(const std::optional<int>& n) { return n ? std::to_string(*n) : std::string(); }

// A whole number as typed ("8", " 24 "); nullopt for anything else.
std::optional<int> parse_whole(const std::string& text) {
    std::size_t b = text.find_first_not_of(' '), e = text.find_last_not_of(' ');
    if (b == std::string::npos) return std::nullopt;
    int value = 0;
    for (std::size_t i = b; i <= e; ++i) {
        if (text[i] < '0' || text[i] > '9' || value > 100000) return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

void load(EgenmeldingForm& form, const std::optional<EgenmeldingRule>& rule) {
    const EgenmeldingRule shown = rule.value_or(EgenmeldingRule{});
    form.kind = rule ? 1 : 0;
    form.days_at_a_time = std::to_string(shown.days_at_a_time);
    form.times_per_12_months = number_text(shown.times_per_12_months);
    form.days_per_12_months = number_text(shown.days_per_12_months);
    form.agreed_from = shown.agreed_from ? format_norwegian(*shown.agreed_from) : std::string();
}

} // namespace

void SettingsView::draw_egenmelding(ViewContext& ctx) {
    EgenmeldingForm& form = egenmelding;
    const Document& doc = ctx.doc;
    if (form.synced_revision != doc.revision && !form.edited) {
        load(form, doc.data.organisation.egenmelding);
        form.problems.clear();
        form.synced_revision = doc.revision;
    }
    const bool english = ctx.language == Language::en;
    const bool editable = ctx.can_edit(EditArea::organisation);
    ImGui::Spacing();
    ui::heading(ctx.theme.fonts.title, tr("settings.egenmelding"));
    ImGui::BeginDisabled(!editable);
    form.edited |= ImGui::RadioButton(tr("settings.egenmelding_law"), &form.kind, 0);
    form.edited |= ImGui::RadioButton(tr("settings.egenmelding_own"), &form.kind, 1);
    if (form.kind == 1) {
        ImGui::Indent();
        form.edited |= ui::input_text(tr("settings.egenmelding_days"), "egenmelding-days", form.days_at_a_time, 5, !editable);
        ui::field_problem(form.problems, "egenmelding/days_at_a_time", english);
        form.edited |= ui::input_text(tr("settings.egenmelding_times"), "egenmelding-times", form.times_per_12_months, 5, !editable);
        ui::field_problem(form.problems, "egenmelding/times_per_12_months", english);
        form.edited |= ui::input_text(tr("settings.egenmelding_days_per_year"), "egenmelding-days-year", form.days_per_12_months, 5, !editable);
        ui::field_problem(form.problems, "egenmelding/days_per_12_months", english);
        const std::string before = form.agreed_from;
        ui::date_input(tr("settings.egenmelding_agreed"), "egenmelding-agreed", form.agreed_from, !editable);
        form.edited |= before != form.agreed_from;
        ui::field_problem(form.problems, "egenmelding/agreed_from", english);
        ui::field_problem(form.problems, "egenmelding", english);
        ui::muted_text(tr("settings.egenmelding_help"));
        ImGui::Unindent();
    }
    if (editable && form.edited) {
        if (ImGui::Button(tr("settings.egenmelding_save"))) save_egenmelding(ctx);
        ImGui::SameLine();
        if (ImGui::Button(tr("common.cancel"))) { // back to the rule in the document
            form.edited = false;
            form.synced_revision = UINT64_MAX;
        }
    }
    ImGui::EndDisabled();
}

void SettingsView::save_egenmelding(ViewContext& ctx) {
    EgenmeldingForm& form = egenmelding;
    form.problems.clear();
    Organisation org = ctx.doc.data.organisation;
    if (form.kind == 0) {
        org.egenmelding.reset();
    } else {
        EgenmeldingRule rule;
        auto number = [&](const std::string& text, const char* field, bool required) -> std::optional<int> {
            if (text.find_first_not_of(' ') == std::string::npos) {
                if (required) form.problems.push_back({field, "Fyll inn et helt tall", "Enter a whole number"});
                return std::nullopt;
            }
            std::optional<int> n = parse_whole(text);
            if (!n) form.problems.push_back({field, "Skriv et helt tall (var «" + text.substr(0, 20) + "»)",
                                             "Enter a whole number (was \"" + text.substr(0, 20) + "\")"});
            return n;
        };
        rule.days_at_a_time = number(form.days_at_a_time, "egenmelding/days_at_a_time", true).value_or(0);
        rule.times_per_12_months = number(form.times_per_12_months, "egenmelding/times_per_12_months", false);
        rule.days_per_12_months = number(form.days_per_12_months, "egenmelding/days_per_12_months", false);
        if (form.agreed_from.find_first_not_of(' ') != std::string::npos) {
            if (auto d = parse_date(form.agreed_from)) rule.agreed_from = *d;
            else form.problems.push_back({"egenmelding/agreed_from", "Avtaledatoen er ikke en gyldig dato (dd.mm.åååå)",
                                          "The date agreed is not a valid date (dd.mm.yyyy)"});
        }
        if (!form.problems.empty()) return;
        org.egenmelding = rule;
    }
    CommandResult r = set_organisation(ctx.doc.data, std::move(org));
    if (!r.ok()) {
        form.problems = std::move(r.problems);
        return;
    }
    ctx.commands.push_back(std::move(*r.command));
    form.edited = false;
}

} // namespace iadesk::app
