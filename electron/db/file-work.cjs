// Work that reads a whole database file: seconds on ten years of data, so it runs on a worker thread
// (electron/db/worker.ts), and on the main thread only when no worker can run. Plain JavaScript, because a
// worker loads a file as it is, from the sources under test and from the built app alike.
'use strict';
const fs = require('node:fs');
const { isMainThread, parentPort, workerData } = require('node:worker_threads');

/** `PRAGMA quick_check` on a read-only connection: 'ok', or the first problem SQLite reports. */
function quickCheck(Database, file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return String(db.pragma('quick_check', { simple: true }));
  } finally {
    db.close();
  }
}

/**
 * Whether a file may replace the station's database: it opens, passes `PRAGMA integrity_check`, is StationDesk's,
 * and is not from a newer version than `latest`. Answers a BackupCheck (electron/db/check.ts).
 */
function checkBackup(Database, file, latest) {
  const fail = (problem, schema = null) => ({ ok: false, problem, schema, madeAt: null, stationName: null });
  let db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const schema = db.pragma('user_version', { simple: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return fail('corrupt', schema);
    if (schema > latest) return fail('future', schema);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    if (!['users', 'audit_log', 'settings'].every((t) => tables.includes(t))) return fail('not_stationdesk', schema);
    const madeAt = db.prepare('SELECT max(at) FROM audit_log').pluck().get() ?? fs.statSync(file).mtimeMs;
    const name = db.prepare("SELECT value FROM settings WHERE key = 'stationName'").pluck().get();
    return { ok: true, problem: null, schema, madeAt: Math.round(madeAt), stationName: name ? JSON.parse(name) : null };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return fail(/not a database|malformed|corrupt/i.test(msg) ? 'corrupt' : 'unreadable');
  } finally {
    if (db) db.close();
  }
}

/**
 * A backup of `source` into `dest` through SQLite's online backup API, from a read-only connection of its own and
 * in one step: one read transaction, so the copy is the database as it stood when the step began, whatever the
 * main process writes meanwhile (WAL lets both go on). Resolves with the pages copied.
 */
async function backupTo(Database, source, dest) {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // The first step sizes the job; the second copies every page at once.
    const done = await db.backup(dest, { progress: () => 0x7fffffff });
    asOneFile(Database, dest);
    return done.totalPages;
  } finally {
    db.close();
  }
}

/**
 * A copy of a WAL database is itself in WAL mode: every read-only look at it (a check) would leave -wal and -shm
 * files beside it. A backup is one file, in rollback-journal mode, until it is restored.
 */
function asOneFile(Database, file) {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * The rows of one read-only query over the whole file (a feature's start-up consistency check, e.g. the stock
 * balances against their movements), in one read transaction: a consistent snapshot beside the main process's writes.
 */
function query(Database, file, sql) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/**
 * Copies the WAL's committed pages into the database file (`PRAGMA wal_checkpoint(PASSIVE)`), from a connection of
 * its own, so the desk's commits never wait for it (electron/db/checkpoint.ts). PASSIVE never waits: it copies what
 * no reader still needs and leaves the rest for the next run. Answers SQLite's three numbers: whether it was blocked,
 * the frames in the WAL, and the frames now in the database file.
 */
function checkpoint(Database, file) {
  const db = new Database(file, { fileMustExist: true });
  try {
    // The copy is durable before SQLite lets a writer start the WAL over.
    db.pragma('synchronous = FULL');
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    return { busy: row.busy, log: row.log, checkpointed: row.checkpointed };
  } finally {
    db.close();
  }
}

const tasks = { quickCheck, checkBackup, backupTo, asOneFile, query, checkpoint };
module.exports = tasks;

if (!isMainThread && workerData && workerData.task === 'serve') {
  // A standing worker (electron/db/worker.ts, StandingWorker): one task per message, answered in turn, for work
  // asked for every second or so, which would otherwise start a thread and load the driver each time.
  const Database = require(workerData.driver);
  parentPort.on('message', ({ id, task, args }) => {
    Promise.resolve()
      .then(() => tasks[task](Database, ...args))
      .then(
        (value) => parentPort.postMessage({ id, value }),
        (e) => parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) }),
      );
  });
} else if (!isMainThread && workerData && workerData.task in tasks) {
  // The driver's path comes from the main process, which resolved it (a bare require here would resolve from
  // wherever the worker file lies).
  const Database = require(workerData.driver);
  Promise.resolve()
    .then(() => tasks[workerData.task](Database, ...workerData.args))
    .then(
      (value) => parentPort.postMessage({ value }),
      (e) => parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) }),
    );
}
