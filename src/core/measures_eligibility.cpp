// measures eligibility: three-valued evaluation of a measure's checkable conditions against what
// is known about a case and its organisation, and suggestions ranked by fit.
// Contract in include/iadesk/measures.hpp.
#include "iadesk/measures.hpp"

#include <algorithm>

namespace iadesk::measures {

namespace {

// A fact's value in the context: for yes/no facts 0/1, for numeric facts the number.
std::optional<int> value_of(Fact f, const EligibilityContext& c) {
    auto b = [](const std::optional<bool>& v) -> std::optional<int> {
        if (!v) return std::nullopt;
        return *v ? 1 : 0;
    };
    switch (f) {
    case Fact::has_bht: return b(c.has_bht);
    case Fact::ia_member: return b(c.ia_member);
    case Fact::has_employer: return b(c.has_employer);
    case Fact::sick_listed: return b(c.sick_listed);
    case Fact::case_week: return c.case_week;
    case Fact::grade: return c.grade;
    case Fact::has_followup_plan: return b(c.has_followup_plan);
    case Fact::own_measures_tried: return b(c.own_measures_tried);
    case Fact::months_sick: return c.months_sick;
    case Fact::reduced_work_capacity: return b(c.reduced_work_capacity);
    }
    return std::nullopt;
}

// What the context says about a fact, as a phrase ("virksomheten har bedriftshelsetjeneste").
Text describe(Fact f, int v) {
    const bool yes = v != 0;
    const std::string n = std::to_string(v);
    switch (f) {
    case Fact::has_bht:
        return yes ? Text{"virksomheten har bedriftshelsetjeneste", "the enterprise has an occupational health service"}
                   : Text{"virksomheten har ikke bedriftshelsetjeneste", "the enterprise has no occupational health service"};
    case Fact::ia_member:
        return yes ? Text{"virksomheten er IA-virksomhet", "the enterprise is an IA enterprise"}
                   : Text{"virksomheten er ikke IA-virksomhet", "the enterprise is not an IA enterprise"};
    case Fact::has_employer:
        return yes ? Text{"personen har arbeidsgiver", "the person has an employer"}
                   : Text{"personen har ikke arbeidsgiver", "the person has no employer"};
    case Fact::sick_listed:
        return yes ? Text{"personen er sykmeldt", "the person is sick-listed"}
                   : Text{"personen er ikke sykmeldt", "the person is not sick-listed"};
    case Fact::case_week: return {"uke " + n + " av sykefraværet", "week " + n + " of the sick leave"};
    case Fact::grade: return {n + " % sykmeldt", n + " % sick-listed"};
    case Fact::has_followup_plan:
        return yes ? Text{"oppfølgingsplan er laget", "a follow-up plan exists"}
                   : Text{"det er ikke laget oppfølgingsplan", "no follow-up plan has been made"};
    case Fact::own_measures_tried:
        return yes ? Text{"tiltak i egen regi er vurdert eller prøvd", "in-house measures have been considered or tried"}
                   : Text{"tiltak i egen regi er ikke prøvd", "in-house measures have not been tried"};
    case Fact::months_sick: return {n + " måneder sykmeldt", n + " months of sick leave"};
    case Fact::reduced_work_capacity:
        return yes ? Text{"NAV har vurdert arbeidsevnen som nedsatt", "NAV has assessed reduced work capacity"}
                   : Text{"arbeidsevnen er ikke vurdert som nedsatt", "work capacity is not assessed as reduced"};
    }
    return {};
}

// What must be found out when a fact is unknown.
Text missing(Fact f) {
    switch (f) {
    case Fact::has_bht: return {"om virksomheten har bedriftshelsetjeneste (BHT)", "whether the enterprise has an occupational health service"};
    case Fact::ia_member: return {"om virksomheten er IA-virksomhet", "whether the enterprise is an IA enterprise"};
    case Fact::has_employer: return {"om personen har en arbeidsgiver", "whether the person has an employer"};
    case Fact::sick_listed: return {"om personen er sykmeldt", "whether the person is sick-listed"};
    case Fact::case_week: return {"hvilken uke av sykefraværet det er", "which week of the sick leave it is"};
    case Fact::grade: return {"sykmeldingsgraden", "the sick-leave grade"};
    case Fact::has_followup_plan: return {"om det er laget oppfølgingsplan", "whether a follow-up plan has been made"};
    case Fact::own_measures_tried: return {"om tiltak i egen regi er vurdert eller prøvd", "whether in-house measures have been considered or tried"};
    case Fact::months_sick: return {"hvor mange måneder personen har vært sykmeldt", "how many months the person has been sick-listed"};
    case Fact::reduced_work_capacity: return {"om NAV har vurdert arbeidsevnen som nedsatt", "whether NAV has assessed reduced work capacity"};
    }
    return {};
}

void leaves(const Check& c, std::vector<const Check*>& out) {
    if (c.kind == Check::Kind::fact) out.push_back(&c);
    for (const Check& ch : c.children) leaves(ch, out);
}

// "2018" -> "2018-01-01" (start) or "2018-12-31" (end); "2018-06" -> "2018-06-01" / "2018-06-31".
// The end form is only compared, never shown, so day 31 in any month is harmless.
std::string expand_date(const std::string& d, bool end) {
    if (d.size() == 4) return d + (end ? "-12-31" : "-01-01");
    if (d.size() == 7) return d + (end ? "-31" : "-01");
    return d;
}

void add_unique(std::vector<Text>& list, Text t) {
    for (const Text& x : list)
        if (x.nb == t.nb) return;
    list.push_back(std::move(t));
}

} // namespace

std::string_view verdict_id(Verdict v) {
    switch (v) {
    case Verdict::eligible: return "eligible";
    case Verdict::not_eligible: return "not_eligible";
    case Verdict::unknown: return "unknown";
    }
    return "unknown";
}

Verdict evaluate_check(const Check& c, const EligibilityContext& ctx) {
    switch (c.kind) {
    case Check::Kind::fact: {
        const auto v = value_of(c.fact, ctx);
        if (!v) return Verdict::unknown;
        bool ok = true;
        if (c.is) ok = (*v != 0) == *c.is;
        if (c.min && *v < *c.min) ok = false;
        if (c.max && *v > *c.max) ok = false;
        return ok ? Verdict::eligible : Verdict::not_eligible;
    }
    case Check::Kind::all: {
        bool unknown = false;
        for (const Check& ch : c.children) {
            const Verdict v = evaluate_check(ch, ctx);
            if (v == Verdict::not_eligible) return v;
            unknown = unknown || v == Verdict::unknown;
        }
        return unknown ? Verdict::unknown : Verdict::eligible;
    }
    case Check::Kind::any: {
        bool unknown = false;
        for (const Check& ch : c.children) {
            const Verdict v = evaluate_check(ch, ctx);
            if (v == Verdict::eligible) return v;
            unknown = unknown || v == Verdict::unknown;
        }
        return unknown ? Verdict::unknown : Verdict::not_eligible;
    }
    case Check::Kind::negate: {
        if (c.children.empty()) return Verdict::unknown;
        const Verdict v = evaluate_check(c.children.front(), ctx);
        return v == Verdict::eligible ? Verdict::not_eligible : v == Verdict::not_eligible ? Verdict::eligible : v;
    }
    }
    return Verdict::unknown;
}

Eligibility evaluate(const Measure& m, const EligibilityContext& ctx) {
    Eligibility out;
    // Validity: with a date, the measure must be in force on it; without, historic means closed.
    auto closed = [&](Text why) {
        out.verdict = out.checked = Verdict::not_eligible;
        out.failed.push_back({std::move(why), {}, true});
        return out;
    };
    const std::string until = display_date(m.valid_to);
    const Text historic{"Historisk ordning, gjaldt til " + until, "Historic scheme, applied until " + until};
    if (!ctx.today.empty()) {
        const bool started = m.valid_from.empty() || ctx.today >= expand_date(m.valid_from, false);
        const bool ended = !m.valid_to.empty() && ctx.today > expand_date(m.valid_to, true);
        const std::string from = display_date(m.valid_from);
        if (!started) return closed({"Ordningen gjelder først fra " + from, "The scheme only applies from " + from});
        if (ended) return closed(historic);
    } else if (!m.current) {
        return closed(historic);
    }

    bool checkable_unknown = false;
    for (const Condition& cond : m.conditions) {
        if (!cond.check) { // stated by the source, but nothing in iadesk can test it
            out.to_check.push_back({cond.text, {}, false});
            continue;
        }
        const Verdict v = evaluate_check(*cond.check, ctx);
        if (v == Verdict::eligible) continue;
        std::vector<const Check*> ls;
        leaves(*cond.check, ls);
        Finding f{cond.text, {}, true};
        auto append = [&](const Text& t) {
            if (f.detail.nb.find(t.nb) != std::string::npos) return;
            f.detail.nb += (f.detail.nb.empty() ? "" : ", ") + t.nb;
            f.detail.en += (f.detail.en.empty() ? "" : ", ") + t.en;
        };
        for (const Check* l : ls) {
            const auto val = value_of(l->fact, ctx);
            if (v == Verdict::not_eligible && val) append(describe(l->fact, *val)); // what the case shows
            if (v == Verdict::unknown && !val) append(missing(l->fact));            // what to find out
        }
        if (v == Verdict::not_eligible) {
            out.failed.push_back(std::move(f));
        } else {
            checkable_unknown = true;
            out.to_check.push_back(std::move(f));
        }
    }
    if (!out.failed.empty()) out.verdict = out.checked = Verdict::not_eligible;
    else {
        out.verdict = out.to_check.empty() ? Verdict::eligible : Verdict::unknown;
        out.checked = checkable_unknown ? Verdict::unknown : Verdict::eligible;
    }
    return out;
}

std::vector<Suggestion> suggest(const Catalogue& c, const EligibilityContext& ctx, std::size_t limit) {
    const bool sick = ctx.sick_listed.value_or(ctx.case_week.has_value());
    const Phase phase = sick && ctx.case_week ? phase_for_week(*ctx.case_week) : sick ? Phase::sick_0_8 : Phase::prevention;

    // "uke 14, 100 % sykmeldt: "
    std::string lead_nb, lead_en;
    if (sick && ctx.case_week) {
        lead_nb = "uke " + std::to_string(*ctx.case_week);
        lead_en = "week " + std::to_string(*ctx.case_week);
    }
    if (sick && ctx.grade) {
        lead_nb += (lead_nb.empty() ? "" : ", ") + std::to_string(*ctx.grade) + " % sykmeldt";
        lead_en += (lead_en.empty() ? "" : ", ") + std::to_string(*ctx.grade) + " % sick-listed";
    }
    const Text& phase_label = c.taxonomy.phases[static_cast<std::size_t>(phase)];

    std::vector<Suggestion> out;
    for (std::size_t i = 0; i < c.measures.size(); ++i) {
        const Measure& m = c.measures[i];
        if (!m.has_phase(phase)) continue;
        const Eligibility e = evaluate(m, ctx);
        if (e.checked == Verdict::not_eligible) continue;

        Suggestion s;
        s.measure = static_cast<int>(i);
        s.verdict = e.verdict;
        s.to_check = e.to_check;
        for (const Condition& cond : m.conditions) { // each missing fact once, in condition order
            if (!cond.check || evaluate_check(*cond.check, ctx) != Verdict::unknown) continue;
            std::vector<const Check*> ls;
            leaves(*cond.check, ls);
            for (const Check* l : ls)
                if (!value_of(l->fact, ctx)) {
                    const Text mi = missing(l->fact);
                    add_unique(s.missing, {"Mangler opplysning: " + mi.nb + ".", "Missing: " + mi.en + "."});
                }
        }
        // By the machine checks: checked and met > nothing checkable (general advice) > facts missing.
        const bool checkable = std::any_of(m.conditions.begin(), m.conditions.end(), [](const Condition& x) { return x.check.has_value(); });
        s.fit = e.checked == Verdict::unknown ? 1.0 : checkable ? 2.0 : 1.5;
        // A condition on the week, the months or the grade that holds makes the measure targeted.
        for (const Condition& cond : m.conditions) {
            if (!cond.check) continue;
            std::vector<const Check*> ls;
            leaves(*cond.check, ls);
            for (const Check* l : ls)
                if (fact_is_numeric(l->fact) && evaluate_check(*l, ctx) == Verdict::eligible) {
                    s.fit += 1.0;
                    break;
                }
        }
        if (m.boost && evaluate_check(*m.boost, ctx) == Verdict::eligible) s.fit += 1.0;

        const std::string hint_nb = !m.suggest_hint.nb.empty() ? m.suggest_hint.nb : m.name.nb + " passer i fasen «" + phase_label.nb + "»";
        const std::string hint_en = !m.suggest_hint.en.empty() ? m.suggest_hint.en : m.name.in("en") + " fits the phase '" + phase_label.in("en") + "'";
        s.reason.nb = lead_nb.empty() ? hint_nb : lead_nb + ": " + hint_nb;
        s.reason.en = lead_en.empty() ? hint_en : lead_en + ": " + hint_en;
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [&](const Suggestion& a, const Suggestion& b) {
        if (a.fit != b.fit) return a.fit > b.fit;
        return c.measures[static_cast<std::size_t>(a.measure)].id < c.measures[static_cast<std::size_t>(b.measure)].id;
    });
    if (limit != 0 && out.size() > limit) out.resize(limit);
    return out;
}

} // namespace iadesk::measures
