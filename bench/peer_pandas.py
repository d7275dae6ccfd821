#!/usr/bin/python3
"""The peer of iadesk's statistics: tapte/mulige dagsverk per unit and quarter
(docs/domain.md, Sick-leave statistics; the rules of src/core/stats.cpp) with pandas, on the
CSV files that `iadesk_bench --export DIR` writes, checked against the core's unmasked sums (stats_ref.csv).

    bench/peer_pandas.py DIR/<n> [--json FILE]

Rules (stats.hpp):
- mulige dagsverk = working days (Mon-Fri, not a Norwegian public holiday) inside each employment
  period, times percent / 100;
- tapte dagsverk = working days on which the employee is absent and employed, times the position
  share of that day times grade / 100; overlapping records: the highest grade counts, and the day
  is legemeldt if any sykmelding covers it, else egenmeldt; an open record runs to the period's end;
- employees = employed on at least one day of the period; only units in units.csv.

Written the way a pandas user would: vectorised, no Python loop over records. Working days by
numpy.busday_count with the holiday list; absence expanded to one row per absent working day
(np.repeat), reduced per (employee, day), joined to the employment period of that day with
merge_asof. Timed (wall and CPU time): everything after the CSV files are read (reading is
reported apart); the ratio to the core uses CPU time on both sides (native_stats_ms.txt).
"""
import argparse
import datetime as dt
import json
import sys
import time

import numpy as np
import pandas as pd

QUARTERS = [(2025, 4), (2026, 1), (2026, 2), (2026, 3)]


def easter_sunday(y):
    a = y % 19
    b, c = divmod(y, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


def holidays(years):
    out = []
    for y in years:
        e = easter_sunday(y)
        out += [dt.date(y, 1, 1), e - dt.timedelta(3), e - dt.timedelta(2), e + dt.timedelta(1),
                dt.date(y, 5, 1), dt.date(y, 5, 17), e + dt.timedelta(39), e + dt.timedelta(50),
                dt.date(y, 12, 25), dt.date(y, 12, 26)]
    return np.array(out, dtype="datetime64[D]")


def quarter_bounds(y, q):
    first = np.datetime64(dt.date(y, 3 * (q - 1) + 1, 1), "D")
    last = (np.datetime64(dt.date(y + (q == 4), 1 if q == 4 else 3 * q + 1, 1), "D") - np.timedelta64(1, "D"))
    return first, last


def read(dirpath):
    units = pd.read_csv(f"{dirpath}/units.csv", dtype={"unit": str})
    emp = pd.read_csv(f"{dirpath}/employment.csv", dtype={"employee": str, "unit": str},
                      parse_dates=["from", "to"])
    ab = pd.read_csv(f"{dirpath}/absences.csv", dtype={"employee": str, "kind": str},
                     parse_dates=["from", "to"])
    return units, emp, ab


def stats(units, emp, ab):
    """One DataFrame: quarter, unit, employees, mulige, tapte, tapte_egenmeldt, tapte_legemeldt."""
    hol = holidays(range(2024, 2028))
    day = np.timedelta64(1, "D")
    # Only units that exist; the employee's unit per employment row.
    emp = emp[emp["unit"].isin(units["unit"])]
    e_from = emp["from"].values.astype("datetime64[D]")
    e_to_raw = emp["to"].values.astype("datetime64[D]")
    a_from = ab["from"].values.astype("datetime64[D]")
    a_to_raw = ab["to"].values.astype("datetime64[D]")
    a_sick = (ab["kind"].values == "sykmelding")
    a_grade = np.minimum(ab["grade"].values, 100).astype(np.float64)
    results = []
    for y, q in QUARTERS:  # four periods, not a loop over records
        qf, ql = quarter_bounds(y, q)
        # --- mulige: employment periods clipped to the quarter ---
        to = np.where(np.isnat(e_to_raw), ql, e_to_raw)
        pf, pl = np.maximum(e_from, qf), np.minimum(to, ql)
        inside = pf <= pl
        ep = emp.loc[inside, ["employee", "unit", "percent"]].copy()
        ep["from"] = pf[inside]
        ep["to"] = pl[inside]
        ep["mulige"] = np.busday_count(pf[inside], pl[inside] + day, holidays=hol) * ep["percent"].values / 100.0
        per_unit = ep.groupby("unit").agg(employees=("employee", "nunique"), mulige=("mulige", "sum"))

        # --- tapte: absent working days, expanded per day ---
        to = np.where(np.isnat(a_to_raw), ql, a_to_raw)
        af, al = np.maximum(a_from, qf), np.minimum(to, ql)
        keep = af <= al
        n = ((al[keep] - af[keep]) // day + 1).astype(np.int64)
        idx = np.repeat(np.flatnonzero(keep), n)
        starts = np.repeat(np.cumsum(n) - n, n)
        days = np.repeat(af[keep], n) + (np.arange(n.sum()) - starts).astype("timedelta64[D]")
        work = np.is_busday(days, holidays=hol)
        d = pd.DataFrame({"employee": ab["employee"].values[idx[work]], "day": days[work],
                          "grade": a_grade[idx[work]], "sick": a_sick[idx[work]]})
        d = d.groupby(["employee", "day"], sort=False).agg(grade=("grade", "max"), sick=("sick", "any")).reset_index()
        # The employment period of each absent day (periods of one employee do not overlap).
        d["day"] = d["day"].astype("datetime64[ns]")
        d = pd.merge_asof(d.sort_values("day"), ep[["employee", "unit", "percent", "from", "to"]]
                          .astype({"from": "datetime64[ns]", "to": "datetime64[ns]"}).sort_values("from"),
                          left_on="day", right_on="from", by="employee", direction="backward")
        d = d[d["to"].notna() & (d["day"] <= d["to"])]
        lost = d["percent"].values / 100.0 * d["grade"].values / 100.0
        d = pd.DataFrame({"unit": d["unit"].values, "lege": np.where(d["sick"].values, lost, 0.0),
                          "egen": np.where(d["sick"].values, 0.0, lost)})
        t = d.groupby("unit").agg(tapte_legemeldt=("lege", "sum"), tapte_egenmeldt=("egen", "sum"))
        r = per_unit.join(t, how="left").fillna(0.0)
        r["tapte"] = r["tapte_egenmeldt"] + r["tapte_legemeldt"]
        r = r.reindex(units["unit"]).fillna(0.0)  # every unit, in the units' order
        r["employees"] = r["employees"].astype(int)
        r.insert(0, "quarter", f"{y}Q{q}")
        results.append(r.reset_index())
    return pd.concat(results, ignore_index=True)


def percent(r):
    """Sykefraværsprosent with NAV's masking (fewer than 5 employees: withheld)."""
    p = np.where(r["mulige"] > 0, r["tapte"] / r["mulige"].where(r["mulige"] > 0, 1) * 100.0, np.nan)
    return pd.Series(np.where(r["employees"] >= 5, np.floor(p * 10 + 0.5 + 1e-9) / 10, np.nan), index=r.index)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--json")
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    t0 = time.perf_counter()
    units, emp, ab = read(args.dir)
    read_ms = (time.perf_counter() - t0) * 1000
    times, cpus = [], []
    for _ in range(args.reps):
        t0, c0 = time.perf_counter(), time.process_time()
        r = stats(units, emp, ab)
        r["percent"] = percent(r)
        times.append((time.perf_counter() - t0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
    times.sort()
    cpus.sort()
    ms = times[len(times) // 2]
    cpu = cpus[len(cpus) // 2]  # CPU time: the machine is shared (docs/performance.md)

    ref = pd.read_csv(f"{args.dir}/stats_ref.csv", dtype={"unit": str})
    m = ref.merge(r, on=["quarter", "unit"], suffixes=("_ref", ""), how="outer", indicator=True)
    problems = []
    if (m["_merge"] != "both").any():
        problems.append(f"{(m['_merge'] != 'both').sum()} groups only on one side")
    if (m["employees_ref"] != m["employees"]).any():
        problems.append(f"{(m['employees_ref'] != m['employees']).sum()} groups with other employee counts")
    worst = 0.0
    for c in ["mulige", "tapte", "tapte_egenmeldt", "tapte_legemeldt"]:
        a, b = m[f"{c}_ref"].values, m[c].values
        rel = np.abs(a - b) / np.maximum(np.maximum(np.abs(a), np.abs(b)), 1e-300)
        rel[(a == 0) & (b == 0)] = 0
        bad = rel > 1e-6
        worst = max(worst, float(rel.max()) if len(rel) else 0.0)
        if bad.any():
            problems.append(f"{bad.sum()} groups differ in {c} (worst relative {rel.max():.3g})")
    native_ms = None
    try:
        native_ms = float(open(f"{args.dir}/native_stats_ms.txt").read())
    except OSError:
        pass
    out = {"dir": args.dir, "pandas": pd.__version__, "numpy": np.__version__, "records": len(ab),
           "read_ms": read_ms, "ms": ms, "cpu_ms": cpu, "reps": args.reps, "groups": len(r), "worst_rel": worst,
           "agree": not problems, "problems": problems, "native_ms": native_ms,
           "ratio": cpu / native_ms if native_ms else None}
    print(f"pandas {pd.__version__}: {len(ab)} records, 4 quarters x {len(units)} units: {ms:.1f} ms, CPU {cpu:.1f} ms "
          f"(CSV read {read_ms:.0f} ms apart); worst relative difference {worst:.2g}; "
          + ("agrees with the core" if not problems else "DISAGREES: " + "; ".join(problems))
          + (f"; pandas / native (CPU time) = {cpu / native_ms:.1f}x" if native_ms else ""))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(out, f, indent=1)
    sys.exit(0 if not problems else 1)


if __name__ == "__main__":
    main()
