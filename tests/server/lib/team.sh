# Shared set-up of the team-server tests (tests/server/*.sh), sourced after tests/cli/lib.sh:
# a private PostgreSQL cluster (scripts/pg.sh) in $tmp/pg, stopped when the test ends, and helpers
# to start the server and talk to it with curl.
#   team_start_cluster          starts the cluster; sets OWNER and APP (connection URLs)
#   sql SQL                     SQL as the owner (bypasses RLS)
#   app_sql USER_ID SQL         SQL as iadesk_app in one transaction, as that user (RLS applies)
#   team_import_fixture         migrate + import examples/fjordvik-small.json + create-admin; sets HR_PW
#   team_start_server           starts `iadesk-server serve` on $TEAM_PORT (default: a free port); sets BASE
#   team_stop_server            SIGTERM and wait
#   http JAR METHOD PATH [BODY] [CSRF]   status in $code, body in $body
#   js PYTHON-EXPR              evaluates on the JSON in $body as d
#   login JAR EMAIL PASSWORD    sets $csrf
#   invite EMAIL JSON-PART      as HR (hr.jar, $HR_CSRF); sets $pw and $uid
SERVER=$IADESK
PG="bash $REPO/scripts/pg.sh"
chmod 755 "$tmp" # the postgres user works in $tmp/pg
export PG_FSYNC=off
# Debian's python3 (scripts/setup.sh) before any wrapper on PATH: a pyenv shim costs ~1 s a call.
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3

at_exit '[ -f "$tmp/server.pid" ] && kill "$(cat "$tmp/server.pid")" 2>/dev/null; $PG stop "$tmp/pg" >/dev/null 2>&1'

team_start_cluster() {
    OWNER=$($PG start "$tmp/pg") || { fail_now "pg.sh start"; summary; }
    APP=$($PG url "$tmp/pg" iadesk_app)
}
sql() { psql "$OWNER" -v ON_ERROR_STOP=1 -tAq -c "$1"; }
app_sql() {
    psql "$APP" -v ON_ERROR_STOP=1 -tAq <<SQL
BEGIN;
\\o /dev/null
SELECT set_config('iadesk.user_id', '$1', true);
\\o
$2;
COMMIT;
SQL
}

team_import_fixture() {
    "$SERVER" migrate --db "$OWNER" >/dev/null || fail_now "migrate"
    "$SERVER" import --db "$OWNER" --org-name "Fjordvik kommune" "$REPO/examples/fjordvik-small.json" >/dev/null || fail_now "import"
    HR_PW=$("$SERVER" create-admin --db "$OWNER" --email hr@fjordvik.example | tail -n 1)
}

team_start_server() {
    rm -f "$tmp/port"
    "$SERVER" serve --db "$APP" --port "${TEAM_PORT:-0}" --port-file "$tmp/port" "$@" >>"$tmp/server.log" 2>&1 &
    echo $! > "$tmp/server.pid"
    for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
    [ -s "$tmp/port" ] || { fail_now "the server did not start: $(cat "$tmp/server.log")"; summary; }
    BASE=http://127.0.0.1:$(cat "$tmp/port")
}
team_stop_server() {
    local pid; pid=$(cat "$tmp/server.pid")
    kill "$pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$tmp/server.pid"
}

http() {
    local jar=$1 method=$2 path=$3 data=${4:-} csrf=${5:-}
    local args=(-s -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' -b "$tmp/$jar" -c "$tmp/$jar" -X "$method")
    [ "$method" = POST ] && args+=(-H 'Content-Type: application/json' --data "$data")
    [ -n "$csrf" ] && args+=(-H "X-CSRF-Token: $csrf")
    code=$(curl "${args[@]}" "$BASE$path")
    body=$(cat "$tmp/body")
}
js() { "$PY" -c "import json,sys; d=json.load(sys.stdin); print($1)" <<<"$body"; }
login() {
    http "$1" POST /api/login "{\"email\": \"$2\", \"password\": \"$3\"}"
    csrf=$( [ "$code" = 200 ] && js 'd["csrf_token"]' )
}
invite() {
    http hr.jar POST /api/users "{\"email\": \"$1\", $2}" "$HR_CSRF"
    pw=$( [ "$code" = 201 ] && js 'd["one_time_password"]' ); uid=$( [ "$code" = 201 ] && js 'd["id"]' )
}
# On a failure, the server's own account of it.
at_exit '[ "$checks_failed" -gt 0 ] && [ -f "$tmp/server.log" ] && { echo "--- server log (last 30 lines):"; tail -n 30 "$tmp/server.log"; }'
