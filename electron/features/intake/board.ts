import type { Statement } from 'better-sqlite3';
import { BOARD_FIRST_LINES, BOARD_LISTS, type BoardLine, type BoardList, type BoardListKey, type TodayBoard } from '../../../shared/contract/intake';
import type { PersonDetail } from '../../../shared/contract/people';
import type { StationSettings } from '../../../shared/contract/settings';
import { stayClock, type Condition } from '../../../shared/domain/person';
import { OPEN_STAY_SQL } from '../../../shared/domain/stay';
import { dayStart, stationDay } from '../../../shared/domain/time';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { AGE_SQL, ageFrom } from '../people/search';
import { missingOf } from '../people/service';
import { taskState, todayOf } from './stays';

interface Row {
  id: number;
  person_id: number;
  name: string | null;
  description: string | null;
  owner: string;
  at: number | null;
}

/** An open stay with everything its board lines need, read in one statement. */
interface OpenRow extends Row {
  status: string;
  arrived_on: string;
  conditions: string;
  sex: string | null;
  birth_date: string | null;
  estimated_age: number | null;
  estimated_on: string | null;
  id_number: string | null;
  hukou_place: string | null;
  residence: string | null;
  benefits: string | null;
  dialect: string | null;
  field_states: string;
  age: number | null;
  has_bed: number;
  extension_days: number;
  open_items: number;
  offer_to: number | null;
  offer_at: number | null;
  offer_from: string | null;
}

const LINE_SQL = `SELECT s.id, s.person_id, p.name, p.description, u.display_name AS owner`;
const FROM = `FROM stays s JOIN persons p ON p.id = s.person_id JOIN users u ON u.id = s.owner_id`;
const OPEN = `s.status IN ${OPEN_STAY_SQL}`;

/**
 * Set-based: one statement per list, whatever the number of people in the station (the former board read each open
 * stay in full, about a dozen statements each). `stays_open_by_arrival` (migration 0030) serves the open stays.
 */
const SQL = {
  zones: `SELECT z.id, z.name, count(b.id) AS beds, count(a.id) AS occupied FROM zones z
    LEFT JOIN beds b ON b.zone_id = z.id AND b.active = 1 LEFT JOIN bed_assignments a ON a.bed_id = b.id AND a.to_at IS NULL
    WHERE z.active = 1 GROUP BY z.id ORDER BY z.sort, z.id`,
  open: `${LINE_SQL}, s.status, s.arrived_at AS at, s.arrived_on, s.conditions,
      p.sex, p.birth_date, p.estimated_age, p.estimated_on, p.id_number, p.hukou_place, p.residence, p.benefits, p.dialect, p.field_states,
      ${AGE_SQL} AS age,
      EXISTS (SELECT 1 FROM bed_assignments a WHERE a.stay_id = s.id AND a.to_at IS NULL) AS has_bed,
      (SELECT coalesce(sum(e.days), 0) FROM stay_extensions e WHERE e.stay_id = s.id) AS extension_days,
      (SELECT count(*) FROM custody_items i WHERE i.stay_id = s.id
         AND NOT EXISTS (SELECT 1 FROM custody_settlements c WHERE c.item_id = i.id)) AS open_items,
      o.to_user AS offer_to, o.offered_at AS offer_at, f.display_name AS offer_from
    ${FROM} LEFT JOIN ownership_offers o ON o.stay_id = s.id AND o.answered_at IS NULL LEFT JOIN users f ON f.id = o.from_user
    WHERE ${OPEN} ORDER BY s.arrived_at, s.id`,
  // By the day index first (stays_by_arrival), then the instants: a shift crosses midnight.
  arrivals: `${LINE_SQL}, s.arrived_at AS at, s.status ${FROM}
    WHERE s.arrived_on BETWEEN @fromDay AND @toDay AND s.arrived_at >= @from AND s.arrived_at < @to ORDER BY s.arrived_at`,
  departures: `${LINE_SQL}, s.discharged_at AS at, s.discharge_type ${FROM} WHERE s.discharged_at >= ? AND s.discharged_at < ? ORDER BY s.discharged_at`,
  // From the open stays to their tasks (CROSS JOIN keeps that order): years of tasks left undone on closed stays are never read.
  tasks: `${LINE_SQL}, t.kind, t.due_at AS at FROM stays s CROSS JOIN family_search_tasks t ON t.stay_id = s.id
    JOIN persons p ON p.id = s.person_id JOIN users u ON u.id = s.owner_id
    WHERE t.done_at IS NULL AND ${OPEN} ORDER BY t.due_at, t.id`,
};
export const BOARD_SQL = SQL;

const statements = (db: DB) =>
  Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, cached(db, sql)])) as Record<keyof typeof SQL, Statement>;

const line = (r: Row, detail: string, at: number | null = r.at): BoardLine => ({
  stayId: r.id,
  personId: r.person_id,
  name: r.name,
  description: r.description,
  owner: r.owner,
  detail,
  at,
});

/** The identity fields neither filled nor marked unknown/refused (as getPerson reports `missing`). */
const missingCount = (r: OpenRow) => missingOf(r, JSON.parse(r.field_states) as PersonDetail['fieldStates']).length;

/** The lists read from the open stays (one statement) and their family-search tasks: the board's and the alerts'. */
export interface OpenStayLists {
  residents: number;
  atHospital: BoardLine[];
  awaitingTriage: BoardLine[];
  withoutBed: BoardLine[];
  nearLimit: BoardLine[];
  overLimit: BoardLine[];
  familySearchDue: BoardLine[];
  openCustody: BoardLine[];
  incomplete: BoardLine[];
  offersToMe: BoardLine[];
}

export function openStayLists(db: DB, now: number, settings: StationSettings, actorId: number | null): OpenStayLists {
  const q = statements(db);
  const today = todayOf({ now, settings });
  const open = q.open.all({ today }) as OpenRow[];
  const lists: OpenStayLists = {
    residents: 0,
    atHospital: [],
    awaitingTriage: [],
    withoutBed: [],
    nearLimit: [],
    overLimit: [],
    familySearchDue: [],
    openCustody: [],
    incomplete: [],
    offersToMe: [],
  };
  for (const r of open) {
    if (r.status === 'in_station') lists.residents += 1;
    if (r.status === 'at_hospital') lists.atHospital.push(line(r, 'at_hospital'));
    if (r.status === 'registered') lists.awaitingTriage.push(line(r, 'registered'));
    if (r.status === 'in_station' && !r.has_bed) lists.withoutBed.push(line(r, 'no_bed'));
    // An open stay's clock runs to today (the stay page's clock, getStay).
    const age = ageFrom(r, today);
    const clock = stayClock(r.arrived_on, today, { age, conditions: JSON.parse(r.conditions) as Condition[], extensionDays: r.extension_days }, {
      warnDay: settings.stayWarnDay,
      limitDays: settings.stayLimitDays,
    });
    if (clock.state === 'warn') lists.nearLimit.push(line(r, String(clock.day)));
    if (clock.state === 'overdue') lists.overLimit.push(line(r, String(clock.day)));
    if (r.open_items) lists.openCustody.push(line(r, String(r.open_items)));
    const missing = missingCount(r);
    if (missing > 0) lists.incomplete.push(line(r, String(missing)));
    // A case offered to the caller; with no caller (the handover's sections), a stay with no offer waiting is no one's.
    if (
      r.offer_to === actorId &&
      // Stryker disable next-line ConditionalExpression: every reader of offersToMe (intake.board, intake.boardList, alerts.list) has a signed-in caller; the one call with none, the handover's sections, never reads it
      actorId !== null
    ) {
      lists.offersToMe.push(line(r, r.offer_from!, r.offer_at));
    }
  }
  for (const t of q.tasks.all() as (Row & { kind: string })[]) {
    const state = taskState({ due_at: t.at!, done_at: null }, now);
    if (state === 'due' || state === 'overdue') lists.familySearchDue.push(line(t, `${t.kind}:${state}`));
  }
  return lists;
}

/** Zones with their beds taken, as the board and the handover's census show them. */
export const zoneCensus = (db: DB) => statements(db).zones.all() as TodayBoard['zones'];

/** Stays that arrived, and stays that left, in a time window (a day on the board, a shift in the handover). */
export function movements(db: DB, from: number, to: number, timeZone: string): { arrivals: BoardLine[]; departures: BoardLine[] } {
  const q = statements(db);
  return {
    arrivals: (q.arrivals.all({ fromDay: stationDay(from, timeZone), toDay: stationDay(to, timeZone), from, to }) as (Row & { status: string })[]).map((r) => line(r, r.status)),
    departures: (q.departures.all(from, to) as (Row & { discharge_type: string })[]).map((r) => line(r, r.discharge_type)),
  };
}

/** Every line of every list on today's board, uncapped (the alerts read the same lists through openStayLists). */
function allBoardLists(db: DB, now: number, settings: StationSettings, actorId: number): Record<BoardListKey, BoardLine[]> & { residents: number } {
  const today = todayOf({ now, settings });
  const start = dayStart(today, settings.timeZone);
  const { atHospital: _atHospital, ...lists } = openStayLists(db, now, settings, actorId);
  return { ...movements(db, start, start + 86_400_000, settings.timeZone), ...lists };
}

/**
 * Today's board: what the desk must see at a glance, each line opening its stay. Each list carries its count and
 * only its first lines, so the answer and the page stay the same size at any station; "all" pages with boardList.
 */
export function todayBoard(db: DB, now: number, settings: StationSettings, actorId: number): TodayBoard {
  const all = allBoardLists(db, now, settings, actorId);
  const lists = Object.fromEntries(BOARD_LISTS.map((k) => [k, { count: all[k].length, lines: all[k].slice(0, BOARD_FIRST_LINES) }])) as Record<BoardListKey, BoardList>;
  return { today: todayOf({ now, settings }), zones: zoneCensus(db), residents: all.residents, ...lists };
}

/** One page of one of the board's lists, in the board's order. */
export function boardList(db: DB, now: number, settings: StationSettings, actorId: number, key: BoardListKey, offset: number, limit: number): BoardList {
  const list = allBoardLists(db, now, settings, actorId)[key];
  return { count: list.length, lines: list.slice(offset, offset + limit) };
}
