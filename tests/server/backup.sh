#!/usr/bin/env bash
# Team server backup and restore test (scripts/team-db.sh, docs/team.md "Backup and restore"):
# cluster A with examples/fjordvik-small.json, an HR account and a manager of U1 who read the
# register over HTTP; a backup of A restored into a NEW cluster B; the server on B must answer the
# same logins with byte-for-byte the same JSON, keep the audit log's rows and its append-only
# rule, and have every migration; a file that is not an iadesk dump is refused and B unchanged.
# Both clusters and both servers are stopped when the test ends, failed or not.
#   bash tests/server/backup.sh build/native/iadesk-server .
source "$(dirname "$0")/../cli/lib.sh" "$@"
SERVER=$IADESK
PG="bash $REPO/scripts/pg.sh"
TEAMDB="bash $REPO/scripts/team-db.sh"
chmod 755 "$tmp" # the postgres user works in $tmp/a and $tmp/b
export PG_FSYNC=off
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3

at_exit 'for s in a b; do [ -f "$tmp/server_$s.pid" ] && kill "$(cat "$tmp/server_$s.pid")" 2>/dev/null; done; $PG stop "$tmp/a" >/dev/null 2>&1; $PG stop "$tmp/b" >/dev/null 2>&1'
OWNER_A=$($PG start "$tmp/a") || { fail_now "pg.sh start A"; summary; }
sql_a() { psql "$OWNER_A" -v ON_ERROR_STOP=1 -tAq -c "$1"; }

# serve NAME APP_URL: the server on a free port; sets $BASE.
serve() {
    rm -f "$tmp/port_$1"
    "$SERVER" serve --db "$2" --port 0 --port-file "$tmp/port_$1" >"$tmp/server_$1.log" 2>&1 &
    echo $! > "$tmp/server_$1.pid"
    for _ in $(seq 100); do [ -s "$tmp/port_$1" ] && break; sleep 0.1; done
    [ -s "$tmp/port_$1" ] || { fail_now "the server on $1 did not start: $(cat "$tmp/server_$1.log")"; summary; }
    BASE=http://127.0.0.1:$(cat "$tmp/port_$1")
}
# get JAR PATH OUTFILE: the status in $code.
get() { code=$(curl -s -o "$3" -w '%{http_code}' -b "$tmp/$1" -c "$tmp/$1" "$BASE$2"); }
# login JAR EMAIL PASSWORD: the status in $code.
login() {
    code=$(curl -s -o "$tmp/login.json" -w '%{http_code}' -c "$tmp/$1" -H 'Content-Type: application/json' \
                --data "{\"email\": \"$2\", \"password\": \"$3\"}" "$BASE/api/login")
}

# --- Cluster A ----------------------------------------------------------------------------------------
run migrate --db "$OWNER_A"
run import --db "$OWNER_A" --org-name "Fjordvik kommune" "$REPO/examples/fjordvik-small.json"
check "A: the example is imported" '[ $rc = 0 ] && [ "$(sql_a "SELECT count(*) FROM employees")" = 12 ]'
run create-admin --db "$OWNER_A" --email hr@fjordvik.example
HR_PW=$(tail -n 1 "$out")
check "A: create-admin prints a one-time password" '[ $rc = 0 ] && [ ${#HR_PW} = 20 ]'
serve a "$($PG url "$tmp/a" iadesk_app)"
login hr_a.jar hr@fjordvik.example "$HR_PW"
check "A: HR logs in" '[ "$code" = 200 ]'
HR_CSRF=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$tmp/login.json")
code=$(curl -s -o "$tmp/invite.json" -w '%{http_code}' -b "$tmp/hr_a.jar" -H 'Content-Type: application/json' \
            -H "X-CSRF-Token: $HR_CSRF" --data '{"email": "leder@fjordvik.example", "role": "manager", "units": ["U1"]}' \
            "$BASE/api/users")
MGR_PW=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["one_time_password"])' "$tmp/invite.json" 2>/dev/null)
check "A: HR invites a manager of U1" '[ "$code" = 201 ] && [ ${#MGR_PW} = 20 ]'
login mgr_a.jar leder@fjordvik.example "$MGR_PW"
get hr_a.jar /api/employees "$tmp/hr_list.a"
check "A: HR reads the register of 12" '[ "$code" = 200 ] && [ "$(grep -o "\"id\":" "$tmp/hr_list.a" | wc -l)" = 12 ]'
get mgr_a.jar /api/employees "$tmp/mgr_list.a"
check "A: the manager reads U1's 5" '[ "$code" = 200 ] && [ "$(grep -o "\"id\":" "$tmp/mgr_list.a" | wc -l)" = 5 ]'
get hr_a.jar /api/employees/E07 "$tmp/hr_e07.a"
check "A: HR reads E07" '[ "$code" = 200 ]'
AUDIT_A=$(sql_a "SELECT count(*) FROM audit_log")
MIGRATIONS_A=$(sql_a "SELECT string_agg(name || ' ' || applied_at, ',' ORDER BY name) FROM schema_migrations")

# --- Backup ---------------------------------------------------------------------------------------------
$TEAMDB backup "$tmp/a" "$tmp/iadesk.dump" >"$out" 2>"$err"; rc=$?
check "backup of A" '[ $rc = 0 ] && [ -s "$tmp/iadesk.dump" ] && [ "$(head -c 5 "$tmp/iadesk.dump")" = PGDMP ]'
kill "$(cat "$tmp/server_a.pid")" 2>/dev/null; rm -f "$tmp/server_a.pid"
$PG stop "$tmp/a" >/dev/null 2>&1

# --- Restore into a new cluster B -------------------------------------------------------------------------
$TEAMDB restore "$tmp/b" "$tmp/iadesk.dump" >"$out" 2>"$err"; rc=$?
check "restore into the new cluster B" '[ $rc = 0 ] && grep -q "restored" "$out"' || cat "$err"
OWNER_B=$($PG url "$tmp/b")
sql_b() { psql "$OWNER_B" -v ON_ERROR_STOP=1 -tAq -c "$1"; }
check "B: schema_migrations as on A (names and times)" '[ "$(sql_b "SELECT string_agg(name || '"' '"' || applied_at, '"','"' ORDER BY name) FROM schema_migrations")" = "$MIGRATIONS_A" ]'
check "B: the audit log has A's $AUDIT_A rows" '[ "$(sql_b "SELECT count(*) FROM audit_log")" = "$AUDIT_A" ]'
check "B: iadesk_app is neither superuser nor BYPASSRLS" '[ "$(sql_b "SELECT rolcanlogin::text || rolsuper::text || rolbypassrls::text FROM pg_roles WHERE rolname = '"'iadesk_app'"'")" = truefalsefalse ]'
run migrate --db "$OWNER_B"
check "B: migrate finds nothing missing" '[ $rc = 0 ] && grep -q "nothing to migrate" "$out"'
serve b "$($PG url "$tmp/b" iadesk_app)"
login hr_b.jar hr@fjordvik.example "$HR_PW"
check "B: the same HR login works" '[ "$code" = 200 ]'
get hr_b.jar /api/employees "$tmp/hr_list.b"
check "B: HR's register is byte for byte A's" '[ "$code" = 200 ] && cmp -s "$tmp/hr_list.a" "$tmp/hr_list.b"'
get hr_b.jar /api/employees/E07 "$tmp/hr_e07.b"
check "B: HR's E07 is byte for byte A's" '[ "$code" = 200 ] && cmp -s "$tmp/hr_e07.a" "$tmp/hr_e07.b"'
get mgr_a.jar /api/employees "$tmp/mgr_old_session.b"
check "B: the manager's session from A is still valid (sessions are data)" '[ "$code" = 200 ] && cmp -s "$tmp/mgr_list.a" "$tmp/mgr_old_session.b"'
login mgr_b.jar leder@fjordvik.example "$MGR_PW"
get mgr_b.jar /api/employees "$tmp/mgr_list.b"
check "B: the manager still sees only U1's 5, byte for byte" '[ "$code" = 200 ] && cmp -s "$tmp/mgr_list.a" "$tmp/mgr_list.b"'
get mgr_b.jar /api/employees/E07 "$tmp/mgr_e07.b"
check "B: the manager still gets 404 for E07 (U2)" '[ "$code" = 404 ]'
check "B: the audit log refuses UPDATE (owner)" '! sql_b "UPDATE audit_log SET action = '"'x'"'" >/dev/null 2>&1'
check "B: the audit log refuses DELETE (owner)" '! sql_b "DELETE FROM audit_log" >/dev/null 2>&1'
check "B: the audit log went on from A's rows (2 logins and 2 reads since)" '[ "$(sql_b "SELECT count(*) FROM audit_log")" = $((AUDIT_A + 4)) ]'

# --- Files that are not an iadesk dump: refused, B unchanged -----------------------------------------------
state_b() { sql_b "SELECT (SELECT count(*) FROM audit_log) || '/' || (SELECT count(*) FROM employees) || '/' || (SELECT count(*) FROM users) || '/' || (SELECT count(*) FROM sessions) || '/' || (SELECT oid FROM pg_database WHERE datname = 'iadesk')"; }
STATE_B=$(state_b)
head -c 4096 /dev/urandom > "$tmp/noise.bin"
cp "$REPO/examples/fjordvik-small.json" "$tmp/data.json"
head -c 2000 "$tmp/iadesk.dump" > "$tmp/cut.dump"
for bad in noise.bin data.json cut.dump; do
    $TEAMDB restore "$tmp/b" "$tmp/$bad" >"$out" 2>"$err"; rc=$?
    check "$bad is refused with a Norwegian message" '[ $rc = 1 ] && grep -q "ingenting er endret" "$err" && grep -q "nothing was changed" "$err"'
done
# A real pg_dump, but of a database without iadesk's tables.
psql "$OWNER_B" -tAq -c "CREATE DATABASE other" && pg_dump -Fc "${OWNER_B/\/iadesk\?//other?}" > "$tmp/other.dump"
$TEAMDB restore "$tmp/b" "$tmp/other.dump" >"$out" 2>"$err"; rc=$?
check "a dump of another database is refused" '[ $rc = 1 ] && grep -q "ikke av iadesk" "$err"'
$TEAMDB restore "$tmp/b" "$tmp/missing.dump" >"$out" 2>"$err"; rc=$?
check "a missing file is refused" '[ $rc = 1 ] && grep -q "finner ikke" "$err"'
check "B is unchanged (audit rows, employees, users, sessions, the same database)" '[ "$(state_b)" = "$STATE_B" ]'
get hr_b.jar /api/employees "$tmp/hr_list.b2"
check "B still serves the same register" '[ "$code" = 200 ] && cmp -s "$tmp/hr_list.a" "$tmp/hr_list.b2"'

summary
