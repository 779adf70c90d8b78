/** The supplies of a generated station: what it keeps, what each costs, how fast it goes, and how it comes in. */
import type { BudgetCategory, StockCategory } from '../../../../shared/domain/stock';

export interface ItemSpec {
  name: string;
  category: StockCategory;
  unit: string;
  size?: string;
  sex?: 'male' | 'female' | 'unisex';
  /** Shelf life in days; none: the item does not track expiry. */
  shelfLifeDays?: number;
  frontDesk: boolean;
  costFen: number;
  budget: BudgetCategory;
  source: 'purchase' | 'donation' | 'allocation';
  /** Given to each admitted stay: [in summer, otherwise] units, with this chance. */
  perStay?: { summer: number; otherwise: number; chance: number };
  /** Taken by the kitchen every morning. */
  kitchenDaily?: number;
}

export const ITEMS: readonly ItemSpec[] = [
  { name: '矿泉水 550ml', category: 'water', unit: '瓶', shelfLifeDays: 365, frontDesk: true, costFen: 120, budget: 'food', source: 'purchase', perStay: { summer: 4, otherwise: 2, chance: 1 } },
  { name: '藿香正气水', category: 'medicine', unit: '支', shelfLifeDays: 730, frontDesk: true, costFen: 150, budget: 'medicine', source: 'purchase', perStay: { summer: 2, otherwise: 1, chance: 0.4 } },
  { name: '清凉油', category: 'medicine', unit: '盒', shelfLifeDays: 1095, frontDesk: true, costFen: 300, budget: 'medicine', source: 'donation', perStay: { summer: 1, otherwise: 0, chance: 0.3 } },
  // The item with many live batches: donated a few bottles at a time and kept for emergencies.
  { name: '十滴水', category: 'medicine', unit: '瓶', shelfLifeDays: 1825, frontDesk: false, costFen: 500, budget: 'medicine', source: 'donation' },
  { name: '方便面', category: 'food', unit: '桶', shelfLifeDays: 180, frontDesk: true, costFen: 450, budget: 'food', source: 'purchase', perStay: { summer: 1, otherwise: 1, chance: 1 } },
  { name: '面包', category: 'food', unit: '个', shelfLifeDays: 10, frontDesk: true, costFen: 300, budget: 'food', source: 'purchase', perStay: { summer: 2, otherwise: 2, chance: 0.9 } },
  { name: '八宝粥', category: 'food', unit: '罐', shelfLifeDays: 365, frontDesk: false, costFen: 400, budget: 'food', source: 'allocation', kitchenDaily: 12 },
  { name: '绿豆糕', category: 'food', unit: '盒', shelfLifeDays: 30, frontDesk: false, costFen: 1500, budget: 'food', source: 'donation' },
  { name: '洗漱包', category: 'other', unit: '套', frontDesk: true, costFen: 800, budget: 'other', source: 'purchase', perStay: { summer: 1, otherwise: 1, chance: 0.8 } },
  { name: '夏季短袖', category: 'clothing', unit: '件', size: 'L', sex: 'male', frontDesk: true, costFen: 2500, budget: 'clothing', source: 'donation', perStay: { summer: 1, otherwise: 0, chance: 0.25 } },
  { name: '夏季短袖', category: 'clothing', unit: '件', size: 'M', sex: 'female', frontDesk: true, costFen: 2500, budget: 'clothing', source: 'donation', perStay: { summer: 1, otherwise: 0, chance: 0.1 } },
  { name: '长裤', category: 'clothing', unit: '条', size: 'L', sex: 'unisex', frontDesk: true, costFen: 3000, budget: 'clothing', source: 'allocation', perStay: { summer: 0, otherwise: 1, chance: 0.3 } },
];

export const FEFO_ITEM = '十滴水';
/** A box of sweets donated with a short date and never given out: it expires on the shelf (the demo shows it). */
export const SHORT_DATED_ITEM = '绿豆糕';

export const SUPPLIERS = ['城东副食批发部', '惠民医药连锁', '百佳日用品商行'];
export const DONORS = ['爱心企业 顺达物流', '区红十字会', '市慈善总会', '志愿者 陈女士'];
