import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The worker's whole program: its own read-only connection, one `PRAGMA quick_check`, the answer posted back.
 * Inline (eval) so that the same code runs from the TypeScript sources under test and from the built app; the
 * driver's path comes from the main process, which resolved it (a worker's bare `require` would resolve from the
 * working directory).
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
try {
  db.pragma('busy_timeout = 5000');
  parentPort.postMessage(String(db.pragma('quick_check', { simple: true })));
} finally {
  db.close();
}`;

const driver = (): string => createRequire(__filename).resolve('better-sqlite3');

/**
 * `PRAGMA quick_check` of `file` on a worker thread, so the main process keeps answering the desk while SQLite
 * reads the whole file. Resolves with SQLite's answer ('ok', or the first problem found). Rejects only when the
 * worker itself cannot run (the caller then checks on the main thread: never skip the check).
 *
 * The worker reads a snapshot (WAL lets it read beside the main connection's writes).
 */
export function checkInBackground(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer: string | undefined;
    const worker = new Worker(PROGRAM, { eval: true, workerData: { file, driver: driver() } });
    worker.on('message', (m: string) => (answer = m));
    worker.on('error', reject);
    worker.on('exit', (code) => (answer !== undefined ? resolve(answer) : reject(new Error(`quick_check worker exited with ${code}`))));
  });
}
