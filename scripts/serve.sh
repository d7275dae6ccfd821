#!/usr/bin/env bash
# Sets up, builds and serves the browser app on http://127.0.0.1:${PORT:-8080}/ (Ctrl+C stops).
#   bash scripts/serve.sh --team   the same with the team server (docs/team.md): a private
#   PostgreSQL cluster in .cache/team-pg (scripts/pg.sh), migrated; on the first start the
#   organisation (ORG_NAME, default "Min virksomhet") and the first HR account (ADMIN_EMAIL,
#   default admin@iadesk.invalid) with a one-time password printed once; then iadesk-server serves
#   build/web/site and the API. Ctrl+C stops the server and the cluster; the data stay.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--team" ]; then
    bash scripts/setup.sh
    bash scripts/build.sh web
    exec node scripts/serve.mjs build/web/site "${PORT:-8080}"
fi

bash scripts/setup.sh
bash scripts/build.sh native web
SERVER=build/native/iadesk-server
[ -x "$SERVER" ] || { echo "serve.sh: $SERVER was not built (libpqxx-dev, libsodium-dev, libcpp-httplib-dev?)" >&2; exit 1; }
PGDIR=$PWD/.cache/team-pg
mkdir -p .cache
OWNER=$(bash scripts/pg.sh start "$PGDIR")
trap 'bash scripts/pg.sh stop "$PGDIR"' EXIT
"$SERVER" migrate --db "$OWNER"
count() { psql "$OWNER" -tAq -c "SELECT count(*) FROM $1"; }
if [ "$(count organisations)" = 0 ]; then
    "$SERVER" create-org --db "$OWNER" --name "${ORG_NAME:-Min virksomhet}"
fi
if [ "$(count users)" = 0 ]; then
    echo
    "$SERVER" create-admin --db "$OWNER" --email "${ADMIN_EMAIL:-admin@iadesk.invalid}"
    echo
fi
"$SERVER" serve --db "$(bash scripts/pg.sh url "$PGDIR" iadesk_app)" --port "${PORT:-8080}" --site build/web/site
