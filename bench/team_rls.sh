#!/usr/bin/env bash
# What row-level security costs, in SQL (docs/team.md, "Scaling"): a private cluster
# (scripts/pg.sh) in a temporary folder, the migrations up to 0002 applied with psql, a generated
# register imported (`iadesk generate`), an HR user, a manager of 2 units, a tillitsvalgt and an
# employee made as the owner; then each query timed as iadesk_app for each of them (BEGIN;
# set_config('iadesk.user_id', ...); the query; COMMIT), median of --runs. Then `iadesk-server
# migrate` applies the rest (0003_fast_policies and any later one) and the same is timed again.
# Printed: query, role, rows, ms before and after. The rows must be the same before and after
# (same rules): a difference is reported and the exit status is 1.
#   bash bench/team_rls.sh [--employees 5000] [--gen-seed 7] [--runs 5] [--timeout 30]
#                          [--only-up-to NNNN] [--explain]
# --only-up-to NNNN   measure once, with the migrations up to NNNN only (e.g. 0002 or 0003)
# --timeout S         statement_timeout per query; a query that hits it counts as "> S s" and is
#                     not repeated (with 0002 only, every count over absences does: a sub-plan per row)
# --explain           after the timings, EXPLAIN ANALYZE of each query as each role, last state
# Needs build/native/iadesk and build/native/iadesk-server (JOBS=2 bash scripts/build.sh native);
# IADESK=... and IADESK_SERVER=... name other builds. The cluster runs with fsync on; everything it
# started is stopped and removed when it ends, failed or not.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
IADESK=${IADESK:-$REPO/build/native/iadesk}
SERVER=${IADESK_SERVER:-$REPO/build/native/iadesk-server}
employees=5000
gen_seed=7
runs=5
timeout_s=30
only=""
explain=0
while [ $# -gt 0 ]; do
    case "$1" in
        --employees) employees=$2; shift 2 ;;
        --gen-seed) gen_seed=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --timeout) timeout_s=$2; shift 2 ;;
        --only-up-to) only=$2; shift 2 ;;
        --explain) explain=1; shift ;;
        *) echo "team_rls.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
for p in "$IADESK" "$SERVER"; do
    [ -x "$p" ] || { echo "team_rls.sh: $p is missing (JOBS=2 bash scripts/build.sh native)" >&2; exit 1; }
done
[[ "$only" =~ ^([0-9]{4})?$ ]] || { echo "team_rls.sh: --only-up-to takes a migration number, e.g. 0002" >&2; exit 2; }

tmp=$(mktemp -d)
chmod 755 "$tmp" # the postgres user works in $tmp/pg
cleanup() {
    bash "$REPO/scripts/pg.sh" stop "$tmp/pg" >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap cleanup EXIT

OWNER=$(bash "$REPO/scripts/pg.sh" start "$tmp/pg")
APP=$(bash "$REPO/scripts/pg.sh" url "$tmp/pg" iadesk_app)
sql() { psql "$OWNER" -v ON_ERROR_STOP=1 -tAq -c "$1"; }

# The migrations up to NNNN, as `iadesk-server migrate` applies them (each in one transaction,
# recorded in schema_migrations), but from the source tree: the server applies all it embeds.
apply_up_to() {
    sql "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
    local f name
    for f in "$REPO"/src/server/migrations/[0-9][0-9][0-9][0-9]_*.sql; do
        name=$(basename "$f" .sql)
        [[ "${name:0:4}" > "$1" ]] && break
        { cat "$f"; echo ";"; echo "INSERT INTO schema_migrations(name) VALUES ('$name');"; } \
            | psql "$OWNER" -v ON_ERROR_STOP=1 -q -1 >/dev/null
    done
}
first_state=${only:-0002}
apply_up_to "$first_state"

start=$(date +%s.%N)
"$IADESK" generate --employees "$employees" --seed "$gen_seed" --out "$tmp/register.json" >/dev/null
"$SERVER" import --db "$OWNER" "$tmp/register.json" >/dev/null
sql "VACUUM ANALYZE" # the same statistics for both states, not whenever autovacuum comes by
echo "setup: generate --employees $employees --seed $gen_seed and import: $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }") s;" \
     "$(sql "SELECT count(*) FROM employees") employees in $(sql "SELECT count(*) FROM units") units," \
     "$(sql "SELECT count(*) FROM absences") absences"

# --- The users, made as the owner ----------------------------------------------------------------
ORG=$(sql "SELECT id FROM organisations")
# The manager's two units: the first two (dataset order) that have people.
read -r U1 U2 <<<"$(sql "SELECT string_agg(unit, ' ') FROM (SELECT unit FROM employees WHERE org_id = $ORG
                                                            GROUP BY unit ORDER BY min(position) LIMIT 2) x")"
# The employee of "one employee's absences" and of the employee role: in U1, the most absences.
EMP=$(sql "SELECT e.id FROM employees e LEFT JOIN absences a ON a.org_id = e.org_id AND a.employee = e.id
           WHERE e.org_id = $ORG AND e.unit = '$U1' GROUP BY e.id ORDER BY count(a.id) DESC, e.id LIMIT 1")
new_user() { sql "INSERT INTO users(org_id, email, password_hash) VALUES ($ORG, '$1', 'x') RETURNING id"; }
HR_ID=$(new_user hr@rls.example)
MGR_ID=$(new_user leder@rls.example)
TV_ID=$(new_user tv@rls.example)
EMP_ID=$(new_user ansatt@rls.example)
sql "INSERT INTO role_grants(user_id, org_id, role, unit, employee) VALUES
     ($HR_ID, $ORG, 'hr', NULL, NULL), ($MGR_ID, $ORG, 'manager', '$U1', NULL), ($MGR_ID, $ORG, 'manager', '$U2', NULL),
     ($TV_ID, $ORG, 'tillitsvalgt', NULL, NULL), ($EMP_ID, $ORG, 'employee', NULL, '$EMP')"
echo "users: hr $HR_ID, manager $MGR_ID of $U1 and $U2 ($(sql "SELECT count(*) FROM employees WHERE unit IN ('$U1', '$U2')") people)," \
     "tillitsvalgt $TV_ID, employee $EMP_ID ($EMP, $(sql "SELECT count(*) FROM absences WHERE employee = '$EMP'") absences)"

# --- The queries: what the server asks (src/server/http_data.cpp) and two counts ---------------------
QNAMES=(count_employees count_absences one_employee_absences list_employees)
declare -A QSQL=(
    [count_employees]="SELECT count(*) FROM employees"
    [count_absences]="SELECT count(*) FROM absences"
    [one_employee_absences]="SELECT kind, from_date::text, to_date::text, grade FROM absences WHERE employee = '$EMP' ORDER BY from_date, id"
    [list_employees]="SELECT e.id, e.name, e.unit, u.name, e.birth_year, e.national_id FROM employees e JOIN units u ON u.org_id = e.org_id AND u.id = e.unit ORDER BY e.position"
)
RNAMES=(hr manager tillitsvalgt employee)
declare -A RID=([hr]=$HR_ID [manager]=$MGR_ID [tillitsvalgt]=$TV_ID [employee]=$EMP_ID)

# as_app USER_ID SQL [EXPLAIN]: SQL as iadesk_app in one transaction for the user; the result rows on
# stdout, then "Time: X ms" (psql's \timing, around the query only). Exit status 3 on an error (timeout).
as_app() {
    psql "$APP" -X -v ON_ERROR_STOP=1 -tAq 2>"$tmp/app.err" <<SQL
BEGIN;
SELECT set_config('iadesk.user_id', '$1', true) AS u \gset
SET LOCAL statement_timeout = '${timeout_s}s';
\timing on
$2;
\timing off
COMMIT;
SQL
}

# measure STATE: one line per query and role in $tmp/result.STATE: query role rows ms checksum
measure() {
    local state=$1 q r k status times rows sum ms
    : > "$tmp/result.$state"
    for q in "${QNAMES[@]}"; do
        for r in "${RNAMES[@]}"; do
            times=()
            rows="" sum=""
            for ((k = 0; k < runs; k++)); do
                status=0
                as_app "${RID[$r]}" "${QSQL[$q]}" > "$tmp/app.out" || status=$?
                if [ $status != 0 ]; then
                    if grep -q "statement timeout" "$tmp/app.err"; then times=(timeout); break; fi
                    echo "team_rls.sh: $q as $r failed: $(cat "$tmp/app.err")" >&2; exit 1
                fi
                times+=("$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' "$tmp/app.out")")
                grep -v '^Time: ' "$tmp/app.out" > "$tmp/app.rows" || true
                if [[ $q == count_* ]]; then rows=$(cat "$tmp/app.rows"); else rows=$(wc -l < "$tmp/app.rows"); fi
                sum=$(sha256sum < "$tmp/app.rows" | cut -c1-16)
            done
            if [ "${times[0]}" = timeout ]; then
                ms="timeout"; rows="-"; sum="-"
            else
                ms=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ v[NR] = $1 } END { printf "%.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
            fi
            echo "$q $r $rows $ms $sum" >> "$tmp/result.$state"
            echo "  $state: $q as $r: $rows rows, $ms ms" >&2
        done
    done
}

state_name() { sql "SELECT max(name) FROM schema_migrations"; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
before=$(state_name)
echo "measuring with the migrations up to $before ($runs runs each, timeout $timeout_s s) ..." >&2
measure before
states=(before)
if [ -z "$only" ]; then
    "$SERVER" migrate --db "$OWNER" >/dev/null
    sql "ANALYZE"
    after=$(state_name)
    echo "measuring with the migrations up to $after ..." >&2
    measure after
    states=(before after)
fi
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"

# --- The table ----------------------------------------------------------------------------------------
fmt_ms() { if [ "$1" = timeout ]; then echo "> $((timeout_s * 1000))"; else echo "$1"; fi; }
status=0
if [ ${#states[@]} = 1 ]; then
    printf '%-22s %-13s %7s %12s\n' query role rows "ms (${before:0:4})"
    while read -r q r rows ms _; do
        printf '%-22s %-13s %7s %12s\n' "$q" "$r" "$rows" "$(fmt_ms "$ms")"
    done < "$tmp/result.before"
else
    printf '%-22s %-13s %7s %14s %14s %8s\n' query role rows "before ms" "after ms" speedup
    printf '%-22s %-13s %7s %14s %14s %8s\n' "" "" "" "(${before:0:4})" "(${after:0:4})" ""
    while read -r q r rows ms sum && read -r q2 r2 rows2 ms2 sum2 <&3; do
        speed="-"
        if [ "$ms" != timeout ] && [ "$ms2" != timeout ]; then
            speed=$(awk "BEGIN { printf \"%.0fx\", $ms / ($ms2 > 0 ? $ms2 : 0.001) }")
            if [ "$sum" != "$sum2" ]; then
                echo "team_rls.sh: $q as $r: the rows differ before and after ($rows, $rows2)" >&2; status=1
            fi
        elif [ "$ms" = timeout ] && [ "$ms2" != timeout ]; then
            speed=">$(awk "BEGIN { printf \"%.0f\", $timeout_s * 1000 / ($ms2 > 0 ? $ms2 : 0.001) }")x"
        fi
        printf '%-22s %-13s %7s %14s %14s %8s\n' "$q" "$r" "$rows2" "$(fmt_ms "$ms")" "$(fmt_ms "$ms2")" "$speed"
    done < "$tmp/result.before" 3< "$tmp/result.after"
fi
echo "rows: the count for count_*, the rows returned otherwise; ms: median of $runs runs (psql \\timing, Unix socket)"

if [ $explain = 1 ]; then
    for q in "${QNAMES[@]}"; do
        for r in "${RNAMES[@]}"; do
            echo "--- EXPLAIN ANALYZE $q as $r ($(state_name))"
            as_app "${RID[$r]}" "EXPLAIN (ANALYZE, COSTS OFF, BUFFERS OFF) ${QSQL[$q]}" | grep -v '^Time: ' || echo "(failed: $(cat "$tmp/app.err"))"
        done
    done
fi
exit $status
