import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core';
import { FEATURE_REGISTRY } from '../../electron/features';
import { compileSections } from '../../electron/features/alerts/registry';
import { generateStation } from '../../electron/features/demo/generate';
import { readSettings } from '../../electron/features/settings/service';
import type { HandoverSection } from '../../shared/contract/alerts';
import { stationDay } from '../../shared/domain/time';
import '../../renderer/src/app/catalogs';
import { FEATURES } from '../../renderer/src/app/features';
import { detailText, figureLabel, sectionTitle } from '../../renderer/src/features/handover/Sections';
import { i18n } from '../../renderer/src/i18n';
import { LANGUAGES } from '../../renderer/src/i18n/catalogs';
import { tempDirs } from '../core/helpers';

/**
 * The handover speaks the features' words (DOMAIN §2: the incoming shift reads it, in Chinese or English): every
 * section, figure and line state the main process compiles on the demo station is named by the feature's catalog,
 * never shown as its raw key. A feature adding a section or a state without words turns this red.
 */
const NOW = Date.UTC(2026, 6, 20, 7, 0);
const HOUR = 3_600_000;
const dirs = tempDirs();
let core: Core;
let sections: HandoverSection[];

beforeAll(() => {
  core = openCore({ dataDir: dirs.fresh(), clock: () => NOW, logger: { info() {}, error() {} } });
  generateStation(core.db, { size: 'demo', now: NOW, seed: 7, features: FEATURE_REGISTRY });
  const settings = readSettings(core.db);
  const ctx = { db: core.db, now: NOW, today: stationDay(NOW, settings.timeZone), settings, actorId: null };
  // A day and a half: every kind of arrival, departure, round and movement the demo makes in a shift or two.
  sections = compileSections(FEATURE_REGISTRY.handoverSections, ctx, { from: NOW - 36 * HOUR, to: NOW });
}, 180_000);
afterAll(() => {
  core?.close();
  dirs.cleanUp();
});

describe.each(LANGUAGES)('the handover in %s', (lng) => {
  const t = () => i18n.getFixedT(lng);

  it('names every section and figure the features compile', () => {
    expect(new Set(sections.map((s) => s.feature))).toEqual(new Set(['intake', 'duty', 'stock']));
    for (const s of sections) {
      expect(sectionTitle(t(), s), s.key).not.toBe(s.key);
      for (const f of s.figures.filter((f) => !f.label)) expect(figureLabel(t(), s, f), `${s.key} ${f.key}`).not.toBe(f.key);
    }
  });

  it('says each line’s state or category in words, through the feature that speaks for it', () => {
    const details = sections.flatMap((s) => s.lines.filter((l) => l.detail).map((l) => ({ s, detail: l.detail })));
    // The demo's shift has arrivals and departures of several kinds, and patrol or incident lines.
    const keys = new Set(details.map((d) => d.s.key));
    for (const key of ['intake.arrivals', 'intake.departures', 'duty.patrols']) expect(keys).toContain(key);
    for (const { s, detail } of details) {
      const shown = detailText(t(), FEATURES, s, detail);
      // A missed round's line carries its checkpoint's code, shown as printed on the checkpoint's tag.
      if (s.key === 'duty.patrols') expect(shown, `${s.key} ${detail}`).toBe(detail);
      else expect(shown, `${s.key} ${detail}`).not.toBe(detail);
    }
  });

  it('says each kind of supply alert in its own words: a batch, a level, a budget category, balances that disagree', () => {
    const supply: HandoverSection = { key: 'stock.supplyAlerts', feature: 'stock', figures: [], lines: [] };
    const words = (detail: string) => detailText(t(), FEATURES, supply, detail);
    const shown = ['6:2026-07-19', '49:100', 'services:950', '2', '0'].map(words);
    expect(new Set(shown).size).toBe(5);
    for (const [i, detail] of ['6:2026-07-19', '49:100', 'services:950', '2', '0'].entries()) expect(shown[i], detail).not.toBe(detail);
    expect(shown[0]).toContain('2026-07-19');
    expect(shown[1]).toContain('49');
    expect(shown[2]).toContain(t()('stock.budgetCategories.services'));
    expect(shown[2]).toContain('95.0');
    expect(shown[3]).toContain('2');
  });
});
