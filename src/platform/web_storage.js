// web_storage.js: the browser's lasting copy of /data in IndexedDB (autosave never holds
// a frame > 50 ms; nothing is lost, a full quota is reported). Linked with --pre-js (the
// platform calls it through Module.iadeskDisk, from web_library.js).
//
// Contract
// - /data is Emscripten's in-memory file system (MEMFS); the C++ side reads and writes it with
//   plain file calls (SnapshotStore over DirectoryStore). IndexedDB database "iadesk" holds a copy:
//   store "files" (name -> {name, size, version, parts, mtime}) and store "parts"
//   ([name, version, i] -> the i-th piece of PART_BYTES of that version of the file).
// - Each record keeps the file's modification time (ms, as MEMFS had it when it was copied), and
//   restore() gives the file in /data that time again, so that the app can tell when a snapshot
//   was saved (ByteStore::modified_unix). Records of earlier versions have none: the file then
//   has the time of the restore.
// - restore() reads every stored file into /data before the app starts. A file counts only once
//   its "files" record exists, and that record is written after all its parts, in the same
//   transaction that deletes the parts of its previous version: a write cut off halfway leaves
//   the previous copy. In the tab that holds the data, parts of no recorded version (such a
//   cut-off write) are deleted, and so are records whose parts are missing (damage from outside).
// - persist() copies to IndexedDB what changed in /data since the last copy (by size and mtime),
//   one part per transaction and per animation frame, so that no task copies more than PART_BYTES
//   (one 57 MB put held the page ~100-135 ms; a 2 MB part ~3 ms), and deletes what /data no
//   longer has. Files ending
//   ".tmp" (a save under way) are skipped. Calls made while a copy runs are folded into it. It
//   resolves to null, or to the error that stopped it (QuotaExceededError when the storage is
//   full: an aborted transaction, reported rather than waited on forever).
// - Before this module, /data was Emscripten's IDBFS (database "/data"). While such a database
//   exists, restore() also reads its files (those the new storage has no file of that name for;
//   snapshots are numbered, so the newest is opened), and the first complete persist() deletes it.
//   A failure to read it is logged and tried again at the next start.
Module.iadeskDisk = (() => {
  const DB_NAME = 'iadesk';
  const FILES = 'files';
  const PARTS = 'parts';
  const PART_BYTES = 2 * 1024 * 1024;
  const DIR = '/data';
  const LEGACY_DB = '/data';

  let db = null;
  const known = new Map(); // name -> {size, mtime, version}: what IndexedDB holds, as /data had it
  let nextVersion = 1;
  let running = null;      // the promise of the copy under way
  let again = false;       // persist() was called while it ran
  let legacyToDelete = false;

  const request = (r) => new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const finished = (tx) => new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error || new Error('IndexedDB transaction aborted'));
  });
  // One part per animation frame: parts written back to back made the browser miss frames (gaps of
  // 67-83 ms between frames at 50 000 employees, though no task took 50 ms). A hidden page gets no
  // animation frames, so the wait is at most 100 ms.
  const nextFrame = () => new Promise((resolve) => {
    requestAnimationFrame(() => resolve());
    setTimeout(resolve, 100);
  });
  const versionRange = (name, version) => IDBKeyRange.bound([name, version, 0], [name, version, Infinity]);

  const openDb = () => new Promise((resolve, reject) => {
    if (!window.indexedDB) { reject(new Error('IndexedDB is not available')); return; }
    const r = indexedDB.open(DB_NAME, 1);
    r.onupgradeneeded = () => {
      r.result.createObjectStore(FILES);
      r.result.createObjectStore(PARTS);
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

  // The files of /data now: name -> {size, mtime, contents} (contents: MEMFS's own array, held so
  // that a file removed or replaced while the copy runs is still copied as it was).
  const localFiles = () => {
    const out = new Map();
    for (const name of FS.readdir(DIR)) {
      if (name === '.' || name === '..' || name.endsWith('.tmp')) continue;
      const node = FS.lookupPath(DIR + '/' + name).node;
      if (!FS.isFile(node.mode)) continue;
      const size = node.usedBytes || 0;
      out.set(name, { size, mtime: node.timestamp, contents: node.contents || new Uint8Array(0) });
    }
    return out;
  };

  const remember = (name, size, version) => {
    known.set(name, { size, mtime: FS.lookupPath(DIR + '/' + name).node.timestamp, version });
    nextVersion = Math.max(nextVersion, version + 1);
  };

  // Emscripten IDBFS's database of earlier versions, read into /data (once).
  async function readLegacy() {
    if (indexedDB.databases) {
      const dbs = await indexedDB.databases();
      if (!dbs.some((d) => d.name === LEGACY_DB)) return 0;
    }
    const old = await request(indexedDB.open(LEGACY_DB));
    if (!old.objectStoreNames.contains('FILE_DATA')) {
      old.close();
      indexedDB.deleteDatabase(LEGACY_DB);
      return 0;
    }
    const store = old.transaction(['FILE_DATA'], 'readonly').objectStore('FILE_DATA');
    const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
    old.close();
    let n = 0;
    keys.forEach((key, i) => {
      const v = values[i];
      if (typeof key !== 'string' || !key.startsWith(DIR + '/') || !v || !v.contents || !FS.isFile(v.mode)) return;
      if (known.has(key.slice(DIR.length + 1))) return; // the new storage's file of that name wins
      FS.writeFile(key, new Uint8Array(v.contents));
      n++;
    });
    legacyToDelete = true;
    return n;
  }

  // `writable`: this tab holds the data lock (web_library.js, js_start_storage). Only such a tab cleans up, migrates or
  // writes: a read-only second tab must not delete the parts of a copy the first tab is making.
  async function restore(writable) {
    db = await openDb();
    const tx = db.transaction([FILES, PARTS], 'readonly');
    const files = await request(tx.objectStore(FILES).getAll());
    const pieces = await Promise.all(files.map((f) => request(tx.objectStore(PARTS).getAll(versionRange(f.name, f.version)))));
    const partKeys = await request(tx.objectStore(PARTS).getAllKeys());
    const broken = [];
    files.forEach((f, k) => {
      const parts = pieces[k];
      const bytes = new Uint8Array(f.size);
      let at = 0;
      for (const p of parts) {
        if (at + p.length > f.size) { at = -1; break; }
        bytes.set(p, at);
        at += p.length;
      }
      if (parts.length !== f.parts || at !== f.size) { // damaged from outside: records follow their parts
        console.warn('iadesk: ' + f.name + ' in IndexedDB is incomplete (' + parts.length + '/' + f.parts + ' parts); left out');
        broken.push(f.name);
        return;
      }
      FS.writeFile(DIR + '/' + f.name, bytes, { canOwn: true });
      if (typeof f.mtime === 'number') FS.utime(DIR + '/' + f.name, f.mtime, f.mtime);
      remember(f.name, f.size, f.version);
    });
    if (!writable) return;
    const orphans = partKeys.filter(([name, version]) => !known.has(name) || known.get(name).version !== version);
    if (orphans.length || broken.length) {
      const clean = db.transaction([FILES, PARTS], 'readwrite');
      for (const key of orphans) clean.objectStore(PARTS).delete(key);
      for (const name of broken) clean.objectStore(FILES).delete(name);
      await finished(clean);
    }
    let n = 0;
    try {
      n = await readLegacy();
    } catch (err) { // kept for the next start; the app opens what the new storage has
      console.warn('iadesk: the storage of an earlier version could not be read: ' + err);
    }
    if (n) {
      console.log('iadesk: ' + n + ' files read from the storage of an earlier version');
      persist(); // copied to the new storage at once; the old database goes once that is complete
    }
  }

  async function copyOnce() {
    const local = localFiles();
    const changed = [...local].filter(([name, f]) => {
      const k = known.get(name);
      return !k || k.size !== f.size || k.mtime !== f.mtime;
    });
    const removed = [...known.keys()].filter((name) => !local.has(name));
    const written = [];
    try {
      for (const entry of changed) { // (no destructuring in for-of: Emscripten 3.1.6's minifier drops it)
        const name = entry[0];
        const f = entry[1];
        const version = nextVersion++;
        const parts = Math.max(1, Math.ceil(f.size / PART_BYTES));
        written.push({ name, size: f.size, mtime: f.mtime, version, parts });
        for (let i = 0; i < parts; i++) {
          if (parts > 1) await nextFrame();
          const tx = db.transaction([PARTS], 'readwrite');
          tx.objectStore(PARTS).put(f.contents.slice(i * PART_BYTES, Math.min(f.size, (i + 1) * PART_BYTES)), [name, version, i]);
          await finished(tx);
        }
      }
      if (!written.length && !removed.length) return;
      const tx = db.transaction([FILES, PARTS], 'readwrite');
      for (const w of written) {
        tx.objectStore(FILES).put({ name: w.name, size: w.size, version: w.version, parts: w.parts, mtime: w.mtime }, w.name);
        const old = known.get(w.name);
        if (old) tx.objectStore(PARTS).delete(versionRange(w.name, old.version));
      }
      for (const name of removed) {
        tx.objectStore(FILES).delete(name);
        tx.objectStore(PARTS).delete(versionRange(name, known.get(name).version));
      }
      await finished(tx);
    } catch (err) {
      // The parts written for nothing (no record points to them) go, if the browser lets us.
      try {
        const clean = db.transaction([PARTS], 'readwrite');
        for (const w of written) clean.objectStore(PARTS).delete(versionRange(w.name, w.version));
      } catch (ignored) { /* the next start deletes them */ }
      throw err;
    }
    for (const w of written) known.set(w.name, { size: w.size, mtime: w.mtime, version: w.version });
    for (const name of removed) known.delete(name);
  }

  function persist() {
    if (running) { again = true; return running; }
    Module.iadeskSyncing = true;
    running = (async () => {
      try {
        if (!db) throw new Error('IndexedDB is not available');
        do { again = false; await copyOnce(); } while (again);
        if (legacyToDelete) { legacyToDelete = false; indexedDB.deleteDatabase(LEGACY_DB); }
        return null;
      } catch (err) {
        return err || new Error('IndexedDB write failed');
      } finally {
        running = null;
        again = false;
        Module.iadeskSyncing = false;
      }
    })();
    return running;
  }

  // What IndexedDB holds now, for the browser tests: [{name, size, text}] of the recorded files.
  async function stored() {
    const tx = db.transaction([FILES, PARTS], 'readonly');
    const files = await request(tx.objectStore(FILES).getAll());
    const pieces = await Promise.all(files.map((f) => request(tx.objectStore(PARTS).getAll(versionRange(f.name, f.version)))));
    return files.map((f, k) => {
      const decoder = new TextDecoder();
      const text = pieces[k].map((p) => decoder.decode(p, { stream: true })).join('') + decoder.decode();
      return { name: f.name, size: f.size, text };
    });
  }

  // ByteStore::reserve for /data (web_services.cpp, WebStore): the file's MEMFS array made `bytes` long at once, so
  // that appends do not regrow it (MEMFS grows a file by 12.5 % at a time, copying it each time:
  // ~20 copies of up to 57 MB during one autosave of 50 000 employees).
  function reserve(path, bytes) {
    try {
      const node = FS.lookupPath(path).node;
      if (!FS.isFile(node.mode) || (node.contents && node.contents.length >= bytes)) return;
      const contents = new Uint8Array(bytes);
      if (node.contents && node.usedBytes) contents.set(node.contents.subarray(0, node.usedBytes));
      node.contents = contents;
    } catch (err) { /* a hint only */ }
  }

  // The snapshots in /data, oldest first (snapshots.hpp names them snapshot-<12 digits>.json).
  const isSnapshotName = (n) => typeof n === 'string' && /^snapshot-[0-9]+[.]json$/.test(n);
  const snapshotNames = () => FS.readdir(DIR).filter(isSnapshotName).sort();

  // On page hide the copy that persist() starts does not finish before the page is torn down (a
  // reload right after typing lost the last edits, and so did a direct IndexedDB put), so the
  // newest snapshot is also kept in localStorage, which writes synchronously; the next start
  // takes it back (takeBackKept). A snapshot too big for localStorage's few megabytes is not kept
  // there: for such a register an edit in the last second before the page goes can be lost
  // (docs/reliability.md).
  const KEPT = 'iadesk-unsynced-snapshot';
  function keepNewest() {
    try {
      const names = snapshotNames();
      if (!names.length) return;
      const name = names[names.length - 1];
      const mtime = FS.lookupPath(DIR + '/' + name).node.timestamp;
      localStorage.setItem(KEPT, JSON.stringify({ name, mtime, text: FS.readFile(DIR + '/' + name, { encoding: 'utf8' }) }));
    } catch (err) {
      console.warn('iadesk: keeping the last snapshot on page hide failed: ' + err);
    }
  }

  // At start, after restore(), in the tab that holds the data: a kept snapshot newer than every
  // stored one goes back into /data and IndexedDB; an older or already stored one is dropped.
  async function takeBackKept() {
    let kept = null;
    try { kept = JSON.parse(localStorage.getItem(KEPT) || 'null'); } catch (err) { /* not ours: dropped */ }
    const names = snapshotNames();
    const newer = kept && isSnapshotName(kept.name) && typeof kept.text === 'string' &&
                  (!names.length || kept.name > names[names.length - 1]);
    if (!newer) {
      if (kept !== null) localStorage.removeItem(KEPT);
      return;
    }
    FS.writeFile(DIR + '/' + kept.name, kept.text);
    if (typeof kept.mtime === 'number') FS.utime(DIR + '/' + kept.name, kept.mtime, kept.mtime);
    console.log('iadesk: restored ' + kept.name + ' kept at the last page hide');
    if (!(await persist())) localStorage.removeItem(KEPT);
  }

  return { restore, persist, stored, snapshotNames, keepNewest, takeBackKept, reserve };
})();
