// The Tiltak page's detail pane: one measure's tags, when it was checked against its sources and
// (historic) what replaced it, summary, conditions, amounts with their year (marked when stale on
// today's date), evidence with its caveat, facts and sources.
#include "app/views/measures_view.hpp"
#include "app/views/measures_parts.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <cmath>

namespace iadesk::app {
using namespace measures_ui;

namespace {

// The verdict on one condition, by ms::Verdict.
constexpr const char* kConditionWords[] = {"measures.cond.met", "measures.cond.not_met", "measures.cond.unknown"};

// The names of a historic measure's successors, joined: "Avklaring, Oppfølging (...)".
std::string names_of(const ms::Catalogue& c, const std::vector<std::string>& ids, const char* lang) {
    std::string out;
    for (const std::string& id : ids) {
        const ms::Measure* m = c.find(id);
        out += (out.empty() ? "" : ", ") + (m ? m->name.in(lang) : id);
    }
    return out;
}

// "160 400" (nb) / "160,400" (en), with up to two decimals when the value has them.
std::string format_number(double v, Language lang) {
    const bool whole = std::fabs(v - std::round(v)) < 1e-9;
    std::string s = format_decimal(v, whole ? 0 : (std::fabs(v * 10 - std::round(v * 10)) < 1e-9 ? 1 : 2), lang);
    const std::size_t dot = s.find_first_of(".,");
    std::size_t int_end = dot == std::string::npos ? s.size() : dot;
    const std::size_t first_digit = (!s.empty() && s[0] == '-') ? 1 : 0;
    const char* sep = lang == Language::nb ? "\xC2\xA0" : ","; // no-break space keeps "160 400" together
    for (std::size_t i = int_end; i > first_digit + 3; i -= 3) s.insert(i - 3, sep);
    return s;
}

std::string format_amount(const ms::Amount& a, Language lang) {
    const std::string n = format_number(a.value, lang);
    if (a.unit == "NOK") return lang == Language::nb ? n + " kr" : "NOK " + n;
    if (a.unit == "MNOK") return n + " " + tr("measures.unit.mnok");
    if (a.unit == "percent") return n + " %";
    for (const char* u : {"hours", "weeks", "months", "days"})
        if (a.unit == u) return n + " " + tr((std::string("measures.unit.") + u).c_str());
    return n + " " + a.unit;
}

std::string join_labels(const std::vector<ms::Label>& list, const std::vector<std::string>& ids, Language lang) {
    std::string out;
    for (const std::string& id : ids) {
        const ms::Label* l = ms::Taxonomy::find(list, id);
        out += (out.empty() ? "" : ", ") + (l ? l->label.in(lang_id(lang)) : id);
    }
    return out;
}
// The same tag as a layout item (in the detail pane), followed on the same line; wraps to the
// next line when it does not fit.
void inline_tag(const char* text, ImU32 bg, ImU32 fg) {
    const float em = ImGui::GetFontSize();
    const float w = ImGui::CalcTextSize(text).x + 0.9f * em;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetCursorScreenPos().x + w > right && ImGui::GetCursorPosX() > ImGui::GetStyle().WindowPadding.x + 1)
        ImGui::NewLine();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    draw_tag(ImGui::GetWindowDrawList(), p, text, bg, fg);
    ImGui::Dummy(ImVec2(w, ImGui::GetTextLineHeight() + 0.24f * em));
    probe::note_text(text);
    ImGui::SameLine(0, 0.4f * em);
}
} // namespace

void MeasuresView::draw_detail(const ViewContext& ctx) {
    if (open < 0 || open >= static_cast<int>(catalogue_.measures.size())) {
        ui::heading(ctx.theme.fonts.title, tr("measures.detail_empty_title"));
        secondary(tr("measures.detail_empty"));
        return;
    }
    if (detail_shown_ != open) { // a newly opened measure starts at its heading
        ImGui::SetScrollY(0);
        detail_shown_ = open;
    }
    const ms::Measure& m = catalogue_.measures[static_cast<std::size_t>(open)];
    const ms::Taxonomy& t = catalogue_.taxonomy;
    const Language language = ctx.language;
    const char* lang = lang_id(language);
    const float em = ImGui::GetFontSize();

    ImGui::PushTextWrapPos(0.0f);
    ui::heading(ctx.theme.fonts.heading, m.name.in(lang).c_str());
    // Status and phases as tags with words.
    if (m.current) {
        const std::string s = std::string("\xE2\x97\x8F ") + tr("measures.current"); // ●
        inline_tag(s.c_str(), ImGui::GetColorU32(colours().tag_ok_background), ImGui::GetColorU32(colours().text_ok));
    } else {
        const std::string s =
            std::string(kDiamond) + " " + trf("measures.historic_until", fmt::arg("date", ms::display_date(m.valid_to)));
        inline_tag(s.c_str(), ImGui::GetColorU32(colours().tag_warning_background), ImGui::GetColorU32(colours().text_warning));
    }
    for (ms::Phase p : m.phases)
        inline_tag(t.phases[static_cast<std::size_t>(p)].in(lang).c_str(), ImGui::GetColorU32(colours().tag_background),
                   ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::NewLine();
    secondary(trf("measures.checked", fmt::arg("date", ms::display_date(m.checked))));
    if (!m.replaced_by.empty()) { // where to go today: the successors, each one click away
        ui::label_text(trf("measures.replaced_by", fmt::arg("measures", names_of(catalogue_, m.replaced_by, lang))).c_str());
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        bool first = true;
        for (const std::string& id : m.replaced_by) { // one button per successor, wrapped to the pane
            const int next = catalogue_.index_of(id);
            if (next < 0) continue;
            const std::string& label = catalogue_.measures[static_cast<std::size_t>(next)].name.in(lang);
            const float w = ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
            if (!first) {
                ImGui::SameLine();
                if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
            }
            first = false;
            ui::push_id(id);
            if (ImGui::SmallButton(label.c_str())) open = next;
            ImGui::PopID();
        }
    }
    ImGui::Dummy(ImVec2(0, 0.2f * em));
    ui::label_text(m.summary.in(lang).c_str());

    draw_fit_section(ctx, m); // the verdict for the chosen case (measure_fit.cpp)

    section(ctx, "measures.section.conditions");
    if (m.conditions.empty()) secondary(tr("measures.no_conditions"));
    for (const ms::Condition& c : m.conditions) {
        if (!fit_.empty()) { // with a case: met, not met, unknown, or no machine check (to check by hand)
            const ms::Verdict v = c.check ? ms::evaluate_check(*c.check, fit_context_) : ms::Verdict::unknown;
            const VerdictLook look = verdict_look(v);
            ui::coloured_line(look.colour, fmt::format("{} {}:", look.icon,
                                                       tr(c.check ? kConditionWords[static_cast<int>(v)]
                                                                  : "measures.cond.unchecked"))
                                               .c_str());
            ImGui::SameLine();
            ui::label_text(c.text.in(lang).c_str());
        } else {
            bullet(c.text.in(lang));
        }
    }

    section(ctx, "measures.section.amounts");
    if (m.amounts.empty()) secondary(tr("measures.no_amounts"));
    for (std::size_t i = 0; i < m.amounts.size(); ++i) {
        const ms::Amount& a = m.amounts[i];
        std::string s = trf("measures.amount_line", fmt::arg("what", a.what.in(lang)),
                            fmt::arg("amount", format_amount(a, language)), fmt::arg("year", a.year));
        if (a.verify) s += std::string(" – ") + tr("measures.unverified");
        if (ms::amount_is_stale(m, i, ctx.today.year())) s += std::string(" – ") + tr("measures.stale");
        bullet(s);
        ImGui::Indent(1.4f * em);
        if (!a.stale_reason.nb.empty()) secondary(trf("measures.stale_reason", fmt::arg("reason", a.stale_reason.in(lang))));
        if (!a.source.empty()) secondary(trf("measures.source", fmt::arg("source", a.source)));
        ImGui::Unindent(1.4f * em);
    }

    section(ctx, "measures.section.evidence");
    if (m.evidence.empty()) secondary(tr("measures.no_evidence"));
    for (const ms::Evidence& ev : m.evidence) {
        bullet(ev.text.in(lang));
        ImGui::Indent(1.4f * em);
        if (!ev.caveat.in(lang).empty())
            ui::label_text(trf("measures.caveat", fmt::arg("caveat", ev.caveat.in(lang))).c_str());
        if (!ev.source.empty()) secondary(trf("measures.source", fmt::arg("source", ev.source)));
        ImGui::Unindent(1.4f * em);
    }

    section(ctx, "measures.section.about");
    if (!m.body.in(lang).empty()) {
        ui::label_text(m.body.in(lang).c_str());
        ImGui::Dummy(ImVec2(0, 0.2f * em));
    }
    if (ImGui::BeginTable("measure-facts", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed, 9 * em);
        ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch);
        auto row = [&](const char* key, const std::string& value) {
            if (value.empty()) return;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ui::muted_line(tr(key));
            ImGui::TableNextColumn();
            ui::label_text(value.c_str());
        };
        const ms::Label* provider = ms::Taxonomy::find(t.providers, m.provider);
        row("measures.about.provider", provider ? provider->label.in(lang) : m.provider);
        row("measures.about.applicants", join_labels(t.applicants, m.applicants, language));
        row("measures.about.groups", join_labels(t.target_groups, m.target_groups, language));
        std::string goals;
        for (const std::string& g : m.ia_goals) {
            const ms::Label* l = ms::Taxonomy::find(t.ia_goals, g);
            goals += (goals.empty() ? "" : "\n") + (l ? l->label.in(lang) : g);
        }
        row("measures.about.goals", goals);
        row("measures.about.duration", m.max_duration.in(lang));
        std::string valid;
        const std::string from = ms::display_date(m.valid_from), until = ms::display_date(m.valid_to);
        if (!m.valid_from.empty() && !m.valid_to.empty()) valid = from + " – " + until;
        else if (!m.valid_to.empty())
            valid = trf("measures.valid_until", fmt::arg("date", until));
        else if (!m.valid_from.empty())
            valid = trf("measures.valid_from", fmt::arg("date", from));
        row("measures.about.valid", valid);
        ImGui::EndTable();
    }

    section(ctx, "measures.section.sources");
    for (const ms::Source& s : m.sources) {
        const std::string kind_key = "measures.source_kind." + s.kind;
        std::string line = std::string(tr(kind_key.c_str())) + ": " + s.ref;
        if (s.kind == "report") { // "sintef-ia-2013 tabell 9.1" -> and the report it names
            const std::string_view title = ms::report_title(std::string_view(s.ref).substr(0, s.ref.find(' ')));
            if (!title.empty()) line += " (" + std::string(title) + ")";
        }
        if (!s.note.empty()) line += " – " + s.note;
        bullet(line);
    }
    if (!m.verify.empty()) {
        section(ctx, "measures.section.verify");
        for (const std::string& v : m.verify) bullet(v);
    }
    ImGui::PopTextWrapPos();
}

} // namespace iadesk::app
