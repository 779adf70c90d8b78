/**
 * What the features registered in ./index.ts give each other, handed to every call with the core's services
 * (`ctx.features`): their alerts and handover sections (./alerts/registry.ts), and their sections of a generated
 * station (./demo/generate/section.ts), which the demo load and the benchmark's generator run.
 */
import type { AlertRegistry } from './alerts/registry';
import type { AnyDemoSection } from './demo/generate/section';

/**
 * Filled in by ./index.ts, by declaration merging (`declare module './registry'`), with the types of what is
 * registered there. This file cannot import them: index.ts imports every feature, and the features (setup's demo
 * load, through the call context) import this file. So the generator's report is typed by the registered sections
 * (`stays`, `stockItems` …) without an import circle.
 */
export interface Registered {}

/** Every registered demo section, as a union (any section, where ./index.ts is not part of the program). */
export type RegisteredDemoSection = Registered extends { demoSection: infer D extends AnyDemoSection } ? D : AnyDemoSection;

export interface FeatureRegistry<D extends AnyDemoSection = RegisteredDemoSection> extends AlertRegistry {
  /** In registration order; each declares the sections it runs after, and the generator orders them by that. */
  demoSections: readonly D[];
}
