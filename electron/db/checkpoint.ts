import fs from 'node:fs';
import { startStationTimer, type StationTimer, type TimerHost, type TimerOptions } from '../timers';
import { NoWorkerError, StandingWorker } from './worker';

/**
 * The WAL's pages reach the database file by a checkpoint. SQLite's default runs it inside whichever commit takes
 * the WAL past 1,000 pages: that commit then also copies 4 MB and syncs the database file, and the person at the desk
 * waits for it (on the ten-year station, one earliest-expiry-first issue in 25 took 15–35 ms instead of 5–10 ms under
 * load). Here a station timer runs the checkpoint on a worker thread instead, with a connection of its own: WAL lets
 * it copy while the desk commits. The main connection keeps a checkpoint of its own only as the last resort, at
 * WAL_INLINE_PAGES (electron/db/open.ts): if no worker can run, or the work outruns the timer.
 */
export const CHECKPOINT_EVERY_MS = 1_000;

export interface CheckpointSchedule extends Omit<StationTimer, 'stop'> {
  /** No more runs; a run in progress finishes, then its thread ends. */
  stop(): Promise<void>;
  /** SQLite's answer of the last checkpoint that ran (null before the first): frames in the WAL, frames copied. */
  readonly last: { busy: number; log: number; checkpointed: number } | null;
}

/**
 * Every second, once the start-up check has passed: when the WAL has been written since the last complete
 * checkpoint, one more, on a worker thread kept for it. A WAL left as it was (no commit since) costs one stat of its
 * file. A run never starts beside a backup or a restore; one already running when a restore begins ends within the
 * restore's own first steps (its check of the file and its safety backup), before the file is replaced.
 */
export function scheduleCheckpoints(station: TimerHost, opts: TimerOptions = {}): CheckpointSchedule {
  let checked = false;
  void station.checked.then(() => (checked = true));
  /** The WAL file as the last complete checkpoint left it: a commit since changes its time or size. */
  let copied: string | null = null;
  let last: CheckpointSchedule['last'] = null;
  const worker = new StandingWorker();
  let noWorker = false;
  const timer = startStationTimer(station, { name: 'WAL checkpoint', firstAfterMs: CHECKPOINT_EVERY_MS, everyMs: CHECKPOINT_EVERY_MS }, opts, async (core) => {
    // Nothing runs against a file not yet checked, nor beside a backup or a restore (which replaces the file).
    if (!checked || noWorker || core.services.jobs.busy()) return;
    const file = core.databaseFile;
    const seen = walState(`${file}-wal`);
    if (seen === null || seen === copied) return;
    try {
      last = await worker.run('checkpoint', file);
    } catch (e) {
      if (!(e instanceof NoWorkerError)) throw e;
      // Said once, not every second: the main connection's own checkpoint (WAL_INLINE_PAGES) takes over.
      noWorker = true;
      opts.logger?.error('WAL checkpoint worker cannot run; the main connection checkpoints by itself', { error: e.message });
      return;
    }
    // A reader still on older pages leaves some uncopied: the next run tries again, written to or not.
    copied = last.checkpointed === last.log ? seen : null;
  });
  return {
    runNow: timer.runNow,
    idle: timer.idle,
    stop: async () => {
      timer.stop();
      await timer.idle();
      await worker.stop();
    },
    get last() {
      return last;
    },
  };
}

function walState(wal: string): string | null {
  try {
    const s = fs.statSync(wal, { bigint: true });
    return `${s.mtimeNs}:${s.size}`;
  } catch {
    return null;
  }
}
