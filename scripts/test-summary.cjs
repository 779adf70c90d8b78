// Sums vitest's and Playwright's JSON reports and the named checks into one line,
// `tests: N passed, M failed[, K skipped]`, saved to test-results/summary.txt; exits 1 if anything failed.
const fs = require('node:fs');
const path = require('node:path');
const dir = path.join(__dirname, '..', 'test-results');
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

const read = (f) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  } catch {
    missing.push(f);
    failed += 1; // a runner that left no report did not pass
    return null;
  }
};

const v = read('vitest.json');
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests + (v.numRuntimeErrorTestSuites ?? 0);
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  if (v.numTotalTests === 0) failed += 1;
}
for (const f of ['e2e.json', 'electron.json']) {
  const p = read(f);
  if (p) {
    passed += p.stats.expected + p.stats.flaky;
    failed += p.stats.unexpected + (p.errors?.length ?? 0);
    skipped += p.stats.skipped;
  }
}
let checks = [];
try {
  checks = fs.readFileSync(path.join(dir, 'checks.txt'), 'utf8').trim().split('\n').filter(Boolean);
} catch {}
for (const c of checks) c.endsWith(' ok') ? (passed += 1) : (failed += 1);

if (missing.length) console.log(`missing reports: ${missing.join(', ')}`);
for (const c of checks.filter((c) => !c.endsWith(' ok'))) console.log(`check ${c}`);
const line = `tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
fs.writeFileSync(path.join(dir, 'summary.txt'), line + '\n');
console.log(line);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
