import { describe, expect, it } from 'vitest';
import { procedureNames } from '../../../shared/contract';
import { handlers } from '../../../electron/core';
import { FEATURE_REGISTRY, handlersOf, MAIN_FEATURES, registryOf, type MainFeature } from '../../../electron/features';
import type { AlertProvider, HandoverSectionProvider } from '../../../electron/features/alerts/registry';

const provider = (feature: string): AlertProvider => ({ feature, permission: 'intake.read', alerts: () => [] });
const sections = (feature: string): HandoverSectionProvider => ({ feature, sections: () => [] });

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
});
