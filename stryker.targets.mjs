// The rule files and the tests that guard each one, for `npm run mutate` (scripts/mutate.mjs).
// Stryker mutates every rule file in one run, and runs each mutant against its own file's tests here only
// (scripts/stryker-mapped-runner.mjs): a file is judged by the tests that state its rules, not by any test that happens
// to reach it. A test that reads the source (conventions.test.ts) is not mapped: the sandbox holds it instrumented.
//
// A rule file is found by RULE_FILE_PATTERNS below. Each one found must be listed in TARGETS with its tests, or in
// NOT_RULE_FILES with the reason it holds no rule: `npm run mutate` refuses to start otherwise, so a new module's
// rule files cannot be left out. New modules keep their rule files at 90% or above (README, "Mutation testing").

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';


/** Every file under a folder, at any depth (paths joined to `dir`); none for a folder that is not there. */
export const filesUnder = (dir) =>
  !fs.existsSync(dir) ? [] : fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const here = path.dirname(fileURLToPath(import.meta.url));
/** A test file by its name, wherever it sits under tests/core/ (tests live in a folder per feature). */
const byName = new Map(filesUnder(path.join(here, 'tests/core')).map((f) => [path.basename(f), path.relative(here, f).split(path.sep).join('/')]));
const core = (...names) => names.map((n) => byName.get(`${n}.test.ts`) ?? `tests/core/${n}.test.ts`);

/** Rule file → the test files that state its rules. */
export const TARGETS = {
  // Domain rules shared by both processes.
  'shared/domain/idcard.ts': core('idcard'),
  'shared/domain/person.ts': core('person', 'idcard', 'intake-limits', 'calendar'),
  'shared/domain/result.ts': core('dispatch', 'result'),
  'shared/domain/roles.ts': core('roles'),
  'shared/domain/time.ts': core('time'),

  // The contract's field rules and refinements. Most of a schema is built when its module loads, so Stryker runs
  // every test mapped here for each of those mutants: the schemas' own tests, which need no database, keep that quick.
  // contract-samples: no field of a valid call is dropped on its way to the handler; roles: each procedure's access
  // against the permission spec.
  'shared/contract/fields.ts': core('contract-fields', 'intake-contract', 'people-contract', 'contract-samples'),
  'shared/contract/accounts.ts': core('contract-fields', 'contract-samples', 'roles'),
  'shared/contract/auth.ts': core('contract-fields', 'contract-samples', 'roles'),
  'shared/contract/setup.ts': core('contract-fields', 'contract-samples', 'roles'),
  'shared/contract/people.ts': core('contract-fields', 'people-contract', 'contract-samples', 'roles'),
  'shared/contract/intake.ts': core('contract-fields', 'intake-contract', 'contract-samples', 'roles'),
  'shared/contract/backup.ts': core('contract-fields', 'backup-contract', 'contract-samples', 'roles'),

  // The dispatcher and the audit chain.
  'electron/rpc/dispatch.ts': core('dispatch'),
  'electron/features/audit/chain.ts': core('audit'),
  'electron/features/audit/procedures.ts': core('audit'),

  // Accounts, sign-in and settings.
  'electron/features/accounts/service.ts': core('accounts', 'dispatch'), // dispatch: an account disabled behind a session's back
  'electron/features/accounts/password.ts': core('accounts'),
  'electron/features/accounts/throttle.ts': core('accounts'),
  'electron/features/accounts/procedures.ts': core('accounts', 'account-records'), // no disabling one's own account; each change on the record
  'electron/features/accounts/auth-procedures.ts': core('accounts', 'sign-in'), // sign-in, throttle, lock, password change, on the record
  'electron/features/settings/service.ts': core('settings', 'accounts'),
  'electron/features/settings/procedures.ts': core('settings', 'accounts', 'duty-settings'), // the warning day never after the limit; the duty settings fit together
  'electron/features/setup/procedures.ts': core('accounts', 'setup'), // set up once, the demo station, on the record

  // Intake and people.
  'electron/features/intake/zones.ts': core('zones', 'placement', 'audit-rows'), // audit-rows: what each zone and bed change records
  'electron/features/intake/care.ts': core('intake', 'intake-limits', 'placement', 'intake-integrity', 'stay-history', 'audit-rows'),
  'electron/features/intake/stays.ts': core('intake', 'intake-limits', 'intake-integrity', 'audit-rows'), // intake-integrity: a person on record born after the arrival, discharge times, an unknown age's protective path; audit-rows: what a registration, triage and discharge wrote
  'electron/features/intake/board.ts': core('intake', 'intake-limits', 'board-lists', 'alerts'), // alerts: the lists only the alerts and the handover read (at hospital, over the limit)
  'electron/features/people/service.ts': core('intake', 'intake-integrity', 'person-edits.property', 'audit-rows'), // intake-integrity and person-edits: the record and its ID number never disagree; audit-rows: an edit's before and after
  'electron/features/people/search.ts': core('intake', 'intake-integrity', 'migration-0030'), // intake-integrity: an unknown age in search; migration-0030: the gram index, short queries, an exact name first, ages in SQL

  // Backups and recovery.
  'electron/features/backup/service.ts': core('backup', 'backup-checks', 'backup-no-worker'),
  'electron/features/backup/restore.ts': core('backup'),
  'electron/features/backup/rotation.ts': core('backup'),
  'electron/features/backup/procedures.ts': core('backup'), // which folders a manual backup may go to

  // The kit (issue 9): witnesses, signatures, alerts, exports, the audit trail's reading, station timers.
  'electron/features/accounts/witness.ts': core('witness'),
  'shared/domain/signatures.ts': core('signatures'),
  'electron/features/signatures/canonical.ts': core('signatures'),
  'electron/features/signatures/index.ts': core('signatures'),
  'electron/features/signatures/keys.ts': core('signatures'),
  'electron/features/signatures/sign.ts': core('signatures', 'handover'),
  'electron/features/signatures/verify.ts': core('signatures', 'handover'),
  'electron/features/alerts/registry.ts': core('alerts'),
  'electron/features/index.ts': core('main-features', 'alerts', 'handover'),
  'electron/features/alerts/procedures.ts': core('alerts'),
  'electron/features/intake/alerts.ts': core('alerts', 'intake', 'main-features'), // main-features: the providers registered by their feature
  'electron/features/audit/trail.ts': core('audit'),
  'electron/features/backup/schedule.ts': core('timers', 'backup'), // backup: the quit backup runs as a job, beside no other
  'shared/contract/export.ts': core('export'),
  'electron/features/export/cells.ts': core('export-workbook'),
  'electron/features/export/sheet.ts': core('export-workbook'),
  'electron/features/export/workbook.ts': core('export-workbook'),
  'electron/features/export/files.ts': core('export-files', 'export-save', 'export'), // export: one a session and MAX_PENDING in all, CONFLICT while building, kept KEEP_FILE_MS
  'electron/features/export/start.ts': core('export'),
  'electron/features/export/procedures.ts': core('export'),
  'electron/features/intake/export-register.ts': core('export'),
  'electron/features/intake/export-labels.ts': core('export'),

  // The order the generator runs the features' demo sections in (a section after those it reads).
  'electron/features/demo/generate/order.ts': core('section-order', 'main-features'),

  // Intake's row writers and views, the calendar (issue 8).
  'shared/domain/calendar.ts': core('intake-integrity', 'time', 'calendar'),
  'shared/domain/stay.ts': core('intake', 'stay'),
  'electron/features/intake/rows.ts': core('intake', 'audit-rows'),
  'electron/features/intake/stay-view.ts': core('intake', 'intake-limits'),
  'electron/features/people/records.ts': core('intake-integrity', 'person-edits.property', 'intake'), // intake: a person's photo and links
  'electron/features/people/rows.ts': core('intake', 'audit-rows'),
  'electron/features/setup/service.ts': core('accounts', 'setup'), // setup: the demo station loads once, into an empty station
  'shared/contract/settings.ts': core('contract-fields', 'settings', 'duty-settings'), // contract-fields: each setting's limits, both sides

  // Duty (issue 10): rosters, patrols, incidents, handovers.
  'shared/domain/duty.ts': core('duty-domain'),
  'shared/contract/roster.ts': core('contract-fields', 'roster-contract', 'contract-samples', 'roles'), // its schemas alone; roster.test.ts (a station) is too slow to run for every mutant
  'shared/contract/patrol.ts': core('contract-fields', 'patrol-contract', 'contract-samples', 'roles'), // its schemas alone; patrol.test.ts (a station) is too slow to run for every mutant
  'shared/contract/handover.ts': core('handover'),
  'electron/features/roster/context.ts': core('roster-changes'),
  'electron/features/roster/schedule.ts': core('patrol', 'duty-domain', 'roster'), // patrol: a missed round, the grace period, one round one slot, retired checkpoints
  'electron/features/roster/staff.ts': core('roster', 'patrol'), // patrol: a round walked by the signed-in user is their own staff row's
  'electron/features/roster/assignments.ts': core('roster'),
  'electron/features/roster/planning.ts': core('roster', 'roster-changes'), // roster-changes: publishing, with and without an override
  'electron/features/roster/coverage.ts': core('roster', 'duty-domain'),
  'electron/features/roster/changes.ts': core('roster-changes'),
  'electron/features/roster/view.ts': core('roster', 'roster-changes'), // roster-changes: the publications and changes the roster shows
  'electron/features/roster/on-duty.ts': core('roster', 'handover', 'roster-changes'), // roster-changes: "on duty now"
  'electron/features/roster/patrols.ts': core('patrol'),
  'electron/features/roster/follow-ups.ts': core('patrol'),
  'electron/features/roster/incidents.ts': core('patrol'),
  'electron/features/roster/alerts.ts': core('patrol', 'alerts', 'roster-changes'), // roster-changes: a published roster's gaps as an alert
  'electron/features/roster/export.ts': core('roster-export'),
  'electron/features/roster/procedures.ts': core('roster', 'roster-changes', 'patrol', 'roster-export'), // roster-export: roster.export reaches the exporter
  'electron/features/handover/service.ts': core('handover'),
  'electron/features/handover/flow.ts': core('handover'),
  'electron/features/handover/procedures.ts': core('handover'),

  // Stock (issue 11).
  'shared/domain/stock.ts': core('stock-domain', 'stock.property', 'stock-stocktake'), // stock-stocktake: which reasons fit a surplus, which a shortage
  'shared/contract/stock.ts': core('contract-fields', 'stock-contract', 'contract-samples', 'roles'), // no database: stock.test.ts states the same refusals through a station, too slow to run per mutant of a schema built at load
  'electron/features/stock/context.ts': core('stock'),
  'electron/features/stock/catalogue.ts': core('stock', 'stock-ledger'), // stock-ledger: the supply alerts read each item's expired, expiring and below-minimum figures from listItems
  'electron/features/stock/movements.ts': core('stock', 'stock.property', 'stock-stocktake'), // stock-stocktake: writeMovements posts a stocktake's differences, each pointing at its stocktake
  'electron/features/stock/balances.ts': core('stock', 'stock.property', 'stock-ledger'), // stock-ledger: the check, the rebuild, stock held until rebuilt
  'electron/features/stock/receipts.ts': core('stock', 'stock-stocktake', 'stock-ledger'), // stock-stocktake: batches found at a count; stock-ledger: a purchase charged to a fund
  'electron/features/stock/issues.ts': core('stock', 'stock.property'),
  'electron/features/stock/approval.ts': core('stock', 'stock-stocktake'),
  'electron/features/stock/reversals.ts': core('stock', 'stock.property', 'stock-ledger'),
  'electron/features/stock/stocktake.ts': core('stock-stocktake'),
  'electron/features/stock/ledger.ts': core('stock-ledger'),
  'electron/features/stock/journal.ts': core('stock-ledger'),
  'electron/features/stock/budget.ts': core('stock-ledger'),
  'electron/features/stock/alerts.ts': core('stock-ledger', 'stock', 'alerts', 'main-features'), // stock-ledger: the alerts and the handover's supply section; main-features: the feature each provider is registered under
  'electron/features/stock/startup.ts': core('stock', 'stock-startup'), // stock-startup: the check on a worker or the main thread, its log lines, stock held
  'electron/features/stock/ledger-export.ts': core('stock-export'),
  'electron/features/stock/procedures.ts': core('stock', 'stock-stocktake', 'stock-ledger', 'stock-export'), // stock-export: stock.exportLedger
};

/** Files the patterns find that hold no rule, and why. */
export const NOT_RULE_FILES = {
  'electron/features/intake/procedures.ts': 'bindings: each handler calls the rules in stays.ts, care.ts and zones.ts and writes its audit row',
  'electron/features/people/procedures.ts': 'bindings: each handler calls the rules in service.ts and search.ts and writes its audit row',
  'electron/features/demo/generate.ts': 'the demo station’s made-up data, not a rule of the station (tests/core/demo/generate.test.ts checks it keeps the rules)',
};

/** Where rule files live: the domain, the contract files that hold refinements, the features, the dispatcher. */
export function discoverRuleFiles(root) {
  const ts = (dir) =>
    fs
      .readdirSync(path.join(root, dir), { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => `${dir}/${e.name}`);
  const features = fs
    .readdirSync(path.join(root, 'electron/features'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => ts(`electron/features/${e.name}`));
  const refines = (file) => /\.(refine|superRefine)\(/.test(fs.readFileSync(path.join(root, file), 'utf8'));
  return [...ts('shared/domain'), ...ts('shared/contract').filter(refines), ...features, 'electron/rpc/dispatch.ts'].sort();
}

/** Problems with the map: a rule file not placed, a mapped file or test that does not exist. */
export function mapProblems(root) {
  const problems = [];
  for (const file of discoverRuleFiles(root)) {
    if (!(file in TARGETS) && !(file in NOT_RULE_FILES)) {
      problems.push(`${file} holds rules but has no tests mapped: add it to TARGETS in stryker.targets.mjs (or to NOT_RULE_FILES, saying why)`);
    }
  }
  for (const [file, tests] of Object.entries(TARGETS)) {
    if (!fs.existsSync(path.join(root, file))) problems.push(`${file} is mapped but does not exist`);
    if (tests.length === 0) problems.push(`${file} has no tests mapped`);
    for (const t of tests) if (!fs.existsSync(path.join(root, t))) problems.push(`${file}: its test ${t} does not exist`);
  }
  return problems;
}
