#!/usr/bin/env bash
# File safety of the verbs that write a file (`import --into`, `generate --out`; platform.hpp has the
# writer's and the lock's contract, docs/reliability.md the guarantees):
# - ten imports into one dataset at the same time all arrive (each waits for the lock on
#   "<file>.lock", reads the file only then, and holds the lock until its rename);
# - the replacement keeps the mode and owner of the file it replaces; a new file gets 0666 minus
#   the umask;
# - a symbolic link planted at "<file>.tmp" is not followed and its target not changed; a link at
#   "<file>.lock" or at the file itself is refused (exit 2) without writing anything;
# - a lock held by another process makes the verb wait and then succeed; with
#   IADESK_LOCK_TIMEOUT=seconds it gives up after that long: exit 3, a Norwegian message naming the
#   file, nothing written;
# - a write that fails (here: the file size limit) leaves the target as it was and no temporary file.
# Usage: bash file_safety.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
employee_ids() { python3 -c 'import json,sys; print(" ".join(sorted(e["id"] for e in json.load(open(sys.argv[1]))["employees"])))' "$1"; }
employee_count() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["employees"]))' "$1"; }
temporaries() { find "$tmp" -maxdepth 2 -name '*.tmp' | wc -l; }
csv_row() { printf 'id;navn;enhet;stillingsprosent;fra;til\n%s;Ansatt %s;U1;100;01.03.2026;\n' "$1" "$1" >"$2"; }

# --- Ten imports at once into one file: every one arrives. ---------------------------------------
# A dataset of 2000 employees makes each import take long enough (reading, parsing, writing) that
# without the lock the ten overlap and all but the last writer's employee are lost. The long
# IADESK_LOCK_TIMEOUT keeps a slow machine (a sanitizer build) from turning the queue into a timeout.
"$IADESK" generate --employees 2000 --seed 3 --today 2026-11-24 --out "$tmp/big.json" >/dev/null
unit=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["units"][0]["id"])' "$tmp/big.json")
before=$(employee_count "$tmp/big.json")
pids=()
for i in 0 1 2 3 4 5 6 7 8 9; do
    printf 'id;navn;enhet;stillingsprosent;fra;til\nSAMTIDIG%s;Ansatt %s;%s;100;01.03.2026;\n' "$i" "$i" "$unit" >"$tmp/c$i.csv"
done
for i in 0 1 2 3 4 5 6 7 8 9; do
    IADESK_LOCK_TIMEOUT=3600 "$IADESK" import employees "$tmp/c$i.csv" --into "$tmp/big.json" >"$tmp/out$i" 2>"$tmp/err$i" &
    pids+=($!)
done
ok=0
for p in "${pids[@]}"; do wait "$p" && ok=$((ok + 1)); done
check "all ten concurrent imports report success (got $ok)" '[ $ok -eq 10 ]'
check "all ten employees are in the file (had $before, now $(employee_count "$tmp/big.json"))" \
    '[ "$(employee_count "$tmp/big.json")" -eq $((before + 10)) ]'
check "each concurrent import's employee is there by id" \
    '[ "$(employee_ids "$tmp/big.json" | tr " " "\n" | grep -c "^SAMTIDIG[0-9]$")" -eq 10 ]'
check "the result validates" '"$IADESK" validate "$tmp/big.json" >/dev/null'
check "no temporary file is left after the concurrent imports" '[ "$(temporaries)" -eq 0 ]'

# --- Mode and owner of the replaced file. ---------------------------------------------------------
cp "$REPO/tests/bad-input/valid.json" "$tmp/private.json"
chmod 600 "$tmp/private.json"
owner=$(id -un)
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
    chown nobody "$tmp/private.json"; owner=nobody
fi
csv_row M1 "$tmp/m1.csv"
"$IADESK" import employees "$tmp/m1.csv" --into "$tmp/private.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "the import into a 0600 file succeeds" '[ $rc -eq 0 ] && grep -q "M1" "$tmp/private.json"'
check "a 0600 file stays 0600 (is $(stat -c %a "$tmp/private.json"))" '[ "$(stat -c %a "$tmp/private.json")" = 600 ]'
check "the file keeps its owner $owner (is $(stat -c %U "$tmp/private.json"))" '[ "$(stat -c %U "$tmp/private.json")" = "$owner" ]'
"$IADESK" generate --employees 3 --today 2026-11-24 --out "$tmp/private.json" >/dev/null 2>"$tmp/err"; rc=$?
check "generate --out over a 0600 file keeps 0600 and the owner" \
    '[ $rc -eq 0 ] && [ "$(stat -c "%a %U" "$tmp/private.json")" = "600 $owner" ]'
chmod 640 "$tmp/private.json"
"$IADESK" import employees "$tmp/m1.csv" --into "$tmp/private.json" >/dev/null 2>&1
check "a 0640 file stays 0640" '[ "$(stat -c %a "$tmp/private.json")" = 640 ]'
(umask 022; "$IADESK" generate --employees 3 --today 2026-11-24 --out "$tmp/new022.json" >/dev/null)
(umask 077; "$IADESK" generate --employees 3 --today 2026-11-24 --out "$tmp/new077.json" >/dev/null)
check "a new file under umask 022 is 0644" '[ "$(stat -c %a "$tmp/new022.json")" = 644 ]'
check "a new file under umask 077 is 0600" '[ "$(stat -c %a "$tmp/new077.json")" = 600 ]'

# --- Symbolic links at the names the writer uses. -------------------------------------------------
echo "offerets innhold" >"$tmp/victim.txt"
victim=$(sum "$tmp/victim.txt")
cp "$REPO/tests/bad-input/valid.json" "$tmp/ds.json"
ln -s "$tmp/victim.txt" "$tmp/ds.json.tmp"
csv_row L1 "$tmp/l1.csv"
"$IADESK" import employees "$tmp/l1.csv" --into "$tmp/ds.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "with a link planted at ds.json.tmp the import still succeeds" '[ $rc -eq 0 ]'
check "the link's target is unchanged" '[ "$(sum "$tmp/victim.txt")" = "$victim" ]'
check "the dataset is a regular file with the import" '[ -f "$tmp/ds.json" ] && [ ! -L "$tmp/ds.json" ] && grep -q "\"L1\"" "$tmp/ds.json"'
check "the planted link is left alone" '[ -L "$tmp/ds.json.tmp" ]'
"$IADESK" generate --employees 3 --today 2026-11-24 --out "$tmp/ds.json" >/dev/null 2>&1
check "generate --out does not follow the planted link either" '[ "$(sum "$tmp/victim.txt")" = "$victim" ] && [ ! -L "$tmp/ds.json" ]'
rm -f "$tmp/ds.json.tmp"

before=$(sum "$tmp/ds.json")
rm -f "$tmp/ds.json.lock" # the lock file the imports above left (it is kept on purpose)
ln -s "$tmp/victim.txt" "$tmp/ds.json.lock"
csv_row L2 "$tmp/l2.csv"
"$IADESK" import employees "$tmp/l2.csv" --into "$tmp/ds.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a link planted at ds.json.lock is refused with exit 2" '[ $rc -eq 2 ]'
check "the refusal names the lock file" 'grep -q "ds.json.lock" "$tmp/err"'
check "the lock link's target and the dataset are unchanged" \
    '[ "$(sum "$tmp/victim.txt")" = "$victim" ] && [ "$(sum "$tmp/ds.json")" = "$before" ]'
rm -f "$tmp/ds.json.lock"

ln -s "$tmp/victim.txt" "$tmp/link.json"
"$IADESK" generate --employees 3 --today 2026-11-24 --out "$tmp/link.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "--out naming a symbolic link is refused with exit 2 and a message" '[ $rc -eq 2 ] && grep -q "symbolsk lenke" "$tmp/err"'
check "the link and its target are unchanged" '[ -L "$tmp/link.json" ] && [ "$(sum "$tmp/victim.txt")" = "$victim" ]'
check "no temporary file is left after the link checks" '[ "$(temporaries)" -eq 0 ]'

# --- A lock held by another process: wait, then succeed. ------------------------------------------
cp "$REPO/tests/bad-input/valid.json" "$tmp/locked.json"
flock "$tmp/locked.json.lock" sh -c ': >"$1/held"; sleep 3; : >"$1/released"' sh "$tmp" &
holder=$!
for _ in $(seq 600); do [ -e "$tmp/held" ] && break; sleep 0.05; done
csv_row W1 "$tmp/w1.csv"
IADESK_LOCK_TIMEOUT=3600 "$IADESK" import employees "$tmp/w1.csv" --into "$tmp/locked.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "the import behind a held lock succeeds" '[ $rc -eq 0 ] && grep -q "\"W1\"" "$tmp/locked.json"'
check "it finished only after the other process let go" '[ -e "$tmp/released" ]'
check "it said that it waits" 'grep -q "venter" "$tmp/err"'
wait "$holder"

# --- ... or give up after IADESK_LOCK_TIMEOUT: exit 3, nothing written. ---------------------------
exec 9>>"$tmp/locked.json.lock"
flock 9
before=$(sum "$tmp/locked.json")
csv_row W2 "$tmp/w2.csv"
IADESK_LOCK_TIMEOUT=0.3 "$IADESK" import employees "$tmp/w2.csv" --into "$tmp/locked.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a lock held past IADESK_LOCK_TIMEOUT exits 3 (got $rc)" '[ $rc -eq 3 ]'
check "the message names the file and says it is in use" 'grep -q "«$tmp/locked.json» er i bruk" "$tmp/err"'
check "the dataset is unchanged after the timeout" '[ "$(sum "$tmp/locked.json")" = "$before" ]'
IADESK_LOCK_TIMEOUT=0 "$IADESK" generate --employees 3 --today 2026-11-24 --out "$tmp/locked.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "generate --out waits for the same lock (exit 3 with timeout 0)" '[ $rc -eq 3 ] && [ "$(sum "$tmp/locked.json")" = "$before" ]'
IADESK_LOCK_TIMEOUT=soon "$IADESK" import employees "$tmp/w2.csv" --into "$tmp/locked.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a malformed IADESK_LOCK_TIMEOUT exits 2 and is named" '[ $rc -eq 2 ] && grep -q "IADESK_LOCK_TIMEOUT" "$tmp/err"'
exec 9>&-
IADESK_LOCK_TIMEOUT=0 "$IADESK" import employees "$tmp/w2.csv" --into "$tmp/locked.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "once the lock is free the import succeeds" '[ $rc -eq 0 ] && grep -q "\"W2\"" "$tmp/locked.json"'

# --- A failing write leaves the target as it was. -------------------------------------------------
before=$(sum "$tmp/locked.json")
(trap '' XFSZ; ulimit -f 1; exec "$IADESK" generate --employees 50 --today 2026-11-24 --out "$tmp/locked.json") >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a write over the file size limit exits 2 with a message" '[ $rc -eq 2 ] && grep -q "kan ikke skrive" "$tmp/err"'
check "the target is unchanged after the failed write" '[ "$(sum "$tmp/locked.json")" = "$before" ]'
check "no temporary file is left after the failed write" '[ "$(temporaries)" -eq 0 ]'

summary
