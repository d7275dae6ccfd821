// ics: iCalendar export of milestones (include/iadesk/ics.hpp; RFC 5545 §3.1 folding,
// §3.3.11 TEXT escaping, §3.6.1 VEVENT).
#include "iadesk/ics.hpp"
#include "iadesk/enum_text.hpp"

#include <cstdio>
#include <unordered_map>

namespace iadesk {

std::string ics_escape_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case ';': out += "\\;"; break;
        case ',': out += "\\,"; break;
        case '\n': out += "\\n"; break;
        case '\r': break;
        default: out += c;
        }
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    std::string out;
    std::size_t limit = 75; // octets of the first line; continuation lines: 1 space + 74
    while (line.size() > limit) {
        std::size_t cut = limit;
        // Never split a UTF-8 sequence: back off over continuation bytes (10xxxxxx).
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        limit = 74;
    }
    out.append(line);
    out += "\r\n";
    return out;
}

namespace {

std::string uid_part(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
        else { out += '%'; out += hex[c >> 4]; out += hex[c & 15]; }
    }
    return out;
}

std::string ymd(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year(), d.month(), d.day());
    return buf;
}

std::string stamp(int64_t secs) {
    int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    int64_t rest = secs - days * 86400;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d%02d%02dZ", ymd(Date{static_cast<int32_t>(days)}).c_str(),
                  static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60), static_cast<int>(rest % 60));
    return buf;
}

// Who is responsible for a milestone (rule sets' "responsible"), as the description names them.
constexpr CodeText kResponsible[] = {
    {"arbeidsgiver", "arbeidsgiver", "employer"}, {"nav", "NAV", "NAV"},
    {"arbeidstaker", "arbeidstaker", "employee"}, {"sykmelder", "sykmelder", "the certifying doctor"},
};
const char* responsible(const std::string& code, bool english) {
    const CodeText* r = find_code(kResponsible, code);
    return !r ? nullptr : english ? r->en : r->nb;
}

} // namespace

std::string milestones_ics(const std::vector<CaseSchedule>& schedules, const Dataset& ds, const Role& role,
                           const IcsOptions& opt) {
    std::unordered_map<std::string_view, const Employee*> by_id;
    by_id.reserve(ds.employees.size());
    for (const Employee& e : ds.employees) by_id.emplace(e.id, &e);

    std::string out;
    auto line = [&](std::string_view l) { out += ics_fold(l); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//iadesk//Oppfolging//NB");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:" + ics_escape_text((opt.english ? "Follow-up – " : "Oppfølging – ") + ds.organisation.name));
    const std::string dtstamp = "DTSTAMP:" + stamp(opt.now_unix_seconds);
    // RFC 5545 §3.8.4.3: the organiser's address, with the organisation's name as CN (a quoted
    // parameter value, which may not hold a DQUOTE).
    std::string organizer;
    if (!ds.organisation.email.empty()) {
        std::string cn;
        for (char ch : ds.organisation.name)
            if (ch != '"' && static_cast<unsigned char>(ch) >= 0x20) cn += ch;
        organizer = "ORGANIZER;CN=\"" + cn + "\":mailto:" + ds.organisation.email;
    }
    const std::string uid_org = uid_part(ds.organisation.orgnr.empty() ? ds.organisation.name : ds.organisation.orgnr);
    for (const CaseSchedule& s : schedules) {
        if (!s.sickness_case) continue;
        const SicknessCase& c = *s.sickness_case;
        auto it = by_id.find(c.employee);
        if (it == by_id.end() || !may_see_employee(role, *it->second)) continue;
        const Employee& e = *it->second;
        for (const Milestone& m : s.milestones) {
            if (!m.has_due()) continue;
            if (m.status == MilestoneStatus::not_applicable || m.status == MilestoneStatus::on_request) continue;
            const bool cancelled =
                !opt.include_done && (m.status == MilestoneStatus::done || m.status == MilestoneStatus::exempt);
            const std::string& label = opt.english ? m.rule->label_en : m.rule->label_nb;
            std::string desc;
            if (opt.english) {
                desc = "Sick leave from " + format_iso(c.start) + ", week " + std::to_string(c.week_on(m.due)) + ".";
                if (const char* r = responsible(m.rule->responsible, true)) desc += std::string(" Responsible: ") + r + ".";
            } else {
                desc = "Sykefraværstilfelle fra " + format_norwegian(c.start) + ", uke " + std::to_string(c.week_on(m.due)) + ".";
                if (const char* r = responsible(m.rule->responsible, false)) desc += std::string(" Ansvarlig: ") + r + ".";
            }
            line("BEGIN:VEVENT");
            line("UID:iadesk-" + uid_org + "-" + uid_part(e.id) + "-" + ymd(c.start) + "-" + uid_part(m.rule->id) + "@iadesk");
            line(dtstamp);
            if (!organizer.empty()) line(organizer);
            if (cancelled) {
                line("SEQUENCE:1");
                line("STATUS:CANCELLED");
            }
            line("DTSTART;VALUE=DATE:" + ymd(m.due));
            line("DTEND;VALUE=DATE:" + ymd(m.due + 1));
            line("SUMMARY:" + ics_escape_text(label + " – " + e.name));
            line("DESCRIPTION:" + ics_escape_text(desc));
            line("TRANSP:TRANSPARENT");
            line("END:VEVENT");
        }
    }
    line("END:VCALENDAR");
    return out;
}

} // namespace iadesk
