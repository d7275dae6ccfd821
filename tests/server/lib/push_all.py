"""Pushes N commands in T threads through sync_client and writes what each key got:
    push_all.py PORT_FILE EMAIL PASSWORD N THREADS OUT.json
Each thread pushes its share in order and retries through faults (sync_client.Client.push). OUT holds
{"results": {key: [status, seq, duplicate]}, "retries": total}. Exits 1 if a command had no final
answer before 120 s."""
import json
import sys
import threading
import time

sys.path.insert(0, __import__("os").path.dirname(__file__))
from sync_client import Client, absence_commands  # noqa: E402

port_file, email, password, n, threads, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
base = lambda: "http://127.0.0.1:%s" % open(port_file).read().strip()
deadline = time.monotonic() + 120
results, retries, failed = {}, [0], []
lock = threading.Lock()


def worker(t):
    try:
        client = Client(base, email, password, deadline)
        for cmd in absence_commands("fault%d" % t, n // threads, offset=t * (n // threads)):
            status, body = client.push(cmd)
            with lock:
                results[cmd["key"]] = [status, body.get("seq"), body.get("duplicate")]
        with lock:
            retries[0] += client.retries
    except Exception as e:  # a thread that gives up is reported, not hidden
        with lock:
            failed.append(repr(e))


workers = [threading.Thread(target=worker, args=(t,)) for t in range(threads)]
for w in workers:
    w.start()
for w in workers:
    w.join()
json.dump({"results": results, "retries": retries[0], "failed": failed}, open(out, "w"))
sys.exit(1 if failed else 0)
