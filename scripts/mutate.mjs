// `npm run mutate [-- <file>…]`: Stryker over every rule file (or the ones named), in one run, each mutant against its
// own file's tests (stryker.targets.mjs, kept to by scripts/stryker-mapped-runner.mjs). Prints the score of each file as a
// table, leaves Stryker's HTML report in reports/mutation/mutation.html, and keeps the table as JSON in
// reports/mutation/summary.json (the README shows the last full run). Exits 1 when the map is incomplete, the run
// fails, or a file scores below the break threshold.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TARGETS, mapProblems } from '../stryker.targets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = path.join(root, 'reports', 'mutation');
const summaryFile = path.join(reportDir, 'summary.json');
const reportFile = path.join(reportDir, 'mutation.json');
const timesFile = path.join(reportDir, 'times.jsonl');

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

/** One file's counts and score from Stryker's JSON report, as Stryker computes them (ignored and invalid mutants excluded). */
function summarize(file, { source, mutants }) {
  const count = (status) => mutants.filter((m) => m.status === status).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const detected = killed + timeout;
  const valid = detected + survived + noCoverage;
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
      .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)
      .map((m) => `${m.status} ${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}: ${spanOf(lines, m.location)} → ${oneLine(m.replacement ?? '')}`),
  };
}

const previous = fs.existsSync(summaryFile) ? JSON.parse(fs.readFileSync(summaryFile, 'utf8')) : { files: {} };
const results = { ...previous.files };
process.env.MUTATE_TARGETS = JSON.stringify(files);
process.env.MUTATE_TESTS = JSON.stringify([...new Set(files.flatMap((f) => TARGETS[f]))].sort());
const { thresholds } = (await import('../stryker.config.mjs')).default;
let failed = false;
fs.mkdirSync(reportDir, { recursive: true });
fs.rmSync(reportFile, { force: true });
fs.rmSync(timesFile, { force: true });
process.env.MUTATE_TIMES = timesFile;

console.log(`mutate: ${files.length} rule file${files.length === 1 ? '' : 's'}, against ${JSON.parse(process.env.MUTATE_TESTS).length} test files`);
const started = Date.now();
const run = spawnSync(process.execPath, [path.join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', 'stryker.config.mjs'], {
  cwd: root,
  env: process.env,
  stdio: 'inherit',
});
const minutes = (Date.now() - started) / 60_000;
if (!fs.existsSync(reportFile)) {
  console.error(`mutate: Stryker left no report (exit ${run.status})`);
  process.exit(1);
}
const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
// The mutant runs' own time per file (scripts/stryker-mapped-runner.mjs writes a line a run), summed over the runners.
const times = fs.existsSync(timesFile) ? fs.readFileSync(timesFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
const seconds = new Map();
for (const t of times) seconds.set(t.file, (seconds.get(t.file) ?? 0) + t.ms / 1000);
const at = new Date().toISOString();
for (const file of files) {
  // Stryker's report leaves out a file with no mutants (types or re-exports only, such as shared/domain/signatures.ts).
  const reported = report.files[file] ?? { source: '', mutants: [] };
  results[file] = { ...summarize(file, reported), seconds: Math.round(seconds.get(file) ?? 0), at };
  for (const line of results[file].undetected) console.log(`  ${line}`);
}
fs.writeFileSync(summaryFile, JSON.stringify({ thresholds, files: results, lastRun: { files: files.length, minutes: Math.round(minutes * 10) / 10, at } }, null, 2));

const shown = Object.keys(TARGETS).filter((f) => results[f]);
const header = ['rule file', 'mutants', 'killed', 'timeout', 'survived', 'no cover', 'ignored', 'score %'];
const rows = shown.map((f) => {
  const r = results[f];
  return [f, r.mutants, r.killed, r.timeout, r.survived, r.noCoverage, r.ignored, r.score.toFixed(2)].map(String);
});
const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join(' | ')} |`;
console.log(`\n${line(header)}\n|${width.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of rows) console.log(line(r));
const costliest = [...seconds].sort((a, b) => b[1] - a[1]).slice(0, 5);
if (costliest.length > 1) console.log(`\nWhere the mutant runs' time went: ${costliest.map(([f, s]) => `${f} ${Math.round(s)} s`).join(', ')} (all: ${Math.round([...seconds.values()].reduce((a, b) => a + b, 0))} s; reports/mutation/times.jsonl has each run).`);
console.log(`\n${files.length} file${files.length === 1 ? '' : 's'} in ${minutes.toFixed(1)} minutes. Thresholds: break below ${thresholds.break}, high from ${thresholds.high}. Report: reports/mutation/mutation.html; table: reports/mutation/summary.json`);

for (const f of files) {
  if (results[f] && results[f].score < thresholds.break) {
    console.error(`mutate: ${f} scores ${results[f].score}%, below the break threshold of ${thresholds.break}%`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
