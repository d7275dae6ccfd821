#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for iadesk's team server (src/server, docs/team.md), never a
# system service:
#   pg.sh start DIR        initdb into DIR/data (first time), start it on a free TCP port (the same
#                          one again on a restart, while it is free) on
#                          127.0.0.1 and a Unix socket in DIR/sock, create the database `iadesk`.
#                          Prints the owner's URL. Starting a running cluster only prints the URL.
#   pg.sh stop DIR         stop it (fast shutdown); nothing to do when it is not running.
#   pg.sh url DIR [ROLE]   the connection URL (Unix socket) for ROLE (default: postgres, the owner).
# Run as root (as CI does) or as postgres: initdb refuses root, so the PostgreSQL binaries run as the
# `postgres` system user (runuser), and DIR is owned by it. Authentication: the socket (inside DIR,
# mode 0700) trusts its local users; TCP on 127.0.0.1 asks for a password (scram-sha-256).
# PG_FSYNC=off (tests only) skips fsync: faster, but a crash may lose the cluster.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DB_NAME=iadesk

usage() { echo "usage: pg.sh start|stop|url DIR [ROLE]" >&2; exit 2; }
[ $# -ge 2 ] || usage
cmd=$1
dir=$(realpath -m "$2")
role=${3:-postgres}

as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
# Can a listener bind PORT on 127.0.0.1 now?
port_free() {
    "$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)" -c 'import socket,sys
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try: s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError: sys.exit(1)' "$1"
}
# A TCP port on 127.0.0.1 that nobody listens on now (the kernel picks it).
free_port() {
    "$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
running() { [ -f "$dir/data/PG_VERSION" ] && as_pg "$PGBIN/pg_ctl" status -D "$dir/data" >/dev/null 2>&1; }
url() {
    local port
    port=$(cat "$dir/port" 2>/dev/null) || { echo "pg.sh: no cluster in $dir (pg.sh start $dir)" >&2; exit 1; }
    echo "postgresql:///$DB_NAME?host=$dir/sock&port=$port&user=$1"
}

case "$cmd" in
  start)
    if running; then url postgres; exit 0; fi
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    chmod 0700 "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        # The postgres user must be able to reach DIR through its parents.
        as_pg test -w "$dir" || { echo "pg.sh: the postgres user cannot write $dir (its parent folders must be searchable)" >&2; exit 1; }
        as_pg "$PGBIN/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
              --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    as_pg mkdir -p "$dir/sock"
    as_pg chmod 0700 "$dir/sock"
    # A restarted cluster keeps its port while it is free, so the URLs given out stay valid.
    port=$(cat "$dir/port" 2>/dev/null || true)
    if [ -z "$port" ] || ! port_free "$port"; then port=$(free_port); fi
    as_pg sh -c "echo $port > '$dir/port'"
    as_pg "$PGBIN/pg_ctl" start -w -t 30 -D "$dir/data" -l "$dir/server.log" \
        -o "-p $port -k '$dir/sock' -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-on} -c max_connections=40" >/dev/null \
        || { tail -n 20 "$dir/server.log" >&2; exit 1; }
    if ! as_pg "$PGBIN/psql" -h "$dir/sock" -p "$port" -U postgres -d postgres -tAq \
             -c "select 1 from pg_database where datname = '$DB_NAME'" | grep -q 1; then
        as_pg "$PGBIN/createdb" -h "$dir/sock" -p "$port" -U postgres "$DB_NAME"
    fi
    url postgres ;;
  stop)
    if running; then as_pg "$PGBIN/pg_ctl" stop -w -t 30 -m fast -D "$dir/data" >/dev/null; fi ;;
  url)
    url "$role" ;;
  *) usage ;;
esac
