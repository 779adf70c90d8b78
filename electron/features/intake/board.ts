import type { BoardLine, TodayBoard } from '../../../shared/contract/intake';
import type { StationSettings } from '../../../shared/contract/settings';
import { dayStart } from '../../../shared/domain/time';
import type { DB } from '../../db/open';
import { zonesView } from './care';
import { getStay, taskState, todayOf } from './stays';

interface Row {
  id: number;
  person_id: number;
  name: string | null;
  description: string | null;
  owner: string;
  at: number | null;
}

const LINE_SQL = `SELECT s.id, s.person_id, p.name, p.description, u.display_name AS owner`;
const FROM = `FROM stays s JOIN persons p ON p.id = s.person_id JOIN users u ON u.id = s.owner_id`;
const line = (r: Row, detail: string, at: number | null = r.at): BoardLine => ({
  stayId: r.id,
  personId: r.person_id,
  name: r.name,
  description: r.description,
  owner: r.owner,
  detail,
  at,
});

/** Today's board: what the desk must see at a glance, each line opening its stay. */
export function todayBoard(db: DB, now: number, settings: StationSettings, actorId: number): TodayBoard {
  const today = todayOf({ now, settings });
  const start = dayStart(today, settings.timeZone);
  const zones = zonesView(db).map((z) => ({ id: z.id, name: z.name, beds: z.beds.length, occupied: z.occupied }));
  const open = db.prepare(`${LINE_SQL}, s.status, s.arrived_at AS at ${FROM} WHERE s.status IN ('registered', 'in_station', 'at_hospital') ORDER BY s.arrived_at`).all() as (Row & {
    status: string;
  })[];
  const board: TodayBoard = {
    today,
    zones,
    residents: open.filter((r) => r.status === 'in_station').length,
    arrivals: (db.prepare(`${LINE_SQL}, s.arrived_at AS at, s.status ${FROM} WHERE s.arrived_on = ? ORDER BY s.arrived_at`).all(today) as (Row & { status: string })[]).map((r) =>
      line(r, r.status),
    ),
    departures: (
      db
        .prepare(`${LINE_SQL}, s.discharged_at AS at, s.discharge_type ${FROM} WHERE s.discharged_at >= ? AND s.discharged_at < ? ORDER BY s.discharged_at`)
        .all(start, start + 86_400_000) as (Row & { discharge_type: string })[]
    ).map((r) => line(r, r.discharge_type)),
    awaitingTriage: open.filter((r) => r.status === 'registered').map((r) => line(r, 'registered')),
    withoutBed: [],
    nearLimit: [],
    overLimit: [],
    familySearchDue: [],
    openCustody: [],
    incomplete: [],
    offersToMe: [],
  };
  for (const r of open) {
    const stay = getStay({ db, now, settings }, r.id);
    if (stay.status === 'in_station' && !stay.bed) board.withoutBed.push(line(r, 'no_bed'));
    if (stay.clock.state === 'warn') board.nearLimit.push(line(r, String(stay.clock.day)));
    if (stay.clock.state === 'overdue') board.overLimit.push(line(r, String(stay.clock.day)));
    const openItems = stay.custody.filter((i) => i.settlement === null).length;
    if (openItems) board.openCustody.push(line(r, String(openItems)));
    if (stay.incomplete) board.incomplete.push(line(r, String(stay.person.missing.length)));
    if (stay.pendingOffer?.to.id === actorId) board.offersToMe.push(line(r, stay.pendingOffer.from.displayName, stay.pendingOffer.offeredAt));
  }
  const tasks = db
    .prepare(
      `${LINE_SQL}, t.kind, t.due_at AS at, t.done_at FROM family_search_tasks t JOIN stays s ON s.id = t.stay_id
       JOIN persons p ON p.id = s.person_id JOIN users u ON u.id = s.owner_id
       WHERE t.done_at IS NULL AND s.status IN ('registered', 'in_station', 'at_hospital') ORDER BY t.due_at`,
    )
    .all() as (Row & { kind: string; done_at: null })[];
  for (const t of tasks) {
    const state = taskState({ due_at: t.at!, done_at: null }, now);
    if (state === 'due' || state === 'overdue') board.familySearchDue.push(line(t, `${t.kind}:${state}`));
  }
  return board;
}
