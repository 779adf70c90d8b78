'use strict';
/**
 * The child of tests/core/crash.test.ts: the BUILT core (dist/, from `npm run build`) writing as fast as it can
 * until the parent kills it with SIGKILL.
 *
 *   node tests/core/crash-writer.cjs <dataDir> <firstSequenceNumber> [stock]
 *
 * Opens the data folder, sets the station up if it is new, logs in (as an admin who is also front desk), then
 * loops forever registering intakes of a person named `断电-<n>`. Each line `<n>` on stdout is written only after
 * that call returned ok, i.e. after its transaction (the person, the stay, the search index and the audit row)
 * committed. `ready` is printed once, before the loop.
 * With `stock`, it loops over stock instead: a receipt of two batches (reference `断电-<n>`) and an issue that takes
 * from both (department `断电-<n>`), each its own transaction; `<n>` is printed once both have committed.
 * Any refusal is a failure: it is printed on stderr and the process exits with code 3.
 */
const fs = require('node:fs');
const path = require('node:path');

const { openCore } = require(path.join(__dirname, '..', '..', 'dist', 'electron', 'core.js'));

const [dataDir, first, mode] = process.argv.slice(2);
if (!dataDir || !first) {
  process.stderr.write('usage: crash-writer.cjs <dataDir> <firstSequenceNumber>\n');
  process.exit(2);
}

const ADMIN = { username: 'crash', displayName: '断电测试', password: 'Crash-pass-1', passwordConfirm: 'Crash-pass-1' };
const logger = {
  info() {},
  error(message, meta) {
    process.stderr.write(`${message} ${JSON.stringify(meta)}\n`);
  },
};

const core = openCore({ dataDir, logger });
function call(name, input, sessionId) {
  const r = core.dispatch(name, input, { sessionId });
  if (!r.ok) {
    process.stderr.write(`${name} failed: ${JSON.stringify(r.error)}\n`);
    process.exit(3);
  }
  return r.value;
}

if (!call('setup.status', {}).initialized) {
  call('setup.initialize', { stationName: '站点-初始', timeZone: 'Asia/Shanghai', admin: ADMIN });
}
const { sessionId, user } = call('auth.login', { username: ADMIN.username, password: ADMIN.password });
if (!user.roles.includes('front_desk') || !user.roles.includes('storekeeper')) {
  call('accounts.update', { id: user.id, displayName: ADMIN.displayName, roles: ['admin', 'front_desk', 'storekeeper'] }, sessionId);
}
// fs.writeSync: the line is in the pipe before the next call starts, whatever stdout's buffering.
fs.writeSync(1, 'ready\n');

if (mode === 'stock') {
  const known = call('stock.items', { q: '断电水' }, sessionId)[0];
  const itemId = known ? known.id : call('stock.itemSave', { name: '断电水', category: 'water', unit: '瓶', tracksExpiry: true }, sessionId).id;
  for (let n = Number(first); ; n += 1) {
    const lines = [
      { itemId, quantity: 3, expiresOn: '2030-01-01' },
      { itemId, quantity: 3, expiresOn: '2029-01-01' },
    ];
    call('stock.receive', { source: 'allocation', reference: `断电-${n}`, lines }, sessionId);
    call('stock.issue', { destination: 'station_use', department: `断电-${n}`, lines: [{ itemId, quantity: 4 }] }, sessionId);
    fs.writeSync(1, `${n}\n`);
  }
}

for (let n = Number(first); ; n += 1) {
  call('intake.register', { person: { name: `断电-${n}`, sex: 'male', estimatedAge: 40 }, channel: 'walk_in', arrivedAt: Date.now() }, sessionId);
  fs.writeSync(1, `${n}\n`);
}
