#!/usr/bin/env python3
"""Read load on the team server (docs/team.md, "Scaling"); started by bench/team_load.sh, which
sets up the private cluster, the generated register and the server. Python 3 standard library only.

Phases:
  1. HR (the admin from create-admin) invites the test's accounts over the API: --hr-users more HR
     accounts and --managers managers, manager k of --units-per-manager units of its own (no two
     managers share a unit).
  2. --clients simulated clients, each on its own thread with one of those accounts (every tenth an
     HR account, the rest managers in turn), log in at the same time: each its own session.
  3. Each client makes --requests requests, one after the other: every fifth GET /api/employees,
     the others GET /api/employees/{id} of an employee the client may see (a manager: one of the own
     units' people). No new request starts after --seconds.
  With --writes, step 3 sends commands instead (docs/team.md, "Sync"): each request is a POST
     /api/commands adding a one-day sykmelding for an employee the client may write for (open-ended
     employment, no open-ended absence), on a day of its own from 2031 on, so that none overlaps;
     then every tenth command is sent again with the same key.
Asserted: every answer is 200; a manager's list is exactly the own units' people and one employee
is always of an own unit; HR's list has the whole register. With --writes: every command is
accepted with a seq of its own, every resent key answers "duplicate" with the same seq, and HR's
pull of /api/changes holds exactly one change per command (nothing lost, nothing twice). Printed: throughput, p50/p95/p99
latency (all and by kind), errors. Every request opens its own connection (Connection: close):
cpp-httplib serves on a fixed thread pool, and idle keep-alive connections would hold its threads.
Exit status 0 when every assertion held, 1 otherwise.
"""
import argparse
import datetime
import http.client
import json
import random
import sys
import threading
import time


def request(port, method, path, cookie=None, body=None, csrf=None):
    """One request on a new connection: (status, parsed JSON or None, Set-Cookie, seconds)."""
    headers = {"Connection": "close"}
    if cookie:
        headers["Cookie"] = cookie
    if csrf:
        headers["X-CSRF-Token"] = csrf
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request(method, path, body=data, headers=headers)
        resp = conn.getresponse()
        raw = resp.read()
        elapsed = time.perf_counter() - start
        set_cookie = resp.getheader("Set-Cookie") or ""
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = None
        return resp.status, parsed, set_cookie, elapsed
    finally:
        conn.close()


def login(port, email, password):
    status, body, set_cookie, elapsed = request(port, "POST", "/api/login", body={"email": email, "password": password})
    if status != 200:
        raise RuntimeError(f"login {email}: {status} {body}")
    cookie = set_cookie.split(";", 1)[0]
    return cookie, body["csrf_token"], elapsed


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, int(round(p / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def ms(v):
    return f"{v * 1000:.0f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--dataset", required=True, help="the generated register that was imported")
    ap.add_argument("--admin-email", required=True)
    ap.add_argument("--admin-password-file", required=True)
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--requests", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=300.0, help="no new request after this many seconds")
    ap.add_argument("--managers", type=int, default=20)
    ap.add_argument("--units-per-manager", type=int, default=2)
    ap.add_argument("--hr-users", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--writes", action="store_true", help="send commands (POST /api/commands) instead of reads")
    a = ap.parse_args()
    rng = random.Random(a.seed)

    dataset = json.load(open(a.dataset, encoding="utf-8"))
    people_of_unit = {}
    for e in dataset["employees"]:
        people_of_unit.setdefault(e["unit"], []).append(e["id"])
    all_ids = [e["id"] for e in dataset["employees"]]
    open_absence = {x["employee"] for x in dataset.get("absences", []) if x.get("to") is None}
    writable = {e["id"] for e in dataset["employees"]
                if e["employment"] and e["employment"][-1].get("to") is None and e["id"] not in open_absence}
    units = [u["id"] for u in dataset["units"] if people_of_unit.get(u["id"])]
    if len(units) < a.managers * a.units_per_manager:
        sys.exit(f"team_load: {len(units)} units with people, too few for {a.managers} managers x {a.units_per_manager}")

    # 1. The test's accounts, invited by the admin.
    password = open(a.admin_password_file, encoding="utf-8").read().strip()
    admin_cookie, admin_csrf, _ = login(a.port, a.admin_email, password)
    accounts = []  # (email, password, role, set of units or None)
    for k in range(a.hr_users):
        email = f"hr{k}@load.example"
        status, body, _, _ = request(a.port, "POST", "/api/users", admin_cookie,
                                     {"email": email, "role": "hr"}, admin_csrf)
        if status != 201:
            sys.exit(f"team_load: invite {email}: {status} {body}")
        accounts.append((email, body["one_time_password"], "hr", None))
    manager_accounts = []
    for k in range(a.managers):
        own = units[k * a.units_per_manager:(k + 1) * a.units_per_manager]
        email = f"leder{k}@load.example"
        status, body, _, _ = request(a.port, "POST", "/api/users", admin_cookie,
                                     {"email": email, "role": "manager", "units": own}, admin_csrf)
        if status != 201:
            sys.exit(f"team_load: invite {email}: {status} {body}")
        manager_accounts.append((email, body["one_time_password"], "manager", set(own)))
    hr_accounts = accounts

    # 2. and 3. The clients.
    lock = threading.Lock()
    samples = []          # (kind, seconds)
    login_times = []
    problems = []
    stopped_by_cap = [0]
    start_gate = threading.Barrier(a.clients + 1)
    requests_gate = threading.Barrier(a.clients + 1)
    deadline = [0.0]

    def problem(text):
        with lock:
            if len(problems) < 20:
                problems.append(text)
            else:
                problems.append(None)

    first_day = datetime.date(2031, 1, 1)
    answers = {}  # key -> seq

    def write_commands(i, email, cookie, csrf, targets):
        if not targets:
            problem(f"{email}: no employee to write for")
            return
        sent = []
        for r in range(a.requests):
            if time.perf_counter() > deadline[0]:
                with lock:
                    stopped_by_cap[0] += a.requests - r
                return
            day = (first_day + datetime.timedelta(days=i * a.requests + r)).isoformat()
            cmd = {"key": f"load-{i:04d}-{r:04d}", "op": "add_absence", "employee": targets[r % len(targets)],
                   "kind": "sykmelding", "from": day, "to": day, "grade": 100}
            try:
                status, body, _, elapsed = request(a.port, "POST", "/api/commands", cookie, cmd, csrf)
                if status != 200 or body.get("duplicate") is not False:
                    problem(f"{email} {cmd['key']}: {status} {body}")
                    continue
                with lock:
                    samples.append(("command", elapsed))
                    answers[cmd["key"]] = body["seq"]
                sent.append(cmd)
            except Exception as ex:
                problem(f"{email} {cmd['key']}: {ex}")
        for cmd in sent[::10]:  # sent again, as after a lost answer
            try:
                status, body, _, elapsed = request(a.port, "POST", "/api/commands", cookie, cmd, csrf)
                with lock:
                    samples.append(("resend", elapsed))
                if status != 200 or body.get("duplicate") is not True or body.get("seq") != answers.get(cmd["key"]):
                    problem(f"{email} {cmd['key']} again: {status} {body}")
            except Exception as ex:
                problem(f"{email} {cmd['key']} again: {ex}")

    def client(i):
        if i % 10 == 0:
            email, pw, role, own = hr_accounts[(i // 10) % len(hr_accounts)]
        else:
            email, pw, role, own = manager_accounts[i % len(manager_accounts)]
        crng = random.Random(a.seed * 100003 + i)
        visible = all_ids if role == "hr" else sorted(x for u in own for x in people_of_unit[u])
        start_gate.wait()
        cookie = csrf = None
        try:
            cookie, csrf, elapsed = login(a.port, email, pw)
            with lock:
                login_times.append(elapsed)
        except Exception as ex:  # counted, the other clients go on
            problem(f"client {i} ({email}): {ex}")
        requests_gate.wait()  # every client starts its requests when all have logged in
        if cookie is None:
            return
        if a.writes:
            write_commands(i, email, cookie, csrf, [x for x in visible if x in writable])
            return
        for r in range(a.requests):
            if time.perf_counter() > deadline[0]:
                with lock:
                    stopped_by_cap[0] += a.requests - r
                return
            try:
                if r % 5 == 0:
                    kind = "list_hr" if role == "hr" else "list_manager"
                    status, body, _, elapsed = request(a.port, "GET", "/api/employees", cookie)
                    if status != 200:
                        problem(f"{email} GET /api/employees: {status}")
                    elif role == "hr" and len(body["employees"]) != len(all_ids):
                        problem(f"{email}: HR's list has {len(body['employees'])} of {len(all_ids)}")
                    elif role == "manager" and sorted(e["id"] for e in body["employees"]) != visible:
                        strangers = [e["id"] for e in body["employees"] if e["unit"] not in own]
                        problem(f"{email}: the list is not the own units' people (outside: {strangers[:5]})")
                else:
                    kind = "one"
                    target = crng.choice(visible)
                    status, body, _, elapsed = request(a.port, "GET", f"/api/employees/{target}", cookie)
                    if status != 200:
                        problem(f"{email} GET /api/employees/{target}: {status}")
                    elif role == "manager" and body["employee"]["unit"] not in own:
                        problem(f"{email}: got {target} of unit {body['employee']['unit']}")
                with lock:
                    samples.append((kind, elapsed))
            except Exception as ex:
                problem(f"{email} request {r}: {ex}")

    print(f"team_load: {len(accounts) + len(manager_accounts)} accounts invited; {a.clients} clients log in,"
          f" then {'write' if a.writes else 'read'} (at most {a.seconds:.0f} s) ...", file=sys.stderr, flush=True)
    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(a.clients)]
    for t in threads:
        t.start()
    t0 = time.perf_counter()
    deadline[0] = t0 + a.seconds
    start_gate.wait()
    requests_gate.wait()
    t1 = time.perf_counter()
    for t in threads:
        t.join()
    login_wall = t1 - t0
    req_wall = time.perf_counter() - t1

    if a.writes:
        # Nothing lost, nothing twice: HR pulls every change and finds each command's seq once.
        seqs, since = [], 0
        while True:
            status, body, _, _ = request(a.port, "GET", f"/api/changes?since={since}", admin_cookie)
            if status != 200:
                problem(f"pull since {since}: {status}")
                break
            seqs += [c["seq"] for c in body["changes"]]
            since = body["last"]
            if not body["more"]:
                break
        if sorted(seqs) != sorted(answers.values()) or len(set(seqs)) != len(seqs):
            problem(f"changes: {len(seqs)} pulled ({len(set(seqs))} distinct) for {len(answers)} accepted commands")
        print(f"changes pulled by HR: {len(seqs)}, accepted commands: {len(answers)}, distinct seqs: {len(set(answers.values()))}")

    errors = len(problems)  # the first 20 are kept as text, the rest as None
    all_lat = sorted(s for _, s in samples)
    login_lat = sorted(login_times)
    print(f"clients {a.clients} (HR {sum(1 for i in range(a.clients) if i % 10 == 0)}, managers "
          f"{sum(1 for i in range(a.clients) if i % 10 != 0)} on {a.managers} accounts of {a.units_per_manager} units), "
          f"requests per client {a.requests}, cap {a.seconds:.0f} s")
    print(f"register: {len(all_ids)} employees in {len(people_of_unit)} units")
    print(f"logins: {len(login_lat)} at once in {login_wall:.1f} s, p50 {ms(percentile(login_lat, 50))} ms, "
          f"p95 {ms(percentile(login_lat, 95))} ms, p99 {ms(percentile(login_lat, 99))} ms (argon2id)")
    print(f"requests: {len(samples)} answered in {req_wall:.1f} s (after the logins): "
          f"{len(samples) / req_wall:.1f} requests/s; not started because of the cap: {stopped_by_cap[0]}")
    print(f"latency all:          p50 {ms(percentile(all_lat, 50))} ms, p95 {ms(percentile(all_lat, 95))} ms, "
          f"p99 {ms(percentile(all_lat, 99))} ms")
    for kind in ("one", "list_manager", "list_hr", "command", "resend"):
        lat = sorted(s for k, s in samples if k == kind)
        if lat:
            print(f"latency {kind + ':':<14} n {len(lat):5d}, p50 {ms(percentile(lat, 50))} ms, "
                  f"p95 {ms(percentile(lat, 95))} ms, p99 {ms(percentile(lat, 99))} ms")
    print(f"errors: {errors}")
    for p in problems:
        if p is not None:
            print(f"  {p}")
    ok = errors == 0 and len(login_lat) == a.clients
    print(("ALL ASSERTIONS HELD: every command stored once, every resent key answered as a duplicate" if a.writes else
           "ALL ASSERTIONS HELD: every answer 200, managers saw only their own units' people") if ok
          else "FAILED: see the errors above")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
