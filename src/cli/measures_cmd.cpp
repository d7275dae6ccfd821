// `iadesk measures ...`: search, show and suggest from the measures catalogue.
//   iadesk measures search QUERY [--phase P] [--goal G] [--provider P] [--group G]
//                                [--current|--historic] [--limit N] [--json]
//   iadesk measures show ID... [--today DATE] [--json] [case options]
//   iadesk measures suggest FILE --employee ID --today DATE [--limit N] [--json] [fact flags]
//   iadesk measures suggest [fact flags] [--today YYYY-MM-DD] [--limit N] [--json]
// Fact flags: --week N --grade G --months N --plan|--own-measures|--bht|--ia|--employer yes|no.
// Case options of show: the fact flags, and/or --data FILE --employee ID --today DATE; with them
// show adds the verdict for that case.
// JSON output: search gives [{id, name, score, current, replaced_by}]; show gives the record
// (an array of records for several ids) with each amount's "stale" flag on --today (default: the
// local date; docs/measures.md, stale amounts) and, with case options, "fit" ({verdict,
// verdict_text, failed, to_check}); suggest gives [{id, name, fit, verdict, verdict_text, reason,
// to_check, missing}]; suggest FILE gives {employee, name, today, case ({start, week, grade,
// months_sick} or null), context (every fact, null = unknown), suggestions (as above)}. Where the
// facts of FILE come from: measures_fit.cpp.
// Text output is Norwegian. The verdict is honest (docs/measures.md, Suitability): "Passer" only
// when every condition is known to hold, "Kan passe – sjekk: <conditions>" when some are unknown
// or have no machine check, "Passer ikke: <condition>" when one fails.
#include "cli/measures_cli.hpp"

#include "cli/cli_util.hpp"

#include <cmath>
#include <cstdio>
#include <optional>

namespace iadesk::cli::measures_cli {

const char* const kUsage =
    "bruk: iadesk measures search SPØRRING [--phase FASE] [--goal DELMÅL] [--provider TILBYDER] [--group MÅLGRUPPE]\n"
    "                                      [--current|--historic] [--limit N] [--json]\n"
    "      iadesk measures show ID... [--today DATO] [--json] [--data FIL --employee ID] [opplysningene under]\n"
    "      iadesk measures suggest FIL --employee ID --today DATO [--limit N] [--json] [opplysningene under]\n"
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

namespace {

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

json measure_json(const ms::Measure& m, int today_year) {
    json j{{"id", m.id}, {"name", text_json(m.name)}, {"summary", text_json(m.summary)}, {"body", text_json(m.body)},
           {"provider", m.provider}, {"applicants", m.applicants}, {"target_groups", m.target_groups},
           {"ia_goals", m.ia_goals}, {"status", m.current ? "current" : "historic"}, {"checked", m.checked},
           {"replaced_by", m.replaced_by}, {"search_words", m.search_words}, {"verify", m.verify}};
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
    for (std::size_t i = 0; i < m.amounts.size(); ++i) {
        const ms::Amount& a = m.amounts[i];
        json aj{{"what", text_json(a.what)}, {"value", a.value}, {"unit", a.unit}, {"year", a.year},
                {"source", a.source}, {"verify", a.verify}, {"stale", ms::amount_is_stale(m, i, today_year)}};
        if (!a.stale_reason.nb.empty()) aj["stale_reason"] = text_json(a.stale_reason);
        amounts.push_back(aj);
    }
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

// "Avklaring (avklaring), Oppfølging (...) (oppfolgingstiltak)": the successors of a historic measure.
std::string successors(const ms::Catalogue& c, const ms::Measure& m) {
    std::string s;
    for (const auto& id : m.replaced_by) {
        const ms::Measure* next = c.find(id);
        s += (s.empty() ? "" : ", ") + (next ? next->name.nb : id) + " [" + id + "]";
    }
    return s;
}

// " (historisk, gjaldt til 31.12.2017; erstattet av: ...)" or "" for a current measure.
std::string historic_note(const ms::Catalogue& c, const ms::Measure& m) {
    if (m.current) return "";
    std::string s = " (historisk, gjaldt til " + ms::display_date(m.valid_to);
    if (!m.replaced_by.empty()) s += "; erstattet av: " + successors(c, m);
    return s + ")";
}

void print_measure(const ms::Catalogue& c, const ms::Measure& m, int today_year, std::ostream& out) {
    const ms::Taxonomy& t = c.taxonomy;
    out << m.name.nb << (m.current ? "" : " (historisk, gjaldt til " + ms::display_date(m.valid_to) + ")") << "\n";
    out << std::string(m.name.nb.size() > 60 ? 60 : m.name.nb.size(), '=') << "\n";
    out << "[" << m.id << "] Kontrollert mot kildene: " << ms::display_date(m.checked) << "\n";
    if (!m.replaced_by.empty()) out << "Erstattet av: " << successors(c, m) << "\n";
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
        for (std::size_t i = 0; i < m.amounts.size(); ++i) {
            const ms::Amount& a = m.amounts[i];
            out << "  - " << a.what.nb << ": " << format_amount(a) << " (" << a.year << (a.verify ? ", VERIFY" : "") << "; " << a.source << ")\n";
            if (ms::amount_is_stale(m, i, today_year))
                out << "    Kan være utdatert: tallet er fra " << a.year << ", og det finnes ikke noe nyere. Sjekk kilden.\n";
            if (!a.stale_reason.nb.empty()) out << "    Eldre tall: " << a.stale_reason.nb << "\n";
        }
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
            arr.push_back({{"id", m.id}, {"name", m.name.nb}, {"score", round2(h.score)}, {"current", m.current},
                           {"replaced_by", m.replaced_by}});
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
        out << ++n << ". " << m.name.nb << historic_note(c, m) << "  [" << m.id << ", " << s << "]\n";
        out << "   " << m.summary.nb << "\n";
    }
    return 0;
}

int cmd_show(const ms::Catalogue& c, const Args& args, std::ostream& out, std::ostream& err) {
    std::vector<std::string> ids;
    bool as_json = false;
    CaseOptions o;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--json") {
            as_json = true;
            continue;
        }
        if (!args[i].empty() && args[i][0] != '-') {
            ids.push_back(args[i]);
            continue;
        }
        const int r = read_case_option(args, i, "show", o, err);
        if (r == 2) return 2;
        if (r == 0) {
            err << "iadesk measures show: ukjent argument " << args[i] << "\n" << kUsage;
            return 2;
        }
    }
    if (ids.empty()) {
        err << "iadesk measures show: mangler ID\n" << kUsage;
        return 2;
    }
    std::vector<const ms::Measure*> found;
    for (const auto& id : ids) {
        const ms::Measure* m = c.find(id);
        if (m == nullptr) {
            err << "iadesk measures show: ukjent tiltak «" << id << "» (se «iadesk measures search»)\n";
            return 1;
        }
        found.push_back(m);
    }
    // The date stale amounts are judged on: --today, else the local date.
    const std::optional<Date> given_today = parse_date(o.today_text);
    if (!o.today_text.empty() && !given_today) {
        err << "iadesk measures show: ugyldig dato for --today: «" << o.today_text << "»\n";
        return 2;
    }
    const int year = (given_today ? *given_today : local_today()).year();
    std::optional<CaseContext> cc;
    if (o.given()) {
        int rc = 0;
        cc = resolve_case(o, "show", err, rc);
        if (!cc) return rc;
    }
    if (as_json) {
        json arr = json::array();
        for (const ms::Measure* m : found) {
            json j = measure_json(*m, year);
            if (cc) j["fit"] = eligibility_json(ms::evaluate(*m, cc->ctx));
            arr.push_back(j);
        }
        out << dump(found.size() == 1 ? arr[0] : arr) << "\n";
        return 0;
    }
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (i > 0) out << "\n";
        print_measure(c, *found[i], year, out);
        if (!cc) continue;
        const ms::Eligibility e = ms::evaluate(*found[i], cc->ctx);
        out << "Vurdering" << (cc->from_file ? " for " + cc->employee_name + " per " + format_norwegian(*cc->today) : "")
            << ": " << verdict_text(e) << "\n";
        print_findings(e, "  ", out);
    }
    return 0;
}

} // namespace

} // namespace iadesk::cli::measures_cli

namespace iadesk::cli {

int cmd_measures(const Args& args, std::ostream& out, std::ostream& err) {
    using namespace measures_cli;
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
