import { readSettings } from '../settings/service';
import { startStationTimer, type StationTimer, type TimerHost, type TimerOptions } from '../../timers';
import { backupInto, lastAutoBackupAt, rotate } from './service';

const DAY = 86_400_000;

export interface BackupSchedule extends StationTimer {
  /** On quit: the running backup finishes, then always one more. Never rejects. */
  onQuit(): Promise<void>;
}

/**
 * Automatic backups (a station timer, electron/timers.ts): one when the newest automatic backup is older than a day,
 * checked 5 s after the start-up check has passed and then hourly; one on quit whatever its age; then the rotation
 * (7 daily, 4 weekly). Each is a job like a manual one, written on a worker thread, so the desk keeps working.
 */
export function scheduleBackups(station: TimerHost, opts: TimerOptions & { daily?: number; weekly?: number } = {}): BackupSchedule {
  const clock = opts.clock ?? Date.now;
  const timer = startStationTimer(station, { name: 'automatic backup', firstAfterMs: 5_000, everyMs: 3_600_000 }, opts, async (core, run) => {
    const { backupDir } = core.services.files;
    const last = lastAutoBackupAt(backupDir);
    if (!run.asked && last !== null && run.now - last < DAY) return;
    const { jobs } = core.services;
    // A job like a manual one, so that a manual backup or a restore never runs beside it (and the backup page shows
    // it): after any running job, never beside one.
    await jobs.idle();
    const tz = readSettings(core.db).timeZone;
    const job = jobs.start('backup', async () => {
      const made = await backupInto(core.db, backupDir, clock(), tz, 'auto');
      rotate(backupDir, clock(), tz, { daily: opts.daily ?? 7, weekly: opts.weekly ?? 4 });
      return made;
    });
    await jobs.idle();
    const outcome = jobs.get(job.id);
    // Stryker disable next-line OptionalChaining: the job just awaited is the newest finished one, and the last 20 are kept, so it is always found
    if (outcome?.error) throw new Error(outcome.error.message);
  });
  return {
    ...timer,
    onQuit: async () => {
      await timer.idle();
      await timer.runNow();
    },
  };
}
