// csv_export: statistics and employees as CSV for Excel (csv.hpp, "Contract — export").
#include "iadesk/csv.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace iadesk {

namespace {

struct CsvWriter {
    char delim;
    std::string out = "\xEF\xBB\xBF"; // BOM: Excel reads the file as UTF-8

    void cell(std::string_view v, bool first = false, bool text = true) {
        if (!first) out += delim;
        std::string s(v);
        if (text && !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) s.insert(0, 1, '\'');
        const bool quote = s.find_first_of(std::string("\"\r\n") + delim) != std::string::npos ||
                           (!s.empty() && (s.front() == ' ' || s.back() == ' '));
        if (!quote) { out += s; return; }
        out += '"';
        for (char c : s) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    }
    void end_row() { out += "\r\n"; }
};

std::string number(double v, CsvLang lang) {
    char buf[64];
    // Round half up at one decimal, as round_percent does for percentages (stats.hpp).
    std::snprintf(buf, sizeof buf, "%.1f", round_percent(v));
    std::string s = buf;
    if (lang == CsvLang::nb) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string percent_text(double v, CsvLang lang) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    std::string s = buf;
    if (lang == CsvLang::nb) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string date_text(Date d, CsvLang lang) { return lang == CsvLang::nb ? format_norwegian(d) : format_iso(d); }

} // namespace

std::string export_stats_csv(const StatsResult& s, const Dataset& ds, const Role& role, CsvLang lang) {
    const bool nb = lang == CsvLang::nb;
    StatsResult v = visible_stats(s, role);
    CsvWriter w{nb ? ';' : ','};
    const char* head_nb[] = {"Enhet", "Fra", "Til", "Ansatte", "Mulige dagsverk", "Tapte dagsverk",
                             "Tapte dagsverk egenmeldt", "Tapte dagsverk legemeldt", "Sykefravær (%)"};
    const char* head_en[] = {"Unit", "From", "To", "Employees", "Possible workdays", "Lost workdays",
                             "Lost workdays self-certified", "Lost workdays doctor-certified", "Sick leave (%)"};
    for (int i = 0; i < 9; ++i) w.cell(nb ? head_nb[i] : head_en[i], i == 0);
    w.end_row();
    std::unordered_map<std::string_view, std::string_view> names;
    for (const Unit& u : ds.units) names.emplace(u.id, u.name);
    const std::string masked = nb ? "skjermet" : "masked";
    for (const StatsGroup& g : v.groups) {
        std::string unit = !g.unit ? (nb ? "Hele organisasjonen" : "Whole organisation")
                                   : (names.count(*g.unit) ? std::string(names[*g.unit]) : *g.unit);
        w.cell(unit, true);
        w.cell(date_text(v.from, lang), false, false);
        w.cell(date_text(v.to, lang), false, false);
        w.cell(std::to_string(g.employees), false, false);
        if (g.masked || !g.sums) {
            for (int i = 0; i < 5; ++i) w.cell(masked);
        } else {
            w.cell(number(g.sums->mulige, lang), false, false);
            w.cell(number(g.sums->tapte, lang), false, false);
            w.cell(number(g.sums->tapte_egenmeldt, lang), false, false);
            w.cell(number(g.sums->tapte_legemeldt, lang), false, false);
            w.cell(g.percent ? number(*g.percent, lang) : std::string(), false, false);
        }
        w.end_row();
    }
    return w.out;
}

std::string export_employees_csv(const Dataset& ds, const Role& role, CsvLang lang) {
    const bool nb = lang == CsvLang::nb;
    Dataset v = visible_dataset(ds, role);
    CsvWriter w{nb ? ';' : ','};
    // One row per employment period; the sluttårsak is the stored code, which the import reads back.
    const char* head_nb[] = {"id", "navn", "enhet", "enhetsnavn", "stillingsprosent", "fra", "til", "fødselsår", "sluttårsak"};
    const char* head_en[] = {"id", "name", "unit", "unit_name", "percent", "from", "to", "birth_year", "end_reason"};
    for (int i = 0; i < 9; ++i) w.cell(nb ? head_nb[i] : head_en[i], i == 0);
    w.end_row();
    std::unordered_map<std::string_view, std::string_view> names;
    for (const Unit& u : v.units) names.emplace(u.id, u.name);
    for (const Employee& e : v.employees) {
        for (const Employment& m : e.employment) {
            w.cell(e.id, true);
            w.cell(e.name);
            w.cell(e.unit);
            w.cell(names.count(e.unit) ? names[e.unit] : std::string_view());
            w.cell(percent_text(m.percent, lang), false, false);
            w.cell(date_text(m.from, lang), false, false);
            w.cell(m.to ? date_text(*m.to, lang) : std::string(), false, false);
            w.cell(e.birth_year ? std::to_string(*e.birth_year) : std::string(), false, false);
            w.cell(m.end_reason ? to_string(*m.end_reason) : "", false, false);
            w.end_row();
        }
    }
    return w.out;
}

} // namespace iadesk
