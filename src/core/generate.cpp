// generate: a deterministic synthetic municipality (contract in include/iadesk/generate.hpp).
//
// Determinism: only integer arithmetic on our own PRNG (splitmix64), no <random> distributions
// and no floating-point maths functions (whose last bits may differ between libm builds). Each
// employee draws from its own stream seeded by (seed, employee number), so employee k's
// employment and absence do not depend on how many employees are generated; only the split into
// units does.
//
// Calibration (docs/domain.md, Sick-leave statistics; NAV's published level is around 6 %, about 1
// point egenmeldt): per employee about 7 egenmeldinger (1-3 days) and 1-2 sykmeldinger over two
// years, sykmeldinger long-tailed (4 days to a year), a quarter graded, long ones renewed in 1-4
// week records. tests/unit/test_generate.cpp checks that the last year's sick leave lies in 4-8 %.
#include "iadesk/generate.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace iadesk {
namespace {

class Rng {
public:
    explicit Rng(uint64_t seed) : s_(seed) {}
    uint64_t next() {
        uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [lo, hi] (hi - lo < 2^32), by multiply-shift on the high 32 bits.
    int range(int lo, int hi) {
        uint64_t n = static_cast<uint64_t>(hi - lo) + 1;
        return lo + static_cast<int>(((next() >> 32) * n) >> 32);
    }
    // True with probability per_mille / 1000.
    bool chance(int per_mille) { return range(0, 999) < per_mille; }
    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& a) { return a[static_cast<std::size_t>(range(0, static_cast<int>(N) - 1))]; }

private:
    uint64_t s_;
};

uint64_t mix(uint64_t a, uint64_t b) {
    Rng r(a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull));
    r.next();
    return r.next();
}

const std::array<const char*, 60> kFirstNames = {
    "Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Berit", "Astrid", "Bjørg",
    "Hilde", "Anna", "Solveig", "Marianne", "Randi", "Ida", "Nina", "Maria", "Elisabeth", "Kristin",
    "Silje", "Ingeborg", "Tone", "Hanne", "Camilla", "Nora", "Emma", "Sara", "Thea", "Åse",
    "Jan", "Per", "Bjørn", "Ole", "Lars", "Kjell", "Knut", "Arne", "Svein", "Thomas",
    "Hans", "Geir", "Tor", "Morten", "Terje", "Odd", "Erik", "Martin", "Andreas", "Jon",
    "Anders", "Rune", "Trond", "Harald", "Øyvind", "Magnus", "Sindre", "Jonas", "Eirik", "Håkon"};

const std::array<const char*, 60> kLastNames = {
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
    "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund",
    "Sørensen", "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen",
    "Eide", "Knutsen", "Martinsen", "Paulsen", "Bakken", "Kristoffersen", "Mathisen", "Lie",
    "Amundsen", "Nguyen", "Rasmussen", "Ali", "Lunde", "Solheim", "Berge", "Moe",
    "Nygård", "Bakke", "Kristensen", "Fredriksen", "Holm", "Lien", "Hauge", "Christensen",
    "Andresen", "Nielsen", "Knudsen", "Evensen"};

// Services of a Norwegian municipality and the parts of town they sit in.
const std::array<const char*, 16> kUnitKinds = {
    "Sykehjem", "Skole", "Barnehage", "Hjemmetjenesten", "Bo- og avlastning", "Helsestasjon",
    "Teknisk drift", "Kulturskole", "Bibliotek", "Legevakt", "Renhold", "Psykisk helse og rus",
    "Barnevern", "Servicetorg", "Økonomi og lønn", "Byggesak og plan"};
const std::array<const char*, 10> kPlaces = {
    "Nord", "Sør", "Øst", "Vest", "Sentrum", "Havn", "Fjordlia", "Bakkedal", "Strand", "Åsen"};

std::string pad(long v, int width) {
    std::string s = std::to_string(v);
    if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
    return s;
}

// A valid 9-digit orgnr starting with 9 (as municipalities' do), model.hpp's mod-11 rule.
std::string make_orgnr(Rng& r) {
    static const int w[8] = {3, 2, 7, 6, 5, 4, 3, 2};
    for (;;) {
        std::string s = "9" + pad(r.range(0, 9999999), 7);
        int sum = 0;
        for (int i = 0; i < 8; ++i) sum += (s[static_cast<std::size_t>(i)] - '0') * w[i];
        int c = 11 - sum % 11;
        if (c == 10) continue;
        s += static_cast<char>('0' + (c == 11 ? 0 : c));
        return s;
    }
}

const std::array<int, 7> kPartTime = {20, 40, 50, 60, 75, 80, 90};
const std::array<int, 5> kGrades = {20, 40, 50, 60, 80};

struct EmployeeGen {
    const GenerateOptions& opt;
    Dataset& ds;
    Rng r;
    Employee& e;

    // Current sickness case while records are laid down in order (docs/domain.md, Cases and weeks:
    // a gap of at most 15 non-sick days continues the case).
    Date case_start{};
    Date last_end{-1000000};
    bool graded_case = false;
    bool has_case = false;

    void add(AbsenceKind kind, Date from, std::optional<Date> to, int grade) {
        if (from - last_end - 1 > 15) {
            if (has_case) follow_up();
            case_start = from;
            graded_case = false;
            has_case = true;
        }
        if (grade < 100) graded_case = true;
        last_end = to ? *to : opt.today;
        ds.absences.push_back({e.id, kind, from, to, grade});
    }

    void employment() {
        const Date today = opt.today;
        Date from = r.chance(110) ? today - r.range(30, 700) : today - r.range(731, 25 * 365);
        std::optional<Date> to;
        if (r.chance(80)) {
            Date end = today - r.range(1, 600);
            if (end > from + 60) to = end;
        }
        int pct = r.chance(620) ? 100 : r.pick(kPartTime);
        Date last = to ? *to : today;
        if (r.chance(150) && last - from > 120) {
            // Changed position share: two back-to-back periods.
            Date change = std::max(from + 60, today - r.range(30, 600));
            if (change < last - 30) {
                int pct2 = pct == 100 ? r.pick(kPartTime) : (r.chance(500) ? 100 : r.pick(kPartTime));
                if (pct2 == pct) pct2 = pct == 100 ? 80 : 100;
                e.employment.push_back({from, change - 1, static_cast<double>(pct)});
                e.employment.push_back({change, to, static_cast<double>(pct2)});
                return;
            }
        }
        e.employment.push_back({from, to, static_cast<double>(pct)});
    }

    // One sykmelding episode from `from` lasting `days` (cut at `emp_end`, the employment's last
    // day), renewed in records of 1-4 weeks. The record covering `today` is open half of the time
    // (else it has its future last day). Returns the last covered day, at least `today` if the
    // episode reaches it.
    Date sykmelding(Date from, int days, Date emp_end) {
        const Date today = opt.today;
        Date end = std::min(from + (days - 1), emp_end);
        int style = r.range(0, 99);  // 0-69 full, 70-84 graded throughout, 85-99 graded return
        int grade = style >= 70 && style < 85 ? r.pick(kGrades) : 100;
        Date seg = from;
        for (int segment = 0; seg <= end; ++segment) {
            Date seg_end = days > 21 ? std::min(end, seg + (r.range(7, 28) - 1)) : end;
            if (style >= 85 && segment >= 1) grade = segment == 1 ? r.pick(kGrades) : std::max(grade, r.pick(kGrades));
            if (seg_end >= today) {
                bool open = emp_end > today && r.chance(500);
                add(AbsenceKind::sykmelding, seg, open ? std::nullopt : std::optional<Date>(seg_end), grade);
                return std::max(seg_end, today);
            }
            add(AbsenceKind::sykmelding, seg, seg_end, grade);
            seg = seg_end + 1;
        }
        return end;
    }

    void absences() {
        const Date today = opt.today;
        Date active_start = std::max(e.employment.front().from, today - 730);
        const Date emp_end = e.employment.back().to.value_or(Date::from_ymd(2200, 12, 31));
        const Date active_end = std::min(emp_end, today);
        if (active_end < active_start) return;
        int profile = r.range(0, 999);
        // Mean gap in days between episodes by profile: rarely sick, average, often sick, and
        // recurring short absence (hyppig korttidsfravær).
        bool recurring = profile >= 970;
        int mean_gap = profile < 300 ? 200 : profile < 780 ? 85 : profile < 970 ? 50 : 22;
        Date t = active_start + r.range(0, mean_gap);
        while (t <= active_end) {
            int kind = r.range(0, 999);
            Date last;
            if (kind < (recurring ? 900 : 875)) {
                // 1 day most often; 4-8 days (the IA limit, docs/domain.md, Egenmelding) rarely.
                int x = r.range(0, 99);
                int len = x < 48 ? 1 : x < 78 ? 2 : x < 97 ? 3 : r.range(4, 8);
                Date to = std::min(t + (len - 1), active_end);
                add(AbsenceKind::egenmelding, t, to, 100);
                last = to;
            } else {
                int band = r.range(0, 99);
                int days = recurring ? r.range(4, 10)
                         : band < 55 ? r.range(4, 14)
                         : band < 83 ? r.range(15, 56)
                         : band < 96 ? r.range(57, 200)
                                     : r.range(201, 365);
                Date start = t;
                if (r.chance(250) && t + 3 <= active_end) {
                    // Egenmelding first, then the doctor.
                    int eg = r.range(1, 3);
                    add(AbsenceKind::egenmelding, t, t + (eg - 1), 100);
                    start = t + eg;
                }
                last = sykmelding(start, days, emp_end);
            }
            if (last >= today) break;
            t = last + 1 + r.range(1, 2 * mean_gap);
        }
        if (has_case) follow_up();
    }

    // Follow-up recorded for the current case (the milestone ids of assets/rules/*.json): for every case of
    // the last year lasting 3 weeks or more, done or exempt events dated within the case and not after `today`.
    void follow_up() {
        const Date today = opt.today;
        const Date s = case_start;
        const Date horizon = std::min(last_end, today);
        if (last_end < today && s < today - 365) return;
        if (horizon - s < 20) return; // a plan is needed when the leave lasts about 4 weeks
        auto event = [&](const char* id, int lo, int hi, int per_mille, EventStatus st, const char* note) {
            if (horizon - s <= lo || !r.chance(per_mille)) return;
            Date when = std::min(horizon, s + r.range(lo, hi));
            ds.milestone_events.push_back({e.id, s, id, st, when, note});
        };
        if (graded_case && r.chance(700))
            event("oppfolgingsplan", 14, 27, 1000, EventStatus::exempt,
                  "åpenbart unødvendig: gradert sykmelding, tilretteleggingen er på plass");
        else if (r.chance(150))
            event("oppfolgingsplan", 14, 27, 1000, EventStatus::exempt,
                  "åpenbart unødvendig: friskmelding ventes om kort tid");
        else
            event("oppfolgingsplan", 10, 30, 800, EventStatus::done, "Plan laget sammen med arbeidstaker og sendt sykmelder");
        if (!graded_case) event("dialogmote1", 35, 52, 750, EventStatus::done, "Holdt på arbeidsplassen");
        event("plan_til_nav", 160, 176, 600, EventStatus::done, "Oppdatert plan sendt NAV");
        event("dialogmote2", 170, 190, 600, EventStatus::done, "Innkalt av NAV");
    }
};

} // namespace

Dataset generate_dataset(const GenerateOptions& opt) {
    Dataset ds;
    const int n = std::max(0, opt.employees);
    Rng org(mix(opt.seed, 0xC0FFEEull));
    ds.organisation.name = "Fjordvik kommune"; // the product's demo municipality
    ds.organisation.orgnr = make_orgnr(org);
    ds.organisation.ia_agreement = true;
    ds.organisation.own_bht = org.chance(700);

    // Unit sizes: mostly 5-60; the second unit and about 1 in 12 others have 2-4 (masking).
    std::vector<int> sizes;
    if (opt.units > 0) {
        for (int u = 0; u < opt.units; ++u) sizes.push_back(n / opt.units + (u < n % opt.units ? 1 : 0));
    }
    for (int assigned = opt.units > 0 ? n : 0; assigned < n;) {
        bool small = (sizes.size() == 1 && n >= 20) || (sizes.size() > 1 && org.chance(80));
        int size = small ? org.range(2, 4) : org.chance(500) ? org.range(5, 25) : org.range(26, 60);
        size = std::min(size, n - assigned);
        sizes.push_back(size);
        assigned += size;
    }
    if (sizes.empty()) sizes.push_back(0);
    // Names: every (kind, place) pair once in a shuffled order, then numbered rounds.
    const int combos = static_cast<int>(kUnitKinds.size() * kPlaces.size());
    std::vector<int> order(static_cast<std::size_t>(combos));
    for (int i = 0; i < combos; ++i) order[static_cast<std::size_t>(i)] = i;
    for (int i = combos - 1; i > 0; --i) std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(org.range(0, i))]);
    const int id_width = sizes.size() < 1000 ? 3 : static_cast<int>(std::to_string(sizes.size()).size());
    ds.units.reserve(sizes.size());
    for (std::size_t u = 0; u < sizes.size(); ++u) {
        int c = order[u % static_cast<std::size_t>(combos)];
        std::string name = std::string(kUnitKinds[static_cast<std::size_t>(c) / kPlaces.size()]) + " " +
                           kPlaces[static_cast<std::size_t>(c) % kPlaces.size()];
        if (u >= static_cast<std::size_t>(combos)) name += " " + std::to_string(u / static_cast<std::size_t>(combos) + 1);
        ds.units.push_back({"U" + pad(static_cast<long>(u + 1), id_width), name});
    }

    ds.employees.reserve(static_cast<std::size_t>(n));
    ds.absences.reserve(static_cast<std::size_t>(n) * 11);
    std::size_t unit = 0;
    int left_in_unit = sizes[0];
    for (int k = 1; k <= n; ++k) {
        while (left_in_unit == 0) left_in_unit = sizes[++unit];
        --left_in_unit;
        Rng r(mix(opt.seed, static_cast<uint64_t>(k)));
        ds.employees.emplace_back();
        Employee& e = ds.employees.back();
        e.id = "E" + pad(k, 6);
        // Two statements: the operands of + are evaluated in an unspecified order (g++ took the
        // last name first, clang the first name, so the native and wasm builds made other names).
        const std::string_view last = r.pick(kLastNames);
        const std::string_view first = r.pick(kFirstNames);
        e.name = std::string(first) + " " + std::string(last);
        e.unit = ds.units[unit].id;
        e.birth_year = opt.today.year() - r.range(20, 66);
        EmployeeGen g{opt, ds, r, e};
        g.employment();
        g.absences();
    }
    return ds;
}

} // namespace iadesk
