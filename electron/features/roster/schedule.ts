import type { CheckpointRef, MissedRound } from '../../../shared/contract/patrol';
import type { StationSettings } from '../../../shared/contract/settings';
import { addDays, patrolSlots } from '../../../shared/domain/duty';
import { stationDay } from '../../../shared/domain/time';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';

const MINUTE = 60_000;

export interface SlotState {
  checkpoint: CheckpointRef;
  from: number;
  dueAt: number;
  /** The round that did it, or null. */
  roundId: number | null;
  /** No round, and the grace period after it is over. */
  missed: boolean;
}

export interface PatrolTally {
  slots: SlotState[];
  missed: MissedRound[];
  /** Slots done or missed (the ones still open are neither). */
  due: number;
}

interface PeriodRow extends CheckpointRef {
  active_from: number;
  retired_at: number | null;
}

/** A checkpoint and its periods in use that overlap the window, earliest first. */
interface Expected extends CheckpointRef {
  periods: { from: number; until: number | null }[];
}

/**
 * The patrol schedule of [from, to) against the rounds walked (DOMAIN §2: a missed round is visible). Each patrol band
 * splits into slots of its interval; every checkpoint active at a slot's start needs a round within it, or at most the
 * grace period after it ends. One round is one slot: a round walked at 20:10 is the 20:00–21:00 round, not a late
 * one for 18:00–20:00, unless 20:00–21:00 has another. A slot without a round is missed once `now` is more than the
 * grace period past its end.
 *
 * Reads the checkpoints' periods in use and the rounds of the window (patrol_rounds_by_time): a shift's is a few hundred rows.
 */
export function patrolTally(db: DB, settings: StationSettings, from: number, to: number, now: number): PatrolTally {
  const grace = settings.patrolGraceMinutes * MINUTE;
  const longest = Math.max(0, ...settings.patrolBands.map((b) => b.intervalMinutes)) * MINUTE;
  const tz = settings.timeZone;
  // Every period in use that overlaps the window (migration 0110): a checkpoint retired and brought back is expected
  // rounds in each of its periods, so the log of a day before it was retired still shows what it missed then.
  const periods = cached(
    db,
    `SELECT c.id, c.code, c.name, p.active_from, p.retired_at FROM checkpoint_periods p JOIN checkpoints c ON c.id = p.checkpoint_id
     WHERE p.active_from < ? AND (p.retired_at IS NULL OR p.retired_at > ?) ORDER BY c.sort, c.id, p.active_from`,
  ).all(to, from) as PeriodRow[];
  const checkpoints: Expected[] = [];
  for (const p of periods) {
    const last = checkpoints.at(-1);
    const period = { from: p.active_from, until: p.retired_at };
    if (last?.id === p.id) last.periods.push(period);
    else checkpoints.push({ id: p.id, code: p.code, name: p.name, periods: [period] });
  }
  const slots = patrolSlots(settings.patrolBands, from, to, tz, addDays(stationDay(from, tz), -1), stationDay(to, tz));
  const rounds = cached(db, 'SELECT id, checkpoint_id, at FROM patrol_rounds WHERE at >= ? AND at <= ? ORDER BY at, id').all(from, to + longest + grace) as {
    id: number;
    checkpoint_id: number;
    at: number;
  }[];
  const out: SlotState[] = [];
  for (const cp of checkpoints) {
    const mine = rounds.filter((r) => r.checkpoint_id === cp.id);
    const used = new Set<number>();
    const own = slots.filter((slot) => cp.periods.some((p) => slot.from >= p.from && (p.until === null || slot.from < p.until)));
    // First each slot takes the last round walked within it (slots do not overlap, and rounds and slots are in time
    // order: one pass); then a slot still without one takes a spare round from its grace period (an earlier one in the
    // next slot, which keeps its last): on time before late, and as many slots done as the rounds allow.
    const matched: (number | null)[] = [];
    let lo = 0;
    let hi = 0;
    for (const slot of own) {
      while (lo < mine.length && mine[lo]!.at < slot.from) lo += 1;
      // Stryker disable next-line MethodExpression: hi only starts the scan below, which stops at the first round at or after the slot's end; started from either (both are at or before that round) it stops there
      hi = Math.max(hi, lo);
      while (hi < mine.length && mine[hi]!.at < slot.to) hi += 1;
      const last = hi > lo ? mine[hi - 1]! : null;
      if (last) used.add(last.id);
      matched.push(last?.id ?? null);
    }
    let g = 0;
    own.forEach((slot, i) => {
      let roundId = matched[i]!;
      if (roundId === null) {
        while (g < mine.length && mine[g]!.at < slot.to) g += 1;
        for (let k = g; k < mine.length && mine[k]!.at <= slot.to + grace; k += 1) {
          if (!used.has(mine[k]!.id)) {
            roundId = mine[k]!.id;
            used.add(roundId);
            break;
          }
        }
      }
      out.push({ checkpoint: { id: cp.id, code: cp.code, name: cp.name }, from: slot.from, dueAt: slot.to, roundId, missed: roundId === null && now > slot.to + grace });
    });
  }
  // Misses due at the same moment come in the station's patrol order (the checkpoints' sort, then id), as the patrol
  // screen lists them, so the guard reads them in the order they are walked: `out` was built checkpoint by checkpoint
  // in that order, and the sort is stable (ES2019), so slots due together keep it.
  out.sort((a, b) => a.dueAt - b.dueAt);
  const missed = out.filter((s) => s.missed).map((s) => ({ checkpoint: s.checkpoint, slotFrom: s.from, dueAt: s.dueAt, missedAt: s.dueAt + grace }));
  return { slots: out, missed, due: out.filter((s) => s.roundId !== null || s.missed).length };
}
