'use strict';
/**
 * The child of tests/core/harness/crash.test.ts: the BUILT core (dist/, from `npm run build`) writing as fast as it can
 * until the parent kills it with SIGKILL.
 *
 *   node tests/core/harness/crash-writer.cjs <dataDir> <firstSequenceNumber> [intake|handover|stock]
 *
 * Opens the data folder, sets the station up if it is new, logs in, then loops forever:
 * - intake (the default), as an admin who is also front desk: registers intakes of a person named `断电-<n>`;
 * - handover, as an admin who is also a duty leader: opens the handover of the night shift <n> days ago, submits it,
 *   has a colleague acknowledge it with their password, and signs it with the reason `断电测试-<n>`. A handover left
 *   half-way by an earlier kill is taken up where it stands.
 * - stock, as an admin who is also a storekeeper: a receipt of two batches (reference `断电-<n>`) and an issue that takes
 *   from both (department `断电-<n>`), each its own transaction; `<n>` is printed once both have committed.
 * Each line `<n>` on stdout is written only after the last call for <n> returned ok, i.e. after its transaction
 * committed. `ready` is printed once, before the loop.
 * Any refusal is a failure: it is printed on stderr and the process exits with code 3.
 */
const fs = require('node:fs');
const path = require('node:path');

const { openCore } = require(path.join(__dirname, '..', '..', '..', 'dist', 'electron', 'core.js'));

const [dataDir, first, mode = 'intake'] = process.argv.slice(2);
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
function call(name, input, sessionId, allowed = []) {
  const r = core.dispatch(name, input, { sessionId });
  if (!r.ok && allowed.includes(r.error.code)) return r.error;
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
const roles = ['admin', { handover: 'duty_leader', stock: 'storekeeper' }[mode] ?? 'front_desk'];
if (!roles.every((r) => user.roles.includes(r))) {
  call('accounts.update', { id: user.id, displayName: ADMIN.displayName, roles: [...new Set([...user.roles, ...roles])] }, sessionId);
}

if (mode === 'handover') handovers();
else if (mode === 'stock') stock();
else intakes();

function intakes() {
  // fs.writeSync: the line is in the pipe before the next call starts, whatever stdout's buffering.
  fs.writeSync(1, 'ready\n');
  for (let n = Number(first); ; n += 1) {
    call('intake.register', { person: { name: `断电-${n}`, sex: 'male', estimatedAge: 40 }, channel: 'walk_in', arrivedAt: Date.now() }, sessionId);
    fs.writeSync(1, `${n}\n`);
  }
}

function stock() {
  const known = call('stock.items', { q: '断电水' }, sessionId)[0];
  const itemId = known ? known.id : call('stock.itemSave', { name: '断电水', category: 'water', unit: '瓶', tracksExpiry: true }, sessionId).id;
  fs.writeSync(1, 'ready\n');
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

function handovers() {
  const INCOMING = { username: 'crashdesk', password: 'Desk-pass-1' };
  const incoming =
    call('accounts.list', {}, sessionId).find((a) => a.username === INCOMING.username) ??
    call('accounts.create', { username: INCOMING.username, displayName: '接班', roles: ['front_desk'], password: INCOMING.password, passwordConfirm: INCOMING.password }, sessionId);
  fs.writeSync(1, 'ready\n');
  for (let n = Number(first); ; n += 1) {
    const day = new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const opened = call('handover.open', { day, shift: 'night' }, sessionId, ['CONFLICT']);
    const id = opened.id ?? opened.detail.handoverId;
    let state = call('handover.get', { id }, sessionId).state;
    if (state === 'open') state = call('handover.submit', { id, notes: `夜班 ${n}` }, sessionId).state;
    if (state === 'submitted') state = call('handover.acknowledge', { id, incoming: { userId: incoming.id, password: INCOMING.password } }, sessionId).state;
    if (state === 'acknowledged') call('handover.sign', { id, password: ADMIN.password, reason: `断电测试-${n}` }, sessionId);
    fs.writeSync(1, `${n}\n`);
  }
}
