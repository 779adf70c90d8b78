/**
 * Stock's section of a generated station (the interface: demo/generate/section.ts): the catalogue of cooling
 * supplies and the summer fund 夏季送清凉 (setup), then the period's receipts, issues to stays and the kitchen,
 * write-offs and fund charges (./planner.ts).
 * `demo`: a fortnight of a summer's supplies, one batch already expired on the shelf, the open stays supplied.
 * `bench`: ten years, some two million movements, an item with fifty live batches.
 */
import { itemSaveInput } from '../../../../shared/contract/stock';
import type { BudgetCategory } from '../../../../shared/domain/stock';
import { permissionsOf } from '../../../../shared/domain/roles';
import { cached } from '../../../db/statements';
import { LoginThrottle } from '../../accounts/throttle';
import type { DemoEnv, DemoSection } from '../../demo/generate/section';
import { saveFund } from '../budget';
import { saveItem } from '../catalogue';
import { ITEMS } from './catalogue';
import type { Op } from './ops';
import { StockPlanner, type StockPlanEnv } from './planner';
import { StockBulkWriter, StockServiceWriter } from './writers';

export interface StockDemoReport extends Record<string, number> {
  stockItems: number;
  stockBatches: number;
  stockMovements: number;
  stockIssues: number;
  fundCharges: number;
}

export const FUND_NAME = '夏季送清凉';
/** 150,000 yuan, in fen, by category. */
const BUDGETS: Record<BudgetCategory, number> = { services: 2_000_000, medicine: 3_000_000, food: 6_000_000, clothing: 3_000_000, other: 1_000_000 };

const planEnvs = new WeakMap<DemoEnv, StockPlanEnv>();

export const stockDemo: DemoSection<Op, StockDemoReport> = {
  feature: 'stock',
  /** Issues go to the stays intake wrote. */
  after: ['intake'],

  setup(env) {
    const storekeeper =
      (cached(env.db, "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'storekeeper' AND u.disabled = 0 ORDER BY u.id LIMIT 1").pluck().get() as
        | number
        | undefined) ?? env.staff.admin.id;
    const at = env.now - (env.days + 1) * 86_400_000;
    const c = { db: env.db, now: at, today: env.calendar.dayOf(at), settings: env.settings, actorId: env.staff.admin.id, permissions: permissionsOf(['admin']), throttle: new LoginThrottle() };
    const itemIds = ITEMS.map((spec) => {
      const { perStay: _p, kitchenDaily: _k, costFen: _c, budget: _b, source: _s, ...item } = spec;
      return saveItem(c, itemSaveInput.parse({ ...item, tracksExpiry: spec.shelfLifeDays !== undefined, minLevel: 20, storagePlace: '一号库房' })).itemId;
    });
    const year = env.calendar.dayOf(env.now).slice(0, 4);
    const fund = { startsOn: `${year}-06-01`, endsOn: `${year}-09-30`, budgets: BUDGETS };
    const fundId = saveFund(c, { name: FUND_NAME, ...fund });
    planEnvs.set(env, { fundId, fund, itemIds, storekeeper });
  },

  plan(env, emit, tick) {
    new StockPlanner(env, planEnvs.get(env)!, emit).run(tick);
  },

  services: (env) => new StockServiceWriter(env),
  bulk: (env) => new StockBulkWriter(env),

  report({ db }: DemoEnv): StockDemoReport {
    const n = (sql: string) => (cached(db, sql).get() as { n: number }).n;
    return {
      stockItems: n('SELECT count(*) AS n FROM stock_items'),
      stockBatches: n('SELECT count(*) AS n FROM stock_batches'),
      stockMovements: n('SELECT count(*) AS n FROM stock_movements'),
      stockIssues: n('SELECT count(*) AS n FROM stock_issues'),
      fundCharges: n('SELECT count(*) AS n FROM stock_fund_charges'),
    };
  },
};
