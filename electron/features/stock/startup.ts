import type { BalanceCheck, BalanceMismatch } from '../../../shared/contract/stock-views';
import type { DB } from '../../db/open';
import { onWorker } from '../../db/worker';
import type { Logger } from '../../log';
import { BALANCE_MISMATCHES, checkBalances, recordCheck } from './balances';

/**
 * The start-up check of the stock balances against the movements, after the file's quick_check passed. It reads every
 * movement (two million at the benchmark's station), so it runs on a worker thread's read-only snapshot, and on this
 * thread only when no worker can run.
 *
 * A mismatch does not stop the station: intake, handovers and everything else go on. It is loud: logged as an error,
 * an urgent alert (`stock.balancesMismatch`) on every stock reader's board, and stock is not moved until the
 * storekeeper rebuilds the balances from the movements (`stock.balancesRebuild`, audited with what it found).
 */
export async function checkStockAtStartup(db: DB, file: string, clock: () => number, logger: Logger): Promise<BalanceCheck> {
  const started = clock();
  let check: BalanceCheck;
  try {
    const mismatches = (await onWorker('query', file, BALANCE_MISMATCHES)) as BalanceMismatch[];
    check = { ok: mismatches.length === 0, checkedAt: clock(), mismatches };
  } catch (e) {
    logger.error('stock balance check could not run on a worker; checking on the main thread', { error: e instanceof Error ? e.message : String(e) });
    check = checkBalances(db, clock());
  }
  recordCheck(db, check);
  if (check.ok) logger.info('stock balances match the movements', { ms: clock() - started });
  else logger.error('stock balances do not match the movements; stock is held until they are rebuilt', { mismatches: check.mismatches.slice(0, 20), count: check.mismatches.length });
  return check;
}
