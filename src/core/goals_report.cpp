// goals_report: the IA action plan and the half-year report as printable HTML (goals.hpp): one A4
// page width, semantic headings (h1 report, h2 section, h3 goal), tables with header rows that
// repeat on every printed page, no scripts, no external resources. Deterministic for a given
// dataset and date (golden files in tests/golden/).
#include "iadesk/goals.hpp"

#include "iadesk/stats.hpp"

#include "html_page.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace iadesk {
namespace {

std::string esc(std::string_view s) { return detail_html::escape(s); }

std::string pct(double v) { return format_percent_nb(round_percent(v)); }
std::string frac(double f) { return format_percent_nb(round_percent(f * 100.0)); }
std::string date_nb(const std::optional<Date>& d) { return d ? format_norwegian(*d) : std::string("–"); }

std::string number_nb(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", round_percent(v));
    std::string s = buf;
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

const char* kStyle =
    "@page { size: A4; margin: 18mm 16mm 20mm 16mm; }\n"
    "* { box-sizing: border-box; }\n"
    "body { font-family: \"Inter\", \"Segoe UI\", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1a1a1a;"
    " max-width: 178mm; margin: 0 auto; }\n"
    "h1 { font-size: 18pt; margin: 0 0 2mm; }\n"
    "h2 { font-size: 13pt; margin: 8mm 0 2mm; border-bottom: 1.5pt solid #1a1a1a; padding-bottom: 1mm; }\n"
    "h3 { font-size: 11pt; margin: 5mm 0 1mm; }\n"
    "p.meta, p.duty, p.note { color: #444; margin: 0 0 2mm; }\n"
    "dl { display: grid; grid-template-columns: 32mm 1fr; gap: 0.5mm 4mm; margin: 0 0 2mm; }\n"
    "dt { font-weight: 600; } dd { margin: 0; }\n"
    "table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; }\n"
    "caption { text-align: left; font-weight: 600; padding-bottom: 1mm; }\n"
    "th, td { text-align: left; vertical-align: top; padding: 1mm 2mm; border-bottom: 0.5pt solid #999; }\n"
    "thead { display: table-header-group; } th { border-bottom: 1pt solid #1a1a1a; }\n"
    "tr, dl, article { break-inside: avoid; page-break-inside: avoid; }\n"
    "h2, h3 { break-after: avoid; page-break-after: avoid; }\n"
    ".warning { font-weight: 600; }\n"
    "footer { margin-top: 8mm; font-size: 8.5pt; color: #555; border-top: 0.5pt solid #999; padding-top: 2mm; }\n"
    "@media screen { body { margin: 12mm auto; padding: 0 8mm; } }\n";

std::string head(const std::string& title) { return detail_html::page_head(title, kStyle); }

// Status as a word (never colour alone), with a symbol.
std::string status_text(GoalStatus s) {
    switch (s) {
    case GoalStatus::reached: return "\xE2\x9C\x93 nådd";       // ✓
    case GoalStatus::on_track: return "\xE2\x86\x92 i rute";    // →
    case GoalStatus::at_risk: return "! risiko";
    case GoalStatus::behind: return "\xE2\x9A\xA0 etter";       // ⚠
    case GoalStatus::unknown: return "? ukjent";
    }
    return "";
}

std::string metric_text(const Dataset& ds, const Goal& g) {
    if (g.metric == GoalMetric::recorded) return esc(g.metric_name) + " (registrert)";
    const std::string what = g.metric == GoalMetric::dropout ? "Frafall til uføretrygd og AAP" : "Sykefravær";
    if (g.units.empty()) return what + ", hele virksomheten";
    std::string s = what + ", ";
    for (std::size_t i = 0; i < g.units.size(); ++i) {
        std::string name = g.units[i];
        for (const Unit& u : ds.units)
            if (u.id == g.units[i]) name = u.name;
        s += (i ? ", " : "") + esc(name);
    }
    return s;
}

std::string value_text(const Goal& g, std::optional<double> v) {
    if (!v) return "–";
    return g.metric != GoalMetric::recorded ? pct(*v) : number_nb(*v);
}

std::string figure_or_mask(const Goal& g, const GoalEvaluation& e, std::optional<double> v) {
    if (v) return value_text(g, v);
    if (e.no_access) return "ikke tilgang";
    if (e.masked)
        return e.mask_reason == MaskReason::protects_small_group ? "skjermet for å beskytte en liten gruppe" : "skjermet (færre enn 5 ansatte)";
    return "–";
}

void goal_block(std::string& h, const Dataset& ds, const GoalEvaluation& e) {
    const Goal& g = *e.goal;
    h += "<article>\n<h3>" + esc(g.id) + " – " + esc(g.title) + "</h3>\n";
    if (!g.description.empty()) h += "<p>" + esc(g.description) + "</p>\n";
    h += "<dl>\n";
    h += "<dt>Type</dt><dd>" + std::string(g.kind == GoalKind::result ? "Resultatmål" : "Aktivitetsmål") + "</dd>\n";
    if (g.kind == GoalKind::result) {
        h += "<dt>Måltall</dt><dd>" + metric_text(ds, g) + "</dd>\n";
        h += "<dt>Utgangspunkt</dt><dd>" + figure_or_mask(g, e, e.baseline) +
             (g.baseline_period ? " (" + period_label(*g.baseline_period, false) + ")" : std::string()) + "</dd>\n";
        std::string target = value_text(g, e.target);
        if (g.target_change) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%+.0f", *g.target_change);
            std::string ch = buf;
            if (ch[0] == '-') ch = "\xE2\x88\x92" + ch.substr(1); // minus sign
            target += " (" + ch + " % fra utgangspunktet)";
        }
        h += "<dt>Mål</dt><dd>" + target + "</dd>\n";
        std::string now = figure_or_mask(g, e, e.current);
        if (e.current_period)
            now += e.current_rolling ? " (siste fire kvartaler til " + period_label(*e.current_period, false) + ")"
                                     : " (" + period_label(*e.current_period, false) + ")";
        h += "<dt>Nå</dt><dd>" + now + "</dd>\n";
        if (e.progress)
            h += "<dt>Fremdrift</dt><dd>" + frac(*e.progress) + " av veien" +
                 (!e.reduction ? std::string()
                  : *e.reduction >= 0 ? ", " + frac(*e.reduction) + " reduksjon" : ", " + frac(-*e.reduction) + " økning") + "</dd>\n";
        if (e.projection)
            h += "<dt>Framskrevet</dt><dd>" + value_text(g, e.projection->value) + " i " +
                 period_label(e.projection->final_period, false) + "</dd>\n";
    } else {
        h += "<dt>Kriterium</dt><dd>" + (g.criterion.empty() ? std::string("–") : esc(g.criterion));
        if (g.criterion_count) h += " (" + std::to_string(*g.criterion_count) + " fullført)";
        if (g.criterion_date) h += " (alt fullført innen " + format_norwegian(*g.criterion_date) + ")";
        h += "</dd>\n";
    }
    if (e.activities_planned > 0)
        h += "<dt>Aktiviteter</dt><dd>" + std::to_string(e.activities_done) + " av " + std::to_string(e.activities_planned) +
             " fullført</dd>\n";
    h += "<dt>Frist</dt><dd>" + date_nb(g.deadline) + "</dd>\n";
    h += "<dt>Status</dt><dd>" + status_text(e.status) + " – " + esc(e.reason.nb) + "</dd>\n";
    if (!e.verifiable) {
        std::string why;
        for (const Flag& f : e.not_verifiable) why += (why.empty() ? "" : ", ") + f.nb;
        h += "<dt>Merknad</dt><dd class=\"warning\">Ikke etterprøvbart: " + esc(why) + "</dd>\n";
    }
    h += "</dl>\n";
    std::vector<const GoalActivity*> acts;
    for (const GoalActivity& a : ds.goal_activities)
        if (a.goal == g.id) acts.push_back(&a);
    if (!acts.empty()) {
        h += "<table>\n<caption>Aktiviteter</caption>\n<thead><tr><th>Aktivitet</th><th>Hvem</th><th>Når</th><th>Status</th></tr></thead>\n<tbody>\n";
        for (const GoalActivity* a : acts)
            h += "<tr><td>" + esc(a->title) + "</td><td>" + esc(a->owner) + "</td><td>" + date_nb(a->planned) + "</td><td>" +
                 to_string(a->status) + (a->done ? " " + format_norwegian(*a->done) : std::string()) + "</td></tr>\n";
        h += "</tbody>\n</table>\n";
    }
    h += "</article>\n";
}

void meetings_block(std::string& h, const GoalsOverview& ov) {
    h += "<section>\n<h2>IA-møter</h2>\n<p class=\"note\">God praksis, ingen lovplikt: minst to møter i året mellom ledelsen og tillitsvalgte med IA som tema.</p>\n";
    h += "<table>\n<thead><tr><th>År</th><th>Holdt</th><th>Planlagt</th><th>Merknad</th></tr></thead>\n<tbody>\n";
    for (const MeetingYear& y : ov.meeting_years) {
        std::string note = y.below_good_practice ? "Under god praksis (to i året)" : "OK";
        if (y.not_counting) note += "; " + std::to_string(y.not_counting) + " møte(r) uten både leder og tillitsvalgt";
        h += "<tr><td>" + std::to_string(y.year) + "</td><td>" + std::to_string(y.held) + "</td><td>" + std::to_string(y.planned) +
             "</td><td>" + note + "</td></tr>\n";
    }
    h += "</tbody>\n</table>\n</section>\n";
}

std::string footer() {
    return "<footer>Laget med iadesk. Sykefravær = tapte dagsverk / mulige dagsverk × 100 (NAV/SSB); grupper under 5 ansatte "
           "vises ikke. Fremdrift = (utgangspunkt − nå) / (utgangspunkt − mål). Kvartal sammenlignes med samme kvartal. "
           "Kilder: IA-avtalen 2010–2013 (delmål), evalueringsrapporten om IA-avtalen (handlingsplaner, halvårsrapportering, "
           "to årlige IA-møter). IA-mål, IA-møter, handlingsplan og halvårsrapport er god praksis som partene velger "
           "selv; siden 2019 finnes verken IA-status eller rapporteringsplikt til NAV.</footer>\n</body>\n</html>\n";
}

// Goals grouped by area in the overview's area order.
template <class F>
void by_area(const GoalsOverview& ov, F&& per_area) {
    for (const AreaSummary& s : ov.areas) {
        std::vector<const GoalEvaluation*> goals;
        for (const GoalEvaluation& e : ov.goals)
            if (e.goal->area == s.area) goals.push_back(&e);
        per_area(s, goals);
    }
}

} // namespace

std::string action_plan_html(const Dataset& ds, const GoalsOverview& ov) {
    std::string h = head("IA-handlingsplan – " + ds.organisation.name);
    h += "<header>\n<h1>IA-handlingsplan</h1>\n<p class=\"meta\">" + esc(ds.organisation.name) + " (org.nr. " +
         esc(ds.organisation.orgnr) + ") · per " + format_norwegian(ov.today) + "</p>\n</header>\n";
    if (ov.goals.empty()) h += "<p>Ingen mål er registrert ennå.</p>\n";
    by_area(ov, [&](const AreaSummary& s, const std::vector<const GoalEvaluation*>& goals) {
        h += "<section>\n<h2>" + esc(area_label(s.area, false)) + "</h2>\n";
        if (const GoalArea* a = find_area(s.area)) h += "<p class=\"duty\">" + esc(a->duty_nb) + "</p>\n";
        for (const GoalEvaluation* e : goals) goal_block(h, ds, *e);
        h += "</section>\n";
    });
    // Timeline: every activity by planned date (who does what, and when).
    std::vector<const GoalActivity*> acts;
    for (const GoalActivity& a : ds.goal_activities) acts.push_back(&a);
    std::stable_sort(acts.begin(), acts.end(), [](const GoalActivity* a, const GoalActivity* b) {
        if (a->planned.has_value() != b->planned.has_value()) return a->planned.has_value();
        return a->planned && *a->planned < *b->planned;
    });
    if (!acts.empty()) {
        h += "<section>\n<h2>Tidsplan og ansvar</h2>\n<table>\n<thead><tr><th>Når</th><th>Aktivitet</th><th>Mål</th><th>Hvem</th>"
             "<th>Status</th></tr></thead>\n<tbody>\n";
        for (const GoalActivity* a : acts)
            h += "<tr><td>" + date_nb(a->planned) + "</td><td>" + esc(a->title) + "</td><td>" + esc(a->goal) + "</td><td>" +
                 esc(a->owner) + "</td><td>" + to_string(a->status) + "</td></tr>\n";
        h += "</tbody>\n</table>\n</section>\n";
    }
    meetings_block(h, ov);
    h += footer();
    return h;
}

std::string half_year_report_html(const Dataset& ds, const GoalsOverview& ov, const HalfYearInput& in) {
    const Date from = Date::from_ymd(in.year, in.half == 2 ? 7 : 1, 1);
    const Date to = in.half == 2 ? Date::from_ymd(in.year, 12, 31) : Date::from_ymd(in.year, 6, 30);
    const std::string period = std::to_string(in.half) + ". halvår " + std::to_string(in.year);
    std::string h = head("Halvårsrapport IA " + period + " – " + ds.organisation.name);
    h += "<header>\n<h1>Halvårsrapport om IA-arbeidet</h1>\n<p class=\"meta\">" + esc(ds.organisation.name) + " · " + period +
         " (" + format_norwegian(from) + "–" + format_norwegian(to) + ") · per " + format_norwegian(ov.today) + "</p>\n";
    // The tillitsvalgt's sign-off covers the texts below (half_year.hpp).
    if (in.signed_off)
        h += "<p class=\"signoff\"><strong>Gjennomgått med tillitsvalgt:</strong> " + esc(in.signed_off->name) + ", " +
             format_norwegian(in.signed_off->date) + "</p>\n";
    else
        h += "<p class=\"signoff warning\">Ikke gjennomgått med tillitsvalgt</p>\n";
    h += "</header>\n";

    h += "<section>\n<h2>1. Viktigste erfaring å dele med andre</h2>\n<p>" +
         (in.key_experience.empty() ? std::string("Ikke fylt ut.") : esc(in.key_experience)) + "</p>\n</section>\n";

    h += "<section>\n<h2>2. Avvik fra plan for aktiviteter og oppfølging</h2>\n";
    if (!in.deviations.empty()) h += "<p>" + esc(in.deviations) + "</p>\n";
    std::unordered_map<std::string_view, const Goal*> goal_of;
    for (const Goal& g : ds.goals) goal_of.emplace(g.id, &g);
    std::string rows;
    for (const GoalActivity& a : ds.goal_activities) {
        if (!a.planned || *a.planned < from || *a.planned > to) continue;
        std::string dev;
        if (a.status == ActivityStatus::avbrutt) dev = "avbrutt";
        else if (a.status != ActivityStatus::fullfort && *a.planned < ov.today) dev = "ikke fullført (" + std::string(to_string(a.status)) + ")";
        else if (a.status == ActivityStatus::fullfort && a.done && *a.done > *a.planned)
            dev = "fullført for sent (" + format_norwegian(*a.done) + ")";
        if (dev.empty()) continue;
        rows += "<tr><td>" + esc(a.title) + "</td><td>" + esc(a.owner) + "</td><td>" + format_norwegian(*a.planned) + "</td><td>" + dev +
                "</td></tr>\n";
    }
    for (const GoalEvaluation& e : ov.goals) {
        if (e.status != GoalStatus::at_risk && e.status != GoalStatus::behind) continue;
        rows += "<tr><td>Mål " + esc(e.goal->id) + ": " + esc(e.goal->title) + "</td><td>–</td><td>" + date_nb(e.goal->deadline) +
                "</td><td>" + status_text(e.status) + " – " + esc(e.reason.nb) + "</td></tr>\n";
    }
    if (rows.empty()) h += "<p>Ingen avvik fra planen i perioden.</p>\n";
    else h += "<table>\n<thead><tr><th>Hva</th><th>Hvem</th><th>Planlagt / frist</th><th>Avvik</th></tr></thead>\n<tbody>\n" + rows +
              "</tbody>\n</table>\n";
    h += "</section>\n";

    h += "<section>\n<h2>3. Særlig vellykket aktivitet</h2>\n";
    const GoalActivity* best = nullptr;
    for (const GoalActivity& a : ds.goal_activities)
        if (a.id == in.successful_activity) best = &a;
    if (best) {
        h += "<p><strong>" + esc(best->title) + "</strong> (" + esc(best->owner) + ")";
        if (auto it = goal_of.find(best->goal); it != goal_of.end()) h += " – mål " + esc(it->second->title);
        h += "</p>\n";
    }
    h += "<p>" + (in.successful_text.empty() ? std::string(best ? "" : "Ikke fylt ut.") : esc(in.successful_text)) + "</p>\n</section>\n";

    h += "<section>\n<h2>Måloppnåelse</h2>\n<table>\n<thead><tr><th>Mål</th><th>Utgangspunkt</th><th>Mål</th><th>Nå</th>"
         "<th>Fremdrift</th><th>Status</th></tr></thead>\n<tbody>\n";
    for (const GoalEvaluation& e : ov.goals) {
        const Goal& g = *e.goal;
        std::string progress = e.progress ? frac(*e.progress)
                               : e.activity_progress ? frac(*e.activity_progress) + " av aktivitetene"
                                                     : std::string("–");
        h += "<tr><td>" + esc(g.id) + " – " + esc(g.title) + "</td><td>" + (g.kind == GoalKind::result ? figure_or_mask(g, e, e.baseline) : "–") +
             "</td><td>" + (g.kind == GoalKind::result ? value_text(g, e.target) : "–") + "</td><td>" +
             (g.kind == GoalKind::result ? figure_or_mask(g, e, e.current) : "–") + "</td><td>" + progress + "</td><td>" +
             status_text(e.status) + "</td></tr>\n";
    }
    h += "</tbody>\n</table>\n</section>\n";

    h += "<section>\n<h2>IA-møter i perioden</h2>\n";
    std::string mrows;
    for (const IaMeeting& m : ds.ia_meetings) {
        if (m.date < from || m.date > to) continue;
        std::string who;
        for (const MeetingAttendee& a : m.attendees) who += (who.empty() ? "" : ", ") + esc(a.name) + " (" + to_string(a.role) + ")";
        std::string dec;
        for (const MeetingDecision& d : m.decisions) dec += (dec.empty() ? "" : "; ") + esc(d.text);
        mrows += "<tr><td>" + format_norwegian(m.date) + "</td><td>" + who + "</td><td>" + (dec.empty() ? "–" : dec) + "</td></tr>\n";
    }
    if (mrows.empty()) h += "<p class=\"note\">Ingen IA-møter i perioden.</p>\n";
    else h += "<table>\n<thead><tr><th>Dato</th><th>Deltakere</th><th>Vedtak</th></tr></thead>\n<tbody>\n" + mrows + "</tbody>\n</table>\n";
    h += "</section>\n";
    h += footer();
    return h;
}

std::string half_year_report_html(const Dataset& ds, const GoalsOverview& ov, int year, int half) {
    for (const HalfYearReport& r : ds.half_year_reports)
        if (r.year == year && r.half == half) return half_year_report_html(ds, ov, r);
    HalfYearInput in;
    in.year = year;
    in.half = half;
    return half_year_report_html(ds, ov, in);
}

} // namespace iadesk
