"""A command-pushing client of iadesk-server's sync API (docs/team.md, "Sync"), for the fault test
(tests/server/faults.sh) and the write load test (bench/team_write.py).

Contract
- Client(base, email, password) logs in (POST /api/login) and keeps the session cookie and the CSRF
  token. base() is read again before each request when given as a callable (a restarted server may
  move).
- push(command) sends one command until it has a final answer: 200 (applied, or a duplicate of an
  applied key), 4xx (refused, conflict: final, never retried). A connection error, a timeout or a 5xx
  is retried with the same idempotency key after a short pause, until `deadline` (monotonic
  seconds); the retries are counted in `retries`. Returns (status, body as a dict).
- absence_commands(prefix, n, offset) makes n distinct one-day sykmeldinger from 2027-01-04 on, over
  the example's employees with open-ended employment and no open-ended absence, each (employee,
  day) once, with keys prefix-000001...
"""
import datetime
import http.client
import json
import time
import urllib.parse

# examples/fjordvik-small.json: every employee whose employment is open-ended (E10 left in 2026)
# and who has no open-ended absence (E01 is sick-listed from 14.09.2026 on).
EMPLOYEES = ["E02", "E03", "E04", "E05", "E06", "E07", "E08", "E09", "E11", "E12"]
FIRST_DAY = datetime.date(2027, 1, 4)


def absence_commands(prefix, n, offset=0):
    out = []
    for i in range(offset, offset + n):
        day = FIRST_DAY + datetime.timedelta(days=i // len(EMPLOYEES))
        out.append({"key": "%s-%06d" % (prefix, i), "op": "add_absence", "employee": EMPLOYEES[i % len(EMPLOYEES)],
                    "kind": "sykmelding", "from": day.isoformat(), "to": day.isoformat(), "grade": 100})
    return out


class Client:
    def __init__(self, base, email, password, deadline):
        self._base = base if callable(base) else (lambda: base)
        self.deadline = deadline
        self.retries = 0
        self.cookie = ""
        self.csrf = ""
        status, body, headers = self._request_with_retry("POST", "/api/login", {"email": email, "password": password})
        if status != 200:
            raise RuntimeError("login failed: %s %s" % (status, body))
        self.csrf = body["csrf_token"]
        for k, v in headers:
            if k.lower() == "set-cookie" and v.startswith("iadesk_session="):
                self.cookie = v.split(";")[0]

    def _request(self, method, path, payload):
        url = urllib.parse.urlsplit(self._base())
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        try:
            headers = {"Content-Type": "application/json"}
            if self.cookie:
                headers["Cookie"] = self.cookie
            if self.csrf:
                headers["X-CSRF-Token"] = self.csrf
            conn.request(method, path, body=json.dumps(payload) if payload is not None else None, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            return resp.status, json.loads(data) if data else {}, resp.getheaders()
        finally:
            conn.close()

    def _request_with_retry(self, method, path, payload):
        while True:
            try:
                status, body, headers = self._request(method, path, payload)
                if status < 500:
                    return status, body, headers
            except (OSError, http.client.HTTPException, ValueError):
                pass
            if time.monotonic() > self.deadline:
                raise TimeoutError("no answer for %s %s before the deadline" % (method, path))
            self.retries += 1
            time.sleep(0.1)

    def push(self, command):
        status, body, _ = self._request_with_retry("POST", "/api/commands", command)
        return status, body

    def get(self, path):
        status, body, _ = self._request_with_retry("GET", path, None)
        return status, body
