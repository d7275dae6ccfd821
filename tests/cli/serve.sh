#!/usr/bin/env bash
# The local static server (scripts/serve.mjs, used by scripts/serve.sh): started on a free port
# against a temporary site with secret files beside it (a sibling file, a sibling folder whose name
# starts with the site's, links out of the site), it gets raw requests (node's net module: no
# client tidies "..") with every encoding of a way out: none returns a secret; malformed
# percent-encoding, NUL bytes and backslashes get 400; after all of them the server still runs and
# still serves the site's files (gzip and caching headers as before).
# Usage: bash serve.sh /path/to/iadesk /path/to/repo   (the first argument is not used)
source "$(dirname "$0")/lib.sh" "$@"
server=
at_exit '[ -n "$server" ] && kill "$server" 2>/dev/null'
command -v node >/dev/null || { fail_now "node is missing (scripts/setup.sh installs it)"; summary; }

site=$tmp/site
mkdir -p "$site/sub" "$tmp/site-secret"
echo '<!doctype html><title>iadesk</title><p>forsiden</p>' >"$site/index.html"
echo '<p>undermappen</p>' >"$site/sub/index.html"
printf 'console.log("app");\n%.0s' $(seq 50) >"$site/app.js"
echo 'HEMMELIG-beside' >"$tmp/secret.txt"
echo 'HEMMELIG-sibling' >"$tmp/site-secret/secret.txt"
ln -s ../secret.txt "$site/link-out"
ln -s .. "$site/up"

node "$REPO/scripts/serve.mjs" "$site" 0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
server=$!
url=
for _ in $(seq 600); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$tmp/serve.out" 2>/dev/null | head -1)
    [ -n "$url" ] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.05
done
check "the server starts and prints its address" '[ -n "$url" ]'
[ -n "$url" ] || { cat "$tmp/serve.err"; summary; }

cat >"$tmp/client.mjs" <<'EOF'
// Sends each request target raw on its own connection and checks the answer.
import net from 'node:net';
import zlib from 'node:zlib';
const [url, dir] = process.argv.slice(2);
const port = Number(new URL(url).port);
let failed = 0;
const fail = (what) => { console.log(`FAIL: ${what}`); failed++; };

// One request, raw bytes in, { status, headers, body } out (status 0: no answer).
function request(target, { method = 'GET', headers = '' } = {}) {
  return new Promise((resolve) => {
    const chunks = [];
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(Buffer.concat([Buffer.from(`${method} `), Buffer.from(target, 'latin1'),
        Buffer.from(` HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers}\r\n`)]));
    });
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => {});
    socket.on('close', () => {
      const raw = Buffer.concat(chunks);
      const end = raw.indexOf('\r\n\r\n');
      const head = raw.subarray(0, end < 0 ? raw.length : end).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      const hs = {};
      for (const line of head.split('\r\n').slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) hs[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: m ? Number(m[1]) : 0, headers: hs, body: end < 0 ? Buffer.alloc(0) : raw.subarray(end + 4) });
    });
  });
}

const ways_out = [
  '/../secret.txt', '/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E/secret.txt', '/.%2e/secret.txt',
  '/..%2fsecret.txt', '/..%2Fsecret.txt', '/%2e%2e%2fsecret.txt', '/sub/..%2f..%2fsecret.txt',
  '/..%5csecret.txt', '/%5c..%5csecret.txt', '/..\\secret.txt', '/%252e%252e/secret.txt',
  '/../site-secret/secret.txt', '/..%2fsite-secret/secret.txt', '/%2e%2e/site-secret/secret.txt',
  '/link-out', '/up/secret.txt', '/up/site-secret/secret.txt', '/%2e%2e/%2e%2e' + dir + '/secret.txt',
  '/' + dir + '/secret.txt', '/%2f' + dir.slice(1) + '/secret.txt', '//' + dir + '/secret.txt',
  'http://127.0.0.1/../secret.txt', '/..%00/secret.txt', '/index.html%00', '/..%c0%af..%c0%afsecret.txt',
  '/..%u2216secret.txt', '*',
];
for (const target of ways_out) {
  const r = await request(target);
  if (r.body.includes('HEMMELIG')) fail(`${target}: a secret file was served`);
  else if (![400, 403, 404].includes(r.status)) fail(`${target}: status ${r.status}, expected 400, 403 or 404`);
}
const malformed = ['/%E0%A4%A', '/%zz', '/%', '/%C0%AE%C0%AE/secret.txt', '/%ff', '/x%', '/index.html%00',
                   '/%5c', '/a\\b'];
for (const target of malformed) {
  const r = await request(target);
  if (r.status !== 400) fail(`${target}: status ${r.status}, expected 400`);
}
// A raw NUL byte in the request line: the HTTP parser's 400 (or a closed connection), no crash.
const nul = await request('/index.html\0');
if (nul.status !== 400 && nul.status !== 0) fail(`raw NUL: status ${nul.status}`);

// Still up, and the site is served as before.
const home = await request('/');
if (home.status !== 200 || !home.body.includes('forsiden')) fail(`/ after the bad requests: status ${home.status}`);
if (home.headers['cache-control'] !== 'no-store') fail(`/: Cache-Control ${home.headers['cache-control']}`);
const sub = await request('/sub/');
if (sub.status !== 200 || !sub.body.includes('undermappen')) fail(`/sub/: status ${sub.status}`);
const inner = await request('/sub/../index.html?v=1');
if (inner.status !== 200 || !inner.body.includes('forsiden')) fail(`/sub/../index.html?v=1: status ${inner.status}`);
const gz = await request('/app.js', { headers: 'Accept-Encoding: gzip, deflate\r\n' });
if (gz.status !== 200 || gz.headers['content-encoding'] !== 'gzip' || !zlib.gunzipSync(gz.body).toString().startsWith('console.log'))
  fail(`/app.js with gzip: status ${gz.status}, encoding ${gz.headers['content-encoding']}`);
if (gz.headers['content-type'] !== 'text/javascript') fail(`/app.js: Content-Type ${gz.headers['content-type']}`);
const plain = await request('/app.js');
if (plain.status !== 200 || plain.headers['content-encoding'] || !plain.body.toString().startsWith('console.log'))
  fail(`/app.js without gzip: status ${plain.status}`);
const head = await request('/', { method: 'HEAD' });
if (head.status !== 200 || head.body.length !== 0) fail(`HEAD /: status ${head.status}, ${head.body.length} body bytes`);
const missing = await request('/finnes-ikke.html');
if (missing.status !== 404) fail(`/finnes-ikke.html: status ${missing.status}`);
const dirNoSlash = await request('/sub');
if (dirNoSlash.status !== 404) fail(`/sub: status ${dirNoSlash.status}`);
console.log(`${ways_out.length} ways out, ${malformed.length} malformed targets tried`);
process.exit(failed ? 1 : 0);
EOF
node "$tmp/client.mjs" "$url" "$tmp" >"$tmp/client.out" 2>&1; rc=$?
check "no way out of the site, 400 for malformed targets, the site still served" '[ $rc -eq 0 ]'
[ $rc -eq 0 ] || cat "$tmp/client.out"
check "the server is still running after every request" 'kill -0 "$server" 2>/dev/null'
check "the server logged no error" '[ ! -s "$tmp/serve.err" ]'
[ -s "$tmp/serve.err" ] && head -20 "$tmp/serve.err"

summary
