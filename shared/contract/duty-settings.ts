import { z } from 'zod';
import { POSTS, spanProblems, type PatrolBand, type ShiftTemplate, type StaffingRule } from '../domain/duty';
import { requiredText, wholeNumber } from './fields';

/**
 * The duty settings (DOMAIN §2, issue 10): the shift template, minimum head counts per post, the rest and night
 * rules, and the patrol schedule. Part of the station's settings (settings.ts); checked here once for the settings
 * form and the main process alike.
 */
export interface DutySettings {
  /** The shifts of every day; together they cover each minute of the day exactly once. */
  shifts: ShiftTemplate[];
  staffing: StaffingRule[];
  /** Least rest between the end of one shift and the start of the same person's next. */
  minRestHours: number;
  /** Most night shifts one person may work on consecutive days. */
  maxNightsInRow: number;
  /** Rounds at every checkpoint per time band; hours outside every band have no rounds. */
  patrolBands: PatrolBand[];
  /** A round is missed once its slot has ended more than this long ago. */
  patrolGraceMinutes: number;
}

export const DEFAULT_DUTY_SETTINGS: DutySettings = {
  shifts: [
    { code: 'day', name: '白班', start: '08:00', end: '20:00' },
    { code: 'night', name: '夜班', start: '20:00', end: '08:00' },
  ],
  staffing: [
    { post: 'front_desk', min: 1, scope: 'hour' },
    { post: 'leader', min: 1, scope: 'day' },
  ],
  minRestHours: 8,
  maxNightsInRow: 4,
  patrolBands: [
    { from: '20:00', to: '08:00', intervalMinutes: 60 },
    { from: '08:00', to: '20:00', intervalMinutes: 120 },
  ],
  patrolGraceMinutes: 15,
};

export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'v.clockTime' });
export const shiftCode = z.string().trim().regex(/^[a-z][a-z0-9_]{0,15}$/, { message: 'v.shiftCode' });

export const shiftTemplate = z.object({ code: shiftCode, name: requiredText(20), start: clockTime, end: clockTime });
export const staffingRule = z.object({
  post: z.enum(POSTS),
  min: wholeNumber(1, 20),
  scope: z.enum(['hour', 'day', 'shift']),
  shift: shiftCode.optional(),
});
export const patrolBand = z.object({
  from: clockTime,
  to: clockTime,
  intervalMinutes: wholeNumber(15, 720),
});

/** The duty fields of `settings.update`; left out means unchanged. */
export const dutySettingsFields = {
  shifts: z.array(shiftTemplate).min(1, { message: 'v.required' }).max(6, { message: 'v.tooMany' }).optional(),
  staffing: z.array(staffingRule).max(30, { message: 'v.tooMany' }).optional(),
  minRestHours: wholeNumber(0, 24).optional(),
  maxNightsInRow: wholeNumber(1, 14).optional(),
  patrolBands: z.array(patrolBand).max(12, { message: 'v.tooMany' }).optional(),
  patrolGraceMinutes: wholeNumber(0, 120).optional(),
};

/**
 * What is wrong with duty settings taken together, as `{ input path: message }`: shifts that overlap or leave a minute
 * of the day uncovered, a shift code used twice, a head count for a shift the template does not have (or twice for
 * the same thing), patrol bands that overlap. Only the parts given are checked (and against each other when both are).
 */
export function dutySettingsProblems(s: Partial<DutySettings>): Record<string, string> {
  const problems: Record<string, string> = {};
  if (s.shifts) {
    const seen = new Set<string>();
    s.shifts.forEach((shift, i) => {
      if (seen.has(shift.code)) problems[`shifts.${i}.code`] = 'v.shiftCodeTaken';
      seen.add(shift.code);
    });
    for (const [k, v] of Object.entries(spanProblems(s.shifts, true))) problems[k === '(list)' ? 'shifts' : `shifts.${k}`] ??= v;
  }
  if (s.staffing) {
    const codes = s.shifts ? new Set(s.shifts.map((x) => x.code)) : null;
    const seen = new Set<string>();
    s.staffing.forEach((rule, i) => {
      if (rule.scope === 'shift') {
        if (!rule.shift) problems[`staffing.${i}.shift`] = 'v.required';
        else if (codes && !codes.has(rule.shift)) problems[`staffing.${i}.shift`] = 'v.shiftUnknown';
      }
      const key = `${rule.post}/${rule.scope}/${rule.scope === 'shift' ? rule.shift : ''}`;
      if (seen.has(key)) problems[`staffing.${i}.post`] ??= 'v.duplicate';
      seen.add(key);
    });
  }
  if (s.patrolBands) {
    const spans = s.patrolBands.map((b) => ({ start: b.from, end: b.to }));
    for (const [k, v] of Object.entries(spanProblems(spans, false))) problems[`patrolBands.${k.replace('.start', '.from')}`] ??= v;
  }
  return problems;
}

/** Adds each of `problems` to a zod refinement at its path. */
export function addProblems(problems: Record<string, string>, ctx: z.RefinementCtx): void {
  for (const [key, message] of Object.entries(problems)) {
    ctx.addIssue({ code: 'custom', path: key.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)), message });
  }
}
