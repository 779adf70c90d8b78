'use strict';
/**
 * The child of tests/core/crash.test.ts: the BUILT core (dist/, from `npm run build`) writing as fast as it can
 * until the parent kills it with SIGKILL.
 *
 *   node tests/core/crash-writer.cjs <dataDir> <firstSequenceNumber>
 *
 * Opens the data folder, sets the station up if it is new, logs in (as an admin who is also front desk), then
 * loops forever registering intakes of a person named `断电-<n>`. Each line `<n>` on stdout is written only after
 * that call returned ok, i.e. after its transaction (the person, the stay, the search index and the audit row)
 * committed. `ready` is printed once, before the loop.
 * Any refusal is a failure: it is printed on stderr and the process exits with code 3.
 */
const fs = require('node:fs');
const path = require('node:path');

const { openCore } = require(path.join(__dirname, '..', '..', 'dist', 'electron', 'core.js'));

const [dataDir, first] = process.argv.slice(2);
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
if (!user.roles.includes('front_desk')) {
  call('accounts.update', { id: user.id, displayName: ADMIN.displayName, roles: ['admin', 'front_desk'] }, sessionId);
}
// fs.writeSync: the line is in the pipe before the next call starts, whatever stdout's buffering.
fs.writeSync(1, 'ready\n');

for (let n = Number(first); ; n += 1) {
  call('intake.register', { person: { name: `断电-${n}`, sex: 'male', estimatedAge: 40 }, channel: 'walk_in', arrivedAt: Date.now() }, sessionId);
  fs.writeSync(1, `${n}\n`);
}
