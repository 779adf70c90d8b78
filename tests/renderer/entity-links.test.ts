import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entityPath } from '../../renderer/src/app/feature';
import { FEATURES } from '../../renderer/src/app/features';
import { ROLE_PERMISSIONS } from '../../shared/domain/roles';

const root = path.join(__dirname, '../..');
/** Every entity an alert or a handover line of the main process names (`entity: '…'` in a feature's alerts.ts). */
const named = fs
  .readdirSync(path.join(root, 'electron/features'))
  .map((f) => path.join(root, 'electron/features', f, 'alerts.ts'))
  .filter((f) => fs.existsSync(f))
  .flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/entity: '([A-Za-z_]+)'/g)].map((m) => m[1]!));

describe('alert and handover lines open their records', () => {
  it('finds the entities the main process names', () => {
    expect(named).toEqual(expect.arrayContaining(['stay', 'incident', 'stock_item']));
  });

  it.each([...new Set(named)])('a %s line opens a page of the feature that registered it', (entity) => {
    const to = entityPath(FEATURES, Object.values(ROLE_PERMISSIONS).flat(), entity, 42);
    expect(to).toMatch(/^\/[a-z]/);
  });

  it('a stay line opens that stay', () => {
    expect(entityPath(FEATURES, ROLE_PERMISSIONS.front_desk, 'stay', 42)).toBe('/intake/stay/42');
  });
});
