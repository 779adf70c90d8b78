import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../renderer/src/app/catalogs';
import { LANGUAGES, mergeCatalogs, type CatalogTree } from '../../renderer/src/i18n/catalogs';
import { contract } from '../../shared/contract';
import type { BackupProblem } from '../../shared/contract/backup';
import type { IdProblem } from '../../shared/domain/idcard';

const ROOT = path.resolve(__dirname, '../..');

/** Every value of a union, written out; the type below makes a missing one a compile error. */
const ID_PROBLEMS = ['length', 'chars', 'birthDate', 'checksum'] as const satisfies readonly IdProblem[];
const BACKUP_PROBLEMS = ['unreadable', 'corrupt', 'future', 'not_stationdesk'] as const satisfies readonly BackupProblem[];
type Complete<Union, Listed> = [Exclude<Union, Listed>] extends [never] ? true : never;
const complete: [Complete<IdProblem, (typeof ID_PROBLEMS)[number]>, Complete<BackupProblem, (typeof BACKUP_PROBLEMS)[number]>] = [true, true];
void complete;

/** What a template key `v.<prefix>.${…}` can become: each value its expression can take. */
const TEMPLATE_VALUES: Record<string, readonly string[]> = { 'v.id': ID_PROBLEMS, 'v.backup': BACKUP_PROBLEMS };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The code alone: a key named in a comment (`v.sealed` in a doc line) is no key the code uses. */
const code = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1');

function lookup(tree: CatalogTree, key: string): string | undefined {
  let node: CatalogTree | string | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

function unresolved(keys: Iterable<string>): string[] {
  return [...new Set(keys)].flatMap((k) => LANGUAGES.filter((lng) => lookup(CATALOGS[lng], k) === undefined).map((lng) => `${k} (${lng})`)).sort();
}

const CODE_DIRS = ['shared', 'electron', 'renderer/src'];

describe('the catalogs', () => {
  it('translate every v.* message the code can send, in both languages', () => {
    const keys: string[] = [];
    const templates: string[] = [];
    for (const file of CODE_DIRS.flatMap(sourceFiles)) {
      const src = code(file);
      for (const m of src.matchAll(/['"](v\.[A-Za-z0-9_.]+)['"]/g)) keys.push(m[1]!);
      for (const m of src.matchAll(/`(v\.[A-Za-z0-9_.]+)\.\$\{/g)) templates.push(m[1]!);
    }
    expect(keys.length).toBeGreaterThan(50);
    expect(templates.sort()).toEqual(expect.arrayContaining(['v.backup', 'v.id']));
    for (const prefix of templates) {
      expect(TEMPLATE_VALUES[prefix], `a template key ${prefix}.\${…}: list what it can become in TEMPLATE_VALUES`).toBeDefined();
      keys.push(...TEMPLATE_VALUES[prefix]!.map((v) => `${prefix}.${v}`));
    }
    expect(unresolved(keys)).toEqual([]);
  });

  it('name every procedure of the contract, and every feature of it, as the audit page shows them', () => {
    const names = Object.keys(contract);
    const features = [...new Set(names.map((n) => n.split('.')[0]!))];
    expect(unresolved([...names.map((n) => `procedures.${n}`), ...features.map((f) => `procedures.${f}._`)])).toEqual([]);
  });

  it('name every kind of record the main process audits', () => {
    const entities = sourceFiles('electron').flatMap((file) => [...code(file).matchAll(/\bentity: '([a-z_]+)'/g)].map((m) => m[1]!));
    expect(entities).toEqual(expect.arrayContaining(['person', 'stay', 'user']));
    expect(unresolved(entities.map((e) => `entities.${e}`))).toEqual([]);
  });

  it('give each key in both languages', () => {
    const leaves = (tree: CatalogTree, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
    expect(leaves(CATALOGS.en).sort()).toEqual(leaves(CATALOGS['zh-CN']).sort());
  });
});

describe('merging the features’ catalogs', () => {
  const part = (source: string, zh: CatalogTree, en: CatalogTree = zh) => ({ source, catalogs: { 'zh-CN': zh, en } });

  it('joins parts that share a namespace', () => {
    const merged = mergeCatalogs([part('intake', { nav: { intake: '接待登记' } }), part('stock', { nav: { stock: '防暑物资' } })]);
    expect(merged['zh-CN']).toEqual({ nav: { intake: '接待登记', stock: '防暑物资' } });
  });

  it('refuses a key that two features give, naming both, rather than keeping either', () => {
    const twice = [part('intake', { v: { quantity: '数量至少为1' } }), part('stock', { v: { quantity: '数量不足' } })];
    expect(() => mergeCatalogs(twice)).toThrow(/"v\.quantity" \(zh-CN\) is given by both intake and stock/);
  });

  it('refuses a key in one language only too', () => {
    const twice = [part('intake', { a: '甲' }, { a: 'A' }), part('stock', { b: '乙' }, { a: 'B' })];
    expect(() => mergeCatalogs(twice)).toThrow(/"a" \(en\) is given by both intake and stock/);
  });

  it('refuses a string where another feature has a group of keys, either way round', () => {
    expect(() => mergeCatalogs([part('a', { print: { title: '表' } }), part('b', { print: '打印' })])).toThrow(/"print"/);
    expect(() => mergeCatalogs([part('a', { print: '打印' }), part('b', { print: { title: '表' } })])).toThrow(/"print"/);
  });
});
