// Innstillinger → Organisasjon: the standard of the næringskode, NAV's sector and the
// bransjeprogram (model.hpp, format 4), with the bransjeprogram NAV's definition gives for the
// code offered as a suggestion (benchmarks.hpp bransjeprogram_for_code; docs/domain.md
// "Comparison with the bransje"). Each choice is one edit (set_organisation).
#include "app/views/settings.hpp"

#include "app/widgets.hpp"

#include "iadesk/benchmarks.hpp"

#include <imgui.h>

namespace iadesk::app {

namespace {

constexpr Sector kSectors[] = {Sector::unset, Sector::statlig, Sector::kommunal, Sector::privat};
constexpr Bransjeprogram kBransjer[] = {Bransjeprogram::none,     Bransjeprogram::barnehager, Bransjeprogram::naeringsmiddelindustri,
                                        Bransjeprogram::sykehus,  Bransjeprogram::sykehjem,   Bransjeprogram::transport,
                                        Bransjeprogram::bygg,     Bransjeprogram::anlegg};

} // namespace

void SettingsView::draw_classification(ViewContext& ctx) {
    const Document& doc = ctx.doc;
    const Organisation& current = doc.data.organisation;
    const bool editable = ctx.can_edit(EditArea::organisation);
    const auto apply = [&](Organisation org) {
        CommandResult r = set_organisation(doc.data, std::move(org));
        if (r.ok()) ctx.commands.push_back(std::move(*r.command));
    };
    ImGui::BeginDisabled(!editable);
    ui::text(tr("settings.naeringskode_standard"));
    int standard = current.naeringskode_standard == IndustryStandard::sn2025 ? 1 : 0;
    bool changed = ImGui::RadioButton("SN2007##org-standard", &standard, 0);
    ImGui::SameLine();
    changed |= ImGui::RadioButton("SN2025##org-standard", &standard, 1);
    if (changed) {
        Organisation org = current;
        org.naeringskode_standard = standard == 1 ? IndustryStandard::sn2025 : IndustryStandard::sn2007;
        apply(std::move(org));
    }

    ui::text(tr("settings.sector"));
    ImGui::SetNextItemWidth(24 * ImGui::GetFontSize());
    if (ui::begin_combo("##org-sector", tr(sector_label_key(current.sector).c_str()))) {
        for (Sector s : kSectors)
            if (ImGui::Selectable(tr(sector_label_key(s).c_str()), s == current.sector) && s != current.sector) {
                Organisation org = current;
                org.sector = s;
                apply(std::move(org));
            }
        ImGui::EndCombo();
    }
    ui::muted_line(tr("settings.sector_help"));

    ui::text(tr("settings.bransjeprogram"));
    ImGui::SetNextItemWidth(24 * ImGui::GetFontSize());
    if (ui::begin_combo("##org-bransjeprogram", tr(bransjeprogram_label_key(current.bransjeprogram).c_str()))) {
        for (Bransjeprogram b : kBransjer)
            if (ImGui::Selectable(tr(bransjeprogram_label_key(b).c_str()), b == current.bransjeprogram) && b != current.bransjeprogram) {
                Organisation org = current;
                org.bransjeprogram = b;
                apply(std::move(org));
            }
        ImGui::EndCombo();
    }
    // NAV's bransje for the code, when it differs from the choice: offered, never imposed.
    const Bransjeprogram suggested = bransjeprogram_for_code(current.naeringskode, current.naeringskode_standard);
    if (suggested != Bransjeprogram::none && suggested != current.bransjeprogram) {
        ui::text(tr("settings.bransjeprogram_suggested"));
        ImGui::SameLine();
        ui::text(tr(bransjeprogram_label_key(suggested).c_str()));
        ImGui::SameLine();
        if (ImGui::Button(tr("settings.bransjeprogram_use"))) {
            Organisation org = current;
            org.bransjeprogram = suggested;
            apply(std::move(org));
        }
    }
    ui::muted_line(tr("settings.bransjeprogram_help"));
    ImGui::EndDisabled();
}

} // namespace iadesk::app
