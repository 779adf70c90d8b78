import type { z } from 'zod';
import { contract, type ProcedureName } from '../../../shared/contract';
import { withValidationContext, type ValidationContext } from '../../../shared/contract/validation-context';

/**
 * The contract's schemas parsed as the dispatcher parses them, with no database: the same schemas validate every call
 * in the main process and every form in the renderer, so a rule read here holds in both. Stryker runs these tests for
 * every mutant of a contract file (stryker.targets.mjs), which is why they open no station.
 */

/** The station's clock for every parse: noon on 20 July 2026 in Shanghai, with the settings' defaults. */
export const AT_NOON: ValidationContext = { now: Date.UTC(2026, 6, 20, 4, 0), timeZone: 'Asia/Shanghai', dateFloor: '2000-01-01', lateRegistrationHours: 24 };

/** The refusal of `input` as the dispatcher reports it: each field's path and its first `v.*` message. */
export function fields(name: ProcedureName, input: unknown, context: ValidationContext = AT_NOON): Record<string, string> {
  const r = withValidationContext(context, () => (contract[name].input as z.ZodType).safeParse(input));
  const out: Record<string, string> = {};
  if (!r.success) for (const issue of r.error.issues) out[issue.path.join('.')] ??= issue.message;
  return out;
}

/** What the handler receives for a valid `input`. */
export const parsed = <T>(name: ProcedureName, input: unknown, context: ValidationContext = AT_NOON) =>
  withValidationContext(context, () => (contract[name].input as z.ZodType<T>).parse(input));
