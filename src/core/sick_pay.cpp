// sick_pay: the sick-pay account of one employee (sick_pay.hpp; docs/domain.md "Sykepenger").
//
// The account follows the states of NAV's engine (navikt/helse-spleis, Maksdatoberegning): an
// account starts with the first NAV day, counts NAV days, is used up at 248 (or 60 after 67),
// and starts fresh after 182 days without a NAV day. Here the engine is fed whole intervals
// ("segments": the sick days of a case after its arbeidsgiverperiode), and every step is O(1)
// date arithmetic on them, so a year-long record costs as little as a day.
#include "iadesk/sick_pay.hpp"
#include "iadesk/enum_text.hpp"

#include "iadesk/cases.hpp"

#include <algorithm>
#include <limits>

namespace iadesk {
namespace {

constexpr int kAgpDays = 16;               // ftrl § 8-19 first paragraph
constexpr int kEmployedDaysBeforeAgp = 28; // § 8-18 first paragraph: 4 weeks
constexpr int kMaxDays = 248;              // § 8-12 first paragraph
constexpr int kMaxDaysAfter67 = 60;        // § 8-51, § 8-12 fourth paragraph
constexpr int kFitDaysForFreshRight = 182; // § 8-12 second paragraph: 26 weeks
constexpr int kAccountYears = 3;           // § 8-12 first paragraph: "de siste tre årene"
constexpr int32_t kNever = std::numeric_limits<int32_t>::max() / 4;

struct Span {
    int32_t first;
    int32_t last; // inclusive
};

// ISO weekday (Monday = 1) without a call: 1970-01-01 was a Thursday. Dates here are after 1900.
int weekday_of(int32_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1; }

Date first_weekday_from(Date d) {
    const int wd = weekday_of(d.days);
    return wd >= 6 ? d + (8 - wd) : d;
}

Date last_weekday_until(Date d) {
    const int wd = weekday_of(d.days);
    return wd == 6 ? d - 1 : wd == 7 ? d - 2 : d;
}

// The first day that still counts three years (§ 8-12) before `d` (add_years(d, -3)), computed
// only when a counted day is old enough to be near it: the cutoff lies 1095 or 1096 days back.
int32_t window_start(Date d, int32_t oldest_counted) {
    return oldest_counted >= d.days - 1094 ? oldest_counted : add_years(d, -kAccountYears).days;
}

// Days between two sick intervals (after `last`, before `next_first`) that are all a Saturday
// or Sunday: NAV's engine counts such a weekend as sick days of the arbeidsgiverperiode.
bool weekend_only_gap(int32_t last, int32_t next_first) {
    const int gap = next_first - last - 1;
    if (gap < 1 || gap > 2) return false;
    const int wd = Date{last + 1}.weekday();
    return gap == 1 ? wd >= 6 : wd == 6;
}

// The case's sick days as intervals: records merged, a weekend-only gap bridged. An open record
// is sick on every day from its first, counted through today or through the last day of a later
// record of the case, whichever is later (at least its first day). Records are sorted by first
// day (cases.hpp), so every record after an open one joins its interval.
void sick_intervals(const SicknessCase& c, const Dataset& ds, Date today, std::vector<Span>& out) {
    out.clear();
    bool open = false;
    for (std::size_t idx : c.absences) {
        const Absence& a = ds.absences[idx];
        int32_t last = a.to ? a.to->days : std::max(a.from.days, today.days);
        if (!out.empty() && (open || a.from.days <= out.back().last + 1 || weekend_only_gap(out.back().last, a.from.days)))
            out.back().last = std::max(out.back().last, last);
        else
            out.push_back({a.from.days, last});
        open = open || !a.to;
    }
}

// § 8-18: the employment has lasted 4 weeks without a break immediately before `first_sick`.
EmployerPeriod employer_period_for(std::span<const Employment> employment, Date first_sick) {
    const Date day_before = first_sick - 1;
    auto covers = [](const Employment& e, Date d) { return e.from <= d && (!e.to || d <= *e.to); };
    for (std::size_t i = 0; i < employment.size(); ++i) {
        if (!covers(employment[i], day_before)) continue;
        Date since = employment[i].from; // walk back over periods that adjoin without a day's break
        for (std::size_t j = i; j > 0; --j) {
            const Employment& prev = employment[j - 1];
            if (!prev.to || *prev.to + 1 < since) break;
            since = std::min(since, prev.from);
        }
        return since <= first_sick - kEmployedDaysBeforeAgp ? EmployerPeriod::applies
                                                            : EmployerPeriod::employed_under_4_weeks;
    }
    for (const Employment& e : employment)
        if (covers(e, first_sick)) return EmployerPeriod::employed_under_4_weeks;
    return EmployerPeriod::not_employed;
}

struct Birthdays {
    int32_t turns_67 = kNever; // the 67th birthday
    int32_t turns_70 = kNever; // the 70th birthday
};

// The account of one employee, fed the segments of its cases in date order.
class Account {
public:
    explicit Account(Birthdays b) : b_(b) {}

    // NAV days paid in the sick days [a, b], all after an arbeidsgiverperiode.
    int feed(int32_t a, int32_t b) {
        if (a >= b_.turns_70) return 0; // from 70 nothing changes any more (§ 8-3)
        if (exhausted_) {
            if (still_used_up_before(a)) { note_sick_until(b); return 0; }
            reset();
        }
        const Date d = first_weekday_from(Date{a});
        if (d.days > b) { note_sick_until(b); return 0; } // a weekend only
        if (active_) {
            if (d.days - fit_start_ >= kFitDaysForFreshRight) reset();
            else if (!runs_.empty()) drop_before(window_start(d, runs_.front().first));
        }
        active_ = true;
        const int32_t end = std::min(b, b_.turns_70 - 1);
        MaksdatoRule rule = MaksdatoRule::days_248;
        const Date limit = limit_from(d, used_, used_after_67_, rule);
        int paid = 0;
        const int32_t paid_end = std::min(end, limit.days);
        if (paid_end >= d.days) {
            paid = weekdays_between(d, Date{paid_end});
            runs_.push_back({d.days, last_weekday_until(Date{paid_end}).days});
            used_ += paid;
            if (b_.turns_67 < kNever) used_after_67_ += weekdays_between(Date{std::max(d.days, b_.turns_67 + 1)}, Date{paid_end});
        }
        if (limit.days <= end) {
            exhausted_ = true;
            maksdato_ = limit;
            used_up_ = rule == MaksdatoRule::days_60_after_67 ? NoSickPay::days_used_up_after_67 : NoSickPay::days_used_up;
        } else {
            fit_start_ = b + 1;
        }
        note_sick_until(b);
        return paid;
    }

    // Fills the account fields of `p` for a case whose last counted day is `x`, projecting
    // continuous absence after x; the projected NAV days begin on the later of x + 1 and
    // `after_agp` (the day after the arbeidsgiverperiode). They continue the paid stretch that
    // ends on x, if one does; otherwise they start a new stretch after a break, with the 26-week
    // and three-year rules applied on its first day, as for a real one.
    void report(CaseSickPay& p, int32_t x, int32_t after_agp, bool open) const {
        p.nav_days_account = used_as_of(x);
        const Date seventy_last = b_.turns_70 < kNever ? last_weekday_until(Date{b_.turns_70 - 1}) : Date{kNever};
        const int32_t first_projected = std::max(x + 1, after_agp);
        const bool continuing = active_ && !exhausted_ && fit_start_ == x + 1;
        // The first day NAV would pay if the absence continues, and the account on that day.
        const Date d = first_weekday_from(Date{first_projected});
        if (exhausted_ && still_used_up_before(first_projected)) {
            p.maksdato = maksdato_;
            p.maksdato_rule = used_up_ == NoSickPay::days_used_up_after_67 ? MaksdatoRule::days_60_after_67
                                                                           : MaksdatoRule::days_248;
            p.days_left = 0;
            p.no_sick_pay = d.days >= b_.turns_70 ? NoSickPay::age_70 : used_up_;
            const int32_t fresh = std::max(day_back_after_used_up(), x + 1) + 1;
            if (!open && fresh < b_.turns_70) p.fresh_right_from = Date{fresh};
            return;
        }
        int used = used_, used67 = used_after_67_;
        if (exhausted_ || !active_) {
            used = used67 = 0;
        } else if (!continuing) {
            if (d.days - fit_start_ >= kFitDaysForFreshRight) used = used67 = 0;
            else if (!runs_.empty() && window_start(d, runs_.front().first) > runs_.front().first)
                count_since(window_start(d, runs_.front().first), used, used67);
        }
        MaksdatoRule rule = MaksdatoRule::days_248;
        Date maks = limit_from(d, used, used67, rule);
        if (seventy_last < maks) { maks = seventy_last; rule = MaksdatoRule::age_70; }
        p.maksdato = maks;
        p.maksdato_rule = rule;
        p.days_left = weekdays_between(d, maks);
        if (d.days >= b_.turns_70 || seventy_last < d) { p.no_sick_pay = NoSickPay::age_70; p.days_left = 0; }
        if (!open && p.nav_days_account > 0 && !exhausted_ && fit_start_ + kFitDaysForFreshRight < b_.turns_70)
            p.fresh_right_from = Date{fit_start_ + kFitDaysForFreshRight};
    }

private:
    // The last day NAV may pay from weekday `d` on with `used` days in the account (`used67`
    // after the 67th birthday): the earlier of the 248th day and the 60th after 67.
    Date limit_from(Date d, int used, int used67, MaksdatoRule& rule) const {
        Date limit = nth_weekday_from(d, std::max(1, kMaxDays - used));
        rule = MaksdatoRule::days_248;
        if (b_.turns_67 < kNever) {
            const Date first67 = Date{std::max(d.days, b_.turns_67 + 1)};
            const Date limit67 = nth_weekday_from(first67, std::max(1, kMaxDaysAfter67 - used67));
            if (limit67 < limit) { limit = limit67; rule = MaksdatoRule::days_60_after_67; }
        }
        return limit;
    }

    // NAV's engine: once used up, 182 days must have passed since the maksdato and the employee
    // must then have had a day that is not a sick day after an arbeidsgiverperiode (a day at work,
    // or an employer-period day): that day; a fresh account is possible from the day after.
    int32_t day_back_after_used_up() const {
        return std::max(maksdato_.days + kFitDaysForFreshRight, last_sick_end_ + 1);
    }
    // Whether the used-up account still holds on the day before `day`: the day back has not come,
    // or it comes only from the 70th birthday, after which nothing changes (§ 8-3).
    bool still_used_up_before(int32_t day) const {
        const int32_t back = day_back_after_used_up();
        return back > day - 1 || back >= b_.turns_70;
    }
    void note_sick_until(int32_t b) { last_sick_end_ = std::max(last_sick_end_, std::min(b, b_.turns_70 - 1)); }

    int used_as_of(int32_t x) const {
        if (!active_) return 0;
        if (exhausted_) return still_used_up_before(x + 1) ? used_ : 0;
        return x - fit_start_ + 1 >= kFitDaysForFreshRight ? 0 : used_;
    }

    void reset() {
        active_ = exhausted_ = false;
        runs_.clear();
        used_ = used_after_67_ = 0;
    }

    void drop_before(int32_t cutoff) {
        if (runs_.front().first >= cutoff) return;
        std::size_t keep = 0;
        for (Span& r : runs_) {
            if (r.last < cutoff) continue;
            r.first = std::max(r.first, cutoff);
            runs_[keep++] = r;
        }
        runs_.resize(keep);
        count_since(cutoff, used_, used_after_67_);
    }

    void count_since(int32_t cutoff, int& used, int& used67) const {
        used = used67 = 0;
        for (const Span& r : runs_) {
            const int32_t first = std::max(r.first, cutoff);
            used += weekdays_between(Date{first}, Date{r.last});
            if (b_.turns_67 < kNever)
                used67 += weekdays_between(Date{std::max(first, b_.turns_67 + 1)}, Date{r.last});
        }
    }


    Birthdays b_;
    bool active_ = false;     // an account has been started
    bool exhausted_ = false;  // its days are used up (maksdato_ reached)
    std::vector<Span> runs_;  // the account's NAV days as weekday ranges
    int used_ = 0;
    int used_after_67_ = 0;
    Date maksdato_;
    NoSickPay used_up_ = NoSickPay::none;
    int32_t fit_start_ = 0;                                   // first day after the last paid stretch
    int32_t last_sick_end_ = std::numeric_limits<int32_t>::min() / 4; // last day of the last segment
};

} // namespace

Date add_years(Date d, int years) {
    const CivilDate c = d.civil();
    const int y = c.year + years;
    return Date::from_ymd(y, c.month, std::min(c.day, days_in_month(y, c.month)));
}

Date add_months(Date d, int months) {
    const CivilDate c = d.civil();
    const int index = c.year * 12 + (c.month - 1) + months;
    const int y = index / 12, m = index % 12 + 1;
    return Date::from_ymd(y, m, std::min(c.day, days_in_month(y, m)));
}

void assess_sick_pay(SicknessCase* first, SicknessCase* last, const SickPayPerson& person, const Dataset& ds,
                     Date today) {
    Birthdays born;
    BirthAssumption birth = BirthAssumption::unknown;
    std::optional<Date> birth_date = person.birth_date;
    if (birth_date) birth = BirthAssumption::exact_date;
    else if (person.birth_year) {
        birth_date = Date::from_ymd(*person.birth_year, 1, 1);
        birth = BirthAssumption::first_of_birth_year;
    }
    if (birth_date) {
        born.turns_67 = add_years(*birth_date, 67).days;
        born.turns_70 = add_years(*birth_date, 70).days;
    }

    Account account(born);
    std::vector<Span> sick;
    for (SicknessCase* it = first; it != last; ++it) {
        SicknessCase& c = *it;
        CaseSickPay p;
        p.birth = birth;
        p.birth_date = birth_date;
        p.employer_period = c.start.days >= born.turns_70 ? EmployerPeriod::over_70
                                                          : employer_period_for(person.employment, c.start);
        sick_intervals(c, ds, today, sick);

        // Arbeidsgiverperiode: 16 sick days from the first weekday sick day (§ 8-19).
        int32_t agp_start = kNever;
        for (const Span& s : sick) {
            const Date d = first_weekday_from(Date{s.first});
            if (d.days <= s.last) { agp_start = d.days; break; }
        }
        const int32_t x = sick.back().last; // the case's last counted day
        int32_t agp_end;
        if (agp_start == kNever) { // no weekday sick day yet: continuous absence from x + 1
            agp_start = first_weekday_from(Date{x + 1}).days;
            agp_end = agp_start + kAgpDays - 1;
        } else {
            int seen = 0;
            agp_end = kNever;
            for (const Span& s : sick) {
                if (s.last < agp_start) continue;
                const int32_t first = std::max(s.first, agp_start);
                const int k = s.last - first + 1;
                if (seen + k >= kAgpDays) { agp_end = first + (kAgpDays - seen) - 1; break; }
                seen += k;
            }
            if (agp_end == kNever) agp_end = x + (kAgpDays - seen);
        }
        p.agp_start = Date{agp_start};
        p.agp_end = Date{agp_end};

        for (const Span& s : sick)
            if (s.last > agp_end) p.nav_days_case += account.feed(std::max(s.first, agp_end + 1), s.last);
        account.report(p, x, agp_end + 1, c.is_open());

        c.agp_end = p.agp_end;
        c.maksdato = p.maksdato;
        c.pay = p;
    }
}

constexpr EnumText<EmployerPeriod> kEmployerPeriodText[] = {
    {EmployerPeriod::applies, "applies"}, {EmployerPeriod::employed_under_4_weeks, "employed_under_4_weeks"},
    {EmployerPeriod::not_employed, "not_employed"}, {EmployerPeriod::over_70, "over_70"}};
constexpr EnumText<MaksdatoRule> kMaksdatoRuleText[] = {
    {MaksdatoRule::days_248, "days_248"}, {MaksdatoRule::days_60_after_67, "days_60_after_67"}, {MaksdatoRule::age_70, "age_70"}};
constexpr EnumText<NoSickPay> kNoSickPayText[] = {
    {NoSickPay::none, "none"}, {NoSickPay::days_used_up, "days_used_up"},
    {NoSickPay::days_used_up_after_67, "days_used_up_after_67"}, {NoSickPay::age_70, "age_70"}};
constexpr EnumText<BirthAssumption> kBirthAssumptionText[] = {
    {BirthAssumption::unknown, "unknown"}, {BirthAssumption::exact_date, "exact_date"},
    {BirthAssumption::first_of_birth_year, "first_of_birth_year"}};

const char* to_string(EmployerPeriod p) { return enum_code(kEmployerPeriodText, p); }
const char* to_string(MaksdatoRule r) { return enum_code(kMaksdatoRuleText, r); }
const char* to_string(NoSickPay r) { return enum_code(kNoSickPayText, r); }
const char* to_string(BirthAssumption b) { return enum_code(kBirthAssumptionText, b); }

} // namespace iadesk
