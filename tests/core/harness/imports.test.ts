import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { importCycles, importGraph, ROOT } from '../../import-graph';

/**
 * The shape of the code, as ARCHITECTURE.md draws it, guarded: each runtime imports only what it may, and no file
 * reaches itself through its imports.
 */
const graph = importGraph();
const edges = [...graph].flatMap(([from, to]) => to.map((t) => [from, t] as const));
const top = (file: string) => file.split('/')[0]!;

describe('the import graph', () => {
  it('has no circles', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('finds a circle when there is one (the check itself works)', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(g)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('keeps the renderer out of the main process, and the main process out of the renderer', () => {
    expect(edges.filter(([from, to]) => top(from) === 'renderer' && top(to) === 'electron')).toEqual([]);
    expect(edges.filter(([from, to]) => top(from) === 'electron' && top(to) === 'renderer')).toEqual([]);
  });

  it('keeps shared/ pure: it imports neither side, nor Node, so both processes can run it', () => {
    expect(edges.filter(([from, to]) => top(from) === 'shared' && top(to) !== 'shared')).toEqual([]);
    const nodeUsers = [...graph.keys()]
      .filter((f) => top(f) === 'shared')
      .filter((f) => /from ['"](node:|fs['"]|path['"]|crypto['"]|better-sqlite3|electron['"])/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(nodeUsers).toEqual([]);
  });

  it('reads every source file (a graph that lost the files would pass anything)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('electron/core.ts')).toContain('electron/rpc/dispatch.ts');
  });
});
