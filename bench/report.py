#!/usr/bin/python3
"""Combines the results of bench/run.sh (native.json, wasm.json, pandas-<n>.json, browser.json in
one folder) into one table with the wasm/native and pandas/native ratios, and the issue's targets
(reported, not asserted).   bench/report.py RESULTS_DIR [--markdown]"""
import json
import os
import sys


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def fmt_rate(v, unit):
    if v >= 1e6:
        return f"{v / 1e6:.2f} M {unit}/s"
    if v >= 1e3:
        return f"{v / 1e3:.1f} k {unit}/s"
    return f"{v:.1f} {unit}/s"


def main():
    d = sys.argv[1]
    md = "--markdown" in sys.argv
    native = load(os.path.join(d, "native.json")) or {"runs": []}
    wasm = load(os.path.join(d, "wasm.json")) or {"runs": []}
    browser = load(os.path.join(d, "browser.json"))
    wruns = {r["employees"]: r for r in wasm["runs"]}
    lines = []
    sep = " | " if md else "  "

    def row(cells, widths):
        if md:
            return "| " + " | ".join(str(c) for c in cells) + " |"
        return sep.join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    head = ["step", "native ms", "CPU ms", "throughput (CPU)", "heap MB", "VmHWM MB", "wasm ms", "CPU ms",
            "wasm/native (CPU)", "heap MB", "wasm mem MB", "check"]
    widths = [14, 10, 9, 20, 8, 9, 10, 9, 17, 8, 11, 0]
    targets = []
    for r in native["runs"]:
        n = r["employees"]
        w = wruns.get(n)
        lines.append("")
        lines.append(f"{'### ' if md else ''}{n} employees, {r['records']:.0f} absence records, {r['cases']} cases "
                     f"({r['open_cases']} open), JSON {r['json_mb']:.1f} MB")
        if md:
            lines.append("")
        lines.append(row(head, widths))
        if md:
            lines.append("|" + "---|" * len(head))
        wsteps = {s["name"]: s for s in (w["steps"] if w else [])}
        for s in r["steps"]:
            ws = wsteps.get(s["name"])
            same = ws is None or ws["check"] == s["check"]
            rate = s["items"] / (s["cpu_ms"] / 1000) if s["cpu_ms"] > 0 else 0
            lines.append(row([s["name"], f"{s['ms']:.2f}", f"{s['cpu_ms']:.2f}", fmt_rate(rate, s["unit"]),
                              f"{s['heap_peak_mb']:.1f}", f"{s['process_mb']:.0f}",
                              f"{ws['ms']:.2f}" if ws else "-", f"{ws['cpu_ms']:.2f}" if ws else "-",
                              f"{ws['cpu_ms'] / s['cpu_ms']:.2f}x" if ws and s["cpu_ms"] > 0 else "-",
                              f"{ws['heap_peak_mb']:.1f}" if ws else "-", f"{ws['process_mb']:.0f}" if ws else "-",
                              s["check"] + ("" if same else f" (wasm: {ws['check']}!)")], widths))
        core_w = w["core_cpu_ms"] if w else None
        lines.append(row(["core (c+m+s)", f"{r['core_ms']:.1f}", f"{r['core_cpu_ms']:.1f}", "", "", "",
                          f"{w['core_ms']:.1f}" if w else "-", f"{core_w:.1f}" if core_w else "-",
                          f"{core_w / r['core_cpu_ms']:.2f}x" if core_w else "-", "", "", "cases + milestones + stats_4q"],
                         widths))
        p = load(os.path.join(d, f"pandas-{n}.json"))
        if p:
            st = next(s for s in r["steps"] if s["name"] == "stats_4q")
            lines.append(row(["pandas stats", f"{p['ms']:.1f}", f"{p['cpu_ms']:.1f}", "", "", "", "", "",
                              f"{p['cpu_ms'] / st['cpu_ms']:.1f}x native", "", "", ("agrees" if p["agree"] else "DISAGREES") +
                              f" (worst rel. diff {p['worst_rel']:.1g}; CSV read {p['read_ms']:.0f} ms apart)"], widths))
        if n == 50000:
            targets.append(("cases + milestones + 4-quarter stats, 50 000 employees, native <= 150 ms (CPU time)",
                            f"{r['core_cpu_ms']:.1f} ms CPU ({r['core_ms']:.1f} ms wall)", r["core_cpu_ms"] <= 150))
            if core_w:
                ratios = {s["name"]: wsteps[s["name"]]["cpu_ms"] / s["cpu_ms"] for s in r["steps"]
                          if s["name"] in wsteps and s["cpu_ms"] > 0}
                worst = max(ratios, key=ratios.get)
                targets.append(("WebAssembly within 1.5x of native (core, CPU time)", f"{core_w / r['core_cpu_ms']:.2f}x "
                                f"(worst step {worst} {ratios[worst]:.2f}x)", core_w / r["core_cpu_ms"] <= 1.5))
            if p:
                st = next(s for s in r["steps"] if s["name"] == "stats_4q")
                targets.append(("statistics >= 5x faster than pandas (CPU time)", f"{p['cpu_ms'] / st['cpu_ms']:.1f}x",
                                p["cpu_ms"] / st["cpu_ms"] >= 5))
    if browser:
        b = browser
        lines.append("")
        lines.append(f"{'### ' if md else ''}Browser, {b['employees']} employees (headless chromium, SwiftShader WebGL)")
        if md:
            lines.append("")
        t = b["transfer"]
        lines.append(f"{'- ' if md else '  '}transfer: {t['raw'] / 1024:.0f} KiB raw, {t['gzip'] / 1024:.0f} KiB gzip -9 ("
                     + ", ".join(f"{k} {v['raw'] / 1024:.0f}/{v['gzip'] / 1024:.0f} KiB" for k, v in t["files"].items()) + ")"
                     + (f"; the browser received {sum(b['transferReceived'].values()) / 1024:.0f} KiB"
                        if b.get("transferReceived") else ""))
        lines.append(f"{'- ' if md else '  '}first frame: {b['firstFrameGenerateMs']:.0f} ms on first start (generates the demo), "
                     f"{b['firstFrameReloadMs']:.0f} ms after a reload (loads the IndexedDB snapshot); the first frame is the "
                     "loading screen, drawn before the stored data is read")
        for key, when in [("startupGenerate", "first start"), ("startupReload", "after a reload")]:
            s = b.get(key)
            if s and "documentReady" in s:
                lines.append(f"{'- ' if md else '  '}{when}: main() at {s['main']:.0f} ms, WebGL and ImGui ready at "
                             f"{s['graphicsReady']:.0f} ms, storage read at {s['storageRead']:.0f} ms, register open at "
                             f"{s['documentReady']:.0f} ms (the snapshot parsed, cases derived)")
        for k, name in [("scrollEmployees", "scrolling Ansatte"), ("scrollOverview", "scrolling Oversikt"),
                        ("idleOverview", "idle Oversikt")]:
            s = b[k]
            ui = s.get("ui")
            ui_text = f"; UI part without WebGL median {ui['median']:.2f} ms, p95 {ui['p95']:.2f} ms" if ui else ""
            lines.append(f"{'- ' if md else '  '}{name}: C++ time per frame median {s['median']:.2f} ms, p95 {s['p95']:.2f} ms, "
                         f"max {s['max']:.2f} ms ({s['frames']} frames){ui_text}")
        a = b["autosave"]
        ig = b.get("idleGaps")
        lines.append(f"{'- ' if md else '  '}autosave: longest frame function {a['longestFrameMs']:.0f} ms; main-thread tasks of "
                     f"50 ms or more: {a.get('longTasks', '?')}" + (f" (longest {a['longestTaskMs']:.0f} ms)" if a.get('longTasks') else "") +
                     f"; longest gap between animation frames {a['longestGapMs']:.0f} ms" +
                     (f" (with nothing to do: longest {ig['longestGapMs']:.0f} ms, median {ig['medianGapMs']:.0f} ms)" if ig else ""))
        fs_, fj = b.get("firstStart"), b.get("firstStartJustLaunched")
        if fs_ and fj:
            lines.append(f"{'- ' if md else '  '}first start, each in a newly launched browser with a fresh profile: first frame "
                         f"median {fs_['median']:.0f} ms ({fs_['min']:.0f}-{fs_['max']:.0f} ms, {len(fs_['samples'])} browsers) "
                         f"with the app opened 2 s after the launch; {fj['median']:.0f} ms ({fj['min']:.0f}-{fj['max']:.0f} ms, "
                         f"{len(fj['samples'])} browsers) opened at once, while the browser still starts its GPU process")
        if "blankFirstWebGlMs" in b:
            lines.append(f"{'- ' if md else '  '}the browser's first WebGL context on a blank page, freshly launched: "
                         f"{b['blankFirstWebGlMs']:.0f} ms (median of 3; the same wait is in a first start at once after the launch)")
        if fs_:
            targets.append(("first frame <= 0.5 s on localhost (reload / first start; the loading screen)",
                            f"{b['firstFrameReloadMs']:.0f} / {fs_['median']:.0f} ms (first start at once after the "
                            f"browser's launch: {fj['median']:.0f} ms)",
                            max(b["firstFrameReloadMs"], fs_["median"]) <= 500))
        else:
            targets.append(("first frame <= 0.5 s on localhost (reload / first start; the loading screen)",
                            f"{b['firstFrameReloadMs']:.0f} / {b['firstFrameGenerateMs']:.0f} ms",
                            max(b["firstFrameReloadMs"], b["firstFrameGenerateMs"]) <= 500))
        received = sum(b["transferReceived"].values()) if b.get("transferReceived") else t["gzip"]
        targets.append(("<= 1 MB gzip transferred", f"{received / 1048576:.2f} MB received (gzip -9 of the files "
                        f"{t['gzip'] / 1048576:.2f} MB)", received <= 1048576))
        med = max(b["scrollEmployees"]["median"], b["scrollOverview"]["median"])
        p95 = max(b["scrollEmployees"]["p95"], b["scrollOverview"]["p95"])
        targets.append(("<= 4 ms median, <= 8 ms p95 per frame (scrolling)", f"{med:.2f} / {p95:.2f} ms",
                        med <= 4 and p95 <= 8))
        if "ui" in b["scrollEmployees"]:
            umed = max(b["scrollEmployees"]["ui"]["median"], b["scrollOverview"]["ui"]["median"])
            up95 = max(b["scrollEmployees"]["ui"]["p95"], b["scrollOverview"]["ui"]["p95"])
            targets.append(("  the same, UI part only (without SwiftShader's WebGL)", f"{umed:.2f} / {up95:.2f} ms",
                            umed <= 4 and up95 <= 8))
        if "longTasks" in a:
            held = max(a["longestFrameMs"], a["longestTaskMs"])
            targets.append(("autosave holds no frame > 50 ms (frame function; main-thread tasks >= 50 ms)",
                            f"frame {a['longestFrameMs']:.0f} ms, {a['longTasks']} long tasks; frame gap {a['longestGapMs']:.0f} ms "
                            f"(idle {ig['longestGapMs']:.0f} ms)", held <= 50 and a["longTasks"] == 0))
        else:
            targets.append(("autosave holds no frame > 50 ms", f"frame {a['longestFrameMs']:.0f} ms, gap {a['longestGapMs']:.0f} ms",
                            max(a["longestFrameMs"], a["longestGapMs"]) <= 50))
    lines.append("")
    lines.append(f"{'### ' if md else ''}Targets (reported, not asserted)")
    if md:
        lines.append("")
        lines.append("| target | measured | |")
        lines.append("|---|---|---|")
    for name, value, ok in targets:
        lines.append(f"| {name} | {value} | {'met' if ok else 'MISSED'} |" if md else
                     f"  [{'met' if ok else 'MISSED'}] {name}: {value}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
