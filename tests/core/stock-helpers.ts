import type { Input } from '../../shared/contract';
import { openStation, type TestStation } from './helpers';

/** 09:00 on 20 July 2026 in Shanghai: the stock tests' "now" (today is 2026-07-20). */
export const NOW = Date.UTC(2026, 6, 20, 1, 0);
export const DAY = 86_400_000;

export interface StockStation {
  st: TestStation;
  /** The storekeeper's session. */
  store: string;
  /** A front-desk session. */
  desk: string;
  /** A duty leader (approves) and a colleague without the role, by id, with their password. */
  leader: { id: number; session: string };
  colleague: { id: number; session: string };
  item(input?: Partial<Input<'stock.itemSave'>>): number;
  receive(itemId: number, quantity: number, extra?: Partial<Input<'stock.receive'>['lines'][number]>, header?: Partial<Input<'stock.receive'>>): ReturnType<TestStation['must']>;
  /** Moves the clock, and unlocks every session the idle lock closed meanwhile. */
  advance(ms: number): void;
  stay(): number;
}

export const PASSWORD = 'Own-pass-22';

export function stockStation(): StockStation {
  const st = openStation();
  st.clock.t = NOW;
  const store = st.userWith(['storekeeper'], 'store');
  const desk = st.userWith(['front_desk'], 'desk');
  const leaderSession = st.userWith(['duty_leader'], 'leader');
  const colleagueSession = st.userWith(['duty_staff'], 'colleague');
  const id = (s: string) => st.must('auth.session', {}, s).user.id;
  let n = 0;
  const sessions = [store, desk, leaderSession, colleagueSession, st.adminSession];
  const self: StockStation = {
    st,
    store,
    desk,
    leader: { id: id(leaderSession), session: leaderSession },
    colleague: { id: id(colleagueSession), session: colleagueSession },
    item(input = {}) {
      n += 1;
      return st.must('stock.itemSave', { name: `物资${n}`, category: 'water', unit: '瓶', tracksExpiry: true, frontDesk: true, ...input }, store).id;
    },
    receive(itemId, quantity, extra = {}, header = {}) {
      return st.must('stock.receive', { source: 'allocation', lines: [{ itemId, quantity, expiresOn: '2027-07-01', ...extra }], ...header }, store);
    },
    advance(ms) {
      st.clock.advance(ms);
      for (const s of sessions) {
        const session = st.core.services.sessions.get(s);
        if (session) {
          session.locked = false;
          session.lastActivity = st.clock.now();
        }
      }
    },
    stay() {
      return st.must('intake.register', { person: { name: `受助人${++n}`, sex: 'male', estimatedAge: 40 }, channel: 'walk_in', arrivedAt: st.clock.now() }, desk).stayId;
    },
  };
  return self;
}

export const code = (r: { ok: boolean; error?: { code: string; fields?: Record<string, string> } }) =>
  r.ok ? 'ok' : `${r.error!.code} ${JSON.stringify(r.error!.fields ?? {})}`;
