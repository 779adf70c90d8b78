import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const FEATURES = 'renderer/src/features/';
/** The layers under the features: they serve every feature and so may know none of them. */
const SHARED_LAYERS = ['renderer/src/components/', 'renderer/src/api/', 'renderer/src/i18n/'];

/** Every module a source file names: static imports, re-exports, side-effect imports and dynamic `import()`. */
function specifiers(source: string): string[] {
  const found = source.matchAll(/\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g);
  return [...found].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/**
 * What breaks the renderer's layering, as "file → import: why": a feature importing another feature, a shared
 * layer importing a feature, or anything in renderer/ reaching the main process's code or Electron.
 */
function layeringProblems(files: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [file, source] of Object.entries(files)) {
    const feature = file.startsWith(FEATURES) ? file.slice(FEATURES.length).split('/')[0] : undefined;
    for (const spec of specifiers(source)) {
      const target = spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) : spec;
      const say = (why: string) => problems.push(`${file} → ${spec}: ${why}`);
      if (target === 'electron' || target.startsWith('electron/')) say('the renderer may not use the main process’s code or Electron');
      if (target.startsWith(FEATURES)) {
        const other = target.slice(FEATURES.length).split('/')[0];
        if (feature !== undefined && other !== feature) say(`feature "${feature}" imports feature "${other}"`);
        if (SHARED_LAYERS.some((layer) => file.startsWith(layer))) say('a shared layer imports a feature');
      }
    }
  }
  return problems;
}

function rendererSources(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(path.join(ROOT, 'renderer'), { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !/\.(tsx?|mts)$/.test(e.name)) continue;
    const abs = path.join(e.parentPath, e.name);
    out[path.relative(ROOT, abs).split(path.sep).join('/')] = fs.readFileSync(abs, 'utf8');
  }
  return out;
}

describe('the renderer’s layers', () => {
  it('keep each feature to itself, the shared layers free of features, and the main process out of reach', () => {
    const sources = rendererSources();
    expect(Object.keys(sources)).toEqual(expect.arrayContaining(['renderer/src/features/intake/feature.tsx', 'renderer/src/app/features.ts']));
    expect(layeringProblems(sources)).toEqual([]);
  });

  it('finds a feature that imports another, however it names it', () => {
    const problems = layeringProblems({
      'renderer/src/features/stock/StockPage.tsx': "import { clientLabel } from '../intake/format';",
      'renderer/src/features/stock/print/Ledger.tsx': "export { when } from '../../people/time';",
      'renderer/src/features/stock/feature.tsx': "const Page = lazy(() => import('../outreach/Page'));",
      'renderer/src/features/stock/Ok.tsx': "import { api } from '../../api/client';\nimport { Row } from './Row';\nimport { stockInput } from '../../../../shared/contract/stock';",
    });
    expect(problems).toEqual([
      'renderer/src/features/stock/StockPage.tsx → ../intake/format: feature "stock" imports feature "intake"',
      'renderer/src/features/stock/print/Ledger.tsx → ../../people/time: feature "stock" imports feature "people"',
      'renderer/src/features/stock/feature.tsx → ../outreach/Page: feature "stock" imports feature "outreach"',
    ]);
  });

  it('finds a shared layer that imports a feature', () => {
    expect(layeringProblems({ 'renderer/src/components/format.ts': "import { STATUS } from '../features/intake/status';" })).toEqual([
      'renderer/src/components/format.ts → ../features/intake/status: a shared layer imports a feature',
    ]);
  });

  it('finds the renderer reaching into electron/, or importing Electron itself', () => {
    expect(
      layeringProblems({
        'renderer/src/features/intake/Board.tsx': "import type { DB } from '../../../../electron/db/open';",
        'renderer/src/api/transport.ts': "import { ipcRenderer } from 'electron';",
        'renderer/vite.config.mts': "import { x } from '../electron/shell/csp';",
      }),
    ).toEqual([
      'renderer/src/features/intake/Board.tsx → ../../../../electron/db/open: the renderer may not use the main process’s code or Electron',
      'renderer/src/api/transport.ts → electron: the renderer may not use the main process’s code or Electron',
      'renderer/vite.config.mts → ../electron/shell/csp: the renderer may not use the main process’s code or Electron',
    ]);
  });
});
