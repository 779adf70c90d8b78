/** Simulated time for every section: the agenda of steps in time order, and the station calendar. */
import { dayStart, stationDay } from '../../../../shared/domain/time';
import { DAY, HOUR } from './data';

/** A min-heap of timed steps; ties keep the order they were scheduled in. */
export class Agenda {
  private readonly items: { at: number; seq: number; run: () => void }[] = [];
  private seq = 0;
  get size() {
    return this.items.length;
  }
  peek(): number {
    return this.items[0]?.at ?? Infinity;
  }
  push(at: number, run: () => void): void {
    const items = this.items;
    const item = { at, seq: this.seq++, run };
    let i = items.push(item) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(item, items[parent]!)) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = item;
  }
  pop(): () => void {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= items.length) break;
        const c = l + 1 < items.length && this.less(items[l + 1]!, items[l]!) ? l + 1 : l;
        if (!this.less(items[c]!, last)) break;
        items[i] = items[c]!;
        i = c;
      }
      items[i] = last;
    }
    return top.run;
  }
  private less(a: { at: number; seq: number }, b: { at: number; seq: number }): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
}

/**
 * The station calendar, computed once for the whole period (the planner asks for days millions of times, in no
 * particular order, and time-zone arithmetic is slow); outside the period it asks date-fns.
 */
export class Calendar {
  private readonly starts: number[] = [];
  private readonly days: string[] = [];
  private last = 0;
  constructor(
    private readonly tz: string,
    from: number,
    to: number,
  ) {
    for (let d = dayStart(stationDay(from, tz), tz); d <= to; d = dayStart(stationDay(d + DAY + 2 * HOUR, tz), tz)) {
      this.starts.push(d);
      this.days.push(stationDay(d, tz));
    }
  }
  private index(t: number): number {
    const s = this.starts;
    const i = this.last;
    if (i + 1 < s.length && t >= s[i]! && t < s[i + 1]!) return i;
    if (s.length < 2 || t < s[0]! || t >= s[s.length - 1]!) return -1;
    let lo = 0;
    let hi = s.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return (this.last = lo);
  }
  dayOf(t: number): string {
    const i = this.index(t);
    return i < 0 ? stationDay(t, this.tz) : this.days[i]!;
  }
  startOf(t: number): number {
    const i = this.index(t);
    return i < 0 ? dayStart(stationDay(t, this.tz), this.tz) : this.starts[i]!;
  }
  month(t: number): number {
    return Number(this.dayOf(t).slice(5, 7));
  }
}
