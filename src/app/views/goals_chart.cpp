#include "app/views/goals_chart.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"
#include <imgui.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace iadesk::app {
namespace {

bool english(const ViewContext& ctx) { return ctx.language == Language::en; }
std::string number_text(double v, const ViewContext& ctx) { return format_decimal(v, 1, ctx.language); }

} // namespace

void chart(const ViewContext& ctx, const GoalEvaluation& e) {
    const Goal& g = *e.goal;
    std::vector<std::pair<double, double>> pts;
    for (const MetricPoint& p : e.series)
        if (p.value) pts.emplace_back(quarter_index(p.period), *p.value);
    if (pts.empty() && !e.baseline) return;
    const float em = ImGui::GetFontSize();
    const ImVec2 size(std::min(ImGui::GetContentRegionAvail().x, 34 * em), 8 * em);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("chart", size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    double x0 = pts.empty() ? 0 : pts.front().first, x1 = pts.empty() ? 1 : pts.back().first;
    if (e.projection) x1 = std::max(x1, quarter_index(e.projection->final_period));
    if (x1 - x0 < 1) x1 = x0 + 1;
    double y0 = 1e9, y1 = -1e9;
    auto grow = [&](double v) { y0 = std::min(y0, v); y1 = std::max(y1, v); };
    for (const auto& p : pts) grow(p.second);
    if (e.baseline) grow(*e.baseline);
    if (e.target) grow(*e.target);
    if (e.projection) grow(e.projection->value);
    if (y1 - y0 < 1) { y0 -= 0.5; y1 += 0.5; }
    const double pad = (y1 - y0) * 0.12;
    y0 -= pad;
    y1 += pad;
    const float left = origin.x + 3.2f * em, right = origin.x + size.x - 0.5f * em;
    const float top = origin.y + 0.4f * em, bottom = origin.y + size.y - 1.4f * em;
    auto X = [&](double x) { return left + static_cast<float>((x - x0) / (x1 - x0)) * (right - left); };
    auto Y = [&](double y) { return bottom - static_cast<float>((y - y0) / (y1 - y0)) * (bottom - top); };
    // The theme's colours (theme.hpp): labels in text colours, readable on the plot (a card) and the page.
    const SemanticColours& c = colours();
    const ImU32 text = ImGui::GetColorU32(c.text_muted);
    dl->AddRectFilled(ImVec2(left, top), ImVec2(right, bottom), ImGui::GetColorU32(c.card_background));
    dl->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), text);
    auto hline = [&](double v, ImU32 col, const std::string& label, bool dashed) {
        const float y = Y(v);
        if (dashed)
            for (float x = left; x < right; x += 0.8f * em) dl->AddLine(ImVec2(x, y), ImVec2(std::min(x + 0.45f * em, right), y), col, 1.5f);
        else
            dl->AddLine(ImVec2(left, y), ImVec2(right, y), col, 1.5f);
        dl->AddText(ImVec2(right - ImGui::CalcTextSize(label.c_str()).x - 0.2f * em, y - 1.15f * em), col, label.c_str());
    };
    const bool pct = g.metric != GoalMetric::recorded;
    auto fmt = [&](double v) { return number_text(v, ctx) + (pct ? " %" : ""); };
    if (e.baseline) hline(*e.baseline, text, std::string(tr("goals.baseline")) + " " + fmt(*e.baseline), true);
    if (e.target) hline(*e.target, ImGui::GetColorU32(c.text_ok), std::string(tr("goals.target")) + " " + fmt(*e.target), false);
    // The y axis: the lowest and highest value.
    dl->AddText(ImVec2(origin.x, top), text, fmt(y1 - pad).c_str());
    dl->AddText(ImVec2(origin.x, bottom - em), text, fmt(y0 + pad).c_str());
    const ImU32 line = ImGui::GetColorU32(c.tag_upcoming);
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const ImVec2 p(X(pts[i].first), Y(pts[i].second));
        if (i) dl->AddLine(ImVec2(X(pts[i - 1].first), Y(pts[i - 1].second)), p, line, 2.0f);
        dl->AddCircleFilled(p, 0.22f * em, line);
    }
    if (e.projection && e.current && e.current_period) {
        const double xc = quarter_index(*e.current_period);
        const double xf = quarter_index(e.projection->final_period);
        const ImVec2 a(X(xc), Y(*e.current)), b(X(xf), Y(e.projection->value));
        const ImU32 col = ImGui::GetColorU32(c.tag_due_soon);
        const float len = std::hypot(b.x - a.x, b.y - a.y);
        for (float t = 0; t < len; t += 0.8f * em) {
            const float u0 = t / len, u1 = std::min(1.0f, (t + 0.45f * em) / len);
            dl->AddLine(ImVec2(a.x + (b.x - a.x) * u0, a.y + (b.y - a.y) * u0), ImVec2(a.x + (b.x - a.x) * u1, a.y + (b.y - a.y) * u1), col, 2.0f);
        }
        dl->AddCircle(b, 0.3f * em, col, 0, 2.0f);
    }
    // Withheld quarters (stats.hpp masking): a hollow grey mark on the axis, never a value.
    bool any_masked = false;
    for (const MetricPoint& p : e.series) {
        if (!p.masked) continue;
        any_masked = true;
        const double x = quarter_index(p.period);
        if (x < x0 || x > x1) continue;
        dl->AddCircle(ImVec2(X(x), bottom - 0.3f * em), 0.22f * em, text, 0, 1.5f);
    }
    // The x axis: first and last period.
    if (!e.series.empty()) {
        const std::string first = period_label(e.series.front().period, english(ctx));
        dl->AddText(ImVec2(left, bottom + 0.2f * em), text, first.c_str());
        const std::string last = e.projection ? period_label(e.projection->final_period, english(ctx))
                                              : period_label(e.series.back().period, english(ctx));
        dl->AddText(ImVec2(right - ImGui::CalcTextSize(last.c_str()).x, bottom + 0.2f * em), text, last.c_str());
    }
    if (any_masked) ui::muted_line(tr("goals.chart_masked"));
}

} // namespace iadesk::app
