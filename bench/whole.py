#!/usr/bin/python3
"""Whole processes: the `iadesk` CLI's verbs and the pandas peer, each run as a child process
(docs/performance.md, "Whole processes").

    bench/whole.py [--sizes 50000,200000] [--reps N] [--reps-large N] [--no-pandas]
                   [--bin build/native/iadesk] [--data build/bench/data] [--json build/bench/whole.json]

Per size n (the generator's data, generator seed: 2026, today 2026-11-24, as iadesk_bench and bench/run.sh):
- the dataset: DATA/<n>/dataset.json from `iadesk generate --employees n --seed S --today
  2026-11-24 --out` (reused when present), and the CSV of the pandas peer, DATA/<n>/*.csv from
  `iadesk_bench --sizes n --export DATA` (reused when present; bench/run.sh writes the same);
- each verb is run `reps` times (--reps up to 50 000 employees, --reps-large above) as a child
  process with stdout to /dev/null; per run the child's own resource usage comes from
  os.wait4 (the rusage of that one child: user + sys CPU time and its max RSS; RUSAGE_CHILDREN
  would give the same CPU deltas, but its max RSS is the largest of all children so far);
  reported: median wall, median CPU, largest max RSS, and max RSS / the dataset's size;
- the pandas peer as a whole process: `python3 bench/peer_pandas.py DATA/<n> --reps 1` (import
  pandas, read the three CSV files, the statistic for four quarters per unit, the check against
  the core's sums in stats_ref.csv);
- the same results: the peer checks its sums per unit and quarter against stats_ref.csv (the
  core's unmasked sums), and this script checks that `iadesk stats --by unit --json` over the
  four quarters gives, per unit, the quarters' sums of stats_ref.csv (mulige, tapte, egenmeldt,
  legemeldt to 1e-3, the output's rounding) and the largest quarterly head-count; so both
  processes compute the same figures from the same data, the CLI's a sum of the peer's.
Prints a Markdown table per size and the targets; writes everything as JSON (--json).
No timing is asserted; a verb that fails (exit code other than 0) stops the script.
"""
import argparse
import csv
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED, TODAY = "2026", "2026-11-24"
PERIOD = ("2025-10-01", "2026-09-30")  # the peer's four quarters 2025Q4..2026Q3


def run_child(argv, stdin=None, cwd=None):
    """One child process: (exit code, wall s, CPU s (user+sys), max RSS bytes, stderr text)."""
    t0 = time.perf_counter()
    with open(os.devnull, "wb") as devnull, tempfile.TemporaryFile() as errf:
        p = subprocess.Popen(argv, stdout=devnull, stderr=errf, stdin=stdin, cwd=cwd)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        errf.seek(0)
        err = errf.read().decode("utf-8", "replace")
    return p.returncode, wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss * 1024, err


def measure(name, argv, reps, file_size, prepare=None):
    walls, cpus, rss = [], [], 0
    for _ in range(reps):
        if prepare:
            prepare()
        rc, wall, cpu, maxrss, err = run_child(argv)
        if rc != 0:
            sys.exit(f"whole.py: {name}: exit code {rc}: {' '.join(argv)}\n{err}")
        walls.append(wall)
        cpus.append(cpu)
        rss = max(rss, maxrss)
    r = {"verb": name, "argv": argv, "reps": reps, "wall_s": statistics.median(walls),
         "cpu_s": statistics.median(cpus), "cpu_all_s": cpus, "max_rss_mb": rss / 1e6,
         "rss_ratio": rss / file_size if file_size else None}
    print(f"  {name:<22} wall {r['wall_s']*1000:8.0f} ms  CPU {r['cpu_s']*1000:8.0f} ms  "
          f"max RSS {r['max_rss_mb']:7.0f} MB ({r['rss_ratio']:.2f}x the file)", flush=True)
    return r


def ensure_data(n, args):
    d = os.path.join(args.data, str(n))
    os.makedirs(d, exist_ok=True)
    ds = os.path.join(d, "dataset.json")
    if not os.path.exists(ds):
        print(f"  generating {ds}", flush=True)
        subprocess.run([args.bin, "generate", "--employees", str(n), "--seed", SEED, "--today", TODAY,
                        "--out", ds], check=True, stdout=subprocess.DEVNULL)
    if not args.no_pandas and not os.path.exists(os.path.join(d, "stats_ref.csv")):
        print(f"  exporting CSV for pandas to {d} (iadesk_bench --export)", flush=True)
        subprocess.run([args.bench, "--sizes", str(n), "--export", args.data], check=True,
                       stdout=subprocess.DEVNULL)
    return d, ds


def first_unit_id(path):
    with open(path, "rb") as f:
        head = f.read(1 << 20).decode("utf-8", "replace")
    m = re.search(r'"units"\s*:\s*\[\s*\{[^}]*?"id"\s*:\s*"([^"]+)"', head)
    if not m:
        sys.exit(f"whole.py: no unit id found at the start of {path}")
    return m.group(1)


def check_same_results(args, ds_path, d):
    """iadesk stats over the four quarters against the quarters' sums of stats_ref.csv."""
    out = subprocess.run([args.bin, "stats", ds_path, "--from", PERIOD[0], "--to", PERIOD[1], "--by", "unit",
                          "--json"], check=True, capture_output=True).stdout
    cli = {g["unit"]: g for g in json.loads(out)["groups"]}
    ref = {}
    with open(os.path.join(d, "stats_ref.csv")) as f:
        for row in csv.DictReader(f):
            s = ref.setdefault(row["unit"], {"heads": 0, "mulige_dagsverk": 0.0, "tapte_dagsverk": 0.0,
                                             "tapte_egenmeldt": 0.0, "tapte_legemeldt": 0.0})
            s["heads"] = max(s["heads"], int(row["employees"]))
            s["mulige_dagsverk"] += float(row["mulige"])
            s["tapte_dagsverk"] += float(row["tapte"])
            s["tapte_egenmeldt"] += float(row["tapte_egenmeldt"])
            s["tapte_legemeldt"] += float(row["tapte_legemeldt"])
    problems, compared = [], 0
    if set(cli) != set(ref):
        problems.append(f"units differ: {len(set(cli) ^ set(ref))}")
    for u, s in ref.items():
        g = cli.get(u)
        if g is None:
            continue
        if g["headcount"] != s["heads"]:
            problems.append(f"{u}: headcount {g['headcount']} != {s['heads']}")
        if g["masked"]:
            continue
        compared += 1
        for k in ("mulige_dagsverk", "tapte_dagsverk", "tapte_egenmeldt", "tapte_legemeldt"):
            if abs(g[k] - s[k]) > 1.5e-3:
                problems.append(f"{u}: {k} {g[k]} != {s[k]:.4f}")
    return {"agree": not problems, "units": len(ref), "compared_unmasked": compared, "problems": problems[:10]}


def pandas_whole(args, d, file_size):
    walls, cpus, rss = [], [], 0
    for _ in range(args.pandas_reps):
        rc, wall, cpu, maxrss, err = run_child(["/usr/bin/python3", os.path.join(ROOT, "bench/peer_pandas.py"), d,
                                                "--reps", "1"])
        if rc != 0:
            sys.exit(f"whole.py: the pandas peer failed or disagrees (exit {rc}):\n{err}")
        walls.append(wall)
        cpus.append(cpu)
        rss = max(rss, maxrss)
    r = {"verb": "pandas peer (whole)", "reps": args.pandas_reps, "wall_s": statistics.median(walls),
         "cpu_s": statistics.median(cpus), "cpu_all_s": cpus, "max_rss_mb": rss / 1e6, "rss_ratio": None}
    print(f"  {'pandas peer (whole)':<22} wall {r['wall_s']*1000:8.0f} ms  CPU {r['cpu_s']*1000:8.0f} ms  "
          f"max RSS {r['max_rss_mb']:7.0f} MB", flush=True)
    return r


def run_size(n, args):
    print(f"\n[whole] {n} employees", flush=True)
    d, ds = ensure_data(n, args)
    size = os.path.getsize(ds)
    reps = args.reps if n <= 50000 else args.reps_large
    b = args.bin
    verbs = [
        ("validate", [b, "validate", ds]),
        ("stats --by unit --json", [b, "stats", ds, "--from", PERIOD[0], "--to", PERIOD[1], "--by", "unit", "--json"]),
        ("cases --json", [b, "cases", ds, "--today", TODAY, "--json"]),
        ("milestones --json", [b, "milestones", ds, "--today", TODAY, "--json"]),
    ]
    rows = [measure(name, argv, reps, size) for name, argv in verbs]
    # Adding one row: a one-row employees CSV imported into a fresh copy of the dataset each time
    # (the copy is made before the child starts and is not timed).
    tmp = tempfile.mkdtemp(prefix="iadesk-whole-")
    try:
        one = os.path.join(tmp, "one.csv")
        with open(one, "w", encoding="utf-8") as f:
            f.write("id;navn;enhet;stillingsprosent;fra;til;fødselsår\n")
            f.write(f"WHOLE1;Ny Ansatt;{first_unit_id(ds)};100;01.12.2026;;1990\n")
        target = os.path.join(tmp, "dataset.json")
        rows.append(measure("import one row", [b, "import", "employees", one, "--into", target], reps, size,
                            prepare=lambda: shutil.copyfile(ds, target)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    res = {"employees": n, "file": ds, "file_mb": size / 1e6, "verbs": rows}
    if not args.no_pandas:
        res["same_results"] = check_same_results(args, ds, d)
        print(f"  same results (CLI stats = quarters' sums of stats_ref.csv, which the peer checks): "
              f"{res['same_results']}", flush=True)
        res["pandas"] = pandas_whole(args, d, size)
        st = next(r for r in rows if r["verb"].startswith("stats"))
        res["pandas_ratio_cpu"] = res["pandas"]["cpu_s"] / st["cpu_s"]
        print(f"  pandas / iadesk stats (CPU): {res['pandas_ratio_cpu']:.2f}x", flush=True)
    return res


def markdown(results, meta):
    out = [f"Whole processes: `{meta['bin']}` (commit {meta['commit']}), {meta['machine']}, "
           f"load average before {meta['load_before']}, after {meta['load_after']}.", ""]
    for r in results:
        out.append(f"### {r['employees']} employees, dataset {r['file_mb']:.1f} MB")
        out.append("")
        out.append("| process | runs | wall ms (median) | CPU ms (median) | max RSS MB | max RSS / file |")
        out.append("|---|---|---|---|---|---|")
        for v in r["verbs"] + ([r["pandas"]] if "pandas" in r else []):
            ratio = f"{v['rss_ratio']:.2f}x" if v.get("rss_ratio") is not None else ""
            out.append(f"| {v['verb']} | {v['reps']} | {v['wall_s']*1000:.0f} | {v['cpu_s']*1000:.0f} | "
                       f"{v['max_rss_mb']:.0f} | {ratio} |")
        if "pandas" in r:
            s = r["same_results"]
            out.append("")
            out.append(f"pandas whole process / `stats --by unit` whole process (CPU): **{r['pandas_ratio_cpu']:.2f}x**; "
                       f"same results: {'yes' if s['agree'] else 'NO ' + '; '.join(s['problems'])} "
                       f"({s['units']} units, {s['compared_unmasked']} unmasked compared)")
        out.append("")
    out.append("### Targets (whole processes)")
    out.append("")
    out.append("| target | measured | |")
    out.append("|---|---|---|")
    by_n = {r["employees"]: r for r in results}

    def verb(n, name):
        return next(v for v in by_n[n]["verbs"] if v["verb"].startswith(name))

    def row(text, value, ok):
        out.append(f"| {text} | {value} | {'met' if ok else 'not met'} |")

    if 50000 in by_n:
        r = by_n[50000]
        if "pandas_ratio_cpu" in r:
            row("50 000: stats --by unit >= 5x less CPU than the pandas whole process",
                f"{r['pandas_ratio_cpu']:.2f}x", r["pandas_ratio_cpu"] >= 5)
        v = verb(50000, "validate")
        row("50 000: validate <= 250 ms (CPU)", f"{v['cpu_s']*1000:.0f} ms", v["cpu_s"] <= 0.25)
    if 200000 in by_n:
        v = verb(200000, "validate")
        row("200 000: validate <= 1 s (CPU)", f"{v['cpu_s']*1000:.0f} ms", v["cpu_s"] <= 1.0)
        for name in ("validate", "cases", "stats", "milestones", "import"):
            v = verb(200000, name)
            row(f"200 000: max RSS of {v['verb']} <= 1.5x the file", f"{v['rss_ratio']:.2f}x", v["rss_ratio"] <= 1.5)
        v = verb(200000, "import")
        row("200 000: import one row <= 0.5 s (CPU)", f"{v['cpu_s']*1000:.0f} ms", v["cpu_s"] <= 0.5)
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="50000,200000")
    ap.add_argument("--reps", type=int, default=5, help="runs per verb up to 50 000 employees")
    ap.add_argument("--reps-large", type=int, default=3, help="runs per verb above 50 000 employees")
    ap.add_argument("--pandas-reps", type=int, default=3)
    ap.add_argument("--no-pandas", action="store_true")
    ap.add_argument("--bin", default=os.path.join(ROOT, "build/native/iadesk"))
    ap.add_argument("--bench", default=os.path.join(ROOT, "build/native/iadesk_bench"))
    ap.add_argument("--data", default=os.path.join(ROOT, "build/bench/data"))
    ap.add_argument("--json", default=os.path.join(ROOT, "build/bench/whole.json"))
    args = ap.parse_args()
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    meta = {"commit": commit + ("+changes" if dirty else ""), "bin": os.path.relpath(args.bin, ROOT),
            "machine": f"{os.cpu_count()} cores, {cpu}", "load_before": open("/proc/loadavg").read().split()[:3]}
    results = [run_size(int(n), args) for n in args.sizes.split(",") if n]
    meta["load_after"] = open("/proc/loadavg").read().split()[:3]
    md = markdown(results, meta)
    print()
    print(md)
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump({"meta": meta, "results": results, "markdown": md}, f, indent=1)
    with open(os.path.splitext(args.json)[0] + ".md", "w") as f:
        f.write(md)


if __name__ == "__main__":
    main()
