'use strict';
/**
 * A child of tests/core/stock/stock-concurrency.test.ts: the BUILT core (dist/) issuing one item as fast as it can, beside
 * other processes doing the same on the same database file.
 *
 *   node tests/core/stock/stock-issuer.cjs <dataDir> <username> <password> <itemId> <quantity>
 *
 * Signs in, prints `ready`, waits for a line `go` on stdin, then issues `quantity` of the item to station use until
 * the answer is STOCK_INSUFFICIENT, and prints `done <issues>`. Any other refusal is a failure: it is printed on stderr
 * and the process exits with code 3.
 */
const fs = require('node:fs');
const path = require('node:path');

const { openCore } = require(path.join(__dirname, '..', '..', '..', 'dist', 'electron', 'core.js'));
const [dataDir, username, password, itemId, quantity] = process.argv.slice(2);
const core = openCore({ dataDir, logger: { info() {}, error: (m, meta) => process.stderr.write(`${m} ${JSON.stringify(meta)}\n`) } });
const login = core.dispatch('auth.login', { username, password }, {});
if (!login.ok) {
  process.stderr.write(`login failed: ${JSON.stringify(login.error)}\n`);
  process.exit(3);
}
const { sessionId } = login.value;
fs.writeSync(1, 'ready\n');

process.stdin.setEncoding('utf8');
process.stdin.once('data', () => {
  let issues = 0;
  for (;;) {
    const r = core.dispatch('stock.issue', { destination: 'station_use', department: '并发测试', lines: [{ itemId: Number(itemId), quantity: Number(quantity) }] }, { sessionId });
    if (r.ok) issues += 1;
    else if (r.error.code === 'STOCK_INSUFFICIENT') break;
    else {
      process.stderr.write(`stock.issue failed: ${JSON.stringify(r.error)}\n`);
      process.exit(3);
    }
  }
  core.close();
  fs.writeSync(1, `done ${issues}\n`);
  process.exit(0);
});
