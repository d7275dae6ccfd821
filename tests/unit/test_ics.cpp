// iCalendar export of milestones (RFC 5545; include/iadesk/ics.hpp). Expectations written by hand.
#include "iadesk/ics.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace iadesk;

namespace {

constexpr auto d = &testing::ymd; // d(2026, 3, 2): 02.03.2026

struct Fixture {
    Dataset ds;
    RuleSet rules;
    SicknessCase sc;
    CaseSchedule schedule;
    MilestoneEvent done_event{"E1", d(2026, 1, 5), "oppfolgingsplan", EventStatus::done, d(2026, 1, 30), ""};

    Fixture() {
        ds = testing::fjordvik_two_units();
        ds.employees = {testing::employed_since("E1", "Kari Nordmann", "U1", d(2020, 1, 1))};
        rules.id = "current";
        rules.milestones = {
            {"oppfolgingsplan", "Oppfølgingsplan", "Follow-up plan", true, DueAnchor::case_start, 27, "arbeidsgiver",
             Applicability::always, ""},
            {"dialogmote1", "Dialogmøte 1", "Dialogue meeting 1", true, DueAnchor::case_start, 48, "arbeidsgiver",
             Applicability::always, ""},
            {"dialogmote3", "Dialogmøte 3", "Dialogue meeting 3", false, DueAnchor::case_start, 0, "nav",
             Applicability::on_request, ""},
        };
        sc.employee = "E1";
        sc.start = d(2026, 1, 5);
        schedule.sickness_case = &sc;
        schedule.rule_set = &rules;
        schedule.milestones = {
            {&rules.milestones[0], d(2026, 2, 1), MilestoneStatus::done, &done_event},
            {&rules.milestones[1], d(2026, 2, 22), MilestoneStatus::upcoming, nullptr},
            {&rules.milestones[2], d(2026, 1, 5), MilestoneStatus::on_request, nullptr},
        };
    }
};

const int64_t kNow = 1767225600 + 3723; // 2026-01-01 01:02:03 UTC

} // namespace

TEST_CASE("ics: one all-day VEVENT per milestone with a date, a done one as a cancellation, golden file") {
    Fixture f;
    const std::string ics = milestones_ics({f.schedule}, f.ds, Role::hr(), {kNow, false, false});
    // The plan is done (due 01.02.2026, day 27 of the case from 05.01.2026: week 4): cancelled, so a
    // calendar that has it from an earlier import takes it away. Dialogmøte 1 is open.
    CHECK(ics ==
          "BEGIN:VCALENDAR\r\n"
          "VERSION:2.0\r\n"
          "PRODID:-//iadesk//Oppfolging//NB\r\n"
          "CALSCALE:GREGORIAN\r\n"
          "METHOD:PUBLISH\r\n"
          "X-WR-CALNAME:Oppfølging – Fjordvik kommune\r\n"
          "BEGIN:VEVENT\r\n"
          "UID:iadesk-974760673-E1-20260105-oppfolgingsplan@iadesk\r\n"
          "DTSTAMP:20260101T010203Z\r\n"
          "SEQUENCE:1\r\n"
          "STATUS:CANCELLED\r\n"
          "DTSTART;VALUE=DATE:20260201\r\n"
          "DTEND;VALUE=DATE:20260202\r\n"
          "SUMMARY:Oppfølgingsplan – Kari Nordmann\r\n"
          "DESCRIPTION:Sykefraværstilfelle fra 05.01.2026\\, uke 4. Ansvarlig: arbeids\r\n"
          " giver.\r\n"
          "TRANSP:TRANSPARENT\r\n"
          "END:VEVENT\r\n"
          "BEGIN:VEVENT\r\n"
          "UID:iadesk-974760673-E1-20260105-dialogmote1@iadesk\r\n"
          "DTSTAMP:20260101T010203Z\r\n"
          "DTSTART;VALUE=DATE:20260222\r\n"
          "DTEND;VALUE=DATE:20260223\r\n"
          "SUMMARY:Dialogmøte 1 – Kari Nordmann\r\n"
          "DESCRIPTION:Sykefraværstilfelle fra 05.01.2026\\, uke 7. Ansvarlig: arbeids\r\n"
          " giver.\r\n"
          "TRANSP:TRANSPARENT\r\n"
          "END:VEVENT\r\n"
          "END:VCALENDAR\r\n");
}

TEST_CASE("ics: UIDs are unique per organisation: another register gives other UIDs for the same case") {
    Fixture f;
    const std::string ours = milestones_ics({f.schedule}, f.ds, Role::hr(), {kNow});
    f.ds.organisation.orgnr = "";
    f.ds.organisation.name = "Nordlys AS";
    const std::string theirs = milestones_ics({f.schedule}, f.ds, Role::hr(), {kNow});
    CHECK(ours.find("UID:iadesk-974760673-E1-20260105-dialogmote1@iadesk\r\n") != std::string::npos);
    CHECK(theirs.find("UID:iadesk-Nordlys%20AS-E1-20260105-dialogmote1@iadesk\r\n") != std::string::npos);
}

TEST_CASE("ics: done milestones on request, English, and stable UIDs") {
    Fixture f;
    const std::string all = milestones_ics({f.schedule}, f.ds, Role::hr(), {kNow, true, true});
    CHECK(all.find("UID:iadesk-974760673-E1-20260105-oppfolgingsplan@iadesk\r\n") != std::string::npos);
    CHECK(all.find("STATUS:CANCELLED") == std::string::npos); // with include_done: an ordinary event
    CHECK(all.find("SUMMARY:Follow-up plan – Kari Nordmann\r\n") != std::string::npos);
    CHECK(all.find("dialogmote3") == std::string::npos); // on request: no date to put in a calendar
    // Same input, same bytes.
    CHECK(all == milestones_ics({f.schedule}, f.ds, Role::hr(), {kNow, true, true}));
    // Odd characters in ids are %-encoded in the UID.
    f.ds.employees[0].id = "E 1/ø";
    f.sc.employee = "E 1/ø";
    const std::string odd = milestones_ics({f.schedule}, f.ds, Role::hr(), {kNow, false, false});
    CHECK(odd.find("UID:iadesk-974760673-E%201%2F%C3%B8-20260105-dialogmote1@iadesk\r\n") != std::string::npos);
}

TEST_CASE("ics: roles - a manager of another unit, a tillitsvalgt and another employee get no events") {
    Fixture f;
    CHECK(milestones_ics({f.schedule}, f.ds, Role::manager("U1"), {kNow}).find("BEGIN:VEVENT") != std::string::npos);
    CHECK(milestones_ics({f.schedule}, f.ds, Role::employee_of("E1"), {kNow}).find("Kari") != std::string::npos);
    for (const Role& r : {Role::manager("U2"), Role::tillitsvalgt(), Role::employee_of("E2")}) {
        const std::string ics = milestones_ics({f.schedule}, f.ds, r, {kNow});
        CHECK(ics.find("BEGIN:VEVENT") == std::string::npos);
        CHECK(ics.find("Kari") == std::string::npos);
    }
}

TEST_CASE("ics: TEXT escaping of backslash, semicolon, comma and newlines") {
    CHECK(ics_escape_text("Nordmann, Kari; avd. A\\B\r\nny linje") == "Nordmann\\, Kari\\; avd. A\\\\B\\nny linje");
    CHECK(ics_escape_text("") == "");
}

TEST_CASE("ics: folding at 75 octets never splits a UTF-8 character") {
    // "SUMMARY:" + 66 'a' = 74 octets; 'ø' is two octets (C3 B8) at 74..75, so cutting at 75
    // would split it: the first line ends after 74 octets instead.
    const std::string line = "SUMMARY:" + std::string(66, 'a') + "øvelse – Kari Nordmann";
    CHECK(ics_fold(line) == "SUMMARY:" + std::string(66, 'a') + "\r\n øvelse – Kari Nordmann\r\n");
    // Exactly 75 octets: not folded.
    const std::string exact = std::string(75, 'x');
    CHECK(ics_fold(exact) == exact + "\r\n");
    // 76 ASCII octets: 75 + " " + 1.
    CHECK(ics_fold(std::string(76, 'x')) == std::string(75, 'x') + "\r\n x\r\n");
    // A long Norwegian summary: every physical line <= 75 octets, no line begins inside a
    // character, and unfolding gives the original back.
    std::string summary = "SUMMARY:";
    for (int i = 0; i < 12; ++i) summary += "Oppfølgingsplan før dialogmøte – Åse Ødegård Ærø, ";
    const std::string folded = ics_fold(summary);
    std::string unfolded;
    std::size_t pos = 0;
    int lines = 0;
    while (pos < folded.size()) {
        std::size_t end = folded.find("\r\n", pos);
        REQUIRE(end != std::string::npos);
        std::string_view l(folded.data() + pos, end - pos);
        CHECK(l.size() <= 75);
        if (lines > 0) {
            REQUIRE(l.size() >= 2);
            CHECK(l[0] == ' ');
            CHECK((static_cast<unsigned char>(l[1]) & 0xC0) != 0x80);
            l.remove_prefix(1);
        }
        unfolded += l;
        ++lines;
        pos = end + 2;
    }
    CHECK(lines >= 10);
    CHECK(unfolded == summary);
}

TEST_CASE("ics: ORGANIZER is the organisation's follow-up e-mail, with its name as CN, on every event") {
    Fixture f;
    CHECK(milestones_ics({f.schedule}, f.ds, Role::hr(), {kNow}).find("ORGANIZER") == std::string::npos); // none given
    f.ds.organisation.email = "hr@fjordvik.kommune.no";
    f.ds.organisation.name = "Fjordvik \"kommune\"";
    const std::string out = milestones_ics({f.schedule}, f.ds, Role::hr(), {kNow});
    // Two events (the plan, done: a cancellation; dialogmøte 1), each with the organiser; the quotes
    // of the name are left out (RFC 5545: a quoted parameter value holds no DQUOTE).
    const std::string line = "ORGANIZER;CN=\"Fjordvik kommune\":mailto:hr@fjordvik.kommune.no\r\n";
    std::size_t n = 0;
    for (std::size_t at = out.find(line); at != std::string::npos; at = out.find(line, at + 1)) ++n;
    CHECK(n == 2);
}

TEST_CASE("ics: the e-mail check of the organisation") {
    CHECK(is_plausible_email("hr@fjordvik.kommune.no"));
    CHECK(is_plausible_email("ola.nordmann+ia@firma.no"));
    CHECK_FALSE(is_plausible_email("hr fjordvik.no"));
    CHECK_FALSE(is_plausible_email("hr@localhost"));
    CHECK_FALSE(is_plausible_email("@firma.no"));
    CHECK_FALSE(is_plausible_email("a@@firma.no"));
    CHECK_FALSE(is_plausible_email("a@firma.no\r\nBEGIN:VEVENT")); // no line break reaches the file
    CHECK_FALSE(is_plausible_email(std::string(250, 'a') + "@b.no"));
}
