// iadesk_bench: the core's speed at 1 000 .. 200 000 employees, the same source built
// natively (g++ -O2) and to WebAssembly (run under node). docs/performance.md has the figures;
// bench/run.sh runs everything and prints the table with the ratios.
//
//   iadesk_bench [--sizes 1000,10000,50000,200000] [--json FILE] [--export DIR] [--label NAME] [--core-only]
//
// --core-only runs generate, cases, milestones and stats_4q alone (for profiling with perf).
//
// Per size: the dataset of the core's generator (generate.hpp; generator seed: 2026, today 2026-11-24, the
// same thing as `iadesk generate`) goes through the steps below; each step is repeated (5 times
// up to 10 000 employees, 3 times at 50 000, once above) and the median time is reported.
//   save_dataset   Dataset -> canonical JSON text (dataset.hpp)
//   load           load_dataset on that text: parse and every check (dataset.hpp)
//   cases          build_cases (cases.hpp)
//   milestones     schedule_open_cases with builtin_rule_sets (milestones.hpp, rules.hpp)
//   stats_4q       compute_stats by unit for the four quarters 2025Q4..2026Q3 (stats.hpp)
//   search_1000    1 000 measure searches on a MeasureIndex built once (measures.hpp)
//   snapshot_save  SnapshotStore::save into an in-memory ByteStore (snapshots.hpp)
//   snapshot_load  SnapshotStore::load_newest from it
// Memory, per step (the step's largest value over its repetitions):
//   heap_peak   highest live bytes allocated through operator new during the step, above what was
//               live when it began (counted by this program's operator new/delete; the same
//               meaning natively and in wasm; C malloc calls are not seen).
//   process     natively: VmHWM (peak resident set) of the process during the step, reset before
//               each step through /proc/self/clear_refs; in wasm: the size of the wasm memory
//               after the step (emscripten_get_heap_size): it only grows, so it is the process'
//               peak so far, including the generated dataset and every earlier step.
// --export DIR writes, per size, DIR/<n>/{units,employment,absences}.csv (the data for the pandas
// peer, bench/peer_pandas.py) and stats_ref.csv (compute_stats with mask_below 0: the unmasked
// sums the peer must agree with) plus stats_time.txt.
#include "iadesk/cases.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/generate.hpp"
#include "iadesk/measures.hpp"
#include "iadesk/milestones.hpp"
#include "iadesk/rules.hpp"
#include "iadesk/snapshots.hpp"
#include "iadesk/stats.hpp"

#include "../tests/support/memory_store.hpp" // the in-memory ByteStore the tests use

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <new>
#include <string>
#include <sys/stat.h>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/heap.h>
#endif
#include <ctime>
#include <malloc.h>

// --- Allocation counting ---------------------------------------------------------------------------
namespace {
std::size_t g_live = 0;
std::size_t g_peak = 0;

void* counted_alloc(std::size_t n) {
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    g_live += malloc_usable_size(p);
    if (g_live > g_peak) g_peak = g_live;
    return p;
}
void counted_free(void* p) noexcept {
    if (!p) return;
    g_live -= malloc_usable_size(p);
    std::free(p);
}
} // namespace

void* operator new(std::size_t n) { return counted_alloc(n); }
void* operator new[](std::size_t n) { return counted_alloc(n); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }

namespace {

using namespace iadesk;
using Clock = std::chrono::steady_clock;

// CPU time of the process in ms: natively CLOCK_PROCESS_CPUTIME_ID; under node process.cpuUsage()
// (user + system of the node process). On a shared machine the wall time of a step includes time
// the process waited for a core; the CPU time does not.
#ifdef __EMSCRIPTEN__
EM_JS(double, js_cpu_ms, (), {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
});
double cpu_ms() { return js_cpu_ms(); }
#else
double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}
#endif

// Process-level memory (see the header comment).
void reset_process_peak() {
#ifndef __EMSCRIPTEN__
    if (FILE* f = std::fopen("/proc/self/clear_refs", "w")) {
        std::fputs("5", f);
        std::fclose(f);
    }
#endif
}
double process_peak_mb() {
#ifdef __EMSCRIPTEN__
    return static_cast<double>(emscripten_get_heap_size()) / 1048576.0;
#else
    double kb = 0;
    if (FILE* f = std::fopen("/proc/self/status", "r")) {
        char line[256];
        while (std::fgets(line, sizeof line, f))
            if (std::strncmp(line, "VmHWM:", 6) == 0) kb = std::atof(line + 6);
        std::fclose(f);
    }
    return kb / 1024.0;
#endif
}

struct StepResult {
    std::string name;
    double ms = 0;            // median
    double ms_min = 0;
    double cpu = 0;           // median CPU time, ms
    int reps = 0;
    double items = 0;         // what the throughput counts
    std::string unit;         // of items
    double heap_peak_mb = 0;
    double process_mb = 0;
    std::string check;        // a result summary, equal natively and in wasm
};

// Runs `fn` `reps` times; the median time, and the memory figures of the header comment.
StepResult run_step(const std::string& name, int reps, const std::function<std::string()>& fn) {
    StepResult r;
    r.name = name;
    r.reps = reps;
    std::vector<double> times, cpus;
    for (int i = 0; i < reps; ++i) {
        reset_process_peak();
        const std::size_t live0 = g_live;
        g_peak = g_live;
        const double c0 = cpu_ms();
        const auto t0 = Clock::now();
        r.check = fn();
        const auto t1 = Clock::now();
        cpus.push_back(cpu_ms() - c0);
        times.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        r.heap_peak_mb = std::max(r.heap_peak_mb, static_cast<double>(g_peak - live0) / 1048576.0);
        r.process_mb = std::max(r.process_mb, process_peak_mb());
    }
    std::sort(times.begin(), times.end());
    r.ms = times[times.size() / 2];
    r.ms_min = times.front();
    std::sort(cpus.begin(), cpus.end());
    r.cpu = cpus[cpus.size() / 2];
    return r;
}

std::vector<Quarter> four_quarters() { return {{2025, 4}, {2026, 1}, {2026, 2}, {2026, 3}}; }

// Realistic queries: whole words, typing prefixes, typos, English, several words.
const std::vector<std::string>& queries() {
    static const std::vector<std::string> q = {
        "lønnstilskudd", "lonnstilskud", "inkluderingstilskudd", "inkluderingstislkudd", "inklu",
        "mentor", "mento", "mentor tilskudd", "ekspertbistand", "ekspe", "ekspertbisand",
        "arbeidsplassvurdering", "arbeidsplasvurdering", "arbeidstrening", "hjelpemidler",
        "hjelpemiddelsentralen", "funksjonsassistanse", "funksjonsass", "gradert sykm",
        "gradert sykmelding", "oppfølgingsplan", "oppf", "dialogmøte", "bedriftshelsetjeneste", "BHT",
        "IPS", "individuell jobbstøtte", "karriereveiledning", "kompetanse sykmeldt", "kronisk syk",
        "psykolog", "AMO", "arbeidsmarkedsopplæring", "expert assistance", "inclusion grant",
        "wage subsidy", "assistive aids", "graded sick leave", "tilrettelegging", "reisetilskudd",
        "friskmelding til arbeidsformidling", "unntak arbeidsgiverperiode", "nav", "arbeid", "tilskudd"};
    return q;
}

std::string fmt(double v, const char* f = "%.6f") {
    char b[64];
    std::snprintf(b, sizeof b, f, v);
    return b;
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// The data as plain CSV for the pandas peer: comma, ISO dates, empty = open.
void export_csv(const Dataset& ds, const std::string& dir) {
    std::string s = "unit\n";
    for (const Unit& u : ds.units) s += u.id + "\n";
    write_file(dir + "/units.csv", s);
    s = "employee,unit,from,to,percent\n";
    s.reserve(ds.employees.size() * 64);
    for (const Employee& e : ds.employees)
        for (const Employment& p : e.employment)
            s += e.id + "," + e.unit + "," + format_iso(p.from) + "," + (p.to ? format_iso(*p.to) : "") + "," +
                 fmt(p.percent, "%.17g") + "\n";
    write_file(dir + "/employment.csv", s);
    s = "employee,kind,from,to,grade\n";
    s.reserve(ds.absences.size() * 48);
    for (const Absence& a : ds.absences)
        s += a.employee + "," + to_string(a.kind) + "," + format_iso(a.from) + "," +
             (a.to ? format_iso(*a.to) : "") + "," + std::to_string(a.grade) + "\n";
    write_file(dir + "/absences.csv", s);
    // Reference: unmasked sums per unit and quarter.
    s = "quarter,unit,employees,mulige,tapte,tapte_egenmeldt,tapte_legemeldt\n";
    for (const Quarter& q : four_quarters()) {
        const StatsResult r = compute_stats(ds, {q.first(), q.last(), true, 0});
        for (const StatsGroup& g : r.groups) {
            const DagsverkSums z = g.sums.value_or(DagsverkSums{});
            s += std::to_string(q.year) + "Q" + std::to_string(q.q) + "," + *g.unit + "," +
                 std::to_string(g.employees) + "," + fmt(z.mulige, "%.17g") + "," + fmt(z.tapte, "%.17g") + "," +
                 fmt(z.tapte_egenmeldt, "%.17g") + "," + fmt(z.tapte_legemeldt, "%.17g") + "\n";
        }
    }
    write_file(dir + "/stats_ref.csv", s);
}

std::vector<int> parse_sizes(const std::string& s) {
    std::vector<int> out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = s.find(',', i);
        if (j == std::string::npos) j = s.size();
        out.push_back(std::atoi(s.substr(i, j - i).c_str()));
        i = j + 1;
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<int> sizes = {1000, 10000, 50000, 200000};
    std::string json_path, export_dir;
    bool core_only = false;
#ifdef __EMSCRIPTEN__
    std::string label = "wasm";
#else
    std::string label = "native";
#endif
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--sizes") sizes = parse_sizes(next());
        else if (a == "--json") json_path = next();
        else if (a == "--export") export_dir = next();
        else if (a == "--label") label = next();
        else if (a == "--core-only") core_only = true;
        else {
            std::fprintf(stderr, "usage: iadesk_bench [--sizes N,N,..] [--json FILE] [--export DIR] [--label NAME]\n");
            return 2;
        }
    }

    const Date today = Date::from_ymd(2026, 11, 24);
    std::vector<RuleProblem> rule_problems;
    const std::vector<RuleSet> rule_sets = builtin_rule_sets(&rule_problems);
    const measures::Catalogue catalogue = measures::builtin_catalogue();
    const auto t_index = Clock::now();
    const measures::MeasureIndex index(catalogue);
    const double index_ms = std::chrono::duration<double, std::milli>(Clock::now() - t_index).count();

    nlohmann::json out;
    out["label"] = label;
    out["measure_index_ms"] = index_ms;
    out["runs"] = nlohmann::json::array();
    std::printf("iadesk_bench (%s): %zu rule sets, %zu measures (index built in %.2f ms)\n", label.c_str(),
                rule_sets.size(), catalogue.measures.size(), index_ms);

    for (const int n : sizes) {
        const int reps = n <= 10000 ? 5 : n <= 50000 ? 3 : 1;
        std::vector<StepResult> steps;
        GenerateOptions g;
        g.employees = n;
        g.seed = 2026;
        g.today = today;
        std::optional<Dataset> ds;
        steps.push_back(run_step("generate", 1, [&] {
            ds = generate_dataset(g);
            return std::to_string(ds->absences.size()) + " records";
        }));
        const double records = static_cast<double>(ds->absences.size());
        steps.back().items = n;
        steps.back().unit = "employees";

        std::string json;
        double mb = 0;
        std::optional<Dataset> loaded;
        if (core_only) {
            loaded = std::move(ds);
        } else {
            steps.push_back(run_step("save_dataset", reps, [&] {
                json = save_dataset(*ds);
                return std::to_string(json.size()) + " bytes";
            }));
            mb = static_cast<double>(json.size()) / 1048576.0;
            steps.back().items = mb;
            steps.back().unit = "MB";

            steps.push_back(run_step("load", reps, [&] {
                loaded.reset();
                DatasetLoad l = load_dataset(json);
                if (!l.ok()) {
                    std::fprintf(stderr, "load failed: %s %s\n", l.problems[0].pointer.c_str(), l.problems[0].message_en.c_str());
                    std::exit(1);
                }
                loaded = std::move(l.dataset);
                return std::to_string(loaded->employees.size()) + " employees";
            }));
            steps.back().items = records;
            steps.back().unit = "records";
            ds.reset(); // the loaded copy is used from here on (equal by the round-trip contract)
            json = std::string();
        }
        const Dataset& d = *loaded;

        std::vector<SicknessCase> cases;
        steps.push_back(run_step("cases", reps, [&] {
            cases = build_cases(d, today);
            return std::to_string(cases.size()) + " cases";
        }));
        steps.back().items = records;
        steps.back().unit = "records";

        std::size_t open_cases = 0;
        for (const SicknessCase& c : cases) open_cases += c.is_open() ? 1 : 0;
        std::vector<CaseSchedule> schedules;
        steps.push_back(run_step("milestones", reps, [&] {
            schedules = schedule_open_cases(cases, rule_sets, d, today);
            std::size_t m = 0, overdue = 0;
            for (const CaseSchedule& s : schedules)
                for (const Milestone& x : s.milestones) {
                    ++m;
                    overdue += x.status == MilestoneStatus::overdue ? 1 : 0;
                }
            return std::to_string(schedules.size()) + " open, " + std::to_string(m) + " milestones, " +
                   std::to_string(overdue) + " overdue";
        }));
        steps.back().items = static_cast<double>(open_cases);
        steps.back().unit = "open cases";

        steps.push_back(run_step("stats_4q", reps, [&] {
            double tapte = 0, mulige = 0;
            std::size_t groups = 0;
            for (const Quarter& q : four_quarters()) {
                const StatsResult r = compute_stats(d, {q.first(), q.last(), true, 5});
                for (const StatsGroup& grp : r.groups) {
                    ++groups;
                    if (grp.sums) {
                        tapte += grp.sums->tapte;
                        mulige += grp.sums->mulige;
                    }
                }
            }
            return std::to_string(groups) + " groups, " + fmt(100.0 * tapte / mulige, "%.4f") + " %";
        }));
        steps.back().items = records;
        steps.back().unit = "records";

        if (!core_only) {
            const std::vector<std::string>& qs = queries();
            steps.push_back(run_step("search_1000", reps, [&] {
                std::size_t hits = 0;
                for (int i = 0; i < 1000; ++i) hits += index.search(qs[static_cast<std::size_t>(i) % qs.size()], {}, 10).size();
                return std::to_string(hits) + " hits";
            }));
            steps.back().items = 1000;
            steps.back().unit = "searches";

            testing::MemoryStore mem;
            steps.push_back(run_step("snapshot_save", reps, [&] {
                mem.files.clear();
                SnapshotStore store(mem);
                std::string err;
                if (!store.save(d, &err)) {
                    std::fprintf(stderr, "snapshot save failed: %s\n", err.c_str());
                    std::exit(1);
                }
                return std::string("saved");
            }));
            steps.back().items = mb;
            steps.back().unit = "MB";

            steps.push_back(run_step("snapshot_load", reps, [&] {
                SnapshotStore store(mem);
                SnapshotLoad l = store.load_newest();
                if (!l.dataset) {
                    std::fprintf(stderr, "snapshot load failed\n");
                    std::exit(1);
                }
                return std::to_string(l.dataset->absences.size()) + " records";
            }));
            steps.back().items = mb;
            steps.back().unit = "MB";
        }

        if (!export_dir.empty() && !core_only) {
            const std::string dir = export_dir + "/" + std::to_string(n);
            mkdir(export_dir.c_str(), 0755);
            mkdir(dir.c_str(), 0755);
            const auto t0 = Clock::now();
            export_csv(d, dir);
            // Time of the timed step's work alone, for the peer's ratio (stats_4q of this run).
            for (const StepResult& st : steps)
                if (st.name == "stats_4q") write_file(dir + "/native_stats_ms.txt", fmt(st.cpu, "%.3f") + "\n");
            std::printf("  exported CSV to %s (%.0f ms)\n", dir.c_str(),
                        std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        }

        std::printf("\n%s, %d employees, %.0f absence records, %zu cases (%zu open), JSON %.1f MB\n", label.c_str(), n,
                    records, cases.size(), open_cases, mb);
        std::printf("  %-14s %10s %10s %14s %-12s %10s %10s  %s\n", "step", "ms", "cpu ms", "throughput", "", "heap MB", "proc MB", "check");
        nlohmann::json run;
        run["employees"] = n;
        run["records"] = records;
        run["cases"] = cases.size();
        run["open_cases"] = open_cases;
        run["json_mb"] = mb;
        run["steps"] = nlohmann::json::array();
        double core_ms = 0, core_cpu = 0;
        for (const StepResult& s : steps) {
            const double per_s = s.ms > 0 ? s.items / (s.ms / 1000.0) : 0;
            std::printf("  %-14s %10.2f %10.2f %14.4g %-12s %10.1f %10.1f  %s\n", s.name.c_str(), s.ms, s.cpu, per_s,
                        (s.unit + "/s").c_str(), s.heap_peak_mb, s.process_mb, s.check.c_str());
            if (s.name == "cases" || s.name == "milestones" || s.name == "stats_4q") {
                core_ms += s.ms;
                core_cpu += s.cpu;
            }
            run["steps"].push_back({{"name", s.name}, {"ms", s.ms}, {"ms_min", s.ms_min}, {"cpu_ms", s.cpu}, {"reps", s.reps},
                                    {"items", s.items}, {"unit", s.unit}, {"per_s", per_s},
                                    {"heap_peak_mb", s.heap_peak_mb}, {"process_mb", s.process_mb}, {"check", s.check}});
        }
        run["core_ms"] = core_ms;
        run["core_cpu_ms"] = core_cpu;
        std::printf("  cases + milestones + stats_4q = %.1f ms (CPU %.1f ms)\n", core_ms, core_cpu);
        out["runs"].push_back(run);
        std::fflush(stdout);
    }
    if (!json_path.empty()) write_file(json_path, out.dump(1) + "\n");
    return 0;
}
