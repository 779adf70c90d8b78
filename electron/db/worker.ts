import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BackupProblem } from '../../shared/contract/backup';

/** What a check of a backup file found. */
export interface BackupCheck {
  ok: boolean;
  problem: BackupProblem | null;
  schema: number | null;
  /** When the file was made, from the newest audit row in it (falls back to the file time). */
  madeAt: number | null;
  stationName: string | null;
}

/** electron/db/file-work.cjs: work that reads a whole database file, loadable by a worker and by this thread alike. */
export interface FileWork {
  quickCheck(driver: typeof Database, file: string): string;
  checkBackup(driver: typeof Database, file: string, latest: number): BackupCheck;
  backupTo(driver: typeof Database, source: string, dest: string): Promise<number>;
  asOneFile(driver: typeof Database, file: string): void;
  query(driver: typeof Database, file: string, sql: string): unknown[];
  checkpoint(driver: typeof Database, file: string): { busy: number; log: number; checkpointed: number };
}
type Task = keyof FileWork;
type Args<T extends Task> = Parameters<FileWork[T]> extends [unknown, ...infer R] ? R : never;
type Answer<T extends Task> = Awaited<ReturnType<FileWork[T]>>;

// In the installed app the program and the driver are unpacked beside the asar archive (electron-builder.yml,
// asarUnpack): a worker reads its files from the real disk.
const unpacked = (p: string) => p.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
const localRequire = createRequire(__filename);
const PROGRAM = unpacked(path.join(__dirname, 'file-work.cjs'));

/** The worker could not run at all (as opposed to the work failing): the caller does the work on this thread. */
export class NoWorkerError extends Error {
  override name = 'NoWorkerError';
}

/** The same work on this thread: for callers that must have the answer now, and when no worker can run. */
export function runHere<T extends Task>(task: T, ...args: Args<T>): ReturnType<FileWork[T]> {
  const fn = (localRequire(PROGRAM) as FileWork)[task] as unknown as (driver: typeof Database, ...rest: Args<T>) => ReturnType<FileWork[T]>;
  return fn(Database, ...args);
}

/**
 * On a worker thread. Rejects with the work's own error when it failed, and with NoWorkerError when the worker
 * itself could not run.
 */
export function onWorker<T extends Task>(task: T, ...args: Args<T>): Promise<Answer<T>> {
  return new Promise((resolve, reject) => {
    let answered = false;
    let worker: Worker;
    try {
      worker = new Worker(PROGRAM, { workerData: { task, args, driver: unpacked(localRequire.resolve('better-sqlite3')) } });
    } catch (e) {
      return reject(new NoWorkerError(e instanceof Error ? e.message : String(e)));
    }
    worker.on('message', (m: { value: Answer<T> } | { error: string }) => {
      answered = true;
      if ('error' in m) reject(new Error(m.error));
      else resolve(m.value);
    });
    worker.on('error', (e) => reject(new NoWorkerError(e.message)));
    worker.on('exit', (code) => answered || reject(new NoWorkerError(`${task} worker exited with ${code}`)));
  });
}

/**
 * One worker thread kept for repeated work (the WAL checkpoint, every second): each `run` is a message to it, answered
 * in turn, so the thread starts and loads the driver once, not at every run. `unref`'d: it never keeps the process
 * alive. When it cannot start or dies, `run` rejects with NoWorkerError and the next `run` starts a new one.
 */
export class StandingWorker {
  private worker: Worker | null = null;
  private next = 0;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  run<T extends Task>(task: T, ...args: Args<T>): Promise<Answer<T>> {
    return new Promise((resolve, reject) => {
      let worker: Worker;
      try {
        worker = this.worker ?? this.start();
      } catch (e) {
        return reject(new NoWorkerError(e instanceof Error ? e.message : String(e)));
      }
      const id = ++this.next;
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, task, args });
    });
  }

  /** Ends the thread; work still waiting rejects with NoWorkerError. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const worker = new Worker(PROGRAM, { workerData: { task: 'serve', driver: unpacked(localRequire.resolve('better-sqlite3')) } });
    worker.unref();
    worker.on('message', (m: { id: number; value: unknown } | { id: number; error: string }) => {
      const waiter = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if ('error' in m) waiter?.reject(new Error(m.error));
      else waiter?.resolve(m.value);
    });
    const gone = (why: string) => {
      if (this.worker === worker) this.worker = null;
      for (const w of this.waiting.values()) w.reject(new NoWorkerError(why));
      this.waiting.clear();
    };
    worker.on('error', (e) => gone(e.message));
    worker.on('exit', (code) => gone(`standing worker exited with ${code}`));
    this.worker = worker;
    return worker;
  }
}
