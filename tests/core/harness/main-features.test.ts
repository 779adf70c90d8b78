import { describe, expect, it } from 'vitest';
import { procedureNames } from '../../../shared/contract';
import { handlers } from '../../../electron/core';
import { FEATURE_REGISTRY, handlersOf, MAIN_FEATURES, registryOf, type MainFeature } from '../../../electron/features';
import type { AlertProvider, HandoverSectionProvider } from '../../../electron/features/alerts/registry';
import { runOrder } from '../../../electron/features/demo/generate/order';
import type { AnyDemoSection } from '../../../electron/features/demo/generate/section';

const provider = (feature: string): AlertProvider => ({ feature, permission: 'intake.read', alerts: () => [] });
const sections = (feature: string): HandoverSectionProvider => ({ feature, sections: () => [] });
const demo = (feature: string, ...after: string[]): AnyDemoSection => ({
  feature,
  after,
  plan: () => {},
  services: () => ({ apply: () => {} }),
  bulk: () => ({ apply: () => {} }),
  report: () => ({}),
});

describe('the main process’s features, registered once (electron/features/index.ts)', () => {
  it('handle every procedure of the contract, each by exactly one feature', () => {
    expect(Object.keys(handlers).sort()).toEqual([...procedureNames].sort());
    const counted = MAIN_FEATURES.flatMap((f) => Object.keys(f.handlers));
    expect(counted).toHaveLength(new Set(counted).size);
  });

  it('refuses a procedure handled by two features, naming it and the second feature', () => {
    const a: MainFeature = { key: 'a', handlers: { 'x.one': () => 1 } };
    const b: MainFeature = { key: 'b', handlers: { 'x.two': () => 2, 'x.one': () => 3 } };
    expect(() => handlersOf([a, b])).toThrow('x.one is handled by two features (the second: b)');
    expect(Object.keys(handlersOf([a, { key: 'b', handlers: { 'x.two': () => 2 } }]))).toEqual(['x.one', 'x.two']);
  });

  it('give the board its alerts and the handover its sections in registration order, from the features that have them', () => {
    const reg = registryOf([
      { key: 'a', handlers: {}, alerts: [provider('a')], handoverSections: [sections('a')] },
      { key: 'b', handlers: {} },
      { key: 'c', handlers: {}, alerts: [provider('c1'), provider('c2')] },
    ]);
    expect(reg.alerts.map((p) => p.feature)).toEqual(['a', 'c1', 'c2']);
    expect(reg.handoverSections.map((p) => p.feature)).toEqual(['a']);
    expect(FEATURE_REGISTRY.alerts.map((p) => p.feature)).toEqual(['intake', 'duty', 'roster', 'stock']);
    expect(FEATURE_REGISTRY.handoverSections.map((p) => p.feature)).toEqual(['intake', 'duty', 'stock']);
  });

  it('give the generator each feature’s demo section, named as its entry, in registration order', () => {
    const registered = MAIN_FEATURES.flatMap((f) => (f.demo ? [[f.key, f.demo.feature]] : []));
    expect(registered.map(([key]) => key)).toEqual(['intake', 'roster', 'stock']);
    for (const [key, feature] of registered) expect(feature, `the demo section registered by ${key}`).toBe(key);
    expect(FEATURE_REGISTRY.demoSections.map((s) => s.feature)).toEqual(['intake', 'roster', 'stock']);
    expect(registryOf([{ key: 'a', handlers: {} }, { key: 'b', handlers: {}, demo: demo('b') }]).demoSections.map((s) => s.feature)).toEqual(['b']);
  });

  it('run the demo sections after what they read, whatever the registration order: stock issues to intake’s stays, duty’s handovers compile both', () => {
    const permutations = <T>(xs: readonly T[]): T[][] =>
      xs.length <= 1 ? [[...xs]] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
    const orders = permutations(FEATURE_REGISTRY.demoSections);
    expect(orders).toHaveLength(6);
    for (const registered of orders) expect(runOrder(registered).map((s) => s.feature)).toEqual(['intake', 'stock', 'roster']);
  });

  it('stop the start on demo sections that cannot be ordered, as on a procedure handled twice', () => {
    const a: MainFeature = { key: 'a', handlers: {}, demo: demo('a', 'b') };
    expect(() => registryOf([a])).toThrow('the demo section of a runs after b, which has no demo section registered');
    expect(() => registryOf([a, { key: 'b', handlers: {}, demo: demo('b', 'a') }])).toThrow('in a circle: a → b → a');
    expect(registryOf([a, { key: 'b', handlers: {}, demo: demo('b') }]).demoSections.map((s) => s.feature)).toEqual(['a', 'b']);
  });
});
