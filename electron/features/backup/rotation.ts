/**
 * Which automatic backups to keep (Actual's shape): every one from today up to a cap, the newest of each
 * earlier day for `daily` days, then the newest of each older ISO week for `weekly` weeks. `day` and
 * `week` are station-calendar keys of each backup.
 */
export interface Dated {
  file: string;
  at: number;
  day: string;
  week: string;
}

export function backupsToKeep(list: Dated[], today: string, opts: { daily: number; weekly: number; todayCap?: number }): Set<string> {
  const newestFirst = [...list].sort((a, b) => b.at - a.at);
  const keep = new Set<string>();
  for (const b of newestFirst.filter((x) => x.day === today).slice(0, opts.todayCap ?? 5)) keep.add(b.file);
  const days = new Set<string>();
  for (const b of newestFirst) {
    if (b.day === today || days.has(b.day) || days.size >= opts.daily) continue;
    days.add(b.day);
    keep.add(b.file);
  }
  // Weeks already covered by a kept backup do not use up one of the weekly places: the history reaches further.
  const covered = new Set(newestFirst.filter((b) => keep.has(b.file)).map((b) => b.week));
  let weekly = 0;
  for (const b of newestFirst) {
    if (weekly >= opts.weekly || covered.has(b.week)) continue;
    covered.add(b.week);
    keep.add(b.file);
    weekly += 1;
  }
  return keep;
}
