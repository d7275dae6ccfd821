// problem_text: the one table of problem texts (include/iadesk/problems.hpp). Each rule is worded
// here once, in bokmål and English; the checks that enforce it (the loader, the commands, the CSV
// imports) only name the code and give the arguments.
#include "iadesk/problems.hpp"

#include "dataset_internal.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace iadesk {

namespace detail_ds {
// A value quoted in a message: at most 40 code points, cut at a character boundary, bytes that are
// not valid UTF-8 (and control characters) shown as "?".
std::string excerpt(std::string_view s, std::size_t max) {
    std::string out;
    std::size_t points = 0, i = 0;
    while (i < s.size() && points < max) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c < 0xE0) ? 2 : (c >= 0xE0 && c < 0xF0) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
        bool ok = len > 0 && i + len <= s.size();
        for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (ok && c >= 0x20 && c != 0x7F) out.append(s.substr(i, len));
        else out.push_back('?');
        i += ok ? len : 1;
        ++points;
    }
    if (i < s.size()) out += "…";
    return out;
}

} // namespace detail_ds

namespace {

using detail_ds::excerpt;

using C = ProblemCode;

constexpr ProblemTemplate kTemplates[] = {
    {C::required, "required", "{field} må fylles ut", "{field} must be filled in"},
    {C::text_too_long, "text.too_long", "Teksten er for lang ({n} byte; høyst {max})",
     "The text is too long ({n} bytes; at most {max})"},
    {C::text_too_many_chars, "text.too_many_chars", "Teksten kan ha høyst {max} tegn (har {n})",
     "The text may have at most {max} characters (has {n})"},
    {C::date_out_of_range, "date.out_of_range", "Datoen må ligge i årene 1900–2200 (år {year})",
     "The date must lie in the years 1900-2200 (year {year})"},
    {C::end_before_start, "date.end_before_start", "Sluttdato {to} er før startdato {from}",
     "End date {to} is before start date {from}"},
    {C::date_before_case, "date.before_case", "Datoen {date} er før tilfellets start {start}",
     "The date {date} is before the case start {start}"},
    {C::date_in_future, "date.in_future", "Datoen kan ikke være i fremtiden (i dag er {today})",
     "The date cannot be in the future (today is {today})"},
    {C::date_before, "date.before", "Datoen kan ikke være før {date}", "The date cannot be before {date}"},
    {C::number_not_finite, "number.not_finite", "Må være et tall", "Must be a number"},
    {C::id_taken, "id.taken", "ID-en «{id}» er allerede brukt av {other}", "The id \"{id}\" is already used by {other}"},
    {C::id_fixed, "id.fixed", "ID-en kan ikke endres (var «{id}»)", "The id cannot change (was \"{id}\")"},
    {C::record_gone, "record.gone", "Oppføringen finnes ikke (lenger)", "The record does not exist (any more)"},

    {C::unknown_unit, "ref.unit", "Ukjent enhet «{id}» (velg en enhet som finnes)", "Unknown unit \"{id}\" (choose an existing unit)"},
    {C::unknown_employee, "ref.employee", "Ukjent ansatt «{id}»", "Unknown employee \"{id}\""},
    {C::unknown_goal, "ref.goal", "Ukjent mål «{id}»", "Unknown goal \"{id}\""},
    {C::unknown_activity, "ref.activity", "Ukjent aktivitet «{id}»", "Unknown activity \"{id}\""},
    {C::unknown_option, "ref.adjustment_option", "Ukjent tilretteleggingsmulighet «{id}»", "Unknown adjustment option \"{id}\""},
    {C::unknown_milestone, "ref.milestone", "Ukjent milepæl «{id}» (kjente: {known})", "Unknown milestone \"{id}\" (known: {known})"},
    {C::unknown_template, "ref.template", "Ukjent mal «{id}»", "Unknown template \"{id}\""},
    {C::unknown_meeting, "ref.meeting", "Ukjent møte «{id}»", "Unknown meeting \"{id}\""},
    {C::unknown_plan, "ref.plan", "Ukjent plan «{id}»", "Unknown plan \"{id}\""},

    {C::orgnr_invalid, "orgnr.invalid",
     "Ugyldig organisasjonsnummer «{orgnr}» (9 siffer der det siste er kontrollsiffer etter modulus 11)",
     "Invalid organisation number \"{orgnr}\" (9 digits, the last a modulus-11 check digit)"},
    {C::email_invalid, "email.invalid", "E-postadressen «{email}» ser ikke riktig ut (navn@domene.no, uten mellomrom)",
     "The e-mail address \"{email}\" does not look right (name@domain.no, no spaces)"},
    {C::naeringskode_invalid, "naeringskode.invalid",
     "Næringskoden «{code}» har ikke formen NN.NNN ({standard}: to sifre, punktum, tre sifre, som i Enhetsregisteret)",
     "The næringskode (industry code) \"{code}\" is not of the form NN.NNN ({standard}: two digits, a dot, three digits, as in Enhetsregisteret)"},
    {C::birth_year_range, "birth_year.range", "Fødselsåret må ligge i 1900–2200 (var {year})",
     "The birth year must lie in 1900-2200 (was {year})"},
    {C::birth_date_year, "birth_date.year", "Fødselsdatoen {date} passer ikke med fødselsåret {year}",
     "The birth date {date} does not match the birth year {year}"},
    {C::national_id_invalid, "national_id.invalid", "Fødselsnummeret må ha 11 siffer der de to siste er kontrollsifre (modulus 11)",
     "The national identity number must have 11 digits, the last two being control digits (modulus 11)"},
    {C::egenmelding_days, "egenmelding.days", "Egenmelding kan gjelde 1–16 dager om gangen (var {value}; ftrl. § 8-24)",
     "Egenmelding may cover 1-16 days at a time (was {value}; ftrl § 8-24)"},
    {C::egenmelding_per_year, "egenmelding.per_year", "Grensen per 12 måneder må ligge i 1–366 (var {value})",
     "The limit per 12 months must lie in 1-366 (was {value})"},
    {C::egenmelding_no_limit, "egenmelding.no_limit", "Regelen må begrense antall ganger eller antall dager per 12 måneder",
     "The rule must limit the times or the days per 12 months"},
    {C::percent_range, "percent.range", "Stillingsprosenten må være over 0 og høyst 100 (var {value})",
     "The position percent must be above 0 and at most 100 (was {value})"},
    {C::employment_required, "employment.required", "Den ansatte må ha minst ett arbeidsforhold",
     "The employee needs at least one employment period"},
    {C::employment_last, "employment.last", "Den ansatte må ha minst ett arbeidsforhold; slett heller den ansatte",
     "The employee needs at least one employment period; remove the employee instead"},
    {C::employment_missing, "employment.missing", "Arbeidsforhold nr. {n} finnes ikke", "Employment period no. {n} does not exist"},
    {C::employment_overlap, "employment.overlap", "Arbeidsforholdet {period} overlapper med {other}",
     "The employment period {period} overlaps {other}"},
    {C::employment_unsorted, "employment.unsorted", "Arbeidsforholdene må være sortert etter startdato",
     "Employment periods must be sorted by start date"},
    {C::end_reason_open, "employment.end_reason_open", "Sluttårsak kan bare gis når arbeidsforholdet har en sluttdato (Til)",
     "An end reason can only be given when the employment period has an end date (to)"},
    {C::unit_not_empty, "unit.not_empty", "Enheten {name} har ansatte ({n}); flytt dem til en annen enhet først",
     "The unit {name} has employees ({n}); move them to another unit first"},
    {C::unit_closed, "unit.closed", "Enheten {name} ble lagt ned {date}; velg en enhet som er i bruk",
     "The unit {name} was closed on {date}; choose a unit in use"},
    {C::unit_same, "unit.same", "Den ansatte er allerede i {name}", "The employee is already in {name}"},
    {C::unit_has_history, "unit.has_history", "Enheten {name} står i historikken til ansatte ({n}); legg den ned i stedet for å slette den",
     "The unit {name} is in the history of employees ({n}); close it instead of removing it"},
    {C::earlier_units_order, "earlier_units.order", "Enhetshistorikken må være i tidsrekkefølge ({date} kommer etter {previous})",
     "The unit history must be in date order ({date} comes after {previous})"},
    {C::move_date, "move.date", "Flyttedatoen {date} må være etter {earliest}, siste dag i forrige enhet",
     "The move date {date} must be after {earliest}, the last day in the previous unit"},

    {C::grade_range, "grade.range", "Grad må være mellom 20 og 100 (var {value})", "Grade must be between 20 and 100 (was {value})"},
    {C::grade_egenmelding, "grade.egenmelding", "Egenmelding har alltid grad 100 (var {value})",
     "An egenmelding always has grade 100 (was {value})"},
    {C::absence_overlap, "absence.overlap", "Fraværet overlapper med et annet fravær for samme ansatt ({period})",
     "The absence overlaps another absence of the same employee ({period})"},
    {C::absence_outside_employment, "absence.outside_employment", "Fraværet begynner {date}, utenfor arbeidsforholdet ({period})",
     "The absence starts {date}, outside the employment ({period})"},
    {C::exemption_reason, "exemption.reason", "Unntak krever en begrunnelse, f.eks. «åpenbart unødvendig» (aml. § 4-6)",
     "An exemption needs a reason, e.g. \"åpenbart unødvendig\" (aml § 4-6)"},
    {C::event_date_in_future, "event.date_in_future",
     "Datoen {date} er etter i dag ({today}): skriv dagen milepælen faktisk ble utført eller unntatt",
     "The date {date} is after today ({today}): enter the day the milestone was actually done or exempted"},

    {C::goal_period, "goal.period", "Perioden må være et år (ÅÅÅÅ) eller et kvartal (ÅÅÅÅ-Qn) i 1900–2200",
     "The period must be a year (YYYY) or a quarter (YYYY-Qn) in 1900-2200"},
    {C::goal_target_both, "goal.target_both", "Oppgi målet enten som verdi eller som endring, ikke begge",
     "Give the target either as a value or as a change, not both"},
    {C::goal_change_range, "goal.change_range", "Endringen må være over −100 % og høyst 1000 % (var {value})",
     "The change must be above -100 % and at most 1000 % (was {value})"},
    {C::goal_unit_twice, "goal.unit_twice", "Enheten «{unit}» er valgt to ganger", "The unit \"{unit}\" is chosen twice"},
    {C::goal_percent_range, "goal.percent_range", "Sykefraværsprosenten må ligge mellom 0 og 100 (var {value})",
     "The sick-leave percentage must lie between 0 and 100 (was {value})"},
    {C::goal_period_twice, "goal.period_twice", "Perioden {period} er registrert to ganger", "The period {period} is recorded twice"},
    {C::goal_count_min, "goal.count_min", "Antallet må være minst 1 (var {value})", "The count must be at least 1 (was {value})"},
    {C::decision_empty, "meeting.decision_empty", "Vedtaket må fylles ut", "The decision must be filled in"},
    {C::half_year_year, "half_year.year", "Året må ligge i 1900–2200 (var {year})", "The year must lie in 1900-2200 (was {year})"},
    {C::half_year_half, "half_year.half", "Halvåret må være 1 (januar–juni) eller 2 (juli–desember) (var {half})",
     "The half must be 1 (January-June) or 2 (July-December) (was {half})"},
    {C::half_year_twice, "half_year.twice", "Halvåret {period} er registrert to ganger ({other})",
     "The half year {period} is recorded twice ({other})"},
    {C::half_year_unsigned, "half_year.unsigned", "Halvårsrapporten for {period} er ikke signert",
     "The half-year report for {period} is not signed off"},
    {C::role_half_year_write, "role.half_year_write", "Bare HR / arbeidsgiver kan skrive halvårsrapporten",
     "Only HR / the employer may write the half-year report"},
    {C::role_half_year_sign, "role.half_year_sign", "Bare tillitsvalgt kan signere halvårsrapporten eller trekke signeringen tilbake",
     "Only the union representative may sign off the half-year report or withdraw the sign-off"},

    {C::plan_case_has_plan, "plan.case_has_plan", "Sykefraværstilfellet har allerede en plan", "The sickness case already has a plan"},
    {C::plan_needs_version, "plan.needs_version", "En plan må ha minst én versjon eller et unntak",
     "A plan needs at least one version or an exemption"},
    {C::plan_version_number, "plan.version_number", "Versjonene må være nummerert 1, 2, 3 … (ventet {n})",
     "Versions must be numbered 1, 2, 3 ... (expected {n})"},
    {C::plan_recipient, "plan.recipient", "Ukjent mottaker «{value}» (sykmelder, nav, arbeidstaker, bht eller annen)",
     "Unknown recipient \"{value}\" (sykmelder, nav, arbeidstaker, bht or annen)"},
    {C::plan_no_version, "plan.no_version", "Planen har ingen versjon {n}", "The plan has no version {n}"},
    {C::plan_describe_task, "plan.describe_task", "Beskriv arbeidsoppgaven", "Describe the task"},
    {C::plan_describe_measure, "plan.describe_measure", "Beskriv tiltaket", "Describe the measure"},
    {C::plan_measure_dates, "plan.measure_dates", "Til-datoen kan ikke være før fra-datoen ({from})",
     "The end date cannot be before the start date ({from})"},
    {C::plan_evaluation_past, "plan.evaluation_past", "Evalueringsdatoen må være etter i dag ({today})",
     "The evaluation date must be after today ({today})"},
    {C::plan_evaluation_far, "plan.evaluation_far", "Evalueringsdatoen kan være høyst ett år frem i tid (senest {limit})",
     "The evaluation date may be at most one year ahead (at the latest {limit})"},
    {C::plan_not_participated, "plan.not_participated", "Skriv hvorfor arbeidstakeren ikke har medvirket",
     "Say why the employee did not take part"},
    {C::plan_before_case, "plan.before_case", "Planen kan ikke lages før sykefraværet startet ({start})",
     "The plan cannot be made before the sick leave started ({start})"},
    {C::plan_no_previous, "plan.no_previous", "Det finnes ingen tidligere versjon å bygge på", "There is no earlier version to start from"},
    {C::plan_exempted, "plan.exempted", "Saken er unntatt fra oppfølgingsplan (åpenbart unødvendig); angre unntaket først",
     "The case is exempted from a follow-up plan (obviously unnecessary); undo the exemption first"},
    {C::plan_draft_open, "plan.draft_open", "Siste versjon er fortsatt et utkast: endre utkastet, eller marker enige først",
     "The last version is still a draft: edit the draft, or mark it agreed first"},
    {C::plan_empty, "plan.empty", "Planen har ingen versjon ennå", "The plan has no version yet"},
    {C::plan_version_agreed, "plan.version_agreed", "Versjonen er avtalt og kan ikke endres: lag en ny versjon",
     "The version is agreed and cannot change: make a new version"},
    {C::plan_already_agreed, "plan.already_agreed", "Versjonen er allerede avtalt", "The version is already agreed"},
    {C::plan_share_unagreed, "plan.share_unagreed", "Versjonen må være avtalt før den deles",
     "The version must be agreed before it is shared"},
    {C::plan_exempt_has_plan, "plan.exempt_has_plan",
     "Saken har allerede en oppfølgingsplan; unntak kan bare gis når det ikke finnes en plan",
     "The case already has a follow-up plan; an exemption is only possible without one"},
    {C::plan_already_exempt, "plan.already_exempt", "Saken er allerede unntatt", "The case is already exempted"},
    {C::nav_exempted, "nav.exempted", "Saken er unntatt fra oppfølgingsplan (åpenbart unødvendig): det er ingen plan å sende til NAV",
     "The case is exempted from a follow-up plan (obviously unnecessary): there is no plan to send to NAV"},
    {C::nav_national_id_missing, "nav.national_id_missing", "Fødselsnummeret til {name} mangler: NAV krever det (HR legger det inn under Ansatte)",
     "{name}'s national identity number is missing: NAV requires it (HR enters it under Employees)"},
    {C::nav_participation, "nav.participation", "Svar på om arbeidstakeren har medvirket i planen: NAV krever svaret",
     "Answer whether the employee took part in the plan: NAV requires the answer"},
    {C::nav_help_without_send, "nav.help_without_send", "Behov for hjelp fra NAV forutsetter at planen sendes til NAV",
     "Help from NAV requires that the plan is sent to NAV"},

    {C::file_empty, "file.empty", "Filen er tom (ingen JSON)", "The file is empty (no JSON)"},
    {C::input_too_large, "file.too_large", "Filen er for stor ({mb} MB; høyst {max} MB)", "The file is too large ({mb} MB; at most {max} MB)"},
    {C::json_syntax, "json.syntax", "Ugyldig JSON ved linje {line}, kolonne {column} ({detail})",
     "Invalid JSON at line {line}, column {column} ({detail})"},
    {C::not_an_object, "json.not_object", "Må være et objekt (var {actual})", "Must be an object (was {actual})"},
    {C::document_not_object, "json.document_not_object", "Dokumentet må være et JSON-objekt (var {actual})",
     "The document must be a JSON object (was {actual})"},
    {C::wrong_type, "json.wrong_type", "Må være {expected} (var {actual})", "Must be {expected} (was {actual})"},
    {C::field_missing, "json.field_missing", "Feltet «{key}» mangler", "Field \"{key}\" is missing"},
    {C::field_twice, "json.field_twice", "Feltet «{key}» forekommer mer enn én gang", "Field \"{key}\" occurs more than once"},
    {C::invalid_date, "json.invalid_date", "Ugyldig dato «{value}» (forventet en ekte dato ÅÅÅÅ-MM-DD, år 1900–2200)",
     "Invalid date \"{value}\" (expected a real date YYYY-MM-DD, year 1900-2200)"},
    {C::not_an_integer, "json.not_integer", "Må være et heltall (var {value})", "Must be an integer (was {value})"},
    {C::integer_range, "json.integer_range", "Må være et heltall fra {lo} til {hi} (var {value})",
     "Must be an integer from {lo} to {hi} (was {value})"},
    {C::period_invalid, "goal.period_invalid", "Ugyldig periode «{value}» (forventet ÅÅÅÅ eller ÅÅÅÅ-Qn, år 1900–2200)",
     "Invalid period \"{value}\" (expected YYYY or YYYY-Qn, year 1900-2200)"},
    {C::unknown_value, "json.unknown_value", "Ukjent verdi «{value}» ({allowed})", "Unknown value \"{value}\" ({allowed})"},
    {C::not_iadesk, "format.not_iadesk", "Ikke et iadesk-datasett: «format» må være \"iadesk\" ({actual})",
     "Not an iadesk dataset: \"format\" must be \"iadesk\" ({actual})"},
    {C::format_newer, "format.newer",
     "Datasettet er lagret av en nyere iadesk (formatversjon {version}); denne utgaven støtter til og med versjon "
     "{supported}. Last inn siden på nytt eller oppdater iadesk for å åpne det.",
     "The dataset was saved by a newer iadesk (format version {version}); this version supports up to version "
     "{supported}. Reload the page or update iadesk to open it."},
    {C::format_invalid, "format.invalid", "Ugyldig formatversjon {version} (støttet: 1–{supported})",
     "Invalid format version {version} (supported: 1-{supported})"},
    {C::seconds_invalid, "change_log.seconds", "Må være et helt antall sekunder siden 1970",
     "Must be a whole number of seconds since 1970"},

    // CSV files. The encoding problems name what to do: Excel's "CSV UTF-8" is always read right.
    {C::csv_spreadsheet_file, "csv.spreadsheet_file",
     "Filen er en Excel-arbeidsbok (.xlsx eller .xls), ikke en CSV-fil. Åpne den i Excel og lagre den som «CSV UTF-8»",
     "The file is an Excel workbook (.xlsx or .xls), not a CSV file. Open it in Excel and save it as \"CSV UTF-8\""},
    {C::csv_utf8_invalid, "csv.utf8_invalid",
     "Filen er merket som UTF-8 (BOM), men byte {byte} (tegn {position} på linjen) er ikke gyldig UTF-8. "
     "Lagre filen som «CSV UTF-8» i Excel",
     "The file is marked as UTF-8 (BOM), but byte {byte} (character {position} of the line) is not valid UTF-8. "
     "Save the file as \"CSV UTF-8\" in Excel"},
    {C::csv_utf16_odd, "csv.utf16_odd",
     "Filen er merket som UTF-16 (BOM), men slutter midt i et tegn (et odde antall byte). Lagre filen som «CSV UTF-8» i Excel",
     "The file is marked as UTF-16 (BOM), but ends in the middle of a character (an odd number of bytes). "
     "Save the file as \"CSV UTF-8\" in Excel"},
    {C::csv_utf16_surrogate, "csv.utf16_surrogate",
     "Filen er merket som UTF-16 (BOM), men har et halvt tegn ({code}, tegn {position} på linjen). "
     "Lagre filen som «CSV UTF-8» i Excel",
     "The file is marked as UTF-16 (BOM), but holds half a character ({code}, character {position} of the line). "
     "Save the file as \"CSV UTF-8\" in Excel"},
    {C::csv_byte_undefined, "csv.byte_undefined",
     "Filen er verken UTF-8 eller Windows-1252: byte {byte} (tegn {position} på linjen) finnes ikke i Windows-1252. "
     "Lagre filen som «CSV UTF-8» i Excel",
     "The file is neither UTF-8 nor Windows-1252: byte {byte} (character {position} of the line) does not exist in "
     "Windows-1252. Save the file as \"CSV UTF-8\" in Excel"},
    {C::csv_control_byte, "csv.control_byte",
     "Filen har et kontrolltegn ({code}, tegn {position} på linjen) som ikke hører hjemme i en CSV-fil. "
     "Lagre filen som «CSV UTF-8» i Excel",
     "The file holds a control character ({code}, character {position} of the line) that does not belong in a CSV "
     "file. Save the file as \"CSV UTF-8\" in Excel"},
    {C::csv_nul_byte, "csv.nul_byte",
     "Filen har nulltegn (0x00, tegn {position} på linjen): den er trolig lagret som UTF-16 uten BOM, eller er ikke "
     "en tekstfil. Lagre filen som «CSV UTF-8» i Excel",
     "The file holds NUL characters (0x00, character {position} of the line): it was probably saved as UTF-16 "
     "without a BOM, or is not a text file. Save the file as \"CSV UTF-8\" in Excel"},
    {C::csv_mixed_encoding, "csv.mixed_encoding",
     "Filen blander tegnsett: linje {utf8_line} er UTF-8, men byte {byte} på denne linjen er ikke gyldig UTF-8. "
     "Lagre hele filen som «CSV UTF-8» i Excel",
     "The file mixes encodings: line {utf8_line} is UTF-8, but byte {byte} on this line is not valid UTF-8. "
     "Save the whole file as \"CSV UTF-8\" in Excel"},
    {C::csv_quote_inside, "csv.quote_inside",
     "Anførselstegn midt i et felt (felt {n}); sett hele feltet i anførselstegn og doble anførselstegn inni",
     "A quote inside a field (field {n}); quote the whole field and double the quotes inside"},
    {C::csv_text_after_quote, "csv.text_after_quote", "Tekst etter avsluttende anførselstegn (felt {n})",
     "Text after a closing quote (field {n})"},
    {C::csv_quote_unclosed, "csv.quote_unclosed", "Anførselstegnet i denne raden blir aldri avsluttet",
     "A quote in this row is never closed"},
    {C::csv_file_empty, "csv.file_empty", "Filen er tom", "The file is empty"},
    {C::csv_no_employee_rows, "csv.no_employee_rows", "Filen har ingen rader med ansatte", "The file has no employee rows"},
    {C::csv_no_absence_rows, "csv.no_absence_rows", "Filen har ingen rader med fravær", "The file has no absence rows"},
    {C::csv_column_missing, "csv.column_missing", "Kolonnen «{column}» mangler i overskriftsraden (godtatte navn: {accepted})",
     "The column \"{column}\" is missing from the header row (accepted names: {accepted})"},
    {C::csv_column_twice, "csv.column_twice", "Kolonnen «{column}» betyr det samme som «{other}»; fjern en av dem",
     "The column \"{column}\" means the same as \"{other}\"; remove one of them"},
    {C::csv_field_count, "csv.field_count",
     "Raden har {n} felt, men overskriften har {header} (skilletegn «{delimiter}»: sjekk om skilletegnene er blandet)",
     "The row has {n} fields but the header has {header} (delimiter \"{delimiter}\": check whether the delimiters are mixed)"},
    {C::csv_invalid_date, "csv.invalid_date", "Ugyldig dato «{value}» (bruk dd.mm.åååå eller åååå-mm-dd, og en dato som finnes)",
     "Invalid date \"{value}\" (use dd.mm.yyyy or yyyy-mm-dd, and a date that exists)"},
    {C::csv_invalid_percent, "csv.invalid_percent", "Ugyldig stillingsprosent «{value}» (et tall, f.eks. 80 eller 37,5)",
     "Invalid position percent \"{value}\" (a number, e.g. 80 or 37.5)"},
    {C::csv_invalid_birth_year, "csv.invalid_birth_year", "Ugyldig fødselsår «{value}» (fire sifre, 1900–2200)",
     "Invalid birth year \"{value}\" (four digits, 1900-2200)"},
    {C::csv_invalid_grade, "csv.invalid_grade", "Ugyldig grad «{value}» (et helt tall 20–100)",
     "Invalid grade \"{value}\" (a whole number 20-100)"},
    {C::csv_absence_kind, "csv.absence_kind", "Ukjent type «{value}» (egenmelding eller sykmelding)",
     "Unknown type \"{value}\" (egenmelding or sykmelding)"},
    {C::csv_end_reason, "csv.end_reason", "Ukjent sluttårsak «{value}» ({allowed})", "Unknown end reason \"{value}\" ({allowed})"},
    {C::csv_employee_exists, "csv.employee_exists",
     "Ansatt-ID-en «{id}» finnes allerede i registeret (import legger bare til nye)",
     "Employee id \"{id}\" already exists in the register (import only adds new ones)"},
    {C::csv_id_conflict, "csv.id_conflict", "Samme ID som linje {line}, men annet navn eller annen enhet",
     "Same id as line {line} but another name or unit"},
    {C::csv_overlap_registered, "csv.overlap_registered", "Overlapper med et fravær som alt er registrert ({period})",
     "Overlaps an absence already registered ({period})"},
    {C::csv_overlap_row, "csv.overlap_row", "Overlapper med fraværet på linje {line} ({period})",
     "Overlaps the absence on line {line} ({period})"},
    {C::benchmark_percent_invalid, "benchmark.percent_invalid",
     "Ugyldig sykefraværsprosent «{value}» (et tall fra 0 til 100, f.eks. 6,2)",
     "Invalid sick-leave percent \"{value}\" (a number from 0 to 100, e.g. 6.2)"},
    {C::benchmark_figure_twice, "benchmark.figure_twice", "Tallet for {figure} står her to ganger",
     "The figure for {figure} is given twice"},
};
static_assert(std::size(kTemplates) == static_cast<std::size_t>(ProblemCode::count_), "one template per code");

struct Label {
    std::string_view key, nb, en;
};

// Field names as a message names them (the subject of "{field} må fylles ut").
constexpr Label kLabels[] = {
    {"name", "Navnet", "The name"},
    {"id", "ID-en", "The id"},
    {"title", "Tittelen", "The title"},
    {"area", "Området (delmål)", "The area (sub-goal)"},
    {"goal", "Målet", "The goal"},
    {"metric_name", "Navnet på måltallet", "The metric's name"},
    {"text", "Teksten", "The text"},
    {"role", "Rollen", "The role"},
    {"description", "Beskrivelsen", "The description"},
    {"reason", "Begrunnelsen", "The reason"},
    {"manager_name", "Navnet på lederen", "The manager's name"},
    {"unit", "Enheten", "The unit"},
    {"employee", "Den ansatte", "The employee"},
    {"sign_off_name", "Navnet på den som signerer", "The name of the person signing"},
    // A plan exported for NAV
    {"contact_name", "Navnet på kontaktpersonen", "The contact person's name"},
    {"contact_phone", "Telefonnummeret til kontaktpersonen", "The contact person's phone number"},
    {"contact_email", "E-postadressen til kontaktpersonen", "The contact person's e-mail address"},
    {"evaluation_date", "Datoen for neste evaluering", "The date of the next evaluation"},
    {"help_description", "Hva dere trenger hjelp fra NAV til", "What you need help from NAV with"},
    // What a JSON field must hold, and what it held ("Må være et tall (var tekst)")
    {"want.string", "tekst", "a string"},
    {"want.date", "en dato som tekst (ÅÅÅÅ-MM-DD)", "a date string (YYYY-MM-DD)"},
    {"want.number", "et tall", "a number"},
    {"want.integer", "et heltall", "an integer"},
    {"want.boolean", "true eller false", "true or false"},
    {"want.boolean_or_null", "true, false eller null", "true, false or null"},
    {"want.array", "en liste", "an array"},
    {"want.object", "et objekt", "an object"},
    {"want.object_or_null", "et objekt eller null", "an object or null"},
    {"want.period", "en periode som tekst (ÅÅÅÅ eller ÅÅÅÅ-Qn)", "a period string (YYYY or YYYY-Qn)"},
    {"is.null", "null", "null"},
    {"is.object", "objekt", "object"},
    {"is.array", "liste", "array"},
    {"is.string", "tekst", "string"},
    {"is.boolean", "sann/usann", "boolean"},
    {"is.number", "tall", "number"},
    {"is.unknown", "ukjent", "unknown"},
    {"is.missing", "mangler", "missing"},
    // CSV columns (csv_import.hpp)
    {"employee_id", "Ansatt-ID-en", "The employee id"},
    {"from", "Startdatoen", "The start date"},
    {"kind", "Typen (egenmelding eller sykmelding)", "The type (egenmelding or sykmelding)"},
};

const Label* find_label(std::string_view key) {
    for (const Label& l : kLabels)
        if (l.key == key) return &l;
    return nullptr;
}

std::string number_text(double v, bool comma) {
    std::string s = fmt::format("{}", v); // shortest form that reads back as the same number
    if (comma)
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

std::string arg_text(const ProblemArg& a, bool nb) {
    switch (a.kind) {
    case ProblemArg::Kind::text: return excerpt(a.text, a.max_chars);
    case ProblemArg::Kind::integer: return std::to_string(a.integer);
    case ProblemArg::Kind::number: return number_text(a.number, nb);
    case ProblemArg::Kind::date: return nb ? format_norwegian(a.date) : format_iso(a.date);
    case ProblemArg::Kind::period:
        if (nb) return format_norwegian(a.date) + "–" + (a.open ? std::string("(åpen)") : format_norwegian(a.last));
        return format_iso(a.date) + " to " + (a.open ? std::string("(open)") : format_iso(a.last));
    case ProblemArg::Kind::label: {
        const ProblemText t = field_label(a.text);
        return nb ? t.nb : t.en;
    }
    }
    return "?";
}

bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// Renders `tpl` with fmt's named arguments. Placeholders without an argument become "?" first, and
// braces are only ever placeholders in the table, so fmt never meets a format it would refuse.
std::string render(std::string_view tpl, std::initializer_list<ProblemArg> args, bool nb) {
    fmt::dynamic_format_arg_store<fmt::format_context> store;
    std::vector<std::string> values;
    values.reserve(args.size());
    for (const ProblemArg& a : args) values.push_back(arg_text(a, nb));
    std::size_t k = 0;
    for (const ProblemArg& a : args) store.push_back(fmt::arg(a.name, std::string_view(values[k++])));
    std::string checked;
    checked.reserve(tpl.size());
    for (std::size_t i = 0; i < tpl.size(); ++i) {
        if (tpl[i] == '}') { checked += "}}"; continue; } // a stray brace is text
        if (tpl[i] != '{') { checked.push_back(tpl[i]); continue; }
        std::size_t j = i + 1;
        while (j < tpl.size() && is_name_char(tpl[j])) ++j;
        const std::string_view name = tpl.substr(i + 1, j - i - 1);
        const bool closed = j < tpl.size() && tpl[j] == '}' && !name.empty();
        bool given = false;
        for (const ProblemArg& a : args) given = given || (closed && name == a.name);
        if (given) { checked.append(tpl.substr(i, j - i + 1)); i = j; }
        else if (closed) { checked.push_back('?'); i = j; }
        else checked += "{{";
    }
    return fmt::vformat(checked, store);
}

} // namespace

std::span<const ProblemTemplate> problem_templates() { return kTemplates; }

std::string_view problem_id(ProblemCode code) {
    const auto i = static_cast<std::size_t>(code);
    return i < std::size(kTemplates) ? kTemplates[i].id : std::string_view("unknown");
}

ProblemText problem_text(ProblemCode code, std::initializer_list<ProblemArg> args) {
    const auto i = static_cast<std::size_t>(code);
    if (i >= std::size(kTemplates)) return {"Ukjent problem", "Unknown problem"};
    const ProblemTemplate& t = kTemplates[i];
    return {render(t.nb, args, true), render(t.en, args, false)};
}

Problem make_problem(std::string field, ProblemCode code, std::initializer_list<ProblemArg> args) {
    ProblemText t = problem_text(code, args);
    return {std::move(field), std::move(t.nb), std::move(t.en), code};
}

ProblemText field_label(std::string_view key) {
    if (const Label* l = find_label(key)) return {std::string(l->nb), std::string(l->en)};
    return {std::string(key), std::string(key)};
}

} // namespace iadesk
