# The team benches' set-up (bench/team_load.sh, bench/team_snapshot.sh), sourced after they have set
# REPO, IADESK, SERVER, employees, gen_seed and NAME (for messages): a private PostgreSQL cluster
# (scripts/pg.sh, fsync on) in a temporary folder $tmp, the migrations, `iadesk generate` imported,
# the first HR account (its password in $tmp/admin.pw, e-mail $ADMIN_EMAIL) and the server on a free
# port on 127.0.0.1 ($PORT). Everything it started is stopped and removed when the script ends.
for p in "$IADESK" "$SERVER"; do
    [ -x "$p" ] || { echo "$NAME: $p is missing (JOBS=2 bash scripts/build.sh native)" >&2; exit 1; }
done
tmp=$(mktemp -d)
chmod 755 "$tmp" # the postgres user works in $tmp/pg
cleanup() {
    [ -f "$tmp/server.pid" ] && kill "$(cat "$tmp/server.pid")" 2>/dev/null && sleep 0.2
    bash "$REPO/scripts/pg.sh" stop "$tmp/pg" >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap cleanup EXIT
OWNER=$(bash "$REPO/scripts/pg.sh" start "$tmp/pg")
APP=$(bash "$REPO/scripts/pg.sh" url "$tmp/pg" iadesk_app)
"$SERVER" migrate --db "$OWNER" >/dev/null
"$IADESK" generate --employees "$employees" --seed "$gen_seed" --out "$tmp/register.json" >/dev/null
start=$(date +%s.%N)
"$SERVER" import --db "$OWNER" "$tmp/register.json" >/dev/null
echo "setup: generate --employees $employees --seed $gen_seed, $(stat -c %s "$tmp/register.json") bytes;" \
     "import $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }") s; $(psql "$OWNER" -tAq -c "SELECT count(*) FROM absences") absences"
ADMIN_EMAIL=admin@bench.example
"$SERVER" create-admin --db "$OWNER" --email "$ADMIN_EMAIL" | tail -n 1 > "$tmp/admin.pw"
"$SERVER" serve --db "$APP" --port 0 --port-file "$tmp/port" >"$tmp/server.log" 2>&1 &
echo $! > "$tmp/server.pid"
for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.1; done
[ -s "$tmp/port" ] || { echo "$NAME: the server did not start: $(cat "$tmp/server.log")" >&2; exit 1; }
PORT=$(cat "$tmp/port")
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
