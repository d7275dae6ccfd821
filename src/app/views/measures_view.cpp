#include "app/views/measures_view.hpp"

#include "iadesk/plan_commands.hpp"
#include "iadesk/plans.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h> // RenderTextEllipsis, ScrollToItem

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace iadesk::app {
namespace ms = iadesk::measures;

namespace {

// Colours of the verdicts and tags; every one is paired with an icon and a word (UX.md).
const ImVec4 kGreen(0.10f, 0.48f, 0.22f, 1);
const ImVec4 kRed(0.70f, 0.10f, 0.10f, 1);
const ImVec4 kAmber(0.60f, 0.36f, 0.00f, 1);
const ImVec4 kAccent(0.15f, 0.40f, 0.80f, 1);
const char* const kCheck = "\xE2\x9C\x93"; // ✓
const char* const kCross = "\xE2\x9C\x97"; // ✗
const char* const kDiamond = "\xE2\x97\x87"; // ◇

const char* lang_id(Language l) { return l == Language::en ? "en" : "nb"; }

std::string fmt(const char* pattern, const char* a) {
    char buf[512];
    std::snprintf(buf, sizeof buf, pattern, a);
    return buf;
}

// Whole calendar months from `start` through `today` inclusive (as `iadesk measures suggest FILE`).
int whole_months(Date start, Date today) {
    const Date end = today + 1;
    int m = (end.year() - start.year()) * 12 + (end.month() - start.month());
    if (end.day() < start.day()) --m;
    return m < 0 ? 0 : m;
}

// What the document says about an employee's case today: week, grade, months, employment, the
// organisation's BHT/IA flags, and the plan when an "oppfolgingsplan" event is recorded.
ms::EligibilityContext context_for(const ViewContext& ctx, const std::string& employee_id) {
    const Dataset& data = ctx.data();
    ms::EligibilityContext c;
    c.today = format_iso(ctx.today);
    c.has_bht = data.organisation.own_bht;
    c.ia_member = data.organisation.ia_agreement;
    if (auto it = ctx.derived.employee_index.find(employee_id); it != ctx.derived.employee_index.end())
        c.has_employer = position_share_on(data.employees[static_cast<std::size_t>(it->second)], ctx.today) > 0.0;
    const CaseSchedule* s = ctx.derived.schedule_of(employee_id);
    c.sick_listed = s != nullptr;
    if (s && s->sickness_case) {
        const SicknessCase& sc = *s->sickness_case;
        c.case_week = sc.week_on(ctx.today);
        c.grade = grade_on(sc, data, ctx.today);
        c.months_sick = whole_months(sc.start, ctx.today);
        for (const MilestoneEvent& ev : data.milestone_events)
            if (ev.employee == employee_id && ev.case_start == sc.start && ev.milestone == "oppfolgingsplan")
                c.has_followup_plan = ev.status == EventStatus::done;
    }
    return c;
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

// A small rounded tag with a word in it, drawn at `pos`; returns its width.
float draw_tag(ImDrawList* dl, ImVec2 pos, const char* text, ImU32 bg, ImU32 fg) {
    const float em = ImGui::GetFontSize();
    const ImVec2 ts = ImGui::CalcTextSize(text);
    const ImVec2 pad(0.45f * em, 0.12f * em);
    dl->AddRectFilled(pos, ImVec2(pos.x + ts.x + 2 * pad.x, pos.y + ts.y + 2 * pad.y), bg, 0.3f * em);
    dl->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), fg, text);
    return ts.x + 2 * pad.x;
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

void bullet(const std::string& text) {
    ImGui::Bullet();
    ImGui::SameLine();
    ui::label_text(text.c_str());
}

void secondary(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ui::label_text(text.c_str());
    ImGui::PopStyleColor();
}

void section(const ViewContext& ctx, const char* key) {
    ImGui::Dummy(ImVec2(0, 0.4f * ImGui::GetFontSize()));
    ui::heading(ctx.theme.fonts.title, tr(key));
}

struct VerdictLook {
    const char* icon;
    const char* word_key;
    ImVec4 colour;
};
VerdictLook verdict_look(ms::Verdict v) {
    switch (v) {
    case ms::Verdict::eligible: return {kCheck, "measures.fit.yes", kGreen};
    case ms::Verdict::not_eligible: return {kCross, "measures.fit.no", kRed};
    case ms::Verdict::unknown: return {"?", "measures.fit.unknown", kAmber};
    }
    return {"?", "measures.fit.unknown", kAmber};
}

// Short chip label of an IA goal: "Delmål 2a" for the 2010-2013 sub-goals, the aim itself for
// the 2019 agreement ("mindre frafall fra arbeidslivet").
std::string short_goal(const std::string& label) {
    const std::size_t colon = label.find(": ");
    if (colon == std::string::npos) return label;
    if (label.rfind("Delmål", 0) == 0 || label.rfind("Sub-goal", 0) == 0) return label.substr(0, colon);
    return label.substr(colon + 2);
}

// A filter chip: a toggle button with a check mark when on (never colour alone). Wraps to a new
// line at `indent` (window coordinates) when it does not fit.
bool chip(const std::string& text, const std::string& id, bool on, float indent, bool first) {
    const float em = ImGui::GetFontSize();
    const std::string label = (on ? std::string(kCheck) + " " : std::string()) + text + "###" + id;
    const float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
    if (!first) {
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        if (ImGui::GetItemRectMax().x + 0.4f * em + w <= right) ImGui::SameLine(0, 0.4f * em);
        else ImGui::SetCursorPosX(indent);
    }
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 0.9f * em);
    if (on) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.84f, 0.90f, 0.98f, 1));
        ImGui::PushStyleColor(ImGuiCol_Border, kAccent);
    } else {
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(1, 1, 1, 1));
        ImGui::PushStyleColor(ImGuiCol_Border, ImGui::GetStyleColorVec4(ImGuiCol_Border));
    }
    const bool clicked = ImGui::Button(label.c_str());
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
    return clicked;
}

// A row of chips under a label: label in a fixed column, chips after it.
struct ChipRow {
    float indent;
    bool first = true;
    ChipRow(const char* label, float label_em) {
        const float em = ImGui::GetFontSize();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", label);
        probe::note_text(label);
        ImGui::SameLine(label_em * em);
        indent = label_em * em;
    }
    bool add(const std::string& text, const std::string& id, bool on) {
        const bool c = chip(text, id, on, indent, first);
        first = false;
        return c;
    }
};

int search_callback(ImGuiInputTextCallbackData* data) {
    auto* view = static_cast<MeasuresView*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        view->query.resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = view->query.data();
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackHistory) {
        const int n = static_cast<int>(view->results().size());
        if (data->EventKey == ImGuiKey_DownArrow) view->cursor = std::min(view->cursor + 1, std::max(0, n - 1));
        if (data->EventKey == ImGuiKey_UpArrow) view->cursor = std::max(view->cursor - 1, 0);
    }
    return 0;
}

} // namespace

void MeasuresView::ensure_loaded() {
    if (loaded_) return;
    catalogue_ = ms::builtin_catalogue();
    index_ = ms::MeasureIndex(catalogue_); // built once; positions, so it survives moves
    for (const ms::Label& g : catalogue_.taxonomy.ia_goals) {
        goal_short_nb_.push_back(short_goal(g.label.nb));
        goal_short_en_.push_back(short_goal(g.label.in("en")));
    }
    loaded_ = true;
}

void MeasuresView::refresh_hits() {
    hits_ = index_.search(query, filter);
    hits_dirty_ = false;
    cursor = 0;
}

void MeasuresView::refresh_fit(const ViewContext& ctx) {
    if (case_employee.empty()) {
        fit_.clear();
        fit_employee_.clear();
        return;
    }
    if (fit_employee_ == case_employee && fit_revision_ == ctx.derived.revision && !fit_.empty()) return;
    fit_context_ = context_for(ctx, case_employee);
    fit_.clear();
    for (const ms::Measure& m : catalogue_.measures) fit_.push_back(ms::evaluate(m, fit_context_));
    fit_employee_ = case_employee;
    fit_revision_ = ctx.derived.revision;
    fit_name_.clear();
    if (auto it = ctx.derived.employee_index.find(case_employee); it != ctx.derived.employee_index.end())
        fit_name_ = ctx.data().employees[static_cast<std::size_t>(it->second)].name;
}

void MeasuresView::draw(ViewContext& ctx) {
    ensure_loaded();
    const int frame = ImGui::GetFrameCount();
    if (frame - last_frame_ > 1) focus_search_ = true; // the page was just shown
    last_frame_ = frame;
    if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_F, false)) focus_search_ = true;
    refresh_fit(ctx);

    ui::heading(ctx.theme.fonts.heading, tr("measures.title"));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ui::label_text(tr("measures.intro"));
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 0.2f * ImGui::GetFontSize()));

    draw_search_row(ctx);
    draw_filters(ctx);
    if (hits_dirty_) refresh_hits();
    cursor = std::clamp(cursor, 0, std::max(0, static_cast<int>(hits_.size()) - 1));

    char count[96];
    std::snprintf(count, sizeof count, tr("measures.count"), static_cast<int>(hits_.size()),
                  static_cast<int>(catalogue_.measures.size()));
    ui::label_text(count);

    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float list_w = std::clamp(avail * 0.42f, std::min(avail, 22 * em), 34 * em);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_WindowBg));
    ImGui::BeginChild("measures-results", ImVec2(list_w, 0), ImGuiChildFlags_None);
    draw_results(ctx);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::SameLine(0, em);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1.2f * em, 1.0f * em));
    ImGui::BeginChild("measures-detail", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    draw_detail(ctx);
    ImGui::EndChild();
}

void MeasuresView::draw_search_row(ViewContext& ctx) {
    const float em = ImGui::GetFontSize();
    const char* label = tr("measures.search");
    ImGui::BeginGroup();
    ImGui::TextUnformatted(label); // labels above fields (UX.md)
    if (focus_search_) {
        ImGui::SetKeyboardFocusHere();
        focus_search_ = false;
    }
    ImGui::SetNextItemWidth(28 * em);
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackHistory |
                                      ImGuiInputTextFlags_EscapeClearsAll;
    const int cursor_before = cursor;
    if (ImGui::InputTextWithHint("##measures-search", tr("measures.search_hint"), query.data(), query.capacity() + 1,
                                 flags, search_callback, this))
        hits_dirty_ = true;
    probe::note_value(query, label);
    if (cursor != cursor_before) scroll_to_cursor_ = true;
    // Enter deactivates a single-line field: that frame, open the highlighted result.
    if (ImGui::IsItemDeactivated() && (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter))) {
        if (hits_dirty_) refresh_hits();
        if (!hits_.empty()) {
            open = hits_[static_cast<std::size_t>(std::clamp(cursor, 0, static_cast<int>(hits_.size()) - 1))].measure;
            scroll_to_cursor_ = true;
        }
    }
    ImGui::TextDisabled("%s", tr("measures.keys_help"));
    ImGui::EndGroup();

    // Whose case the cards are checked against.
    ImGui::SameLine(0, 2 * em);
    ImGui::BeginGroup();
    const char* case_label = tr("measures.case_for");
    ImGui::TextUnformatted(case_label);
    ImGui::SetNextItemWidth(20 * em);
    const Dataset& data = ctx.data();
    std::string current = tr("measures.no_case");
    if (!case_employee.empty()) {
        if (auto it = ctx.derived.employee_index.find(case_employee); it != ctx.derived.employee_index.end())
            current = data.employees[static_cast<std::size_t>(it->second)].name;
    }
    if (ImGui::BeginCombo("##measures-case", current.c_str())) {
        if (ImGui::Selectable(tr("measures.no_case"), case_employee.empty())) case_employee.clear();
        std::vector<const OverviewRow*> rows;
        for (const OverviewRow& r : ctx.derived.rows)
            if (r.employee >= 0) rows.push_back(&r);
        std::sort(rows.begin(), rows.end(), [&](const OverviewRow* a, const OverviewRow* b) {
            return data.employees[static_cast<std::size_t>(a->employee)].name <
                   data.employees[static_cast<std::size_t>(b->employee)].name;
        });
        for (const OverviewRow* r : rows) {
            const Employee& e = data.employees[static_cast<std::size_t>(r->employee)];
            char entry[256];
            std::snprintf(entry, sizeof entry, tr("measures.case_entry"), e.name.c_str(), r->week, r->grade);
            ImGui::PushID(e.id.c_str());
            if (ImGui::Selectable(entry, case_employee == e.id)) case_employee = e.id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    } else {
        probe::note_value(current, case_label);
    }
    if (!case_employee.empty()) {
        refresh_fit(ctx);
        if (fit_context_.case_week && fit_context_.grade) {
            char line[160];
            std::snprintf(line, sizeof line, tr("measures.fit.context"), *fit_context_.case_week, *fit_context_.grade,
                          fit_context_.months_sick.value_or(0));
            ImGui::TextDisabled("%s", line);
            probe::note_text(line);
        } else {
            ImGui::TextDisabled("%s", tr("measures.fit.not_sick"));
            probe::note_text(tr("measures.fit.not_sick"));
        }
    }
    ImGui::EndGroup();
}

void MeasuresView::draw_filters(const ViewContext& ctx) {
    const ms::Taxonomy& t = catalogue_.taxonomy;
    const char* lang = lang_id(ctx.language);
    const float label_em = 7.5f;
    ImGui::Dummy(ImVec2(0, 0.1f * ImGui::GetFontSize()));
    {
        ChipRow row(tr("measures.filter.phase"), label_em);
        for (int i = 0; i < ms::kPhaseCount; ++i) {
            const auto p = static_cast<ms::Phase>(i);
            const bool on = filter.phase == p;
            if (row.add(t.phases[static_cast<std::size_t>(i)].in(lang), "phase-" + std::string(ms::phase_id(p)), on)) {
                filter.phase = on ? std::nullopt : std::optional<ms::Phase>(p);
                hits_dirty_ = true;
            }
        }
    }
    {
        ChipRow row(tr("measures.filter.validity"), label_em);
        const bool cur = filter.validity == ms::Validity::current_only;
        const bool his = filter.validity == ms::Validity::historic_only;
        if (row.add(tr("measures.filter.current"), "valid-current", cur)) {
            filter.validity = cur ? ms::Validity::any : ms::Validity::current_only;
            hits_dirty_ = true;
        }
        if (row.add(tr("measures.filter.historic"), "valid-historic", his)) {
            filter.validity = his ? ms::Validity::any : ms::Validity::historic_only;
            hits_dirty_ = true;
        }
        const int hidden_active = (filter.ia_goal.empty() ? 0 : 1) + (filter.provider.empty() ? 0 : 1) +
                                  (filter.target_group.empty() ? 0 : 1);
        std::string more = tr(more_filters ? "measures.fewer_filters" : "measures.more_filters");
        if (hidden_active > 0) {
            char n[64];
            std::snprintf(n, sizeof n, tr("measures.active_filters"), hidden_active);
            more += std::string(" ") + n;
        }
        ImGui::SameLine(0, 1.5f * ImGui::GetFontSize());
        if (ImGui::SmallButton((more + "###more-filters").c_str())) more_filters = !more_filters;
        const bool any = filter.phase || filter.validity != ms::Validity::any || hidden_active > 0;
        if (any) {
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("measures.clear_filters"))) {
                filter = {};
                hits_dirty_ = true;
            }
        }
    }
    if (!more_filters) return;
    {
        ChipRow row(tr("measures.filter.goal"), label_em);
        const auto& shorts = ctx.language == Language::en ? goal_short_en_ : goal_short_nb_;
        for (std::size_t i = 0; i < t.ia_goals.size(); ++i) {
            const bool on = filter.ia_goal == t.ia_goals[i].id;
            if (row.add(shorts[i], "goal-" + t.ia_goals[i].id, on)) {
                filter.ia_goal = on ? std::string() : t.ia_goals[i].id;
                hits_dirty_ = true;
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.ia_goals[i].label.in(lang).c_str());
        }
    }
    {
        ChipRow row(tr("measures.filter.provider"), label_em);
        for (const ms::Label& l : t.providers) {
            const bool on = filter.provider == l.id;
            if (row.add(l.label.in(lang), "provider-" + l.id, on)) {
                filter.provider = on ? std::string() : l.id;
                hits_dirty_ = true;
            }
        }
    }
    {
        ChipRow row(tr("measures.filter.group"), label_em);
        for (const ms::Label& l : t.target_groups) {
            const bool on = filter.target_group == l.id;
            if (row.add(l.label.in(lang), "group-" + l.id, on)) {
                filter.target_group = on ? std::string() : l.id;
                hits_dirty_ = true;
            }
        }
    }
}

void MeasuresView::draw_results(const ViewContext& ctx) {
    if (hits_.empty()) {
        // Empty state: say why and what to do.
        const std::string msg = query.empty() ? std::string(tr("measures.no_hits_filter"))
                                              : fmt(tr("measures.no_hits"), query.c_str());
        ui::label_text(msg.c_str());
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    for (std::size_t i = 0; i < hits_.size(); ++i) draw_card(ctx, static_cast<int>(i), hits_[i], width);
    scroll_to_cursor_ = false;
}

void MeasuresView::draw_card(const ViewContext& ctx, int position, const ms::SearchHit& hit, float width) {
    const ms::Measure& m = catalogue_.measures[static_cast<std::size_t>(hit.measure)];
    const char* lang = lang_id(ctx.language);
    const float em = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeight();
    ImFont* title_font = ctx.theme.fonts.title ? ctx.theme.fonts.title : ImGui::GetFont();
    const float title_h = title_font->FontSize;
    const float tag_h = line + 0.24f * em;
    const bool with_fit = !fit_.empty();
    const ImVec2 pad(0.8f * em, 0.6f * em);
    const float height = 2 * pad.y + title_h + 0.3f * em + line + 0.4f * em + tag_h + (with_fit ? 0.4f * em + line : 0);

    ImGui::PushID(m.id.c_str());
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 p1(p0.x + width, p0.y + height);
    const bool is_open = open == hit.measure;
    ImGui::PushStyleColor(ImGuiCol_Header, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, ImVec4(0, 0, 0, 0));
    if (ImGui::Selectable("##card", is_open, 0, ImVec2(width, height))) {
        open = hit.measure;
        cursor = position;
    }
    ImGui::PopStyleColor(3);
    probe::note_value(m.id, m.name.in(lang).c_str()); // tests find the card by the measure's name
    const bool hovered = ImGui::IsItemHovered();
    if (scroll_to_cursor_ && position == cursor) ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
    if (!ImGui::IsItemVisible()) {
        ImGui::PopID();
        return;
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = 0.45f * em;
    const ImU32 bg = is_open ? IM_COL32(232, 240, 252, 255) : hovered ? IM_COL32(244, 247, 252, 255) : IM_COL32(255, 255, 255, 255);
    dl->AddRectFilled(p0, p1, bg, r);
    dl->AddRect(p0, p1, ImGui::GetColorU32(ImGuiCol_Border), r);
    if (is_open) dl->AddRectFilled(p0, ImVec2(p0.x + 0.3f * em, p1.y), ImGui::GetColorU32(kAccent), r, ImDrawFlags_RoundCornersLeft);
    if (position == cursor && !query.empty()) // the result Enter opens
        dl->AddRect(ImVec2(p0.x - 1, p0.y - 1), ImVec2(p1.x + 1, p1.y + 1), ImGui::GetColorU32(kAccent), r, 0, 2.0f);

    const float x = p0.x + pad.x;
    const float right = p1.x - pad.x;
    float y = p0.y + pad.y;
    const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    // Name (semibold), one-line summary.
    ImGui::PushFont(title_font);
    const std::string& name = m.name.in(lang);
    ImGui::RenderTextEllipsis(dl, ImVec2(x, y), ImVec2(right, y + title_h), right, right, name.c_str(), nullptr, nullptr);
    ImGui::PopFont();
    y += title_h + 0.3f * em;
    const std::string& summary = m.summary.in(lang);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::RenderTextEllipsis(dl, ImVec2(x, y), ImVec2(right, y + line), right, right, summary.c_str(), nullptr, nullptr);
    ImGui::PopStyleColor();
    y += line + 0.4f * em;
    // Tags: historic first, then the phases; "+N" when they do not fit.
    float tx = x;
    const ImU32 tag_bg = IM_COL32(236, 239, 244, 255);
    if (!m.current) {
        const std::string h = std::string(kDiamond) + " " + tr("measures.historic");
        tx += draw_tag(dl, ImVec2(tx, y), h.c_str(), IM_COL32(252, 241, 222, 255), ImGui::GetColorU32(kAmber)) + 0.35f * em;
    }
    const ms::Taxonomy& t = catalogue_.taxonomy;
    for (std::size_t i = 0; i < m.phases.size(); ++i) {
        const std::string& label = t.phases[static_cast<std::size_t>(m.phases[i])].in(lang);
        const float w = ImGui::CalcTextSize(label.c_str()).x + 0.9f * em;
        const float more_w = ImGui::CalcTextSize("+9").x + 0.9f * em + 0.35f * em;
        const bool last = i + 1 == m.phases.size();
        if (tx + w + (last ? 0 : more_w) > right) {
            char more[16];
            std::snprintf(more, sizeof more, "+%d", static_cast<int>(m.phases.size() - i));
            draw_tag(dl, ImVec2(tx, y), more, tag_bg, dim);
            break;
        }
        tx += draw_tag(dl, ImVec2(tx, y), label.c_str(), tag_bg, dim) + 0.35f * em;
    }
    y += tag_h + 0.4f * em;
    // "Passer for Kari Nordmann: ja" / "nei – Krever: ..." / "må avklares – Mangler opplysning: ..."
    if (with_fit) {
        const ms::Eligibility& e = fit_[static_cast<std::size_t>(hit.measure)];
        const VerdictLook look = verdict_look(e.verdict);
        std::string s = std::string(look.icon) + " " + fmt(tr("measures.fits_for"), fit_name_.c_str()) + " " + tr(look.word_key);
        if (!e.reasons.empty()) s += " (" + e.reasons.front().in(lang) + ")";
        ImGui::PushStyleColor(ImGuiCol_Text, look.colour);
        ImGui::RenderTextEllipsis(dl, ImVec2(x, y), ImVec2(right, y + line), right, right, s.c_str(), nullptr, nullptr);
        ImGui::PopStyleColor();
    }
    ImGui::PopID();
}

// "Legg til i oppfølgingsplan": the measure goes into the draft of the chosen employee's plan as a
// measure with help from NAV or the health services, linked to the catalogue (issue 6 §6, issue 4).
void MeasuresView::draw_add_to_plan(const ViewContext& ctx, const ms::Measure& m) {
    const CaseSchedule* sched = ctx.derived.schedule_of(case_employee);
    if (!sched) return;
    const Plan* plan = find_plan(ctx.doc.data, case_employee, sched->sickness_case->start);
    const PlanVersion* draft = plan ? plan->current() : nullptr;
    if (!draft || draft->agreed()) {
        secondary(tr(draft ? "measures.plan_agreed" : "measures.plan_missing"));
        return;
    }
    const bool already = std::any_of(draft->content.help_measures.begin(), draft->content.help_measures.end(),
                                     [&](const HelpMeasure& h) { return h.measure_id == m.id; });
    if (already) {
        secondary(tr("measures.plan_has_it"));
        return;
    }
    auto who = ctx.derived.employee_index.find(case_employee);
    if (who == ctx.derived.employee_index.end() ||
        !ctx.can_edit(EditArea::plans, ctx.data().employees[static_cast<std::size_t>(who->second)].unit))
        return;
    if (ImGui::Button(tr("measures.add_to_plan"))) {
        PlanContent content = draft->content;
        content.help_measures.push_back({m.name.in("nb"), m.id});
        ctx.submit(edit_plan_draft(ctx.doc.data, plan->id, std::move(content), ctx.today));
    }
}

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
        inline_tag(s.c_str(), IM_COL32(225, 243, 230, 255), ImGui::GetColorU32(kGreen));
    } else {
        const std::string s = std::string(kDiamond) + " " + fmt(tr("measures.historic_until"), m.valid_to.c_str());
        inline_tag(s.c_str(), IM_COL32(252, 241, 222, 255), ImGui::GetColorU32(kAmber));
    }
    for (ms::Phase p : m.phases)
        inline_tag(t.phases[static_cast<std::size_t>(p)].in(lang).c_str(), IM_COL32(236, 239, 244, 255),
                   ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::NewLine();
    ImGui::Dummy(ImVec2(0, 0.2f * em));
    ui::label_text(m.summary.in(lang).c_str());

    // Fit for the chosen case.
    if (!fit_.empty()) {
        const ms::Eligibility& e = fit_[static_cast<std::size_t>(open)];
        const VerdictLook look = verdict_look(e.verdict);
        section(ctx, "measures.section.fit");
        std::string s = std::string(look.icon) + " " + fmt(tr("measures.fits_for"), fit_name_.c_str()) + " " + tr(look.word_key);
        ImGui::PushStyleColor(ImGuiCol_Text, look.colour);
        ui::label_text(s.c_str());
        ImGui::PopStyleColor();
        for (const ms::Text& r : e.reasons) bullet(r.in(lang));
        draw_add_to_plan(ctx, m);
    }

    section(ctx, "measures.section.conditions");
    if (m.conditions.empty()) secondary(tr("measures.no_conditions"));
    for (const ms::Condition& c : m.conditions) {
        if (!fit_.empty() && c.check) {
            static const char* const words[] = {"measures.cond.met", "measures.cond.not_met", "measures.cond.unknown"};
            const ms::Verdict v = ms::evaluate_check(*c.check, fit_context_);
            const VerdictLook look = verdict_look(v);
            ImGui::TextColored(look.colour, "%s %s:", look.icon, tr(words[static_cast<int>(v)]));
            ImGui::SameLine();
            ui::label_text(c.text.in(lang).c_str());
        } else {
            bullet(c.text.in(lang));
        }
    }

    section(ctx, "measures.section.amounts");
    if (m.amounts.empty()) secondary(tr("measures.no_amounts"));
    for (const ms::Amount& a : m.amounts) {
        char buf[512];
        std::snprintf(buf, sizeof buf, tr("measures.amount_line"), a.what.in(lang).c_str(),
                      format_amount(a, language).c_str(), a.year);
        std::string s = buf;
        if (a.verify) s += std::string(" – ") + tr("measures.unverified");
        bullet(s);
        if (!a.source.empty()) {
            ImGui::Indent(1.4f * em);
            secondary(fmt(tr("measures.source"), a.source.c_str()));
            ImGui::Unindent(1.4f * em);
        }
    }

    section(ctx, "measures.section.evidence");
    if (m.evidence.empty()) secondary(tr("measures.no_evidence"));
    for (const ms::Evidence& ev : m.evidence) {
        bullet(ev.text.in(lang));
        ImGui::Indent(1.4f * em);
        if (!ev.caveat.in(lang).empty()) ui::label_text(fmt(tr("measures.caveat"), ev.caveat.in(lang).c_str()).c_str());
        if (!ev.source.empty()) secondary(fmt(tr("measures.source"), ev.source.c_str()));
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
            ImGui::TextDisabled("%s", tr(key));
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
        if (!m.valid_from.empty() && !m.valid_to.empty()) valid = m.valid_from + " – " + m.valid_to;
        else if (!m.valid_to.empty()) valid = fmt(tr("measures.valid_until"), m.valid_to.c_str());
        else if (!m.valid_from.empty()) valid = fmt(tr("measures.valid_from"), m.valid_from.c_str());
        row("measures.about.valid", valid);
        ImGui::EndTable();
    }

    section(ctx, "measures.section.sources");
    for (const ms::Source& s : m.sources) {
        const std::string kind_key = "measures.source_kind." + s.kind;
        std::string line = std::string(tr(kind_key.c_str())) + ": " + s.ref;
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
