-- An issue across 50 batches wrote 86 pages to the WAL, 50 of them leaves of stock_movements_by_batch: each batch's
-- movements sit in their own part of that index, so a document touching N batches dirtied N leaves of it, and the
-- commit wrote and synced them all (issue 11, the earliest-expiry-first issue's p95). Without it the same issue writes
-- 32. Its only reader was the balances check, which runs on a worker thread's connection at start-up: it now sums
-- each batch's movements in one pass over the table (3.0 s instead of 1.4 s at two million movements, while the desk
-- works), and the storekeeper's rebuild does the same in one grouped statement (electron/features/stock/balances.ts).
DROP INDEX stock_movements_by_batch;
