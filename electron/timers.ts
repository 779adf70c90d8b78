/**
 * Station timers: work the main process does of its own accord, at intervals, against the open station. Automatic
 * backups are the first (features/backup/schedule.ts); the expiry of stock, the disposal of food samples and patrol
 * reminders follow the same shape, each in its feature's `schedule.ts`:
 * - it needs two things of the station: `core` (null while the station is in recovery mode: the timer then does
 *   nothing) and `checked` (the start-up quick_check: nothing runs against a file not yet checked);
 * - its work runs one at a time (asking while it runs joins that run), and a failure is logged, never thrown;
 * - `stop()` ends the schedule (on quit, before a last run), `runNow()` runs the work at once, `idle()` waits for a
 *   run in progress;
 * - the work takes its time from `clock`, never from Date.now, so a test drives a timer with a clock of its own and
 *   vitest's fake timers (tests/core/backup/timers.test.ts).
 * Work that writes records does so through a job or a mutation's transaction of its own, with its audit row.
 */
import type { Core } from './core';
import type { Logger } from './log';

/** What a timer needs of the station (electron/station.ts's Station has both). */
export interface TimerHost {
  readonly core: Core | null;
  readonly checked: Promise<void>;
}

export interface TimerOptions {
  clock?: () => number;
  logger?: Pick<Logger, 'error'>;
}

export interface TimerSchedule {
  /** Names the work in the log: `<name> failed`. */
  name: string;
  /** The first run, this long after the start-up check has passed. */
  firstAfterMs: number;
  /** Then a run every this long. */
  everyMs: number;
}

/** One run of the work: the open core, the clock's time, and whether someone asked for it (runNow) or the schedule did. */
export type TimerWork = (core: Core, run: { now: number; asked: boolean }) => void | Promise<void>;

export interface StationTimer {
  /** No more scheduled runs; a run in progress finishes. */
  stop(): void;
  /** Runs the work now, as asked; while a run is in progress, waits for that one instead. Never rejects. */
  runNow(): Promise<void>;
  /** Settles when no run is in progress. */
  idle(): Promise<void>;
}

export function startStationTimer(host: TimerHost, schedule: TimerSchedule, opts: TimerOptions, work: TimerWork): StationTimer {
  const clock = opts.clock ?? Date.now;
  let running: Promise<void> | null = null;
  const run = async (asked: boolean): Promise<void> => {
    const core = host.core;
    if (!core) return;
    try {
      await work(core, { now: clock(), asked });
    } catch (e) {
      opts.logger?.error(`${schedule.name} failed`, { error: e instanceof Error ? e.message : String(e) });
    }
  };
  const once = (asked: boolean) => (running ??= run(asked).finally(() => (running = null)));
  let first: NodeJS.Timeout | undefined;
  let stopped = false;
  // The first run waits for the start-up check: work on a file not yet checked could spread damage (a backup of it).
  void host.checked.then(() => {
    if (stopped) return;
    first = setTimeout(() => void once(false), schedule.firstAfterMs);
    first.unref();
  });
  const every = setInterval(() => void once(false), schedule.everyMs);
  every.unref();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
    },
    runNow: () => once(true),
    idle: async () => {
      await running;
    },
  };
}
