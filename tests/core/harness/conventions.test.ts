import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The conventions every feature copies, checked over the source so that the next module keeps them:
 * SQL only in service files and through the statement cache; every switch exhaustive; the open-stay statuses once.
 * Mutation testing runs no test of this file: it reads the source, which Stryker's sandbox holds instrumented.
 */
const ROOT = path.join(__dirname, '..', '..', '..');

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

const SQL = /\b(SELECT\s[\s\S]*?\sFROM\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s)|\.prepare\(|\bcached\(|\.exec\(/;

/** Where a procedures file holds SQL or a statement call: `file:line`. */
export function sqlInProcedures(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (SQL.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
  });
  return found;
}

/**
 * Where a file prepares a statement outside the statement cache without saying why: a `.prepare(` call is allowed
 * only when the comment just above it (within six lines) says the statement has a "variable shape".
 */
export function uncachedPrepares(file: string, text: string): string[] {
  const lines = text.split('\n');
  const found: string[] = [];
  lines.forEach((line, i) => {
    if (!/\.prepare\(/.test(line)) return;
    const context = lines.slice(Math.max(0, i - 6), i + 1).join('\n');
    if (!/variable shape/i.test(context)) found.push(`${file}:${i + 1}: ${line.trim()}`);
  });
  return found;
}

/** Each `switch` block without a `default:` of its own (an enum's ends with `default: missingCase(x)`). */
export function switchesWithoutDefault(file: string, text: string): string[] {
  const blocks = [...text.matchAll(/\bswitch\s*\(/g)].map((m) => {
    const open = text.indexOf('{', m.index);
    let depth = 0;
    let end = open;
    for (; end < text.length; end++) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}' && --depth === 0) break;
    }
    return { at: m.index, open, end };
  });
  return blocks
    .filter((b) => {
      // This switch's own text: its body less the switches nested in it.
      let own = '';
      let from = b.open;
      for (const inner of blocks.filter((x) => x.at > b.open && x.end < b.end && !blocks.some((y) => y !== x && y.at > b.open && y.at < x.at && y.end > x.end))) {
        own += text.slice(from, inner.at);
        from = inner.end + 1;
      }
      own += text.slice(from, b.end);
      return !/\bdefault\s*:/.test(own);
    })
    .map((b) => `${file}:${lineOf(text, b.at)}`);
}

const features = sourcesUnder('electron/features');
const procedureFiles = features.filter((f) => /(^|[-/])procedures\.ts$/.test(f));

describe('SQL lives in service files, through the statement cache', () => {
  it('finds the procedures files (the check below is not vacuous)', () => {
    expect(procedureFiles.length).toBeGreaterThanOrEqual(8);
    expect(procedureFiles).toContain(path.join('electron', 'features', 'intake', 'procedures.ts'));
  });

  it('no procedures file holds SQL or calls the database with text', () => {
    expect(procedureFiles.flatMap((f) => sqlInProcedures(f, read(f)))).toEqual([]);
  });

  it('no feature prepares a statement outside the cache, except one with a variable shape that says so', () => {
    expect(features.flatMap((f) => uncachedPrepares(f, read(f)))).toEqual([]);
    // The one allowance today: the person UPDATE built from the columns an edit changes.
    expect(features.filter((f) => /\.prepare\(/.test(read(f)))).toEqual([path.join('electron', 'features', 'people', 'rows.ts')]);
  });

  it('the checks catch what they are meant to catch', () => {
    expect(sqlInProcedures('p.ts', "  const r = ctx.db.prepare('SELECT photo FROM persons WHERE id = ?').get(id);")).toHaveLength(1);
    expect(sqlInProcedures('p.ts', "  stmt(db, `UPDATE stays SET status = ? WHERE id = ?`).run(s, id);")).toHaveLength(1);
    expect(sqlInProcedures('p.ts', "  'intake.get': (input, ctx) => getStay(ctx, input.stayId),")).toEqual([]);
    expect(uncachedPrepares('s.ts', "const zones = db.prepare('SELECT * FROM zones').all();")).toHaveLength(1);
    expect(uncachedPrepares('s.ts', "/** The statement has a variable shape: … */\nfunction f() {\n  db.prepare(text).run();\n}")).toEqual([]);
    expect(uncachedPrepares('s.ts', "const zones = cached(db, 'SELECT * FROM zones').all();")).toEqual([]);
  });
});

describe('exhaustive switches', () => {
  const files = [...sourcesUnder('electron'), ...sourcesUnder('shared')];

  it('every switch in electron/ and shared/ ends with a default (missingCase for a contract enum)', () => {
    expect(files.flatMap((f) => switchesWithoutDefault(f, read(f)))).toEqual([]);
    const switches = files.filter((f) => /\bswitch\s*\(/.test(read(f)));
    expect(switches.length).toBeGreaterThanOrEqual(3);
    for (const f of switches) expect(read(f), f).toMatch(/missingCase\(/);
  });

  it('the check finds a switch that has no default', () => {
    expect(switchesWithoutDefault('x.ts', "switch (k) {\n  case 'a':\n    return 1;\n}")).toEqual(['x.ts:1']);
    expect(switchesWithoutDefault('x.ts', "switch (k) {\n  case 'a':\n    return 1;\n  default:\n    return missingCase(k);\n}")).toEqual([]);
    // A default inside a nested switch is not the outer one's.
    expect(switchesWithoutDefault('x.ts', "switch (k) {\n  case 'a':\n    switch (j) {\n      default:\n        return 2;\n    }\n}")).toEqual(['x.ts:1']);
  });
});

describe('the open-stay statuses, once (their list and SQL: tests/core/domain/stay.test.ts)', () => {
  it('are written out nowhere else in electron/ or shared/', () => {
    const files = [...sourcesUnder('electron'), ...sourcesUnder('shared')].filter((f) => !f.endsWith(path.join('domain', 'stay.ts')));
    expect(files.filter((f) => /'registered',\s*'in_station',\s*'at_hospital'/.test(read(f)))).toEqual([]);
  });
});
