// `npm run mutate [-- <file>…]`: Stryker over every rule file (or the ones named), each against its own tests
// (stryker.targets.mjs). Prints the score of each file as a table, leaves Stryker's HTML report for each file in
// reports/mutation/, and keeps the table as JSON in reports/mutation/summary.json (the README shows the last full run).
// Exits 1 when the map is incomplete, a run fails, or a file scores below the break threshold.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TARGETS, mapProblems } from '../stryker.targets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = path.join(root, 'reports', 'mutation');
const summaryFile = path.join(reportDir, 'summary.json');
const slug = (file) => file.replace(/\.ts$/, '').replace(/[/\\]/g, '__');

const problems = mapProblems(root);
if (problems.length) {
  for (const p of problems) console.error(`mutate: ${p}`);
  process.exit(1);
}

if (process.argv.includes('--stale')) {
  const { staleRows } = await import('./mutation-stale.mjs');
  const stale = await staleRows(root, Object.keys(TARGETS));
  for (const s of stale) console.log(`${s.file}: ${s.row === null ? 'no row' : `${s.row} mutants in its row`}, ${s.now} now`);
  console.log(stale.length ? `\n${stale.length} rows older than their files: npm run mutate -- ${stale.map((s) => s.file).join(' ')}` : 'Every row counts its file’s mutants as they are now.');
  process.exit(0);
}

// npm runs scripts from the package root; INIT_CWD is where `npm run mutate -- <file>` was typed.
const cwd = process.env.INIT_CWD ?? process.cwd();
const asked = process.argv.slice(2).map((f) => path.relative(root, path.resolve(cwd, f)).split(path.sep).join('/'));
for (const f of asked) {
  if (!(f in TARGETS)) {
    console.error(`mutate: ${f} is not a rule file in stryker.targets.mjs`);
    process.exit(1);
  }
}
const files = asked.length ? asked : Object.keys(TARGETS);

const oneLine = (text) => String(text).replace(/\s+/g, ' ').trim().slice(0, 80);
/**
 * The code a mutant replaced, from its location (lines and columns from 1): the span itself, not the start of its line,
 * which hides which of a line's expressions was changed (two objects of one `throw` read alike from the line).
 */
function spanOf(lines, { start, end }) {
  const text = lines.slice(start.line - 1, end.line).map((l, i, all) => (i === all.length - 1 ? l.slice(0, end.column - 1) : l));
  text[0] = text[0].slice(start.column - 1);
  return oneLine(text.join('\n'));
}

/** Stryker's JSON report → counts and score, as Stryker computes them (ignored and invalid mutants excluded). */
function summarize(file) {
  const report = JSON.parse(fs.readFileSync(path.join(reportDir, `${slug(file)}.json`), 'utf8'));
  const mutants = Object.values(report.files).flatMap((f) => f.mutants);
  const count = (status) => mutants.filter((m) => m.status === status).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const detected = killed + timeout;
  const valid = detected + survived + noCoverage;
  const source = Object.values(report.files)[0]?.source ?? '';
  const lines = source.split('\n');
  return {
    mutants: mutants.length,
    killed,
    timeout,
    survived,
    noCoverage,
    ignored: count('Ignored'),
    invalid: count('CompileError') + count('RuntimeError'),
    score: valid === 0 ? 100 : Math.floor((detected / valid) * 10_000) / 100,
    undetected: mutants
      .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
      .map((m) => `${m.status} ${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}: ${spanOf(lines, m.location)} → ${oneLine(m.replacement ?? '')}`),
  };
}

const previous = fs.existsSync(summaryFile) ? JSON.parse(fs.readFileSync(summaryFile, 'utf8')) : { files: {} };
const results = { ...previous.files };
let thresholds;
let failed = false;
fs.mkdirSync(reportDir, { recursive: true });

for (const file of files) {
  const env = { ...process.env, MUTATE_TARGET: file, MUTATE_TESTS: JSON.stringify(TARGETS[file]) };
  if (!thresholds) {
    Object.assign(process.env, { MUTATE_TARGET: file, MUTATE_TESTS: env.MUTATE_TESTS });
    thresholds = (await import('../stryker.config.mjs')).default.thresholds;
  }
  console.log(`\n── ${file} against ${TARGETS[file].join(', ')}`);
  const started = Date.now();
  fs.rmSync(path.join(reportDir, `${slug(file)}.json`), { force: true });
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', 'stryker.config.mjs'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (!fs.existsSync(path.join(reportDir, `${slug(file)}.json`))) {
    console.error(`mutate: Stryker left no report for ${file} (exit ${run.status})`);
    failed = true;
    continue;
  }
  results[file] = { ...summarize(file), seconds, at: new Date().toISOString() };
  for (const line of results[file].undetected) console.log(`  ${line}`);
}

fs.writeFileSync(summaryFile, JSON.stringify({ thresholds, files: results }, null, 2));

const shown = Object.keys(TARGETS).filter((f) => results[f]);
const header = ['rule file', 'mutants', 'killed', 'timeout', 'survived', 'no cover', 'ignored', 'score %', 'time s'];
const rows = shown.map((f) => {
  const r = results[f];
  return [f, r.mutants, r.killed, r.timeout, r.survived, r.noCoverage, r.ignored, r.score.toFixed(2), r.seconds].map(String);
});
const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join(' | ')} |`;
console.log(`\n${line(header)}\n|${width.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(`\nThresholds: break below ${thresholds.break}, high from ${thresholds.high}. Reports: reports/mutation/<file>.html; table: reports/mutation/summary.json`);

for (const f of files) {
  if (results[f] && results[f].score < thresholds.break) {
    console.error(`mutate: ${f} scores ${results[f].score}%, below the break threshold of ${thresholds.break}%`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
