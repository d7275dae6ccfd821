#!/usr/bin/env bash
# Read or write load on the team server (docs/team.md, "Scaling"): a private cluster (scripts/pg.sh) in a
# temporary folder, a generated register imported (`iadesk generate`), the server on a free port
# on 127.0.0.1, then bench/team_load.py: N clients log in and make M reads each (--writes: M
# commands each, through POST /api/commands). Everything it
# started is stopped and removed when it ends, failed or not.
#   bash bench/team_load.sh [--employees 5000] [--gen-seed 7] [--clients 200] [--requests 50]
#                           [--seconds 300] [--managers 20] [--units-per-manager 2] [--hr-users 2] [--writes]
# Needs build/native/iadesk and build/native/iadesk-server (JOBS=2 bash scripts/build.sh native);
# IADESK=... and IADESK_SERVER=... name other builds. PG_FSYNC=off is allowed but not what the
# documented figures used (fsync on, as in production).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
IADESK=${IADESK:-$REPO/build/native/iadesk}
SERVER=${IADESK_SERVER:-$REPO/build/native/iadesk-server}
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
employees=5000
gen_seed=7
pass=()
while [ $# -gt 0 ]; do
    case "$1" in
        --employees) employees=$2; shift 2 ;;
        --gen-seed) gen_seed=$2; shift 2 ;;
        --clients|--requests|--seconds|--managers|--units-per-manager|--hr-users|--seed) pass+=("$1" "$2"); shift 2 ;;
        --writes) pass+=("$1"); shift ;;
        *) echo "team_load.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
NAME=team_load.sh
source "$REPO/bench/lib/team_setup.sh"
status=0
"$PY" "$REPO/bench/team_load.py" --port "$PORT" --dataset "$tmp/register.json" \
    --admin-email "$ADMIN_EMAIL" --admin-password-file "$tmp/admin.pw" "${pass[@]}" || status=$?
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
exit $status
