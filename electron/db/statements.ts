import type { Statement } from 'better-sqlite3';
import type { DB } from './open';

const prepared = new WeakMap<DB, Map<string, Statement>>();

/**
 * The statement for `sql` on this connection, prepared once. Preparing costs about as much as running a small
 * statement, and the hot paths (every call's actor and settings, search, the stay page, the board) run the same
 * few dozen texts all day. Only for fixed SQL text: never a string with values spliced in. A restore's new
 * connection gets its own statements (the map is per connection).
 */
export function cached(db: DB, sql: string): Statement {
  let byText = prepared.get(db);
  if (!byText) prepared.set(db, (byText = new Map()));
  let s = byText.get(sql);
  if (!s) byText.set(sql, (s = db.prepare(sql)));
  return s;
}
