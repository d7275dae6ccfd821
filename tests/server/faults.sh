#!/usr/bin/env bash
# Team server fault test (docs/team.md, "Sync"): while four clients push 240 commands, the server is
# killed (SIGKILL, mid-push) and started again, then PostgreSQL is stopped and started again. The
# clients retry what got no answer with the same idempotency key. Afterwards every command is
# stored exactly once: none lost, none applied twice, the change log's order intact.
#   bash tests/server/faults.sh build/native/iadesk-server .
source "$(dirname "$0")/../cli/lib.sh" "$@"
source "$(dirname "$0")/lib/team.sh"

team_start_cluster
team_import_fixture
team_start_server
TEAM_PORT=$(cat "$tmp/port") # a restarted server listens where the clients look
ADDED="SELECT count(*) FROM absences WHERE from_date >= '2027-01-01'"
wait_for() { # wait_for N: until N commands are stored (at most 60 s)
    for _ in $(seq 600); do [ "$(sql "$ADDED" 2>/dev/null || echo 0)" -ge "$1" ] && return 0; sleep 0.1; done
    return 1
}

"$PY" "$REPO/tests/server/lib/push_all.py" "$tmp/port" hr@fjordvik.example "$HR_PW" 240 4 "$tmp/results.json" >"$tmp/push.log" 2>&1 &
push_pid=$!

check "the clients are pushing" 'wait_for 30'
server_pid=$(cat "$tmp/server.pid")
kill -9 "$server_pid"
wait "$server_pid" 2>/dev/null
stored_at_kill=$(sql "$ADDED")
sleep 0.5
team_start_server
check "the server killed mid-push starts again on the same port" '[ "$BASE" = "http://127.0.0.1:$TEAM_PORT" ]'

check "the pushes go on after the restart" "wait_for $((stored_at_kill + 40))"
$PG stop "$tmp/pg" >/dev/null
sleep 0.5
$PG start "$tmp/pg" >/dev/null
check "PostgreSQL restarted on the same port" '[ "$($PG url "$tmp/pg")" = "$OWNER" ]'

wait "$push_pid"; push_rc=$?
body=$(cat "$tmp/results.json" 2>/dev/null || echo '{}')
echo "answers by HTTP status: $(js "{s: sum(1 for r in d[\"results\"].values() if r[0] == s) for s in set(r[0] for r in d[\"results\"].values())}")"
echo "stored when the server was killed: $stored_at_kill; retries by the clients: $(js 'd.get("retries")')"
check "every client got a final answer for every command" '[ "$push_rc" = 0 ] && [ "$(js "len(d[\"results\"])")" = 240 ]'
check "every command was accepted (200)" '[ "$(js "sorted(set(r[0] for r in d[\"results\"].values()))")" = "[200]" ]'
check "the faults were felt: the clients had to retry" '[ "$(js "d[\"retries\"]")" -gt 0 ]'
check "the PostgreSQL restart was felt: the server lost its connections and answered 503" 'grep -q "database connection\|commit in doubt" "$tmp/server.log"'
check "240 absences stored: none lost, none twice" '[ "$(sql "$ADDED")" = 240 ] && [ "$(sql "SELECT count(*) FROM (SELECT DISTINCT employee, from_date FROM absences WHERE from_date >= '"'"'2027-01-01'"'"') x")" = 240 ]'
check "240 changes and 240 remembered keys, one each" '[ "$(sql "SELECT count(*) FROM changes")" = 240 ] && [ "$(sql "SELECT count(*) FROM sync_commands")" = 240 ]'
check "each key's answer names the change that stored it" '[ "$(js "\",\".join(str(r[1]) for k, r in sorted(d[\"results\"].items()))")" = "$(sql "SELECT string_agg(seq::text, '"'"','"'"' ORDER BY key) FROM sync_commands")" ]'
check "each absence's rev is its change's seq" '[ "$(sql "SELECT count(*) FROM absences a JOIN changes c ON c.kind = '"'"'absence'"'"' AND c.record_id = a.id AND c.seq = a.rev")" = 240 ]'
login hr.jar hr@fjordvik.example "$HR_PW"
http hr.jar GET '/api/changes?since=0'
check "a pull gives all 240 changes, in rising order" '[ "$code" = 200 ] && [ "$(js "len(d[\"changes\"]) == 240 and all(a[\"seq\"] < b[\"seq\"] for a, b in zip(d[\"changes\"], d[\"changes\"][1:]))")" = True ]'
summary
