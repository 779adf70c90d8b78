import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../electron/core';
import { scheduleBackups } from '../../../electron/features/backup/schedule';
import { backupName } from '../../../electron/features/backup/service';
import { readSettings } from '../../../electron/features/settings/service';
import { openStation as openStationFiles } from '../../../electron/station';
import { startStationTimer, type TimerWork } from '../../../electron/timers';
import { openStation, TestClock } from '../helpers';

/**
 * The station-timer pattern (electron/timers.ts), driven as every feature's timer is tested: vitest's fake timers
 * move the schedule, a test clock moves the time the work sees.
 */
const HOUR = 3_600_000;
const schedule = { name: 'test work', firstAfterMs: 5_000, everyMs: 60_000 };

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a station timer', () => {
  const core = {} as Core;
  const recorder = () => {
    const runs: { now: number; asked: boolean }[] = [];
    const work: TimerWork = (_core, run) => void runs.push(run);
    return { runs, work };
  };

  it('waits for the start-up check, runs its first time that long after it, then on every interval', async () => {
    const check = deferred();
    const clock = new TestClock(1_000);
    const { runs, work } = recorder();
    const timer = startStationTimer({ core, checked: check.promise }, schedule, { clock: clock.now }, work);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toEqual([]); // the file is not checked yet
    check.resolve();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(runs).toEqual([]);
    clock.advance(42);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([{ now: 1_042, asked: false }]);
    await vi.advanceTimersByTimeAsync(45_000); // the interval counts from the start: 60 s
    expect(runs).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toHaveLength(3);
    timer.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(runs).toHaveLength(3);
  });

  it('a stop before the check has passed cancels the first run as well', async () => {
    const check = deferred();
    const { runs, work } = recorder();
    startStationTimer({ core, checked: check.promise }, schedule, {}, work).stop();
    check.resolve();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(runs).toEqual([]);
  });

  it('does nothing while the station is in recovery mode (no core)', async () => {
    const { runs, work } = recorder();
    const timer = startStationTimer({ core: null, checked: Promise.resolve() }, schedule, {}, work);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await timer.runNow();
    expect(runs).toEqual([]);
    timer.stop();
  });

  it('runs one at a time: asking while a run is in progress waits for that run', async () => {
    let calls = 0;
    const release = deferred();
    const timer = startStationTimer({ core, checked: Promise.resolve() }, schedule, {}, async () => {
      calls += 1;
      if (calls === 1) await release.promise;
    });
    const first = timer.runNow();
    const second = timer.runNow();
    await vi.advanceTimersByTimeAsync(5_000); // the scheduled first run is due meanwhile: it joins as well
    expect(calls).toBe(1);
    release.resolve();
    await Promise.all([first, second, timer.idle()]);
    await timer.runNow();
    expect(calls).toBe(2);
    timer.stop();
  });

  it('logs a failed run instead of throwing, and runs again the next time', async () => {
    const errors: [string, unknown][] = [];
    let calls = 0;
    const timer = startStationTimer({ core, checked: Promise.resolve() }, schedule, { logger: { error: (m, x) => void errors.push([m, x]) } }, () => {
      calls += 1;
      throw new Error('disk full');
    });
    await expect(timer.runNow()).resolves.toBeUndefined();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toBe(2);
    expect(errors).toEqual([
      ['test work failed', { error: 'disk full' }],
      ['test work failed', { error: 'disk full' }],
    ]);
    timer.stop();
  });
});

describe('automatic backups on the station-timer pattern', () => {
  it('back up when the newest automatic backup is a day old (23 h 59 min is not), not before; a quit always backs up', () =>
    withStation(async (station, dir) => {
      // The newest backup's age is its file's time: the test clock is the real time, moved a second per backup (the
      // backup's name has the time to the second), and the first backup's file is dated back instead.
      // On a whole second, so that a file's time set from it reads back to the millisecond.
      const clock = new TestClock(Math.floor(Date.now() / 1000) * 1000);
      const errors: unknown[] = [];
      const backups = scheduleBackups(station, { clock: clock.now, logger: { error: (m, x) => void errors.push([m, x]) } });
      const autos = () => fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('-auto.sqlite'));
      const dateBack = (ms: number) => {
        const t = new Date(clock.t - ms);
        fs.utimesSync(path.join(dir, 'backups', autos()[0]!), t, t);
      };
      await vi.advanceTimersByTimeAsync(5_000);
      await backups.idle();
      expect(autos()).toHaveLength(1); // none before: the first check makes one
      clock.advance(1_000);
      dateBack(24 * HOUR - 60_000);
      await vi.advanceTimersByTimeAsync(HOUR);
      await backups.idle();
      expect(autos()).toHaveLength(1); // 23 h 59 min old: not yet
      clock.advance(1_000);
      dateBack(24 * HOUR);
      await vi.advanceTimersByTimeAsync(HOUR);
      await backups.idle();
      expect(autos()).toHaveLength(2); // 24 hours old: another (the old one kept as yesterday's)
      backups.stop();
      clock.advance(1_000);
      await backups.onQuit();
      expect(autos()).toHaveLength(3); // seconds old, but the quit's backup is made whatever the age
      expect(errors).toEqual([]);
    }));
  /** The station of a test, reopened with its files as the app opens them, for `run` against its timers. */
  async function withStation(run: (station: ReturnType<typeof openStationFiles>, dir: string) => Promise<void>) {
    const st = openStation();
    const dir = st.dir;
    st.core.close();
    const station = openStationFiles({ dataDir: dir, logger: { info() {}, error() {} } });
    try {
      await station.checked;
      await run(station, dir);
    } finally {
      station.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it('take their time from the station clock: a backup is named by the clock, not by the PC', async () => {
    await withStation(async (station, dir) => {
      const clock = new TestClock(); // 2026-07-20, months from the PC's own time
      const backups = scheduleBackups(station, { clock: clock.now });
      backups.stop();
      await backups.onQuit();
      expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([backupName(clock.t, readSettings(station.core!.db).timeZone, 'auto')]);
    });
  });

  it('after each backup, rotate the folder to today, 7 daily and 4 weekly', async () => {
    await withStation(async (station, dir) => {
      const clock = new TestClock(Math.floor(Date.now() / 1000) * 1000);
      const tz = readSettings(station.core!.db).timeZone;
      const folder = path.join(dir, 'backups');
      fs.mkdirSync(folder, { recursive: true });
      for (let n = 1; n <= 60; n++) {
        const at = clock.t - n * 86_400_000;
        const file = path.join(folder, backupName(at, tz, 'auto'));
        fs.writeFileSync(file, '');
        fs.utimesSync(file, new Date(at), new Date(at));
      }
      const backups = scheduleBackups(station, { clock: clock.now });
      backups.stop();
      await backups.onQuit();
      // Today's new one, the newest of each of the 7 days before, and of each of the 4 weeks before those.
      expect(fs.readdirSync(folder).filter((f) => f.endsWith('-auto.sqlite'))).toHaveLength(1 + 7 + 4);
    });
  });

  it('a backup that fails is logged under the timer’s name, never thrown, and leaves no backup', async () => {
    await withStation(async (station, dir) => {
      const clock = new TestClock(Math.floor(Date.now() / 1000) * 1000);
      const tz = readSettings(station.core!.db).timeZone;
      // Something already holds the place the copy is written to first: the job fails.
      fs.mkdirSync(path.join(dir, 'backups', `${backupName(clock.t, tz, 'auto')}.partial`), { recursive: true });
      const errors: unknown[][] = [];
      const backups = scheduleBackups(station, { clock: clock.now, logger: { error: (m, x) => void errors.push([m, x]) } });
      backups.stop();
      await backups.onQuit();
      expect(errors).toHaveLength(1);
      expect(errors[0]![0]).toBe('automatic backup failed');
      expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'))).toEqual([]);
    });
  });
});
