// plans_output: a plan version as printable HTML, as NAV's FollowUpPlanDTO JSON, and as plain text
// (contract in include/iadesk/plans.hpp; the NAV mapping is documented in docs/plans.md).
#include "iadesk/plans.hpp"

#include "iadesk/measures.hpp"

#include "html_page.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace iadesk {
namespace {

using ojson = nlohmann::ordered_json;

const PlanVersion* pick(const Plan& p, int version) {
    if (p.versions.empty()) return nullptr;
    if (version <= 0) return &p.versions.back();
    for (const PlanVersion& v : p.versions)
        if (v.number == version) return &v;
    return nullptr;
}

const Employee* employee_of(const Dataset& ds, const Plan& p) {
    for (const Employee& e : ds.employees)
        if (e.id == p.employee) return &e;
    return nullptr;
}

std::string unit_name(const Dataset& ds, const Employee* e) {
    if (!e) return {};
    for (const Unit& u : ds.units)
        if (u.id == e->unit) return u.name;
    return e->unit;
}

const measures::Catalogue& catalogue() {
    static const measures::Catalogue c = measures::builtin_catalogue();
    return c;
}

// A help measure's text: the catalogue's name for a linked measure, then ": " and the description,
// unless the description already starts with the name ("Gradert sykmelding 50 %").
std::string help_text(const HelpMeasure& h) {
    std::string name;
    if (!h.measure_id.empty())
        if (const measures::Measure* m = catalogue().find(h.measure_id)) name = m->name.nb;
    if (name.empty()) return h.description;
    if (h.description.empty() || h.description.rfind(name, 0) == 0) return h.description.empty() ? name : h.description;
    return name + ": " + h.description;
}

std::string esc(std::string_view s) { return detail_html::escape(s); }

// Text with line breaks as paragraphs; "Ikke utfylt." when empty.
std::string paragraphs(std::string_view s) {
    if (s.find_first_not_of(" \t\r\n") == std::string_view::npos) return "<p class=\"empty\">Ikke utfylt.</p>\n";
    std::string out;
    std::size_t i = 0;
    while (i <= s.size()) {
        std::size_t j = s.find('\n', i);
        if (j == std::string_view::npos) j = s.size();
        std::string_view line = s.substr(i, j - i);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) out += "<p>" + esc(line) + "</p>\n";
        i = j + 1;
    }
    return out;
}

std::string date_or(const std::optional<Date>& d, const char* none) { return d ? format_norwegian(*d) : none; }

std::string period(const PlanMeasure& m) {
    if (!m.from && !m.to) return "";
    return date_or(m.from, "") + "–" + date_or(m.to, "");
}

std::string task_line(const PlanTask& t) {
    std::string s = t.description;
    if (!t.note.empty()) s += ": " + t.note;
    return s;
}

// Lines joined as a bulleted text ("- a\n- b"); empty when none.
std::string bullets(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) {
        if (!out.empty()) out += '\n';
        out += "- " + l;
    }
    return out;
}

const char* kCss = R"(@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Source Sans 3", "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #1a1a1a; max-width: 174mm; margin: 0 auto; padding: 12mm 0; }
h1 { font-size: 20pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 16pt 0 4pt; border-bottom: 1px solid #8a8a8a; padding-bottom: 2pt; break-after: avoid; }
p { margin: 0 0 6pt; }
p.lead { color: #444; }
p.warning { border: 2px solid #a4002a; padding: 4pt 6pt; font-weight: 600; }
p.empty { color: #666; font-style: italic; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; break-inside: auto; }
th, td { text-align: left; vertical-align: top; border: 1px solid #b5b5b5; padding: 3pt 5pt; }
th { background: #eef1f5; }
tr { break-inside: avoid; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 8pt 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 16pt; margin-top: 12pt; }
.signature { border-top: 1px solid #1a1a1a; padding-top: 3pt; min-height: 18mm; }
footer { margin-top: 16pt; font-size: 9pt; color: #555; }
@media print { body { padding: 0; } a { color: inherit; text-decoration: none; } }
)";

// A print's check line as HTML: a lead paragraph when clean, a warning paragraph with hits.
std::string check_paragraph(const std::vector<DiagnosisHit>& hits) {
    const std::string statement = esc(diagnosis_check_statement_nb(hits));
    return hits.empty() ? "<p class=\"lead\">Etter arbeidsmiljøloven § 4-6. " + statement + "</p>\n"
                        : "<p class=\"lead\">Etter arbeidsmiljøloven § 4-6.</p>\n<p class=\"warning\">" + statement + "</p>\n";
}

} // namespace

std::vector<DiagnosisHit> find_diagnosis_like(const Dataset& ds, const Plan& p, int version) {
    std::vector<DiagnosisHit> out;
    auto scan = [&](const std::string& field, std::string_view text) {
        for (DiagnosisHit h : find_diagnosis_like(text)) {
            h.field = field;
            out.push_back(std::move(h));
        }
    };
    if (const PlanVersion* v = pick(p, version)) {
        out = find_diagnosis_like(v->content);
        for (const std::string& id : v->content.adjustment_options)
            if (const AdjustmentOption* o = find_adjustment_option(ds, id)) scan("adjustment_options/" + id, o->text);
    }
    if (p.exemption) scan("exemption/reason", p.exemption->reason);
    for (std::size_t i = 0; i < p.shares.size(); ++i) scan("shares/" + std::to_string(i) + "/channel", p.shares[i].channel);
    return out;
}

std::string diagnosis_check_statement_nb(const std::vector<DiagnosisHit>& hits) {
    if (hits.empty()) return "Kontrollert for diagnosekoder og diagnoseord: ingen funnet.";
    std::vector<std::string> named; // "diagnosekode «F32» under Arbeidsevne", each once
    for (const DiagnosisHit& h : hits) {
        const std::string part = h.field.substr(0, h.field.find('/'));
        const char* label = field_label_nb(part);
        std::string line = std::string(h.code ? "diagnosekode" : "diagnoseord") + " «" + h.match + "»";
        if (*label) line += std::string(" under ") + label;
        if (std::find(named.begin(), named.end(), line) == named.end()) named.push_back(std::move(line));
    }
    std::string list;
    for (const std::string& n : named) list += (list.empty() ? "" : "; ") + n;
    return "Advarsel: teksten kan inneholde helseopplysninger (" + list +
           "). Arbeidsgiveren skal ikke lagre diagnoser (arbeidsmiljøloven § 4-6, personopplysningsloven og GDPR art. 9).";
}

std::string plan_html(const Dataset& ds, const Plan& p, const PlanOutputOptions& opt) {
    const PlanVersion* v = pick(p, opt.version);
    const Employee* e = employee_of(ds, p);
    const std::string name = e ? e->name : p.employee;
    std::string h;
    h += detail_html::page_head("Oppfølgingsplan – " + name, kCss);
    h += "<header>\n<h1>Oppfølgingsplan</h1>\n";
    h += check_paragraph(find_diagnosis_like(ds, p, opt.version));
    h += "<dl class=\"facts\">\n";
    h += "<dt>Arbeidstaker</dt><dd>" + esc(name) + "</dd>\n";
    h += "<dt>Virksomhet</dt><dd>" + esc(ds.organisation.name) +
         (ds.organisation.orgnr.empty() ? "" : " (org.nr. " + esc(ds.organisation.orgnr) + ")") + "</dd>\n";
    if (e) h += "<dt>Enhet</dt><dd>" + esc(unit_name(ds, e)) + "</dd>\n";
    h += "<dt>Sykefravær fra</dt><dd>" + format_norwegian(p.case_start) + "</dd>\n";
    if (v) {
        h += "<dt>Versjon</dt><dd>" + std::to_string(v->number) + " av " + std::to_string(p.versions.size()) +
             ", laget " + format_norwegian(v->created) + (v->created_by.empty() ? "" : " av " + esc(v->created_by)) + "</dd>\n";
        h += "<dt>Status</dt><dd>" + std::string(v->agreed() ? "Enige" : "Utkast") + "</dd>\n";
    }
    h += "</dl>\n</header>\n<main>\n";
    if (p.exemption) {
        h += "<section>\n<h2>Unntak: åpenbart unødvendig</h2>\n";
        h += "<p>Registrert " + format_norwegian(p.exemption->date) +
             (p.exemption->by.empty() ? "" : " av " + esc(p.exemption->by)) + ".</p>\n" + paragraphs(p.exemption->reason);
        h += "</section>\n";
    }
    if (v) {
        const PlanContent& c = v->content;
        h += "<section>\n<h2>Vanlig arbeidsdag</h2>\n" + paragraphs(c.typical_workday) + "</section>\n";
        h += "<section>\n<h2>Arbeidsoppgaver</h2>\n";
        if (c.tasks.empty()) {
            h += "<p class=\"empty\">Ikke utfylt.</p>\n";
        } else {
            h += "<table>\n<thead><tr><th scope=\"col\">Oppgave</th><th scope=\"col\">Vurdering</th><th scope=\"col\">Merknad</th></tr></thead>\n<tbody>\n";
            for (const PlanTask& t : c.tasks)
                h += "<tr><td>" + esc(t.description) + "</td><td>" + label_nb(t.feasibility) + "</td><td>" + esc(t.note) + "</td></tr>\n";
            h += "</tbody>\n</table>\n";
        }
        h += "</section>\n";
        h += "<section>\n<h2>Arbeidsevne</h2>\n" + paragraphs(c.work_ability) + "</section>\n";
        h += "<section>\n<h2>Tiltak i arbeidsgivers regi</h2>\n";
        if (c.own_measures.empty()) {
            h += "<p class=\"empty\">Ikke utfylt.</p>\n";
        } else {
            h += "<table>\n<thead><tr><th scope=\"col\">Tiltak</th><th scope=\"col\">Ansvarlig</th><th scope=\"col\">Periode</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n";
            for (const PlanMeasure& m : c.own_measures)
                h += "<tr><td>" + esc(m.description) + "</td><td>" + esc(m.responsible) + "</td><td>" + period(m) +
                     "</td><td>" + label_nb(m.status) + "</td></tr>\n";
            h += "</tbody>\n</table>\n";
        }
        if (!c.adjustment_options.empty()) {
            h += "<h3>Tilretteleggingsmuligheter på arbeidsplassen</h3>\n<ul>\n";
            for (const std::string& id : c.adjustment_options) {
                const AdjustmentOption* o = find_adjustment_option(ds, id);
                h += "<li>" + esc(o ? o->text : id) + "</li>\n";
            }
            h += "</ul>\n";
        }
        h += "</section>\n";
        h += "<section>\n<h2>Tiltak med bistand fra NAV eller helsetjenesten</h2>\n";
        if (c.help_measures.empty()) {
            h += "<p class=\"empty\">Ingen.</p>\n";
        } else {
            h += "<ul>\n";
            for (const HelpMeasure& m : c.help_measures) h += "<li>" + esc(help_text(m)) + "</li>\n";
            h += "</ul>\n";
        }
        h += "</section>\n";
        h += "<section>\n<h2>Annen tilrettelegging</h2>\n" + paragraphs(c.other_adjustments) + "</section>\n";
        h += "<section>\n<h2>Videre oppfølging</h2>\n" + paragraphs(c.follow_up);
        h += "<p>Neste evaluering: " + date_or(c.evaluation_date, "ikke satt") + "</p>\n</section>\n";
        h += "<section>\n<h2>Arbeidstakers medvirkning</h2>\n";
        if (!c.employee_participated) h += "<p class=\"empty\">Ikke besvart.</p>\n";
        else if (*c.employee_participated) h += "<p>Arbeidstakeren har medvirket i planen.</p>\n";
        else h += "<p>Arbeidstakeren har ikke medvirket.</p>\n" + paragraphs(c.not_participated_reason);
        h += "</section>\n";
        h += "<section>\n<h2>Enighet</h2>\n<div class=\"signatures\">\n";
        h += "<div class=\"signature\">Arbeidstaker: " + esc(name) + "<br>Enig: " + date_or(v->agreed_employee, "ikke ennå") + "</div>\n";
        h += "<div class=\"signature\">Leder: " + esc(v->manager_name) + "<br>Enig: " + date_or(v->agreed_manager, "ikke ennå") + "</div>\n";
        h += "</div>\n</section>\n";
    }
    if (!p.shares.empty()) {
        h += "<section>\n<h2>Delt med</h2>\n<table>\n<thead><tr><th scope=\"col\">Dato</th><th scope=\"col\">Mottaker</th><th scope=\"col\">Kanal</th><th scope=\"col\">Versjon</th></tr></thead>\n<tbody>\n";
        for (const PlanShare& s : p.shares)
            h += "<tr><td>" + format_norwegian(s.date) + "</td><td>" + recipient_nb(s.recipient) + "</td><td>" + esc(s.channel) +
                 "</td><td>" + std::to_string(s.version) + "</td></tr>\n";
        h += "</tbody>\n</table>\n</section>\n";
    }
    if (p.versions.size() > 1) {
        h += "<section>\n<h2>Versjoner</h2>\n<ol>\n";
        for (const PlanVersion& pv : p.versions)
            h += "<li>Laget " + format_norwegian(pv.created) + (pv.created_by.empty() ? "" : " av " + esc(pv.created_by)) +
                 (pv.agreed() ? ", enige " + format_norwegian(*pv.agreed_manager) : "") + "</li>\n";
        h += "</ol>\n</section>\n";
    }
    h += "</main>\n<footer>\n<p>Skrevet ut " + format_norwegian(opt.today) +
         " fra iadesk. Planen sendes til sykmelder, og til NAV når NAV ber om den eller før dialogmøte 2.</p>\n</footer>\n";
    h += "</body>\n</html>\n";
    return h;
}

NavPlanExport plan_nav_export(const Dataset& ds, const Plan& p, const PlanOutputOptions& opt, const NavExportChoices& choices) {
    NavPlanExport out;
    auto refuse = [&](const char* field, ProblemCode code, std::initializer_list<ProblemArg> args = {}) {
        out.problems.push_back(make_problem(field, code, args));
    };
    auto required = [&](const char* field, const std::string& value) {
        if (value.find_first_not_of(" \t\r\n") == std::string::npos)
            refuse(field, ProblemCode::required, {ProblemArg::label("field", field)});
    };
    if (p.exemption) {
        refuse("exemption", ProblemCode::nav_exempted);
        return out;
    }
    const PlanVersion* v = pick(p, opt.version);
    if (!v) {
        refuse("versions", ProblemCode::plan_empty);
        return out;
    }
    const PlanContent& c = v->content;
    const Employee* employee = nullptr;
    for (const Employee& e : ds.employees)
        if (e.id == p.employee) employee = &e;
    if (!employee || employee->national_id.empty())
        refuse("national_id", ProblemCode::nav_national_id_missing, {{"name", employee ? employee->name : p.employee}});
    else if (!is_valid_national_id(employee->national_id))
        refuse("national_id", ProblemCode::national_id_invalid);
    if (!c.employee_participated) refuse("employee_participated", ProblemCode::nav_participation);
    else if (!*c.employee_participated) required("not_participated_reason", c.not_participated_reason);
    if (!c.evaluation_date) required("evaluation_date", "");
    required("contact_name", v->manager_name);
    required("contact_phone", choices.contact_phone);
    required("contact_email", choices.contact_email);
    if (choices.needs_help_from_nav) {
        if (!choices.send_to_nav) refuse("needs_help_from_nav", ProblemCode::nav_help_without_send);
        required("help_description", choices.help_description);
    }
    if (!out.problems.empty()) return out;

    std::vector<std::string> can, cannot, previous, planned, other;
    for (const PlanTask& t : c.tasks) {
        if (t.feasibility == TaskFeasibility::cannot) cannot.push_back(task_line(t));
        else if (t.feasibility == TaskFeasibility::with_adjustment) can.push_back(task_line(t) + " (med tilrettelegging)");
        else can.push_back(task_line(t));
    }
    for (const PlanMeasure& m : c.own_measures) {
        std::string line = m.description;
        if (!m.responsible.empty()) line += " (ansvarlig: " + m.responsible + ")";
        if (const std::string per = period(m); !per.empty()) line += " " + per;
        if (m.status == MeasureStatus::gjennomfort) previous.push_back(line);
        else if (m.status == MeasureStatus::forslag || m.status == MeasureStatus::avtalt)
            planned.push_back(line + (m.status == MeasureStatus::forslag ? " [forslag]" : ""));
    }
    for (const std::string& id : c.adjustment_options) {
        const AdjustmentOption* o = find_adjustment_option(ds, id);
        other.push_back(o ? o->text : id);
    }
    if (!c.other_adjustments.empty()) other.push_back(c.other_adjustments);
    // Optional members only when they say something (NAV's OpenAPI document marks nothing nullable).
    ojson j;
    auto optional = [&j](const char* key, const std::string& value) {
        if (!value.empty()) j[key] = value;
    };
    j["employeeIdentificationNumber"] = employee->national_id;
    j["typicalWorkday"] = c.typical_workday;
    j["tasksThatCanStillBeDone"] = bullets(can);
    j["tasksThatCanNotBeDone"] = bullets(cannot);
    j["previousFacilitation"] = bullets(previous);
    j["plannedFacilitation"] = bullets(planned);
    optional("otherFacilitationOptions", bullets(other));
    j["followUp"] = c.follow_up;
    j["evaluationDate"] = format_iso(*c.evaluation_date);
    j["sendPlanToNav"] = choices.send_to_nav;
    if (choices.send_to_nav) j["needsHelpFromNav"] = choices.needs_help_from_nav;
    if (choices.needs_help_from_nav) j["needsHelpFromNavDescription"] = choices.help_description;
    j["sendPlanToGeneralPractitioner"] = choices.send_to_general_practitioner;
    optional("messageToGeneralPractitioner", choices.message_to_general_practitioner);
    optional("additionalInformation", c.work_ability.empty() ? std::string() : "Vurdering av arbeidsevne: " + c.work_ability);
    j["contactPersonFullName"] = v->manager_name;
    j["contactPersonPhoneNumber"] = choices.contact_phone;
    j["contactPersonEmail"] = choices.contact_email;
    j["employeeHasContributedToPlan"] = *c.employee_participated;
    if (!*c.employee_participated) j["employeeHasNotContributedToPlanDescription"] = c.not_participated_reason;
    j["lpsName"] = "iadesk";
    out.json = j.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
    return out;
}

std::string plan_text(const Dataset& ds, const Plan& p, const PlanOutputOptions& opt) {
    const PlanVersion* v = pick(p, opt.version);
    const Employee* e = employee_of(ds, p);
    std::string t = "Oppfølgingsplan for " + (e ? e->name : p.employee) + " (sykefravær fra " +
                    format_norwegian(p.case_start) + ")\n";
    if (p.exemption)
        t += "Unntak (åpenbart unødvendig) " + format_norwegian(p.exemption->date) + ": " + p.exemption->reason + "\n";
    t += diagnosis_check_statement_nb(find_diagnosis_like(ds, p, opt.version)) + "\n";
    if (!v) return t;
    const PlanContent& c = v->content;
    t += "Versjon " + std::to_string(v->number) + " av " + std::to_string(p.versions.size()) + ", laget " +
         format_norwegian(v->created) + (v->created_by.empty() ? "" : " av " + v->created_by) + ", " +
         (v->agreed() ? "enige" : "utkast") + "\n";
    auto part = [&](const char* title, const std::string& body) {
        t += "\n" + std::string(title) + "\n  " + (body.empty() ? "(ikke utfylt)" : body) + "\n";
    };
    part("Vanlig arbeidsdag", c.typical_workday);
    t += "\nArbeidsoppgaver\n";
    if (c.tasks.empty()) t += "  (ikke utfylt)\n";
    for (const PlanTask& k : c.tasks)
        t += "  - " + k.description + ": " + label_nb(k.feasibility) + (k.note.empty() ? "" : " (" + k.note + ")") + "\n";
    part("Arbeidsevne", c.work_ability);
    t += "\nTiltak i arbeidsgivers regi\n";
    if (c.own_measures.empty()) t += "  (ikke utfylt)\n";
    for (const PlanMeasure& m : c.own_measures) {
        t += "  - " + m.description + " [" + label_nb(m.status) + "]";
        if (!m.responsible.empty()) t += ", ansvarlig " + m.responsible;
        if (const std::string per = period(m); !per.empty()) t += ", " + per;
        t += "\n";
    }
    for (const std::string& id : c.adjustment_options) {
        const AdjustmentOption* o = find_adjustment_option(ds, id);
        t += "  - Tilretteleggingsmulighet: " + (o ? o->text : id) + "\n";
    }
    t += "\nTiltak med bistand fra NAV eller helsetjenesten\n";
    if (c.help_measures.empty()) t += "  (ingen)\n";
    for (const HelpMeasure& m : c.help_measures) t += "  - " + help_text(m) + "\n";
    part("Annen tilrettelegging", c.other_adjustments);
    part("Videre oppfølging", c.follow_up);
    t += "  Neste evaluering: " + date_or(c.evaluation_date, "ikke satt") + "\n";
    t += "\nMedvirkning: " +
         std::string(!c.employee_participated ? "ikke besvart"
                     : *c.employee_participated ? "ja"
                                                : "nei (" + c.not_participated_reason + ")") + "\n";
    t += "Enighet: arbeidstaker " + date_or(v->agreed_employee, "ikke ennå") + ", leder " +
         (v->manager_name.empty() ? "" : v->manager_name + " ") + date_or(v->agreed_manager, "ikke ennå") + "\n";
    const PlanQuality q = plan_quality(c);
    t += "Kvalitet (NAVs skala 1-5): " + std::to_string(q.score) + "\n";
    for (const QualityHint& h : q.hints) t += "  ! " + h.message_nb + "\n";
    for (const PlanShare& s : p.shares)
        t += "Delt " + format_norwegian(s.date) + " med " + recipient_nb(s.recipient) +
             (s.channel.empty() ? "" : " (" + s.channel + ")") + ", versjon " + std::to_string(s.version) + "\n";
    return t;
}

} // namespace iadesk
