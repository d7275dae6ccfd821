#!/usr/bin/env bash
# A client's first sync from the team server (docs/team.md, "Sync"): the time of
# GET /api/sync/snapshot for HR (the whole register) and for a manager of two units, median of 5,
# wall time seen by curl on 127.0.0.1, and the answer's size. A private cluster (fsync on) in a
# temporary folder, `iadesk generate` imported, everything stopped and removed at the end.
#   bash bench/team_snapshot.sh [--employees 50000] [--gen-seed 7]
# Needs build/native/iadesk and build/native/iadesk-server (JOBS=2 bash scripts/build.sh native).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
IADESK=${IADESK:-$REPO/build/native/iadesk}
SERVER=${IADESK_SERVER:-$REPO/build/native/iadesk-server}
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
employees=50000
gen_seed=7
while [ $# -gt 0 ]; do
    case "$1" in
        --employees) employees=$2; shift 2 ;;
        --gen-seed) gen_seed=$2; shift 2 ;;
        *) echo "team_snapshot.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
NAME=team_snapshot.sh
source "$REPO/bench/lib/team_setup.sh"
BASE=http://127.0.0.1:$PORT
login() { # JAR EMAIL PASSWORD -> CSRF token
    curl -s -c "$tmp/$1" -H 'Content-Type: application/json' --data "{\"email\": \"$2\", \"password\": \"$3\"}" "$BASE/api/login" |
        "$PY" -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])'
}
HR_CSRF=$(login hr.jar "$ADMIN_EMAIL" "$(cat "$tmp/admin.pw")")
UNITS=$(psql "$OWNER" -tAq -c "SELECT json_agg(id) FROM (SELECT id FROM units ORDER BY position LIMIT 2) u")
MGR_PW=$(curl -s -b "$tmp/hr.jar" -H 'Content-Type: application/json' -H "X-CSRF-Token: $HR_CSRF" \
         --data "{\"email\": \"leder@bench.example\", \"role\": \"manager\", \"units\": $UNITS}" "$BASE/api/users" |
         "$PY" -c 'import json,sys; print(json.load(sys.stdin)["one_time_password"])')
login mgr.jar leder@bench.example "$MGR_PW" >/dev/null
for who in hr mgr; do
    times=()
    for _ in 1 2 3 4 5; do
        t=$(curl -s -b "$tmp/$who.jar" -o "$tmp/snap.json" -w '%{time_total}' "$BASE/api/sync/snapshot")
        times+=("$t")
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
    counts=$("$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["dataset"]["employees"]), "employees,", len(d["dataset"]["absences"]), "absences")' "$tmp/snap.json")
    echo "snapshot as $([ $who = hr ] && echo HR || echo 'manager of 2 units'): median $median s (of ${times[*]}), $(stat -c %s "$tmp/snap.json") bytes, $counts"
done
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
