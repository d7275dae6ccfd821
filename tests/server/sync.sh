#!/usr/bin/env bash
# Team server sync test (docs/team.md, "Sync"): commands pushed through POST /api/commands are
# checked by the core and applied once per idempotency key; GET /api/changes gives them back in
# order to whoever may see them, waiting for them when asked; a stale edit is a conflict with both
# versions; the database itself refuses a write the role does not allow.
#   bash tests/server/sync.sh build/native/iadesk-server .
#
# The fixture (examples/fjordvik-small.json): U1 Sykehjem Nord E01-E05, U2 Skole Vest E06-E10.
# E02 (U1, 75 % since 2018) has sykmeldinger 02.03-13.03 and 24.03-10.04.2026; E01 (U1) has a case
# from 14.09.2026 with oppfolgingsplan and dialogmote1 done.
source "$(dirname "$0")/../cli/lib.sh" "$@"
source "$(dirname "$0")/lib/team.sh"

team_start_cluster
team_import_fixture
check "migrate applied 0004_sync" '[ "$(sql "SELECT count(*) FROM schema_migrations WHERE name = '"'"'0004_sync'"'"'")" = 1 ]'
team_start_server

login hr.jar hr@fjordvik.example "$HR_PW"; HR_CSRF=$csrf; HR_ID=$(js 'd["user"]["id"]')
invite leder@fjordvik.example '"role": "manager", "units": ["U1"]'; MGR_PW=$pw; MGR_ID=$uid
invite tv@fjordvik.example '"role": "tillitsvalgt"'; TV_PW=$pw; TV_ID=$uid
invite kari@fjordvik.example '"role": "employee", "employee": "E01"'; EMP_PW=$pw
login mgr.jar leder@fjordvik.example "$MGR_PW"; MGR_CSRF=$csrf
login tv.jar tv@fjordvik.example "$TV_PW"; TV_CSRF=$csrf
login emp.jar kari@fjordvik.example "$EMP_PW"; EMP_CSRF=$csrf
check "four accounts signed in" '[ ${#MGR_CSRF} = 64 ] && [ ${#TV_CSRF} = 64 ] && [ ${#EMP_CSRF} = 64 ]'
absences() { sql "SELECT count(*) FROM absences WHERE employee = '$1'"; }

# --- A command through the core, once per key -----------------------------------------------------
E02_ADD='{"key": "hr-0000001", "op": "add_absence", "employee": "E02", "kind": "sykmelding", "from": "2026-11-02", "to": "2026-11-20", "grade": 60}'
http hr.jar POST /api/commands "$E02_ADD" "$HR_CSRF"
SEQ1=$(js 'd["seq"]'); ABS_ID=$(js 'd["record_id"]')
check "HR registers a sykmelding for E02" '[ "$code" = 200 ] && [ "$(js "d[\"record\"][\"grade\"]")" = 60 ] && [ "$(js "d[\"record\"][\"rev\"]")" = "$SEQ1" ] && [ "$(js "d[\"duplicate\"]")" = False ]'
check "the description is the core's, in bokmål" '[[ "$(js "d[\"description\"]")" == "Registrerte sykmelding 60 % 02.11.2026–20.11.2026 for "* ]]'
check "the row is stored with rev = seq" '[ "$(sql "SELECT grade || '"'"' '"'"'|| rev FROM absences WHERE id = $ABS_ID")" = "60 $SEQ1" ] && [ "$(absences E02)" = 3 ]'
http hr.jar POST /api/commands "$E02_ADD" "$HR_CSRF"
check "the same key again is answered from memory and applied once" '[ "$code" = 200 ] && [ "$(js "d[\"duplicate\"]")" = True ] && [ "$(js "d[\"seq\"]")" = "$SEQ1" ] && [ "$(absences E02)" = 3 ] && [ "$(sql "SELECT count(*) FROM changes")" = 1 ]'
check "the command is in the audit log with its key" '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'command'"'"' AND target = '"'"'add_absence'"'"' AND user_id = '"$HR_ID"' AND detail->>'"'"'key'"'"' = '"'"'hr-0000001'"'"'")" = 1 ]'
http hr.jar POST /api/commands '{"key": "hr-0000002", "op": "add_absence", "employee": "E02", "kind": "sykmelding", "from": "2026-11-02"}'
check "without the CSRF token: 403, nothing stored" '[ "$code" = 403 ] && [ "$(absences E02)" = 3 ]'

# --- Refused by the core's checks: nothing stored -----------------------------------------------------
http mgr.jar POST /api/commands '{"key": "mgr-0000001", "op": "add_absence", "employee": "E02", "kind": "sykmelding", "from": "2026-11-16", "to": "2026-11-30"}' "$MGR_CSRF"
check "an overlapping absence is refused with the core's problem" '[ "$code" = 422 ] && [ "$(js "d[\"problems\"][0][\"field\"]")" = from ] && [[ "$(js "d[\"error\"]")" == from:* ]] && [ "$(absences E02)" = 3 ]'
http mgr.jar POST /api/commands '{"key": "mgr-0000002", "op": "add_absence", "employee": "E02", "kind": "sykmelding", "from": "2026-12-01", "grade": 150}' "$MGR_CSRF"
check "grade 150 is refused naming the grade, in bokmål and English" '[ "$code" = 422 ] && [ "$(js "d[\"problems\"][0][\"field\"]")" = grade ] && [[ "$(js "d[\"error\"]")" == *150* ]] && [ -n "$(js "d[\"error_en\"]")" ] && [ "$(absences E02)" = 3 ]'
http mgr.jar POST /api/commands '{"key": "mgr-0000003", "op": "add_absence", "employee": "E02", "kind": "sykmelding", "from": "2026-13-01"}' "$MGR_CSRF"
check "a date that is not one: 400 naming the field" '[ "$code" = 400 ] && [[ "$(js "d[\"error\"]")" == "from: "*"ÅÅÅÅ-MM-DD"* ]]'
http mgr.jar POST /api/commands '{"key": "mgr-0000004", "op": "add_absence", "employee": "E02", "kind": "sykmelding", "from": "2014-01-06", "to": "2014-01-10"}' "$MGR_CSRF"
check "an absence before the employment is refused" '[ "$code" = 422 ] && [ "$(absences E02)" = 3 ]'
http mgr.jar POST /api/commands '{"key": "mgr-0000005", "op": "drop_tables", "employee": "E02"}' "$MGR_CSRF"
check "an unknown op: 400 naming op" '[ "$code" = 400 ] && [[ "$(js "d[\"error\"]")" == op:* ]]'
http mgr.jar POST /api/commands '{"key": "short", "op": "add_absence"}' "$MGR_CSRF"
check "a key under 8 characters: 400 naming key" '[ "$code" = 400 ] && [[ "$(js "d[\"error\"]")" == key:* ]]'
http mgr.jar POST /api/commands '{"key": "mgr-0000006", "op": "add_milestone_event", "employee": "E01", "case_start": "2026-09-14", "milestone": "dialogmote2", "status": "done", "date": "2199-01-01"}' "$MGR_CSRF"
check "a milestone event dated in the future is refused naming date" '[ "$code" = 422 ] && [ "$(js "d[\"problems\"][0][\"field\"]")" = date ]'
check "refused commands stored nothing" '[ "$(sql "SELECT count(*) FROM changes")" = 1 ] && [ "$(sql "SELECT count(*) FROM sync_commands")" = 1 ]'

# --- Who may write -------------------------------------------------------------------------------------
http mgr.jar POST /api/commands '{"key": "mgr-0000007", "op": "add_absence", "employee": "E06", "kind": "egenmelding", "from": "2026-11-02", "to": "2026-11-03"}' "$MGR_CSRF"
check "the manager of U1 writing for E06 (U2): 404 like a missing employee" '[ "$code" = 404 ] && [ "$(absences E06)" = 1 ]'
http tv.jar POST /api/commands '{"key": "tv-00000001", "op": "add_absence", "employee": "E01", "kind": "egenmelding", "from": "2026-11-02", "to": "2026-11-03"}' "$TV_CSRF"
check "the tillitsvalgt cannot write (404: sees no one)" '[ "$code" = 404 ] && [ "$(absences E01)" = 1 ]'
http emp.jar POST /api/commands '{"key": "emp-0000001", "op": "add_absence", "employee": "E01", "kind": "egenmelding", "from": "2026-11-02", "to": "2026-11-03"}' "$EMP_CSRF"
check "the employee sees the own record but may not write: 403" '[ "$code" = 403 ] && [[ "$(js "d[\"error\"]")" == *Rollen* ]] && [ "$(absences E01)" = 1 ]'
check "in SQL as the manager, an absence for E06 is refused by the database" '! app_sql "$MGR_ID" "INSERT INTO absences(org_id, employee, kind, from_date, grade) VALUES (1, '"'"'E06'"'"', '"'"'egenmelding'"'"', '"'"'2026-11-02'"'"', 100)" 2>/dev/null && [ "$(absences E06)" = 1 ]'
check "in SQL as the tillitsvalgt, an absence for E01 is refused by the database" '! app_sql "$TV_ID" "INSERT INTO absences(org_id, employee, kind, from_date, grade) VALUES (1, '"'"'E01'"'"', '"'"'egenmelding'"'"', '"'"'2026-11-02'"'"', 100)" 2>/dev/null && [ "$(absences E01)" = 1 ]'
check "in SQL as the manager, E06's absences cannot be deleted (0 rows)" '[ "$(app_sql "$MGR_ID" "WITH d AS (DELETE FROM absences WHERE employee = '"'"'E06'"'"' RETURNING 1) SELECT count(*) FROM d")" = 0 ] && [ "$(absences E06)" = 1 ]'

# --- Pull: in order, by role, waiting when asked ---------------------------------------------------------
http mgr.jar GET '/api/changes?since=0'
check "the manager pulls HR's change to E02" '[ "$code" = 200 ] && [ "$(js "[c[\"seq\"] for c in d[\"changes\"]]")" = "[$SEQ1]" ] && [ "$(js "d[\"last\"]")" = "$SEQ1" ] && [ "$(js "d[\"changes\"][0][\"record\"][\"id\"]")" = "$ABS_ID" ]'
http tv.jar GET '/api/changes?since=0'
check "the tillitsvalgt pulls no personal change" '[ "$code" = 200 ] && [ "$(js "len(d[\"changes\"])")" = 0 ]'
http hr.jar POST /api/commands '{"key": "hr-0000003", "op": "add_absence", "employee": "E06", "kind": "egenmelding", "from": "2026-11-02", "to": "2026-11-03"}' "$HR_CSRF"
SEQ_E06=$(js 'd["seq"]')
http mgr.jar GET "/api/changes?since=$SEQ1"
check "a change to E06 (U2) does not reach the manager of U1" '[ "$code" = 200 ] && [ "$(js "len(d[\"changes\"])")" = 0 ] && [ "$(js "d[\"last\"]")" = "$SEQ1" ]'
http hr.jar GET "/api/changes?since=$SEQ1"
check "HR pulls it" '[ "$(js "[c[\"seq\"] for c in d[\"changes\"]]")" = "[$SEQ_E06]" ]'
http mgr.jar GET '/api/changes?since=x'
check "since that is not a number: 400 naming since" '[ "$code" = 400 ] && [[ "$(js "d[\"error\"]")" == since:* ]]'

# The manager waits (long-poll); HR registers an absence for E04 (U1) a second later.
curl -s -b "$tmp/mgr.jar" -o "$tmp/poll" "$BASE/api/changes?since=$SEQ_E06&wait=20" &
poll_pid=$!
sleep 1
t0=$(date +%s%N)
http hr.jar POST /api/commands '{"key": "hr-0000004", "op": "add_absence", "employee": "E04", "kind": "sykmelding", "from": "2026-11-09", "to": "2026-11-27"}' "$HR_CSRF"
SEQ_E04=$(js 'd["seq"]')
wait "$poll_pid"
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
body=$(cat "$tmp/poll")
echo "long-poll answered ${ms} ms after the push"
check "the waiting manager gets HR's change to E04 within 2 s (${ms} ms)" '[ "$ms" -lt 2000 ] && [ "$(js "[c[\"seq\"] for c in d[\"changes\"]]")" = "[$SEQ_E04]" ] && [ "$(js "d[\"changes\"][0][\"employee\"]")" = E04 ]'
t0=$(date +%s%N)
http mgr.jar GET "/api/changes?since=$SEQ_E04&wait=1"
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
check "with nothing new, wait=1 answers empty after about a second (${ms} ms)" '[ "$code" = 200 ] && [ "$(js "len(d[\"changes\"])")" = 0 ] && [ "$ms" -ge 900 ]'

# --- Conflicts: a stale edit is shown with both versions, never applied -----------------------------------
http hr.jar POST /api/commands '{"key": "hr-0000005", "op": "update_absence", "employee": "E02", "id": '"$ABS_ID"', "base_rev": '"$SEQ1"', "kind": "sykmelding", "from": "2026-11-02", "to": "2026-11-20", "grade": 80}' "$HR_CSRF"
SEQ_HR_EDIT=$(js 'd["seq"]')
check "HR changes the grade to 80 (rev moves on)" '[ "$code" = 200 ] && [ "$(js "d[\"record\"][\"rev\"]")" = "$SEQ_HR_EDIT" ] && [ "$SEQ_HR_EDIT" -gt "$SEQ1" ]'
http mgr.jar POST /api/commands '{"key": "mgr-0000008", "op": "update_absence", "employee": "E02", "id": '"$ABS_ID"', "base_rev": '"$SEQ1"', "kind": "sykmelding", "from": "2026-11-02", "to": "2026-11-13", "grade": 60}' "$MGR_CSRF"
check "the manager's edit based on the old rev is a conflict with both versions" '[ "$code" = 409 ] && [ "$(js "d[\"theirs\"][\"grade\"]")" = 80 ] && [ "$(js "d[\"theirs\"][\"rev\"]")" = "$SEQ_HR_EDIT" ] && [ "$(js "d[\"yours\"][\"to\"]")" = 2026-11-13 ] && [[ "$(js "d[\"error\"]")" == *"begge versjonene"* ]]'
check "HR's version stands" '[ "$(sql "SELECT grade || '"'"' '"'"' || to_date FROM absences WHERE id = $ABS_ID")" = "80 2026-11-20" ]'
http mgr.jar POST /api/commands '{"key": "mgr-0000009", "op": "remove_absence", "employee": "E02", "id": '"$ABS_ID"', "base_rev": '"$SEQ1"'}' "$MGR_CSRF"
check "a removal based on the old rev is a conflict too" '[ "$code" = 409 ] && [ "$(absences E02)" = 3 ]'
http mgr.jar POST /api/commands '{"key": "mgr-0000010", "op": "remove_absence", "employee": "E02", "id": '"$ABS_ID"', "base_rev": '"$SEQ_HR_EDIT"'}' "$MGR_CSRF"
SEQ_RM=$(js 'd["seq"]')
check "on the current rev the manager removes it" '[ "$code" = 200 ] && [ "$(js "d[\"record\"]")" = None ] && [ "$(absences E02)" = 2 ]'
http hr.jar POST /api/commands '{"key": "hr-0000006", "op": "update_absence", "employee": "E02", "id": '"$ABS_ID"', "base_rev": '"$SEQ_HR_EDIT"', "kind": "sykmelding", "from": "2026-11-02", "grade": 100}' "$HR_CSRF"
check "editing a removed record is a conflict with nothing on their side" '[ "$code" = 409 ] && [ "$(js "d[\"theirs\"]")" = None ] && [ "$(absences E02)" = 2 ]'
http hr.jar GET "/api/changes?since=$SEQ_E04"
check "HR pulls the edit and the removal in order" '[ "$(js "[(c[\"seq\"], c[\"record\"] is None) for c in d[\"changes\"]]")" = "[($SEQ_HR_EDIT, False), ($SEQ_RM, True)]" ]'

# --- Milestone events --------------------------------------------------------------------------------------
http mgr.jar POST /api/commands '{"key": "mgr-0000011", "op": "add_milestone_event", "employee": "E01", "case_start": "2026-09-14", "milestone": "dialogmote2", "status": "exempt", "date": "2026-11-30", "note": "Tilbake i full jobb før uke 26", "participants": "Ola Hansen"}' "$MGR_CSRF"
EV_ID=$(js 'd["record_id"]'); EV_REV=$(js 'd["seq"]')
check "the manager records dialogmøte 2 as exempt for E01" '[ "$code" = 200 ] && [ "$(sql "SELECT status || '"'"' '"'"' || date FROM milestone_events WHERE id = $EV_ID")" = "exempt 2026-11-30" ]'
http mgr.jar POST /api/commands '{"key": "mgr-0000012", "op": "update_milestone_event", "employee": "E01", "id": '"$EV_ID"', "base_rev": '"$EV_REV"', "status": "exempt", "date": "2026-11-30", "note": "", "participants": ""}' "$MGR_CSRF"
check "an exemption without a reason is refused by the core" '[ "$code" = 422 ] && [ "$(js "d[\"problems\"][0][\"field\"]")" = note ]'
http emp.jar GET '/api/changes?since=0'
check "the employee E01 pulls the own milestone change only" '[ "$code" = 200 ] && [ "$(js "[c[\"employee\"] for c in d[\"changes\"]]")" = "['"'"'E01'"'"']" ]'

# --- The snapshot a client starts from ------------------------------------------------------------------------
CLI=$(dirname "$SERVER")/iadesk
sql "UPDATE employees SET national_id = '14835849687' WHERE id = 'E02'" # a synthetic test number (mod 11)
http hr.jar GET /api/sync/snapshot
LAST=$(js 'd["sync"]["last"]')
js 'json.dumps(d["dataset"])' > "$tmp/hr-snapshot.json"
check "HR's snapshot is a dataset the app's own checks accept" '[ "$code" = 200 ] && "$CLI" validate "$tmp/hr-snapshot.json" >/dev/null'
check "HR's snapshot: 12 employees, E02's fødselsnummer, the last seq, [id, rev] for each absence" '[ "$(js "len(d[\"dataset\"][\"employees\"])")" = 12 ] && [ "$(js "[e[\"id\"] for e in d[\"dataset\"][\"employees\"] if \"national_id\" in e]")" = "['"'"'E02'"'"']" ] && [ "$LAST" = "$(sql "SELECT max(seq) FROM changes")" ] && [ "$(js "len(d[\"sync\"][\"absences\"]) == len(d[\"dataset\"][\"absences\"])")" = True ] && [ "$(js "[a for a in d[\"sync\"][\"absences\"] if a[1] > 0][0]")" = "[$(sql "SELECT id || '"'"', '"'"' || rev FROM absences WHERE rev > 0 ORDER BY id LIMIT 1")]" ]'
http mgr.jar GET /api/sync/snapshot
js 'json.dumps(d["dataset"])' > "$tmp/mgr-snapshot.json"
check "the manager's snapshot holds U1's people and their absences only, no fødselsnummer" '[ "$(js "\",\".join(e[\"id\"] for e in d[\"dataset\"][\"employees\"])")" = E01,E02,E03,E04,E05 ] && [ "$(js "sorted(set(a[\"employee\"] for a in d[\"dataset\"][\"absences\"]))")" = "['"'"'E01'"'"', '"'"'E02'"'"', '"'"'E03'"'"', '"'"'E04'"'"', '"'"'E05'"'"']" ] && [[ "$body" != *national_id* ]] && "$CLI" validate "$tmp/mgr-snapshot.json" >/dev/null'
MGR_ABSENCES=$(js 'len(d["dataset"]["absences"])')
check "each snapshot is audited with what it held (the manager: $MGR_ABSENCES absences of U1)" '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'read_snapshot'"'"'")" = 2 ] && [ "$(sql "SELECT detail->>'"'"'absences'"'"' FROM audit_log WHERE action = '"'"'read_snapshot'"'"' ORDER BY id DESC LIMIT 1")" = "$MGR_ABSENCES" ] && [ "$MGR_ABSENCES" = "$(sql "SELECT count(*) FROM absences a JOIN employees e ON e.org_id = a.org_id AND e.id = a.employee WHERE e.unit = '"'"'U1'"'"'")" ]'
http tv.jar GET /api/sync/snapshot
check "the tillitsvalgt's snapshot: the units, no person, no absence" '[ "$code" = 200 ] && [ "$(js "(len(d[\"dataset\"][\"units\"]), len(d[\"dataset\"][\"employees\"]), len(d[\"dataset\"][\"absences\"]))")" = "(3, 0, 0)" ]'

# --- The audit log, for HR ------------------------------------------------------------------------------------
http hr.jar GET '/api/audit?limit=5'
check "HR reads the audit log newest first, 5 at a time, with the acting account" '[ "$code" = 200 ] && [ "$(js "len(d[\"entries\"])")" = 5 ] && [ "$(js "d[\"more\"]")" = True ] && [ "$(js "d[\"entries\"][0][\"id\"] > d[\"entries\"][4][\"id\"]")" = True ]'
OLDEST=$(js 'd["entries"][4]["id"]')
http hr.jar GET "/api/audit?before=$OLDEST&limit=500"
check "the next page goes on below it, and holds HR's first command with its key" '[ "$code" = 200 ] && [ "$(js "all(e[\"id\"] < $OLDEST for e in d[\"entries\"])")" = True ] && [ "$(js "any(e[\"action\"] == \"command\" and e[\"user\"] == \"hr@fjordvik.example\" and e[\"detail\"][\"key\"] == \"hr-0000001\" for e in d[\"entries\"])")" = True ]'
http mgr.jar GET '/api/audit'
check "the manager may not read the audit log" '[ "$code" = 403 ]'
http hr.jar GET '/api/audit?limit=0'
check "limit 0: 400 naming limit" '[ "$code" = 400 ] && [[ "$(js "d[\"error\"]")" == limit:* ]]'

# --- Restart: the order and the keys survive; behind TLS the cookies are Secure ---------------------------------
team_stop_server
team_start_server --secure-cookies on
login hr2.jar hr@fjordvik.example "$HR_PW"
check "with --secure-cookies on, the session cookie carries Secure" 'grep -qiE "^set-cookie: iadesk_session=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=/; Max-Age=[0-9]+; Secure" "$tmp/headers"'

http hr.jar POST /api/commands "$E02_ADD" "$HR_CSRF"
check "after a server restart, the first key is still known (applied once)" '[ "$code" = 200 ] && [ "$(js "d[\"duplicate\"]")" = True ] && [ "$(absences E02)" = 2 ]'
check "seqs are unique and rising in commit order" '[ "$(sql "SELECT count(*) = count(DISTINCT seq) AND bool_and(seq > 0) FROM changes")" = t ]'
summary
