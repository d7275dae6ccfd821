#!/usr/bin/env bash
# Text from the data never acts on a terminal (src/cli/terminal_output.hpp): a name with an escape
# sequence, a bell, a lone carriage return and a C1 control is shown with "?" in their place when
# the output is a terminal (run under `script`, which gives the program a pseudo-terminal), and is
# written byte for byte when the output is a file (the JSON stays exact).
# Usage: bash terminal.sh /path/to/iadesk /path/to/repo
source "$(dirname "$0")/lib.sh" "$@"
command -v script >/dev/null || fail_now "script (util-linux) is needed for a pseudo-terminal"

python3 - "$REPO/examples/fjordvik-small.json" "$tmp/ds.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["employees"][0]["name"] = "Kari\u001b[2J\u001b]0;hacked\u0007 Nord\rX\u009b31m"
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY

# On a terminal: no control byte reaches it.
script -qec "\"$IADESK\" cases \"$tmp/ds.json\" --today 2026-11-24" /dev/null >"$tmp/tty.txt" 2>&1; rc=$?
check "cases on a terminal exits 0" '[ $rc -eq 0 ]'
check "no escape, bell or C1 byte reaches the terminal" '! LC_ALL=C grep -q "$(printf "\033\|\007\|\302\233")" "$tmp/tty.txt"'
check "the name is shown with ? in their place" 'grep -q "Kari?\[2J?\]0;hacked? NordX?31m" "$tmp/tty.txt"'

# To a file: exact bytes (a file is data, not a screen: the name is written as stored).
run_to "$tmp/cases.txt" cases "$tmp/ds.json" --today 2026-11-24
check "cases to a file exits 0" '[ $rc -eq 0 ]'
check "the file keeps the escape, bell and C1 bytes of the name" 'LC_ALL=C grep -q "$(printf "Kari\033\\[2J")" "$tmp/cases.txt" && LC_ALL=C grep -q "$(printf "\007 Nord\rX\302\23331m")" "$tmp/cases.txt"'
summary
