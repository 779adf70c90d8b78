// @ts-check
// A vitest pool for `npm run mutate` that keeps its one worker thread from one test run to the next. Stryker runs each
// mutant as one vitest run; vitest's own thread pool ends its worker when a run ends, so every mutant paid for a new
// thread and for loading every module again, the libraries' (zod, i18next, exceljs …) among them: about half a second
// before the few tests that reach the mutant.
// - The libraries stay loaded. The project's own modules (`reloadEachRun`) load afresh in every run, so no memo or cache
//   of theirs outlives a run, and a static mutant (one read while its module loads) is on as they load.
// - Vitest's pool runner starts a worker with a "start" message and ends it with "stop". The first "start" reaches the
//   thread; later ones are answered here, as the thread is set up already, and the configuration each carries (a run's
//   test name pattern, its isolation) goes with that run's "run" message, which the worker reads before its setup's.
//   A "stop" is answered here too, and the thread waits for the next run. A forced stop (a failed run) ends it.
// - `keepThread(false)`: runs use a thread of their own, ended after the run, for test files that mock modules (a mock
//   would stay in a kept thread and answer the next run's tests).

import path from 'node:path';
import { Worker } from 'node:worker_threads';

export const KEPT_THREAD_POOL = 'kept-thread';

/** @typedef {{ thread: Worker, setUp: boolean, config: unknown, dead: boolean, out: NodeJS.WritableStream, err: NodeJS.WritableStream }} Kept */

/** @type {Kept | undefined} The thread between runs. */
let parked;
let keep = true;
/** @type {string[]} */
let reloaded = [];

/**
 * The files whose modules load afresh in every run on the kept thread (absolute paths): the project's own, so that no
 * state of theirs (a memo, a cache) outlives a run; the libraries they use stay loaded.
 */
export function reloadEachRun(/** @type {string[]} */ files) {
  reloaded = files;
}

/** Whether runs from now on share the kept thread (true) or each use a thread of its own, ended after the run (false). */
export function keepThread(/** @type {boolean} */ on) {
  keep = on;
}

/** Ends the thread kept between runs, if any. */
export async function endParked() {
  const k = parked;
  parked = undefined;
  if (k) await end(k);
}

async function end(/** @type {Kept} */ k) {
  k.dead = true;
  await k.thread.terminate();
  k.thread.stdout.unpipe(k.out);
  k.thread.stderr.unpipe(k.err);
}

/**
 * A reply to the pool runner, given to its message listeners as if from the thread.
 * @param {[string, (...args: any[]) => void][]} listeners
 * @param {string} type
 */
const reply = (listeners, type) =>
  queueMicrotask(() => listeners.forEach(([e, cb]) => e === 'message' && cb({ type, __vitest_worker_response__: true })));

class KeptThreadWorker {
  name = KEPT_THREAD_POOL;
  /** @type {Kept | undefined} */
  kept;
  /** @type {[string, (...args: any[]) => void][]} The pool runner's listeners on the thread, removed when it is parked. */
  listeners = [];

  /** @param {any} options vitest's PoolOptions */
  constructor(options) {
    this.options = options;
  }

  async start() {
    const k = parked;
    parked = undefined;
    if (k && !k.dead && keep) {
      this.kept = k;
      return;
    }
    if (k) await end(k);
    const { distPath, env, execArgv, project } = this.options;
    const thread = new Worker(path.resolve(distPath, 'workers/threads.js'), { env, execArgv, stdout: true, stderr: true });
    const out = project.vitest.logger.outputStream;
    const err = project.vitest.logger.errorStream;
    thread.stdout.pipe(out);
    thread.stderr.pipe(err);
    const kept = /** @type {Kept} */ ({ thread, setUp: false, config: undefined, dead: false, out, err });
    thread.on('exit', () => (kept.dead = true));
    thread.on('error', () => (kept.dead = true)); // while parked too: the runner's own listener reports it during a run
    this.kept = kept;
  }

  get thread() {
    if (!this.kept) throw new Error('The kept vitest thread is not started.');
    return this.kept.thread;
  }

  on(/** @type {string} */ event, /** @type {(...args: any[]) => void} */ cb) {
    this.thread.on(event, cb);
    this.listeners.push([event, cb]);
  }

  off(/** @type {string} */ event, /** @type {(...args: any[]) => void} */ cb) {
    this.kept?.thread.off(event, cb);
    this.listeners = this.listeners.filter(([e, c]) => e !== event || c !== cb);
  }

  /** @param {any} message */
  send(message) {
    const k = this.kept;
    if (!k) throw new Error('The kept vitest thread is not started.');
    if (message?.__vitest_worker_request__ === true) {
      if (message.type === 'start') {
        k.config = message.context.config;
        if (k.setUp) return reply(this.listeners, 'started');
        k.setUp = true;
      } else if (message.type === 'run' || message.type === 'collect') {
        const invalidates = [...(message.context.invalidates ?? []), ...reloaded];
        message = { ...message, context: { ...message.context, config: k.config, invalidates } };
      } else if (message.type === 'stop' && keep && !k.dead) {
        // Parked now, so the next run finds it even if this runner's stop() has not finished yet.
        reply(this.detach(), 'stopped');
        this.kept = undefined;
        parked = k;
        return;
      }
    }
    k.thread.postMessage(message);
  }

  /** Removes the pool runner's listeners from the thread and gives them back. */
  detach() {
    const listeners = this.listeners;
    this.listeners = [];
    for (const [e, cb] of listeners) this.kept?.thread.off(e, cb);
    return listeners;
  }

  async stop() {
    const k = this.kept;
    if (!k) return; // parked by its "stop"
    this.detach();
    this.kept = undefined;
    await end(k);
  }

  deserialize(/** @type {unknown} */ data) {
    return data;
  }
}

/** The pool, for a vitest project's `pool` (or its config's `poolRunner`). */
export const keptThreadPool = {
  name: KEPT_THREAD_POOL,
  createPoolWorker: (/** @type {any} */ options) => new KeptThreadWorker(options),
};
