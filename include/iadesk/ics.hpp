// ics: an iCalendar file (RFC 5545) of follow-up milestones (docs/domain.md, Follow-up milestones), for
// importing into Outlook, Google or Apple calendars.
//
// Contract
// - VCALENDAR 2.0 with one all-day VEVENT per milestone that has a due date (DTSTART;VALUE=DATE
//   = the due day, DTEND = the day after, TRANSP:TRANSPARENT). Milestones that are
//   not_applicable or on_request are left out.
// - A milestone that is done or exempt is a cancellation (STATUS:CANCELLED, SEQUENCE:1: RFC 5545
//   §3.8.1.11 and §3.8.7.4), so a calendar that imported it while it was open takes it away when
//   the updated file is imported; with include_done it is an ordinary event instead.
// - UID = "iadesk-<orgnr>-<employee>-<case start yyyymmdd>-<milestone id>@iadesk" (the organisation
//   number, or its name when it has none; characters outside A-Z a-z 0-9 are %-encoded): unique per
//   organisation, so two registers never share an event, and re-importing an updated file updates
//   the same events.
// - SUMMARY "<milestone label> – <employee name>", e.g. "Dialogmøte 1 – Kari Nordmann";
//   DESCRIPTION names the case start, the week of the case (docs/domain.md, Cases and weeks) and
//   who is responsible.
// - Lines end in CRLF and are folded at 75 octets (continuation lines begin with one space),
//   never inside a UTF-8 sequence; TEXT values escape \ ; , and newlines (RFC 5545 §3.3.11).
// - Role filtering (access.hpp): only employees the role may see (may_see_employee) appear.
// - DTSTAMP comes from `now_unix_seconds` (the core has no clock): equal input, equal bytes.
#pragma once

#include "iadesk/access.hpp"
#include "iadesk/milestones.hpp"
#include "iadesk/model.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk {

struct IcsOptions {
    int64_t now_unix_seconds = 0;  // DTSTAMP of every event
    bool include_done = false;     // also milestones marked done or exempt
    bool english = false;          // labels and descriptions in English instead of bokmål
};

std::string milestones_ics(const std::vector<CaseSchedule>& schedules, const Dataset& ds, const Role& role,
                           const IcsOptions& opt = {});

// Building blocks (exposed for tests).
std::string ics_escape_text(std::string_view text);   // \ ; , newline -> \\ \; \, \n; CR dropped
std::string ics_fold(std::string_view line);          // one content line -> folded, CRLF-terminated

} // namespace iadesk
