/**
 * Stock's plan: the supplies of the period, day by day. Every morning the storekeeper tops up what runs low
 * (purchases charged to the summer fund while it runs and its category has budget left, donations, the bureau's
 * allocations), the kitchen takes its share, each admitted stay receives water, food and summer medicine on arrival,
 * and (ten-year station) expired stock is written off on the first of each month. The planner keeps every batch's
 * balance itself and allocates earliest-expiry-first exactly as stock/movements.ts `allocate` does, so the bulk
 * writer needs no reads and the services arrive at the same batches.
 */
import { OPEN_STAY_SQL } from '../../../../shared/domain/stay';
import { addDays, isExpired, type BudgetCategory } from '../../../../shared/domain/stock';
import { cached } from '../../../db/statements';
import { DAY, HOUR, MIN } from '../../demo/generate/data';
import { Rng, seedOf } from '../../demo/generate/random';
import type { DemoEnv } from '../../demo/generate/section';
import { deskOn } from '../../demo/generate/staff';
import { Agenda } from '../../demo/generate/time';
import { DONORS, FEFO_ITEM, ITEMS, SHORT_DATED_ITEM, SUPPLIERS, type ItemSpec } from './catalogue';
import type { Allocated, Op } from './ops';

/** Per size: stays served (the demo's services issue only to stays still open), many-batch item, monthly write-offs. */
export const SIZES = {
  demo: { openStaysOnly: true, fefoBatches: 3, writeOffs: false },
  bench: { openStaysOnly: false, fefoBatches: 50, writeOffs: true },
} as const;

interface Batch {
  key: number;
  expiresOn: string | null;
  quantity: number;
  costFen: number;
}

interface ItemTrack {
  id: number;
  spec: ItemSpec;
  batches: Batch[];
  /** Average units a day, from the stays of the period: the top-up level and lot size. */
  daily: number;
}

export interface StockPlanEnv {
  fundId: number;
  fund: { startsOn: string; endsOn: string; budgets: Record<BudgetCategory, number> };
  itemIds: number[];
  storekeeper: number;
}

export class StockPlanner {
  private readonly r: Rng;
  private readonly items: ItemTrack[];
  private readonly agenda = new Agenda();
  private nextBatch = 1;
  private readonly spent = new Map<BudgetCategory, number>();
  private invoices = 0;

  constructor(
    private readonly env: DemoEnv,
    private readonly stock: StockPlanEnv,
    private readonly emit: (op: Op) => void,
  ) {
    this.r = new Rng(seedOf(env.seed, 4));
    this.items = ITEMS.map((spec, i) => ({ id: stock.itemIds[i]!, spec, batches: [], daily: 0 }));
  }

  run(tick: (done: number, total: number) => void): void {
    const { env } = this;
    const size = SIZES[env.size];
    const start = env.calendar.startOf(env.now - env.days * DAY);
    const stays = this.stays(start, size.openStaysOnly);
    const days = Math.max(1, env.days);
    for (const item of this.items) {
      const p = item.spec.perStay;
      const perStay = p ? ((p.summer * 4 + p.otherwise * 8) / 12) * p.chance : 0;
      item.daily = (stays.length / days) * perStay + (item.spec.kitchenDaily ?? 0);
    }
    const total = stays.length + days;
    let done = 0;
    let s = 0;
    let dayIndex = 0;
    for (let day = start; day < env.now; day = env.calendar.startOf(day + DAY + 2 * HOUR), dayIndex++) {
      const next = env.calendar.startOf(day + DAY + 2 * HOUR);
      this.scheduleDay(day, dayIndex);
      for (; s < stays.length && stays[s]![1] < next; s++) {
        const [stayId, arrivedAt, dischargedAt] = stays[s]!;
        const at = arrivedAt + HOUR + this.r.int(0, 60) * MIN;
        if (at < env.now && (dischargedAt === null || at < dischargedAt)) this.agenda.push(at, () => this.issueToStay(stayId, at));
        tick(++done, total);
      }
      while (this.agenda.peek() < Math.min(next, env.now)) this.agenda.pop()();
      tick(++done, total);
    }
  }

  /** The stays that receive supplies: [id, arrived, discharged], in order of arrival. */
  private stays(from: number, openOnly: boolean): [number, number, number | null][] {
    const where = openOnly ? `status = 'in_station' AND status IN ${OPEN_STAY_SQL}` : "status NOT IN ('refused', 'handed_to_police', 'registered')";
    return cached(this.env.db, `SELECT id, arrived_at, discharged_at FROM stays WHERE ${where} AND arrived_at >= ? ORDER BY arrived_at, id`)
      .raw()
      .all(from) as [number, number, number | null][];
  }

  private scheduleDay(day: number, index: number): void {
    const { env } = this;
    const today = env.calendar.dayOf(day);
    const at = (h: number, m = 0) => day + h * HOUR + m * MIN;
    this.agenda.push(at(8, 30), () => this.topUp(at(8, 30), today));
    this.agenda.push(at(10), () => this.kitchen(at(10), today));
    if (index === 0) this.agenda.push(at(11), () => this.receive(at(11), this.item(SHORT_DATED_ITEM), 'donation', 20, addDays(today, 7)));
    const fefo = this.item(FEFO_ITEM);
    const every = Math.max(1, Math.floor(env.days / SIZES[env.size].fefoBatches));
    if (index % every === 0 && index / every < SIZES[env.size].fefoBatches) {
      // Later donations keep later dates: each bottle box is a batch of its own, all of them still on the shelf.
      this.agenda.push(at(11, 30), () => this.receive(at(11, 30), fefo, 'donation', 12, addDays(env.calendar.dayOf(env.now), 400 + index)));
    }
    if (SIZES[env.size].writeOffs && today.endsWith('-01')) this.agenda.push(at(10, 30), () => this.writeOff(at(10, 30), today));
    const f = this.stock.fund;
    if (today >= f.startsOn && today <= f.endsOn && index % 7 === 3) this.agenda.push(at(15), () => this.charge(at(15)));
  }

  private item(name: string): ItemTrack {
    return this.items.find((i) => i.spec.name === name)!;
  }

  private usable(item: ItemTrack, today: string): number {
    return item.batches.reduce((n, b) => n + (isExpired(b.expiresOn, today) ? 0 : b.quantity), 0);
  }

  private topUp(at: number, today: string): void {
    for (const item of this.items) {
      if (item.daily === 0) continue;
      const shelf = item.spec.shelfLifeDays ?? 3650;
      if (this.usable(item, today) >= Math.max(10, item.daily * Math.min(7, shelf / 3))) continue;
      const quantity = Math.max(20, Math.ceil(item.daily * Math.min(30, shelf / 2)));
      this.receive(at, item, item.spec.source, quantity, item.spec.shelfLifeDays ? addDays(today, shelf - this.r.int(0, Math.floor(shelf / 10))) : null);
    }
  }

  private receive(at: number, item: ItemTrack, source: ItemSpec['source'], quantity: number, expiresOn: string | null): void {
    const today = this.env.calendar.dayOf(at);
    const f = this.stock.fund;
    const key = this.nextBatch++;
    item.batches.push({ key, expiresOn, quantity, costFen: item.spec.costFen });
    const line = { item: item.id, batch: key, quantity, unitPriceFen: item.spec.costFen, expiresOn };
    const op: Extract<Op, { k: 'receive' }> = { k: 'receive', at, actor: this.stock.storekeeper, source, lines: [line] };
    if (source === 'purchase') {
      op.supplier = SUPPLIERS[this.r.int(0, SUPPLIERS.length - 1)];
      op.invoiceNo = `FP${today.replace(/-/g, '')}${String(++this.invoices).padStart(6, '0')}`;
      const amount = quantity * item.spec.costFen;
      const spent = this.spent.get(item.spec.budget) ?? 0;
      if (today >= f.startsOn && today <= f.endsOn && spent + amount <= f.budgets[item.spec.budget]) {
        op.charge = { fundId: this.stock.fundId, category: item.spec.budget };
        this.spent.set(item.spec.budget, spent + amount);
      }
    } else if (source === 'donation') op.donor = DONORS[this.r.int(0, DONORS.length - 1)];
    else op.reference = `民救拨〔${today.slice(0, 4)}〕${this.r.int(1, 99)}号`;
    this.emit(op);
  }

  /** Earliest expiry first, never expired stock (stock/movements.ts allocate, mode `usable`); at most what there is. */
  private take(item: ItemTrack, wanted: number, today: string, mode: 'usable' | 'expired'): Allocated[] {
    const eligible = item.batches
      .filter((b) => b.quantity > 0 && isExpired(b.expiresOn, today) === (mode === 'expired'))
      .sort((a, b) => (a.expiresOn ?? '\uffff').localeCompare(b.expiresOn ?? '\uffff') || a.key - b.key);
    const out: Allocated[] = [];
    let left = Math.min(wanted, eligible.reduce((n, b) => n + b.quantity, 0));
    for (const b of eligible) {
      if (left === 0) break;
      const q = Math.min(left, b.quantity);
      b.quantity -= q;
      left -= q;
      out.push({ item: item.id, batch: b.key, quantity: q, unitCostFen: b.costFen });
    }
    item.batches = item.batches.filter((b) => b.quantity > 0);
    return out;
  }

  private issue(at: number, actor: number, head: Omit<Extract<Op, { k: 'issue' }>, 'k' | 'at' | 'actor' | 'lines' | 'taken'>, wants: [ItemTrack, number][], mode: 'usable' | 'expired' = 'usable'): void {
    const today = this.env.calendar.dayOf(at);
    const lines: { item: number; quantity: number }[] = [];
    const taken: Allocated[] = [];
    for (const [item, quantity] of wants) {
      const got = this.take(item, quantity, today, mode);
      const n = got.reduce((x, a) => x + a.quantity, 0);
      if (n === 0) continue;
      lines.push({ item: item.id, quantity: n });
      taken.push(...got);
    }
    if (lines.length) this.emit({ k: 'issue', at, actor, ...head, lines, taken });
  }

  private issueToStay(stayId: number, at: number): void {
    const summer = [6, 7, 8, 9].includes(this.env.calendar.month(at));
    const wants: [ItemTrack, number][] = [];
    for (const item of this.items) {
      const p = item.spec.perStay;
      const n = p ? (summer ? p.summer : p.otherwise) : 0;
      if (n > 0 && this.r.chance(p!.chance)) wants.push([item, n]);
    }
    this.issue(at, deskOn(this.env.staff, at), { destination: 'stay', stayId }, wants);
  }

  private kitchen(at: number, _today: string): void {
    const wants = this.items.filter((i) => i.spec.kitchenDaily).map((i): [ItemTrack, number] => [i, i.spec.kitchenDaily!]);
    this.issue(at, this.stock.storekeeper, { destination: 'station_use', department: '厨房', recipient: '郭平' }, wants);
  }

  private writeOff(at: number, today: string): void {
    const wants = this.items
      .map((i): [ItemTrack, number] => [i, i.batches.filter((b) => isExpired(b.expiresOn, today)).reduce((n, b) => n + b.quantity, 0)])
      .filter(([, n]) => n > 0);
    this.issue(at, this.stock.storekeeper, { destination: 'write_off', reason: 'expired' }, wants, 'expired');
  }

  private charge(at: number): void {
    const amountFen = 80_000;
    const spent = this.spent.get('services') ?? 0;
    if (spent + amountFen > this.stock.fund.budgets.services) return;
    this.spent.set('services', spent + amountFen);
    const invoiceNo = `FW${this.env.calendar.dayOf(at).replace(/-/g, '')}${String(++this.invoices).padStart(6, '0')}`;
    this.emit({ k: 'charge', at, actor: this.stock.storekeeper, fundId: this.stock.fundId, category: 'services', amountFen, description: '高温时段流动救助车辆租赁', invoiceNo });
  }
}
