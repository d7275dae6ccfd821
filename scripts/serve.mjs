// The local static server of the built site: `node scripts/serve.mjs DIR [PORT]` serves DIR on
// 127.0.0.1 and prints its address (PORT 0: a free port). Also a module: serve(root, port) gives
// { url, stats, close } (stats: bytes sent, and per file name the bytes of its last response).
//
// Contract (docs/reliability.md, "The local server"; tests/cli/serve.sh):
// - Only files inside DIR are served, judged by the file's real path (symbolic links resolved):
//   the request path is decoded exactly once; malformed percent-encoding or UTF-8, a NUL byte, a
//   backslash (raw or %5C) or a request target not starting with "/" get 400; anything that
//   resolves outside DIR gets 403; a missing file or a directory 404; "/" and "dir/" serve
//   index.html. Only GET and HEAD (405 otherwise).
// - The request handler never throws: an unexpected error is a 500 for that request, never the
//   end of the server. Requests the HTTP parser cannot read get 400 from the parser.
// - As a production server would serve the app: text and wasm gzip-compressed (level 9,
//   compressed once per file version: the site's top-level files before the first request, ~50 ms
//   for app.wasm that no measured start should wait for) when the browser accepts gzip;
//   Cache-Control: no-store (every reload takes the newest build); Vary: Accept-Encoding.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.data': 'application/octet-stream', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png' };
const COMPRESSED = new Set(['.html', '.js', '.wasm', '.svg', '.json', '.webmanifest']);

// The file a request target names under `root` (a real path), or { status } when it must be
// refused. Purely textual: symbolic links are checked after this by the real path.
export function resolveTarget(root, target) {
  if (typeof target !== 'string' || !target.startsWith('/')) return { status: 400 };
  const rawPath = target.split(/[?#]/, 1)[0];
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath); // once: "%252e" stays the name "%2e"
  } catch {
    return { status: 400 }; // "%E0%A4%A", "%zz", an overlong or lone UTF-8 sequence
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  const file = path.resolve(root, '.' + decoded);
  if (!inside(root, file)) return { status: 403 };
  return { file: decoded.endsWith('/') ? path.join(file, 'index.html') : file };
}

const inside = (root, file) => file === root || file.startsWith(root + path.sep);

export async function serve(root, port = 0) {
  const stats = { bytes: 0, files: {} };
  // The real path of the site: what every served file's real path must lie under.
  let realRoot = path.resolve(root);
  try { realRoot = fs.realpathSync(realRoot); } catch { /* a missing site serves 404s */ }

  const gzipped = new Map(); // real path -> { mtimeMs, size, body }
  const compressed = (file, st, raw) => {
    let hit = gzipped.get(file);
    if (!hit || hit.mtimeMs !== st.mtimeMs || hit.size !== raw.length) {
      hit = { mtimeMs: st.mtimeMs, size: raw.length, body: zlib.gzipSync(raw, { level: 9 }) };
      gzipped.set(file, hit);
    }
    return hit.body;
  };
  for (const name of fs.existsSync(realRoot) ? fs.readdirSync(realRoot) : []) {
    const file = path.join(realRoot, name);
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (st && st.isFile() && COMPRESSED.has(path.extname(file))) compressed(file, st, fs.readFileSync(file));
  }

  const finish = (res, status, headers = {}, body = '') => {
    if (res.headersSent) { res.destroy(); return; }
    res.writeHead(status, { 'Content-Length': Buffer.byteLength(body), ...headers });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  };
  const refuse = (res, status) => finish(res, status, { 'Content-Type': 'text/plain; charset=utf-8' },
    `${status} ${http.STATUS_CODES[status]}\n`);

  async function answer(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      finish(res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, '405 Method Not Allowed\n');
      return;
    }
    const target = resolveTarget(realRoot, req.url);
    if (target.status) { refuse(res, target.status); return; }
    let real;
    try {
      real = await fs.promises.realpath(target.file);
    } catch {
      refuse(res, 404);
      return;
    }
    if (!inside(realRoot, real)) { refuse(res, 403); return; } // a link out of the site
    let st, raw;
    try {
      st = await fs.promises.stat(real);
      if (!st.isFile()) { refuse(res, 404); return; }
      raw = await fs.promises.readFile(real);
    } catch {
      refuse(res, 404);
      return;
    }
    const ext = path.extname(real);
    const headers = { 'Content-Type': MIME[ext] || 'application/octet-stream',
                      'Cache-Control': 'no-store', 'Vary': 'Accept-Encoding' };
    let body = raw;
    if (COMPRESSED.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      body = compressed(real, st, raw);
      headers['Content-Encoding'] = 'gzip';
    }
    finish(res, 200, headers, body);
    if (req.method === 'GET') {
      stats.bytes += body.length;
      stats.files[path.basename(real)] = body.length;
    }
  }

  const server = http.createServer((req, res) => {
    answer(req, res).catch((e) => {
      console.error(`serve: ${req.method} ${JSON.stringify(req.url)}: ${e && e.stack || e}`);
      try { refuse(res, 500); } catch { res.destroy(); }
    });
  });
  // What the HTTP parser rejects (a raw NUL or space in the target, a broken header) gets 400 and
  // the connection is closed; a socket that is already gone is only closed.
  server.on('clientError', (err, socket) => {
    if (socket.writable && !socket.destroyed) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, stats, close: () => new Promise((r) => server.close(r)) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(process.argv[2] || 'build/web/site');
  const port = Number(process.argv[3] ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: ugyldig port «${process.argv[3]}» (et heltall 0–65535) / invalid port`);
    process.exit(2);
  }
  if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`serve: fant ikke mappen «${root}» (bygg først: bash scripts/build.sh web) / no such folder`);
    process.exit(2);
  }
  try {
    const server = await serve(root, port);
    console.log(`iadesk kjører på ${server.url}  (Ctrl+C avslutter)`);
  } catch (e) {
    console.error(`serve: kan ikke lytte på 127.0.0.1:${port}: ${e.message} / cannot listen`);
    process.exit(2);
  }
}
