/** Who comes when: every visit of every person over the period, fixed before the simulation runs. */
import { dayStart, stationDay } from '../../../../shared/domain/time';
import { DAY, HOUR, HOUR_PICK, MIN, type StationSize } from '../../demo/generate/data';
import { Rng, Weighted, seedOf } from '../../demo/generate/random';

/** Intake's part of each size of station (the period itself: STATION_SIZES). */
export interface SizeConfig {
  /** demo: persons whose latest visit falls in the window; bench: persons whose first visit does. */
  persons: number;
  minStays: number;
  repeatShare: number;
  /** Extra beds per zone code (the benchmark's station is a big city station). */
  beds: Partial<Record<string, number>>;
}

export const SIZES: Record<StationSize, SizeConfig> = {
  demo: { persons: 78, minStays: 0, repeatShare: 0.25, beds: {} },
  bench: {
    persons: 200_000,
    minStays: 505_000,
    repeatShare: 0.5,
    beds: { men: 300, women: 110, minors: 24, elderly: 110, medical: 36 },
  },
};

/** Summer and winter bring more people in (the cooling and the cold-weather campaigns). */
export function seasonWeight(month: number): number {
  return [1.35, 1.25, 0.95, 0.8, 0.85, 1.05, 1.35, 1.4, 1.0, 0.8, 0.95, 1.3][month - 1]!;
}

export interface Visits {
  at: Float64Array;
  person: Int32Array;
  /** The same person's next arrival (Infinity: none). */
  nextAt: Float64Array;
  count: number;
  persons: number;
  visitsOf: Int32Array;
}

/**
 * Phase one: who comes when. Every visit is fixed before the simulation, so a stay can be closed in time for
 * the same person's next arrival.
 */
export function planVisits(cfg: SizeConfig, size: StationSize, periodDays: number, now: number, seed: number, tz: string): Visits {
  const r = new Rng(seedOf(seed, 1));
  const windowStart = dayStart(stationDay(now - periodDays * DAY, tz), tz);
  const days: number[] = [];
  const weights: number[] = [];
  for (let d = windowStart; d < now; d = dayStart(stationDay(d + DAY + 2 * HOUR, tz), tz)) {
    days.push(d);
    weights.push(seasonWeight(Number(stationDay(d, tz).slice(5, 7))));
  }
  const dayPick = new Weighted(
    days.map((_, i) => i),
    (i) => weights[i]!,
  );
  const timeOn = (dayIndex: number) => days[dayIndex]! + HOUR_PICK.pick(r) * HOUR + r.int(0, 59) * MIN + r.int(0, 59) * 1000;
  const list: number[][] = [];
  let total = 0;
  const latest = now - 10 * MIN;
  for (let p = 0; p < cfg.persons || total < cfg.minStays; p++) {
    const repeat = r.chance(cfg.repeatShare);
    const k = repeat ? r.weighted([[2, 30], [3, 25], [4, 20], [5, 14], [6, 11]] as const) : 1;
    const times: number[] = [];
    if (size === 'demo') {
      // The latest visit is in the fortnight; earlier ones go back months.
      let t = timeOn(r.int(0, days.length - 1));
      if (t > latest) t = latest - r.int(20, 600) * MIN;
      times.push(t);
      for (let i = 1; i < k; i++) times.unshift(times[0]! - (r.int(20, 200) * DAY + r.int(0, 23) * HOUR));
    } else {
      let t = timeOn(dayPick.pick(r));
      for (let i = 0; i < k && t < latest; i++) {
        times.push(t);
        t += Math.round((5 + r.exp(110)) * DAY) + (r.int(0, 23) - 12) * HOUR;
      }
      if (t >= latest && times.length === 0) continue;
    }
    list.push(times);
    total += times.length;
  }
  const at = new Float64Array(total);
  const person = new Int32Array(total);
  const nextAt = new Float64Array(total);
  const visitsOf = new Int32Array(list.length);
  let n = 0;
  list.forEach((times, p) => {
    visitsOf[p] = times.length;
    times.forEach((t, i) => {
      at[n] = t;
      person[n] = p;
      nextAt[n] = times[i + 1] ?? Infinity;
      n += 1;
    });
  });
  const order = new Uint32Array(total).map((_, i) => i).sort((a, b) => at[a]! - at[b]! || a - b);
  return {
    at: Float64Array.from(order, (i) => at[i]!),
    person: Int32Array.from(order, (i) => person[i]!),
    nextAt: Float64Array.from(order, (i) => nextAt[i]!),
    count: total,
    persons: list.length,
    visitsOf,
  };
}
