// `iadesk measures ...`: search, show and suggest from the measures catalogue.
//   iadesk measures search QUERY [--phase P] [--goal G] [--provider P] [--group G]
//                                [--current|--historic] [--limit N] [--json]
//   iadesk measures show ID [--json]
//   iadesk measures suggest FILE --employee ID --today DATE [--limit N] [--json] [fact flags below]
//   iadesk measures suggest [--week N] [--grade G] [--months N] [--plan yes|no]
//                           [--own-measures yes|no] [--bht yes|no] [--ia yes|no]
//                           [--employer yes|no] [--today YYYY-MM-DD] [--limit N] [--json]
// JSON output: search gives [{id, name, score, current}]; show gives the record; suggest gives
// [{id, name, fit, verdict, reason, missing}]; suggest FILE gives {employee, name, today, case
// ({start, week, grade, months_sick} or null), context (every fact, null = unknown), suggestions
// (as above)}. With FILE the facts come from the employee's case open on DATE (week, grade on
// DATE, whole months since its start), the organisation (own_bht -> has_bht, ia_agreement ->
// ia_member), employment on DATE, and the "oppfolgingsplan" milestone event of the case (done:
// a plan exists; exempt: none; no event: unknown); fact flags given as well override them.
// Text output is Norwegian.
#include "cli/cli_util.hpp"

#include "iadesk/cases.hpp"
#include "iadesk/measures.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <optional>

namespace iadesk::cli {

namespace {

// ordered_json keeps the documented key order ({id, name, score, current}).
using json = nlohmann::ordered_json;
namespace ms = iadesk::measures;

const char* kUsage =
    "bruk: iadesk measures search SPØRRING [--phase FASE] [--goal DELMÅL] [--provider TILBYDER] [--group MÅLGRUPPE]\n"
    "                                      [--current|--historic] [--limit N] [--json]\n"
    "      iadesk measures show ID [--json]\n"
    "      iadesk measures suggest FIL --employee ID --today DATO [--limit N] [--json] [valgene under]\n"
    "      iadesk measures suggest [--week N] [--grade G] [--months N] [--plan yes|no] [--own-measures yes|no]\n"
    "                              [--bht yes|no] [--ia yes|no] [--employer yes|no] [--today ÅÅÅÅ-MM-DD] [--limit N] [--json]\n";

std::string dump(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

double round2(double v) { return std::round(v * 100.0) / 100.0; }

std::optional<int> parse_int(const std::string& s) {
    if (s.empty() || s.size() > 9) return std::nullopt;
    int v = 0;
    for (char ch : s) {
        if (ch < '0' || ch > '9') return std::nullopt;
        v = v * 10 + (ch - '0');
    }
    return v;
}

std::optional<bool> parse_yes_no(const std::string& s) {
    if (s == "yes" || s == "ja" || s == "true") return true;
    if (s == "no" || s == "nei" || s == "false") return false;
    return std::nullopt;
}

json text_json(const ms::Text& t) { return json{{"nb", t.nb}, {"en", t.en}}; }

json check_json(const ms::Check& c) {
    switch (c.kind) {
    case ms::Check::Kind::fact: {
        json j{{"fact", std::string(ms::fact_id(c.fact))}};
        if (c.is) j["is"] = *c.is;
        if (c.min) j["min"] = *c.min;
        if (c.max) j["max"] = *c.max;
        return j;
    }
    case ms::Check::Kind::negate: return json{{"not", c.children.empty() ? json() : check_json(c.children.front())}};
    case ms::Check::Kind::all:
    case ms::Check::Kind::any: {
        json arr = json::array();
        for (const auto& ch : c.children) arr.push_back(check_json(ch));
        return json{{c.kind == ms::Check::Kind::all ? "all" : "any", arr}};
    }
    }
    return json();
}

json measure_json(const ms::Measure& m) {
    json j{{"id", m.id}, {"name", text_json(m.name)}, {"summary", text_json(m.summary)}, {"body", text_json(m.body)},
           {"provider", m.provider}, {"applicants", m.applicants}, {"target_groups", m.target_groups},
           {"ia_goals", m.ia_goals}, {"status", m.current ? "current" : "historic"}, {"search_words", m.search_words},
           {"verify", m.verify}};
    json phases = json::array();
    for (auto p : m.phases) phases.push_back(std::string(ms::phase_id(p)));
    j["phases"] = phases;
    json conds = json::array();
    for (const auto& c : m.conditions) {
        json cj{{"text", text_json(c.text)}};
        if (c.check) cj["check"] = check_json(*c.check);
        conds.push_back(cj);
    }
    j["conditions"] = conds;
    j["max_duration"] = text_json(m.max_duration);
    if (m.max_duration_weeks) j["max_duration"]["weeks"] = *m.max_duration_weeks;
    json amounts = json::array();
    for (const auto& a : m.amounts)
        amounts.push_back({{"what", text_json(a.what)}, {"value", a.value}, {"unit", a.unit}, {"year", a.year},
                           {"source", a.source}, {"verify", a.verify}});
    j["amounts"] = amounts;
    if (!m.valid_from.empty()) j["valid_from"] = m.valid_from;
    if (!m.valid_to.empty()) j["valid_to"] = m.valid_to;
    json ev = json::array();
    for (const auto& e : m.evidence)
        ev.push_back({{"text", text_json(e.text)}, {"caveat", text_json(e.caveat)}, {"source", e.source}});
    j["evidence"] = ev;
    json src = json::array();
    for (const auto& s : m.sources) src.push_back({{"kind", s.kind}, {"ref", s.ref}, {"note", s.note}});
    j["sources"] = src;
    return j;
}

std::string label(const std::vector<ms::Label>& list, const std::string& id) {
    const ms::Label* l = ms::Taxonomy::find(list, id);
    return l ? l->label.nb : id;
}

std::string format_amount(const ms::Amount& a) {
    char buf[64];
    if (a.value == std::floor(a.value)) std::snprintf(buf, sizeof buf, "%.0f", a.value);
    else std::snprintf(buf, sizeof buf, "%.3f", a.value);
    std::string v = buf;
    if (a.unit == "NOK") {
        // Thousands with a space, as in Norwegian: 160 400 kr.
        std::string g;
        int n = 0;
        for (auto it = v.rbegin(); it != v.rend(); ++it, ++n) {
            if (n > 0 && n % 3 == 0) g.insert(g.begin(), ' ');
            g.insert(g.begin(), *it);
        }
        return g + " kr";
    }
    for (char& ch : v)
        if (ch == '.') ch = ',';
    if (a.unit == "percent") return v + " %";
    if (a.unit == "MNOK") return v + " mill. kr";
    static const std::pair<const char*, const char*> units[] = {{"hours", " timer"}, {"weeks", " uker"}, {"months", " måneder"}, {"days", " dager"}};
    for (auto [u, nb] : units)
        if (a.unit == u) return v + nb;
    return v + " " + a.unit;
}

void print_measure(const ms::Catalogue& c, const ms::Measure& m, std::ostream& out) {
    const ms::Taxonomy& t = c.taxonomy;
    out << m.name.nb << (m.current ? "" : " (historisk, gjaldt til " + m.valid_to + ")") << "\n";
    out << std::string(m.name.nb.size() > 60 ? 60 : m.name.nb.size(), '=') << "\n";
    out << m.summary.nb << "\n\n" << m.body.nb << "\n\n";
    out << "Tilbyder: " << label(t.providers, m.provider) << "\n";
    out << "Hvem søker: ";
    for (std::size_t i = 0; i < m.applicants.size(); ++i) out << (i ? ", " : "") << label(t.applicants, m.applicants[i]);
    out << "\nMålgruppe: ";
    for (std::size_t i = 0; i < m.target_groups.size(); ++i) out << (i ? ", " : "") << label(t.target_groups, m.target_groups[i]);
    out << "\nFaser: ";
    for (std::size_t i = 0; i < m.phases.size(); ++i) out << (i ? ", " : "") << t.phases[static_cast<std::size_t>(m.phases[i])].nb;
    out << "\n";
    if (!m.ia_goals.empty()) {
        out << "IA-mål:\n";
        for (const auto& g : m.ia_goals) out << "  - " << label(t.ia_goals, g) << "\n";
    }
    if (!m.max_duration.nb.empty()) out << "Varighet: " << m.max_duration.nb << "\n";
    if (!m.conditions.empty()) {
        out << "Vilkår:\n";
        for (const auto& cond : m.conditions) out << "  - " << cond.text.nb << (cond.check ? " [sjekkes]" : "") << "\n";
    }
    if (!m.amounts.empty()) {
        out << "Beløp og satser:\n";
        for (const auto& a : m.amounts)
            out << "  - " << a.what.nb << ": " << format_amount(a) << " (" << a.year << (a.verify ? ", VERIFY" : "") << "; " << a.source << ")\n";
    }
    if (!m.evidence.empty()) {
        out << "Effekt og erfaring:\n";
        for (const auto& e : m.evidence) {
            out << "  - " << e.text.nb << " (" << e.source << ")\n";
            if (!e.caveat.nb.empty()) out << "    Forbehold: " << e.caveat.nb << "\n";
        }
    }
    out << "Kilder:\n";
    for (const auto& s : m.sources) {
        out << "  - " << s.ref;
        // A report is cited by its id (docs/sources.md); the reader also gets its title.
        if (s.kind == "report") out << " (" << ms::report_title(s.ref.substr(0, s.ref.find(' '))) << ")";
        out << (s.note.empty() ? "" : " – " + s.note) << "\n";
    }
    if (!m.verify.empty()) {
        out << "Må sjekkes (VERIFY):\n";
        for (const auto& v : m.verify) out << "  - " << v << "\n";
    }
}

int cmd_search(const ms::Catalogue& c, const Args& args, std::ostream& out, std::ostream& err) {
    std::string query;
    ms::SearchFilter filter;
    std::size_t limit = 10;
    bool as_json = false, have_query = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
        if (a == "--json") as_json = true;
        else if (a == "--current") filter.validity = ms::Validity::current_only;
        else if (a == "--historic") filter.validity = ms::Validity::historic_only;
        else if (a == "--phase" || a == "--goal" || a == "--provider" || a == "--group" || a == "--limit") {
            const std::string* v = value();
            if (v == nullptr) {
                err << "iadesk measures search: " << a << " mangler verdi\n" << kUsage;
                return 2;
            }
            if (a == "--phase") {
                filter.phase = ms::parse_phase(*v);
                if (!filter.phase) {
                    err << "iadesk measures search: ukjent fase «" << *v << "» (prevention, sick_0_8, sick_8_26, sick_26_52, after_sickpay, recruitment)\n";
                    return 2;
                }
            } else if (a == "--goal") filter.ia_goal = *v;
            else if (a == "--provider") filter.provider = *v;
            else if (a == "--group") filter.target_group = *v;
            else {
                auto n = parse_int(*v);
                if (!n) {
                    err << "iadesk measures search: --limit må være et heltall\n";
                    return 2;
                }
                limit = static_cast<std::size_t>(*n);
            }
        } else if (!a.empty() && a[0] == '-' && a.size() > 1) {
            err << "iadesk measures search: ukjent valg " << a << "\n" << kUsage;
            return 2;
        } else {
            query += (have_query ? " " : "") + a;
            have_query = true;
        }
    }
    if (!have_query) {
        err << "iadesk measures search: mangler spørring\n" << kUsage;
        return 2;
    }
    const ms::MeasureIndex index(c);
    const auto hits = index.search(query, filter, limit);
    if (as_json) {
        json arr = json::array();
        for (const auto& h : hits) {
            const ms::Measure& m = c.measures[static_cast<std::size_t>(h.measure)];
            arr.push_back({{"id", m.id}, {"name", m.name.nb}, {"score", round2(h.score)}, {"current", m.current}});
        }
        out << dump(arr) << "\n";
        return 0;
    }
    if (hits.empty()) {
        out << "Ingen treff for «" << query << "».\n";
        return 0;
    }
    int n = 0;
    for (const auto& h : hits) {
        const ms::Measure& m = c.measures[static_cast<std::size_t>(h.measure)];
        char score[32];
        std::snprintf(score, sizeof score, "%.2f", h.score);
        std::string s = score;
        for (char& ch : s)
            if (ch == '.') ch = ',';
        out << ++n << ". " << m.name.nb << (m.current ? "" : " (historisk)") << "  [" << m.id << ", " << s << "]\n";
        out << "   " << m.summary.nb << "\n";
    }
    return 0;
}

int cmd_show(const ms::Catalogue& c, const Args& args, std::ostream& out, std::ostream& err) {
    std::string id;
    bool as_json = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--json") as_json = true;
        else if (id.empty() && (args[i].empty() || args[i][0] != '-')) id = args[i];
        else {
            err << "iadesk measures show: ukjent argument " << args[i] << "\n" << kUsage;
            return 2;
        }
    }
    if (id.empty()) {
        err << "iadesk measures show: mangler ID\n" << kUsage;
        return 2;
    }
    const ms::Measure* m = c.find(id);
    if (m == nullptr) {
        err << "iadesk measures show: ukjent tiltak «" << id << "» (se «iadesk measures search»)\n";
        return 1;
    }
    if (as_json) out << dump(measure_json(*m)) << "\n";
    else print_measure(c, *m, out);
    return 0;
}

// Whole calendar months from `start` through `today` inclusive (01.01-31.01 is one month).
int whole_months(Date start, Date today) {
    const Date end = today + 1;
    int m = (end.year() - start.year()) * 12 + (end.month() - start.month());
    if (end.day() < start.day()) --m;
    return m < 0 ? 0 : m;
}

// Copies every fact `over` knows into `ctx` (explicit flags win over what the file says).
void apply_overrides(ms::EligibilityContext& ctx, const ms::EligibilityContext& over) {
    auto put = [](auto& to, const auto& from) {
        if (from) to = from;
    };
    put(ctx.has_bht, over.has_bht);
    put(ctx.ia_member, over.ia_member);
    put(ctx.has_employer, over.has_employer);
    put(ctx.sick_listed, over.sick_listed);
    put(ctx.case_week, over.case_week);
    put(ctx.grade, over.grade);
    put(ctx.has_followup_plan, over.has_followup_plan);
    put(ctx.own_measures_tried, over.own_measures_tried);
    put(ctx.months_sick, over.months_sick);
    put(ctx.reduced_work_capacity, over.reduced_work_capacity);
}

json suggestions_json(const ms::Catalogue& c, const std::vector<ms::Suggestion>& list) {
    json arr = json::array();
    for (const auto& s : list) {
        const ms::Measure& m = c.measures[static_cast<std::size_t>(s.measure)];
        json missing = json::array();
        for (const auto& t : s.missing) missing.push_back(t.nb);
        arr.push_back({{"id", m.id}, {"name", m.name.nb}, {"fit", round2(s.fit)},
                       {"verdict", std::string(ms::verdict_id(s.verdict))}, {"reason", s.reason.nb}, {"missing", missing}});
    }
    return arr;
}

void print_suggestions(const ms::Catalogue& c, const std::vector<ms::Suggestion>& list, std::ostream& out) {
    if (list.empty()) {
        out << "Ingen forslag for denne situasjonen.\n";
        return;
    }
    int n = 0;
    for (const auto& s : list) {
        const ms::Measure& m = c.measures[static_cast<std::size_t>(s.measure)];
        out << ++n << ". " << m.name.nb << (s.verdict == ms::Verdict::unknown ? " (må avklares)" : "") << "\n   " << s.reason.nb << "\n";
        for (const auto& mi : s.missing) out << "   " << mi.nb << "\n";
    }
}

json opt_json(const std::optional<bool>& v) { return v ? json(*v) : json(nullptr); }
json opt_json(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

const char* yes_no_unknown(const std::optional<bool>& v) { return !v ? "ukjent" : *v ? "ja" : "nei"; }

// `suggest FILE --employee ID --today DATE`: the context comes from the employee's case open on
// DATE and the organisation; flags given as well override single facts.
int suggest_for_employee(const ms::Catalogue& c, const std::string& file, const std::string& employee,
                         const std::string& today_text, const ms::EligibilityContext& over, std::size_t limit,
                         bool as_json, std::ostream& out, std::ostream& err) {
    const std::optional<Date> today = parse_date(today_text);
    if (!today) {
        err << "iadesk measures suggest: ugyldig dato for --today: «" << today_text << "»\n";
        return 2;
    }
    int rc = 0;
    const std::optional<Dataset> ds = load_dataset_file(file, "measures suggest", err, rc);
    if (!ds) return rc;
    const Employee* e = nullptr;
    for (const Employee& x : ds->employees)
        if (x.id == employee) e = &x;
    if (e == nullptr) {
        err << "iadesk measures suggest: ukjent ansatt «" << employee << "» i «" << file << "»\n";
        return 1;
    }
    const std::vector<SicknessCase> cases = build_cases(*ds, *today);
    const SicknessCase* sc = case_on(cases, employee, *today);

    ms::EligibilityContext ctx;
    ctx.today = format_iso(*today);
    ctx.has_bht = ds->organisation.own_bht;
    ctx.ia_member = ds->organisation.ia_agreement;
    ctx.has_employer = position_share_on(*e, *today) > 0.0;
    ctx.sick_listed = sc != nullptr;
    if (sc) {
        ctx.case_week = sc->week_on(*today);
        ctx.grade = grade_on(*sc, *ds, *today);
        ctx.months_sick = whole_months(sc->start, *today);
        // The plan is known only from a recorded milestone event: done = made, exempt = not made.
        for (const MilestoneEvent& ev : ds->milestone_events)
            if (ev.employee == employee && ev.case_start == sc->start && ev.milestone == "oppfolgingsplan")
                ctx.has_followup_plan = ev.status == EventStatus::done;
    }
    apply_overrides(ctx, over);

    const auto list = ms::suggest(c, ctx, limit);
    if (as_json) {
        json cj = nullptr;
        if (sc)
            cj = json{{"start", format_iso(sc->start)}, {"week", sc->week_on(*today)}, {"grade", grade_on(*sc, *ds, *today)},
                      {"months_sick", whole_months(sc->start, *today)}};
        json j{{"employee", e->id}, {"name", e->name}, {"today", format_iso(*today)}, {"case", cj},
               {"context",
                {{"sick_listed", opt_json(ctx.sick_listed)}, {"case_week", opt_json(ctx.case_week)},
                 {"grade", opt_json(ctx.grade)}, {"months_sick", opt_json(ctx.months_sick)},
                 {"has_employer", opt_json(ctx.has_employer)}, {"has_bht", opt_json(ctx.has_bht)},
                 {"ia_member", opt_json(ctx.ia_member)}, {"has_followup_plan", opt_json(ctx.has_followup_plan)},
                 {"own_measures_tried", opt_json(ctx.own_measures_tried)},
                 {"reduced_work_capacity", opt_json(ctx.reduced_work_capacity)}}},
               {"suggestions", suggestions_json(c, list)}};
        out << dump(j) << "\n";
        return 0;
    }
    out << "Tiltak for " << e->name << " (" << e->id << ") per " << format_norwegian(*today) << "\n";
    if (sc)
        out << "Sykefravær fra " << format_norwegian(sc->start) << ": uke " << *ctx.case_week << ", " << *ctx.grade
            << " % sykmeldt, " << *ctx.months_sick << (*ctx.months_sick == 1 ? " hel måned" : " hele måneder") << "\n";
    else
        out << "Ikke sykmeldt per " << format_norwegian(*today) << " (forebygging)\n";
    out << "Bedriftshelsetjeneste: " << yes_no_unknown(ctx.has_bht) << " · IA-virksomhet: " << yes_no_unknown(ctx.ia_member)
        << " · oppfølgingsplan: " << yes_no_unknown(ctx.has_followup_plan) << " · tiltak i egen regi prøvd: "
        << yes_no_unknown(ctx.own_measures_tried) << "\n\n";
    print_suggestions(c, list, out);
    return 0;
}

int cmd_suggest(const ms::Catalogue& c, const Args& args, std::ostream& out, std::ostream& err) {
    ms::EligibilityContext ctx;
    bool as_json = false;
    std::size_t limit = 10;
    std::string file, employee, today_text;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            as_json = true;
            continue;
        }
        if (a.empty() || a[0] != '-') {
            if (!file.empty()) {
                err << "iadesk measures suggest: bare én FIL (fikk også «" << a << "»)\n" << kUsage;
                return 2;
            }
            file = a;
            continue;
        }
        if (i + 1 >= args.size()) {
            err << "iadesk measures suggest: " << a << " mangler verdi\n" << kUsage;
            return 2;
        }
        const std::string& v = args[++i];
        std::optional<int> num = parse_int(v);
        std::optional<bool> yn = parse_yes_no(v);
        bool ok = true;
        if (a == "--week") ok = (ctx.case_week = num).has_value();
        else if (a == "--grade") ok = (ctx.grade = num).has_value() && *num >= 1 && *num <= 100;
        else if (a == "--months") ok = (ctx.months_sick = num).has_value();
        else if (a == "--plan") ok = (ctx.has_followup_plan = yn).has_value();
        else if (a == "--own-measures") ok = (ctx.own_measures_tried = yn).has_value();
        else if (a == "--bht") ok = (ctx.has_bht = yn).has_value();
        else if (a == "--ia") ok = (ctx.ia_member = yn).has_value();
        else if (a == "--employer") ok = (ctx.has_employer = yn).has_value();
        else if (a == "--today") today_text = v;
        else if (a == "--employee") employee = v;
        else if (a == "--limit") {
            ok = num.has_value();
            if (ok) limit = static_cast<std::size_t>(*num);
        }
        else {
            err << "iadesk measures suggest: ukjent valg " << a << "\n" << kUsage;
            return 2;
        }
        if (!ok) {
            err << "iadesk measures suggest: ugyldig verdi «" << v << "» for " << a << "\n";
            return 2;
        }
    }
    if (!file.empty()) {
        if (employee.empty() || today_text.empty()) {
            err << "iadesk measures suggest: FIL krever --employee ID og --today DATO\n" << kUsage;
            return 2;
        }
        return suggest_for_employee(c, file, employee, today_text, ctx, limit, as_json, out, err);
    }
    if (!employee.empty()) {
        err << "iadesk measures suggest: --employee krever en datasettfil\n" << kUsage;
        return 2;
    }
    ctx.today = today_text;
    if (ctx.case_week || ctx.grade) {
        ctx.sick_listed = true;
        if (!ctx.has_employer) ctx.has_employer = true; // sick pay from an employment
    }
    const auto list = ms::suggest(c, ctx, limit);
    if (as_json) out << dump(suggestions_json(c, list)) << "\n";
    else print_suggestions(c, list, out);
    return 0;
}

} // namespace

int cmd_measures(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        (args.empty() ? err : out) << kUsage;
        return args.empty() ? 2 : 0;
    }
    const ms::Catalogue c = ms::builtin_catalogue();
    for (const auto& p : c.problems) err << "advarsel: " << p.file << p.pointer << ": " << p.message << "\n";
    if (args[0] == "search") return cmd_search(c, args, out, err);
    if (args[0] == "show") return cmd_show(c, args, out, err);
    if (args[0] == "suggest") return cmd_suggest(c, args, out, err);
    err << "iadesk measures: ukjent underkommando «" << args[0] << "»\n" << kUsage;
    return 2;
}

} // namespace iadesk::cli
