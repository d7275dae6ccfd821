#!/usr/bin/env bash
# Team server isolation test (docs/team.md): a private PostgreSQL cluster (scripts/pg.sh) in a
# temporary folder, the migrations twice, examples/fjordvik-small.json imported, an HR admin who
# invites a manager of U1, a tillitsvalgt and an employee, the server as iadesk_app; then what
# each may see over HTTP (curl) and directly in SQL, sessions, CSRF, the login limit and the audit
# log. The cluster and the server are stopped when the test ends, failed or not.
#   bash tests/server/isolation.sh build/native/iadesk-server .
#
# The fixture, by unit (examples/fjordvik-small.json): U1 Sykehjem Nord E01-E05, U2 Skole Vest
# E06-E10, U3 Barnehage Sentrum E11-E12. U1's absences: E01 1, E02 2, E03 2, E04 2, E05 1 = 8.
source "$(dirname "$0")/../cli/lib.sh" "$@"
source "$(dirname "$0")/lib/team.sh"
team_start_cluster

# --- Migrations: the second run changes nothing ----------------------------------------------------
run migrate --db "$OWNER"
check "first migrate applies 0001 to 0004" '[ $rc = 0 ] && grep -q 0001_schema "$out" && grep -q 0002_access "$out" && grep -q 0003_fast_policies "$out" && grep -q 0004_sync "$out"'
sql "SELECT name || ' ' || applied_at FROM schema_migrations ORDER BY name" > "$tmp/migrations.1"
run migrate --db "$OWNER"
check "second migrate does nothing" '[ $rc = 0 ] && grep -q "nothing to migrate" "$out"'
sql "SELECT name || ' ' || applied_at FROM schema_migrations ORDER BY name" > "$tmp/migrations.2"
check "schema_migrations unchanged by the second run" 'cmp -s "$tmp/migrations.1" "$tmp/migrations.2" && [ "$(wc -l < "$tmp/migrations.1")" = 4 ]'
check "iadesk_app is neither superuser nor BYPASSRLS" '[ "$(sql "SELECT rolsuper::text || rolbypassrls::text FROM pg_roles WHERE rolname = '"'"'iadesk_app'"'"'")" = falsefalse ]'

# --- Import: the core's parser refuses what it refuses, and nothing is written ----------------------
printf '{"format": "iadesk", "version": 1, "organisation": {"name": "X", "orgnr": "123"}, "units": [], "employees": []}' > "$tmp/bad.json"
run import --db "$OWNER" "$tmp/bad.json"
check "an invalid dataset is refused with the field named" '[ $rc = 1 ] && grep -q "/organisation/orgnr" "$err"'
check "the refused import wrote no organisation" '[ "$(sql "SELECT count(*) FROM organisations")" = 0 ]'
run import --db "$OWNER" --org-name "Fjordvik kommune" "$REPO/examples/fjordvik-small.json"
check "import of the example" '[ $rc = 0 ] && [ "$(sql "SELECT count(*) FROM employees")" = 12 ] && [ "$(sql "SELECT count(*) FROM absences")" = 13 ]'

# --- Accounts -----------------------------------------------------------------------------------
run create-admin --db "$OWNER" --email HR@Fjordvik.example
HR_PW=$(tail -n 1 "$out")
check "create-admin prints a one-time password" '[ $rc = 0 ] && [ ${#HR_PW} = 20 ]'
check "only the password's argon2id hash is stored" '[ "$(sql "SELECT (password_hash LIKE '"'"'\$argon2id\$%'"'"')::text FROM users")" = true ]'

team_start_server

login hr.jar hr@fjordvik.example "$HR_PW"
HR_CSRF=$csrf
check "HR logs in (e-mail case ignored)" '[ "$code" = 200 ] && [ ${#HR_CSRF} = 64 ]'
check "the cookie is HttpOnly, SameSite=Strict, Path=/, 64 hex digits" 'grep -qiE "^set-cookie: iadesk_session=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200" "$tmp/headers"'
check "only the token's hash is stored" '[ "$(sql "SELECT count(*) FROM sessions WHERE encode(token_hash, '"'"'hex'"'"') = '"'"'$(grep -oiE "iadesk_session=[0-9a-f]{64}" "$tmp/headers" | cut -d= -f2)'"'"'")" = 0 ] && [ "$(sql "SELECT count(*) FROM sessions")" = 1 ]'
invite leder@fjordvik.example '"role": "manager", "units": ["U1"]'
MGR_PW=$pw; MGR_ID=$uid
check "HR invites a manager of U1" '[ "$code" = 201 ] && [ ${#MGR_PW} = 20 ]'
invite tv@fjordvik.example '"role": "tillitsvalgt"'
TV_PW=$pw; TV_ID=$uid
check "HR invites a tillitsvalgt" '[ "$code" = 201 ]'
invite nora@fjordvik.example '"role": "employee", "employee": "E06"'
EMP_PW=$pw; EMP_ID=$uid
check "HR invites an employee (E06)" '[ "$code" = 201 ]'
invite x@fjordvik.example '"role": "manager", "units": ["U9"]'
check "an unknown unit is refused, naming the field" '[ "$code" = 400 ] && [[ "$body" == *units* ]]'
invite leder@fjordvik.example '"role": "tillitsvalgt"'
check "a second account with the same e-mail is refused" '[ "$code" = 409 ]'

# --- Manager of U1 ----------------------------------------------------------------------------------
login mgr.jar leder@fjordvik.example "$MGR_PW"
MGR_CSRF=$csrf
http mgr.jar GET /api/employees
check "the manager lists exactly U1's people" '[ "$code" = 200 ] && [ "$(js "\",\".join(e[\"id\"] for e in d[\"employees\"])")" = E01,E02,E03,E04,E05 ]'
check "the manager gets no fødselsnummer field" '[[ "$body" != *national_id* ]]'
http mgr.jar GET /api/employees/E02
check "the manager reads E02 with employment and 2 absences" '[ "$code" = 200 ] && [ "$(js "len(d[\"employee\"][\"absences\"])")" = 2 ] && [ "$(js "d[\"employee\"][\"employment\"][0][\"percent\"]")" = 75.0 ]'
http mgr.jar GET /api/employees/E06
hidden_code=$code; hidden_body=$body
http mgr.jar GET /api/employees/E99
check "a unit-B employee is 404, exactly like a missing one" '[ "$hidden_code" = 404 ] && [ "$code" = 404 ] && [ "$hidden_body" = "$body" ] && [[ "$body" == *"Fant ikke"* ]]'
check "reading another unit's employee is audited" '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'read_employee'"'"' AND target = '"'"'E06'"'"' AND user_id = '"$MGR_ID"' AND detail->>'"'"'found'"'"' = '"'"'false'"'"'")" = 1 ]'
http mgr.jar GET /api/statistics
check "the manager gets no organisation statistics here" '[ "$code" = 403 ]'
http mgr.jar POST /api/users '{"email": "y@fjordvik.example", "role": "hr"}' "$MGR_CSRF"
check "a manager cannot invite" '[ "$code" = 403 ] && [ "$(sql "SELECT count(*) FROM users WHERE email = '"'"'y@fjordvik.example'"'"'")" = 0 ]'

# --- Tillitsvalgt: no personal row, masked statistics -------------------------------------------------
login tv.jar tv@fjordvik.example "$TV_PW"
http tv.jar GET /api/employees
check "the tillitsvalgt gets 403 on the register" '[ "$code" = 403 ] && [[ "$body" == *'"'"'"error"'"'"'* ]] && [[ "$body" == *error_en* ]]'
http tv.jar GET /api/employees/E01
check "the tillitsvalgt gets 403 on an employee" '[ "$code" = 403 ]'
http tv.jar GET '/api/statistics?from=2026-01-01&to=2026-03-31'
# Worked by hand for 1st quarter 2026 (63 working days: January 21 with 1 January, February 20,
# March 22). U2: mulige 5 x 63 = 315; tapte E06 egenmelding 16-17.03 = 2, E08 40 % 16.02-06.03 =
# 15 days x 0.4 = 6, E09 05.01-31.03 = 62; 70 / 315 = 22.2 %. Organisation: mulige U1 261.45
# (E01 63, E02 47.25, E03 50.4, E04 63, E05 37.8) + U2 315 + U3 69 (E11 63, E12 50 % from 16.03:
# 12 days x 0.5) = 645.45; tapte U1 13.8 (E02 16 days x 0.75, E05 3 days x 0.6) + 70 + U3 2 =
# 85.8; 13.3 %. U3 has 2 persons: masked; then U1 and U2 (5 each) are the only shown parts and
# U1, first in order, is withheld so that U3 cannot be found by subtraction (stats.hpp).
stats_line=$( [ "$code" = 200 ] && js '";".join("%s:%s:%s" % (g["unit"], g["percent"], g["reason"]) for g in d["groups"])')
[ "$stats_line" = "None:13.3:none;U1:None:protects_small_group;U2:22.2:none;U3:None:small_group" ] || echo "statistics: $code $body"
check "the tillitsvalgt gets masked statistics (org 13.3, U1 withheld, U2 22.2, U3 small)" \
      '[ "$stats_line" = "None:13.3:none;U1:None:protects_small_group;U2:22.2:none;U3:None:small_group" ]'
check "the statistics carry no names and no employee ids" '[[ "$body" != *Nordmann* ]] && [[ "$body" != *E0* ]]'
http tv.jar GET '/api/statistics?from=2026-13-01'
check "a bad date is 400 naming the parameter" '[ "$code" = 400 ] && [[ "$body" == *from* ]]'

# --- Employee E06: the own row only ------------------------------------------------------------------
login emp.jar nora@fjordvik.example "$EMP_PW"
http emp.jar GET /api/employees
check "the employee sees only the own record" '[ "$code" = 200 ] && [ "$(js "\",\".join(e[\"id\"] for e in d[\"employees\"])")" = E06 ]'
http emp.jar GET /api/employees/E01
check "the employee gets 404 for a colleague" '[ "$code" = 404 ]'

# --- Sessions ------------------------------------------------------------------------------------------
sql "UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $EMP_ID"
http emp.jar GET /api/me
check "an expired session is 401" '[ "$code" = 401 ] && [[ "$body" == *"logget inn"* ]]'
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tiadesk_session\t%s\n' "$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" > "$tmp/forged.jar"
http forged.jar GET /api/me
check "a forged cookie is 401" '[ "$code" = 401 ]'
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Cookie: iadesk_session=../../etc' "$BASE/api/me")
check "a malformed cookie is 401" '[ "$code" = 401 ]'
http mgr.jar POST /api/logout
check "a POST without the CSRF header is 403" '[ "$code" = 403 ] && [[ "$body" == *CSRF* ]]'
http mgr.jar POST /api/logout '' "$HR_CSRF"
check "a POST with another session's CSRF token is 403" '[ "$code" = 403 ]'
http mgr.jar GET /api/me
check "the refused logout left the session alive" '[ "$code" = 200 ]'

# --- Login rate limit: 5 wrong passwords, then 429 ----------------------------------------------------
for i in 1 2 3 4 5; do
    login wrong.jar leder@fjordvik.example "wrong-password-$i"
    check "wrong password $i is 401" '[ "$code" = 401 ]'
done
login wrong.jar leder@fjordvik.example "wrong-password-6"
check "the 6th wrong password is 429 with a Norwegian message" '[ "$code" = 429 ] && [[ "$body" == *"For mange"* ]]'
login wrong.jar leder@fjordvik.example "$MGR_PW"
check "the right password is also refused while blocked" '[ "$code" = 429 ]'

# --- logout-all ends the other sessions ------------------------------------------------------------------
login hr2.jar hr@fjordvik.example "$HR_PW"
HR2_CSRF=$csrf
http hr.jar GET /api/me
check "HR's first session is alive" '[ "$code" = 200 ]'
http hr2.jar POST /api/logout-all '' "$HR2_CSRF"
check "logout-all ends both sessions" '[ "$code" = 200 ] && [ "$(js "d[\"sessions_ended\"]")" = 2 ]'
http hr.jar GET /api/me
check "the other session is 401 after logout-all" '[ "$code" = 401 ]'

# --- Revoke: the account and its sessions end --------------------------------------------------------------
login hr3.jar hr@fjordvik.example "$HR_PW"
HR3_CSRF=$csrf
http hr3.jar POST "/api/users/$TV_ID/revoke" '' "$HR3_CSRF"
check "HR revokes the tillitsvalgt" '[ "$code" = 200 ]'
http tv.jar GET /api/me
check "the revoked account's session is 401" '[ "$code" = 401 ]'

# --- Bad input never crashes ------------------------------------------------------------------------------
http x.jar POST /api/login 'not json'
check "a body that is not JSON is 400" '[ "$code" = 400 ] && [[ "$body" == *JSON* ]]'
http x.jar POST /api/login '{"email": 5, "password": []}'
check "wrong types are 400 naming the field" '[ "$code" = 400 ] && [[ "$body" == *email* ]]'
http hr3.jar POST /api/users '{"email": "a@b", "role": "boss"}' "$HR3_CSRF"
check "a bad invite is 400" '[ "$code" = 400 ]'
http hr3.jar GET '/api/employees/%FF%FE'
check "an id that is not UTF-8 is 404" '[ "$code" = 404 ]'
code=$(head -c 1100000 /dev/zero | tr '\0' a | curl -s -o /dev/null -w '%{http_code}' -X POST --data-binary @- "$BASE/api/login")
check "a body over 1 MB is refused" '[ "$code" = 413 ]'
http hr3.jar GET /api/me
check "the server still answers" '[ "$code" = 200 ] && kill -0 "$(cat "$tmp/server.pid")"'

# --- The same questions in SQL, as iadesk_app ------------------------------------------------------------
check "SQL as the manager: only U1's employees" '[ "$(app_sql "$MGR_ID" "SELECT string_agg(id, '"'"','"'"' ORDER BY id) FROM employees")" = E01,E02,E03,E04,E05 ]'
check "SQL as the manager: only U1's 8 absences" '[ "$(app_sql "$MGR_ID" "SELECT count(*) || '"'"' '"'"' || count(*) FILTER (WHERE employee > '"'"'E05'"'"') FROM absences")" = "8 0" ]'
# The tillitsvalgt was revoked above: a fresh one is made in SQL for these questions.
TV2_ID=$(sql "INSERT INTO users(org_id, email, password_hash) VALUES (1, 'tv2@fjordvik.example', 'x') RETURNING id")
sql "INSERT INTO role_grants(user_id, org_id, role) VALUES ($TV2_ID, 1, 'tillitsvalgt')"
check "SQL as the tillitsvalgt: zero personal rows" '[ "$(app_sql "$TV2_ID" "SELECT (SELECT count(*) FROM employees) + (SELECT count(*) FROM absences) + (SELECT count(*) FROM employments) + (SELECT count(*) FROM milestone_events) + (SELECT count(*) FROM plans)")" = 0 ]'
check "SQL as the tillitsvalgt: the units names are visible" '[ "$(app_sql "$TV2_ID" "SELECT count(*) FROM units")" = 3 ]'
check "SQL without a user: no row at all" '[ "$(psql "$APP" -tAq -c "SELECT (SELECT count(*) FROM employees) + (SELECT count(*) FROM organisations) + (SELECT count(*) FROM users)")" = 0 ]'
check "SQL as the revoked tillitsvalgt: nothing" '[ "$(app_sql "$TV_ID" "SELECT count(*) FROM organisations")" = 0 ]'
check "the app role cannot read session hashes of others" '[ "$(app_sql "$MGR_ID" "SELECT count(DISTINCT user_id) FROM sessions")" = 1 ]'
check "the audit log is append-only for the app role" '! app_sql "$MGR_ID" "DELETE FROM audit_log" >/dev/null 2>&1'
check "the audit log is append-only for the owner too" '! sql "UPDATE audit_log SET action = '"'"'x'"'"'" >/dev/null 2>&1'
check "no diagnosis column anywhere" '[ "$(sql "SELECT count(*) FROM information_schema.columns WHERE table_schema = '"'"'public'"'"' AND column_name ILIKE '"'"'%diagnos%'"'"'")" = 0 ]'

# --- Every personal table, every kind of account: the policies show exactly the rule's rows ----------------
# The rule (docs/team.md "Who sees what"), computed here as the owner straight from users and
# role_grants, not through the policies or their functions: a row of organisation O about employee X
# (plan_versions: about its plan's employee) is visible to an account of O that is not revoked and
# has HR, or manager of X's current unit, or employee X. A second organisation with the same unit
# and employee ids (the example imported again), plans with a version in U1 and U2 of both, earlier
# units that differ from the current one and an account with two roles make a leak across
# organisations, units or roles show.
run import --db "$OWNER" --org-name "Annen kommune" "$REPO/examples/fjordvik-small.json"
ORG2=$(sql "SELECT id FROM organisations WHERE name = 'Annen kommune'")
check "a second organisation with the same ids is imported" '[ $rc = 0 ] && [ "$(sql "SELECT count(*) FROM employees WHERE org_id = $ORG2 AND id IN ('"'"'E01'"'"', '"'"'E06'"'"')")" = 2 ]'
for o in 1 "$ORG2"; do
    sql "INSERT INTO plans(org_id, id, employee, case_start) VALUES ($o, 'P-E02', 'E02', '2026-01-05'), ($o, 'P-E07', 'E07', '2026-01-05')"
    sql "INSERT INTO plan_versions(org_id, plan_id, number, created, content) VALUES ($o, 'P-E02', 1, '2026-01-06', '{}'), ($o, 'P-E07', 1, '2026-01-06', '{}')"
    sql "INSERT INTO employee_earlier_units(org_id, employee, unit, until) VALUES ($o, 'E03', 'U2', '2025-06-30'), ($o, 'E08', 'U1', '2025-06-30')"
    sql "INSERT INTO changes(org_id, employee, kind, record_id, user_id, description) VALUES ($o, 'E02', 'absence', 1, 1, 'x'), ($o, 'E06', 'absence', 1, 1, 'x'), ($o, 'E01', 'milestone_event', 1, 1, 'x')"
done
HR_ID=$(sql "SELECT id FROM users WHERE email = 'hr@fjordvik.example'")
TWO_ID=$(sql "INSERT INTO users(org_id, email, password_hash) VALUES (1, 'to-roller@fjordvik.example', 'x') RETURNING id")
sql "INSERT INTO role_grants(user_id, org_id, role, unit, employee) VALUES ($TWO_ID, 1, 'manager', 'U2', NULL), ($TWO_ID, 1, 'employee', NULL, 'E01')"
HR_B_ID=$(sql "INSERT INTO users(org_id, email, password_hash) VALUES ($ORG2, 'hr@annen.example', 'x') RETURNING id")
sql "INSERT INTO role_grants(user_id, org_id, role) VALUES ($HR_B_ID, $ORG2, 'hr')"
MGR_B_ID=$(sql "INSERT INTO users(org_id, email, password_hash) VALUES ($ORG2, 'leder@annen.example', 'x') RETURNING id")
sql "INSERT INTO role_grants(user_id, org_id, role, unit) VALUES ($MGR_B_ID, $ORG2, 'manager', 'U1')"

# The rule's rows of a table for an account, as ctids (the same physical rows for every role).
rule_rows() { # TABLE USER_ID
    local from="$1 t JOIN employees e ON e.org_id = t.org_id AND e.id = t.employee"
    [ "$1" = employees ] && from="employees t JOIN employees e ON e.org_id = t.org_id AND e.id = t.id"
    [ "$1" = plan_versions ] && from="plan_versions t JOIN plans p ON p.org_id = t.org_id AND p.id = t.plan_id
                                      JOIN employees e ON e.org_id = p.org_id AND e.id = p.employee"
    sql "SELECT coalesce(string_agg(t.ctid::text, ',' ORDER BY t.ctid), '') FROM $from
         JOIN users u ON u.id = $2 AND u.revoked_at IS NULL AND u.org_id = t.org_id
         WHERE EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = u.id
                       AND (g.role = 'hr' OR (g.role = 'manager' AND g.unit = e.unit)
                            OR (g.role = 'employee' AND g.employee = e.id)))"
}
PERSONAL="employees employee_earlier_units employments absences milestone_events plans plan_versions changes"
for who in "hr:$HR_ID" "manager U1:$MGR_ID" "employee E06:$EMP_ID" "tillitsvalgt:$TV2_ID" "revoked:$TV_ID" \
           "manager U2 and employee E01:$TWO_ID" "HR of the second organisation:$HR_B_ID" \
           "manager of the second organisation's U1:$MGR_B_ID"; do
    uid=${who#*:}
    differ=""
    for t in $PERSONAL; do
        [ "$(app_sql "$uid" "SELECT coalesce(string_agg(ctid::text, ',' ORDER BY ctid), '') FROM $t")" = "$(rule_rows "$t" "$uid")" ] \
            || differ="$differ $t"
    done
    check "SQL as ${who%:*}: every personal table shows exactly the rule's rows${differ:+ (differ:$differ)}" '[ -z "$differ" ]'
done
check "SQL as the manager of U1: the own organisation's U1 plan and version only" \
      '[ "$(app_sql "$MGR_ID" "SELECT string_agg(p.org_id || p.id, '"'"','"'"') || '"'"' '"'"' || (SELECT count(*) FROM plan_versions) FROM plans p")" = "1P-E02 1" ]'
check "SQL as the manager of U1: earlier units by the current unit (E03, not E08)" \
      '[ "$(app_sql "$MGR_ID" "SELECT string_agg(employee, '"'"','"'"') FROM employee_earlier_units")" = E03 ]'
check "SQL as HR of the second organisation: its 13 absences, none of the first" \
      '[ "$(app_sql "$HR_B_ID" "SELECT count(*) || '"'"' '"'"' || count(*) FILTER (WHERE org_id <> '"$ORG2"') FROM absences")" = "13 0" ]'

summary
