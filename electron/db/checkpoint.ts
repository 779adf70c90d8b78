import fs from 'node:fs';
import { startStationTimer, type StationTimer, type TimerHost, type TimerOptions } from '../timers';
import { onWorker } from './worker';

/**
 * The WAL's pages reach the database file by a checkpoint. SQLite's default runs it inside whichever commit takes
 * the WAL past 1,000 pages: that commit then also copies 4 MB and syncs the database file, and the person at the desk
 * waits for it (on the ten-year station, one earliest-expiry-first issue in 25 took 15–35 ms instead of 5–10 ms under
 * load). Here a station timer runs the checkpoint on a worker thread instead, with a connection of its own: WAL lets
 * it copy while the desk commits. The main connection keeps a checkpoint of its own only as the last resort, at
 * WAL_INLINE_PAGES (electron/db/open.ts): if no worker can run, or the work outruns the timer.
 */
export const CHECKPOINT_EVERY_MS = 1_000;

export interface CheckpointSchedule extends StationTimer {
  /** SQLite's answer of the last checkpoint that ran (null before the first): frames in the WAL, frames copied. */
  readonly last: { busy: number; log: number; checkpointed: number } | null;
}

/**
 * Every second, once the start-up check has passed: when the WAL has been written since the last complete
 * checkpoint, one more, on a worker. A WAL left as it was (no commit since) costs one stat of its file.
 */
export function scheduleCheckpoints(station: TimerHost, opts: TimerOptions = {}): CheckpointSchedule {
  let checked = false;
  void station.checked.then(() => (checked = true));
  /** The WAL file as the last complete checkpoint left it: a commit since changes its time or size. */
  let copied: string | null = null;
  let last: CheckpointSchedule['last'] = null;
  const timer = startStationTimer(station, { name: 'WAL checkpoint', firstAfterMs: CHECKPOINT_EVERY_MS, everyMs: CHECKPOINT_EVERY_MS }, opts, async (core) => {
    // Nothing runs against a file not yet checked, nor beside a backup or a restore (which replaces the file).
    if (!checked || core.services.jobs.busy()) return;
    const file = core.databaseFile;
    const seen = walState(`${file}-wal`);
    if (seen === null || seen === copied) return;
    last = await onWorker('checkpoint', file);
    // A reader still on older pages leaves some uncopied: the next run tries again, written to or not.
    copied = last.checkpointed === last.log ? seen : null;
  });
  return {
    ...timer,
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
