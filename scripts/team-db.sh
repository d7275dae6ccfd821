#!/usr/bin/env bash
# Backup and restore of the team server's database (docs/team.md, "Backup and restore"), for the
# private cluster of scripts/pg.sh:
#   team-db.sh backup DIR FILE    pg_dump (custom format) of the database `iadesk` in the cluster in
#                                 DIR into FILE (written beside it first, then renamed: a failed
#                                 backup leaves no half file). A stopped cluster is started for the
#                                 dump and stopped again.
#   team-db.sh restore DIR FILE   recreates the database `iadesk` in the cluster in DIR from FILE.
#                                 The cluster is created and started if needed and left running.
# Contract of restore
# - FILE is checked before anything changes: pg_restore must read its table of contents, and it
#   must hold iadesk's tables (schema_migrations, audit_log, employees). Otherwise: a message in
#   Norwegian (and English), exit 1, the cluster untouched.
# - The role iadesk_app is cluster-wide and not in a dump: it is created (if missing) with the
#   same attributes as migration 0002 gives it, before the restore. Its rights on the tables and
#   functions (GRANTs, policies) are in the dump.
# - The dump goes into a new database first (iadesk_restore); only when all of it is in does
#   that replace `iadesk` (DROP ... WITH (FORCE) ends the server's connections: stop the server
#   first). A restore that fails halfway leaves the old database as it was.
# Exit status: 0 done, 1 failed, 2 bad usage.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
HERE=$(cd "$(dirname "$0")" && pwd)
DB_NAME=iadesk
STAGING_DB=iadesk_restore

usage() { echo "bruk / usage: team-db.sh backup|restore DIR FILE" >&2; exit 2; }
fail() { echo "team-db.sh: $1" >&2; echo "team-db.sh: $2" >&2; exit 1; }
[ $# -eq 3 ] || usage
cmd=$1
dir=$(realpath -m "$2")
file=$3

as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
running() { [ -f "$dir/data/PG_VERSION" ] && as_pg "$PGBIN/pg_ctl" status -D "$dir/data" >/dev/null 2>&1; }
port() { cat "$dir/port"; }
# psql as the owner on the cluster's socket, on DATABASE (default postgres).
owner_psql() {
    local db=${PSQL_DB:-postgres}
    as_pg "$PGBIN/psql" -h "$dir/sock" -p "$(port)" -U postgres -d "$db" -v ON_ERROR_STOP=1 -tAq "$@"
}

case "$cmd" in
  backup)
    [ -f "$dir/data/PG_VERSION" ] || fail "ingen database i $dir" "no cluster in $dir"
    started=0
    if ! running; then bash "$HERE/pg.sh" start "$dir" >/dev/null; started=1; fi
    trap '[ $started = 1 ] && bash "$HERE/pg.sh" stop "$dir" >/dev/null 2>&1; rm -f "$file.partial"' EXIT
    # pg_dump runs as the postgres user; the file is written by the caller's shell (the caller
    # owns it, and the postgres user needs no right to its folder).
    as_pg "$PGBIN/pg_dump" -h "$dir/sock" -p "$(port)" -U postgres -d "$DB_NAME" --format=custom \
        > "$file.partial" || fail "sikkerhetskopien feilet, $file er ikke skrevet" "the backup failed, $file was not written"
    mv "$file.partial" "$file"
    echo "Sikkerhetskopi / backup: $file ($(stat -c %s "$file") bytes)" ;;
  restore)
    [ -f "$file" ] || fail "finner ikke filen $file" "no such file: $file"
    # The table of contents is read from stdin: the postgres user need not reach FILE's folder.
    toc=$(as_pg "$PGBIN/pg_restore" --list < "$file" 2>/dev/null) \
        || fail "$file er ikke en sikkerhetskopi fra team-db.sh backup (pg_dump i custom-format); ingenting er endret" \
                "$file is not a backup made by team-db.sh backup (pg_dump custom format); nothing was changed"
    for table in schema_migrations audit_log employees; do
        grep -qE "TABLE public $table " <<<"$toc" \
            || fail "$file er en sikkerhetskopi, men ikke av iadesk sin database (mangler tabellen $table); ingenting er endret" \
                    "$file is a backup, but not of iadesk's database (no table $table); nothing was changed"
    done
    bash "$HERE/pg.sh" start "$dir" >/dev/null
    # The cluster-wide role, as migration 0002 makes it (src/server/migrations/0002_access.sql).
    owner_psql <<'SQL'
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'iadesk_app') THEN
        CREATE ROLE iadesk_app LOGIN;
    END IF;
END $$;
ALTER ROLE iadesk_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
SQL
    owner_psql -c "DROP DATABASE IF EXISTS $STAGING_DB"
    owner_psql -c "CREATE DATABASE $STAGING_DB"
    if ! as_pg "$PGBIN/pg_restore" -h "$dir/sock" -p "$(port)" -U postgres -d "$STAGING_DB" \
             --exit-on-error --single-transaction < "$file"; then
        owner_psql -c "DROP DATABASE IF EXISTS $STAGING_DB" || true
        fail "gjenopprettingen feilet; databasen $DB_NAME er som før" "the restore failed; the database $DB_NAME is as it was"
    fi
    PSQL_DB=$STAGING_DB owner_psql -c "ANALYZE"
    owner_psql -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)"
    owner_psql -c "ALTER DATABASE $STAGING_DB RENAME TO $DB_NAME"
    applied=$(PSQL_DB=$DB_NAME owner_psql -c "SELECT string_agg(name, ' ' ORDER BY name) FROM schema_migrations")
    echo "Gjenopprettet / restored: $file -> $DB_NAME i/in $dir (migreringer / migrations: $applied)" ;;
  *) usage ;;
esac
