/** The steps of stock's demo section: what the planner decides, and both writers apply. Batches are the planner's keys. */
import type { BudgetCategory } from '../../../../shared/domain/stock';

export interface ReceiptLinePlan {
  item: number;
  /** The planner's key of the batch the line makes (the writers map it to the row id). */
  batch: number;
  quantity: number;
  unitPriceFen: number;
  expiresOn: string | null;
}

export interface Allocated {
  item: number;
  batch: number;
  quantity: number;
  unitCostFen: number;
}

export type Op =
  | {
      k: 'receive';
      at: number;
      actor: number;
      source: 'purchase' | 'donation' | 'allocation';
      supplier?: string;
      invoiceNo?: string;
      donor?: string;
      reference?: string;
      charge?: { fundId: number; category: BudgetCategory };
      lines: ReceiptLinePlan[];
    }
  | {
      k: 'issue';
      at: number;
      actor: number;
      destination: 'stay' | 'station_use' | 'write_off';
      stayId?: number;
      department?: string;
      recipient?: string;
      reason?: 'expired';
      /** What each line asks for, and (for the bulk writer) the batches earliest-expiry-first gives it. */
      lines: { item: number; quantity: number }[];
      taken: Allocated[];
    }
  | { k: 'charge'; at: number; actor: number; fundId: number; category: BudgetCategory; amountFen: number; description: string; invoiceNo: string };
