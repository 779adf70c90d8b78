/**
 * What date and time rules are measured against: "now", the station's time zone, and the station's settings for
 * how far back a record may go. zod parses have no per-call context, so the main process's dispatcher runs each
 * parse inside `withValidationContext` (its clock and the station's settings; parsing is synchronous, so the
 * context cannot leak into another call), and the renderer sets its defaults from the signed-in session (the
 * wall clock goes on ticking). One schema, the same rules in the form and in the main process.
 */
export interface ValidationContext {
  now: number;
  timeZone: string;
  /** No event is recorded before this station-calendar day (setting, default 2000-01-01). */
  dateFloor: string;
  /** An arrival registered more than this many hours after it happened needs a reason (setting, default 24). */
  lateRegistrationHours: number;
}

type Defaults = Omit<ValidationContext, 'now'>;
let defaults: Defaults = { timeZone: 'Asia/Shanghai', dateFloor: '2000-01-01', lateRegistrationHours: 24 };
let scoped: ValidationContext | null = null;

export function validationContext(): ValidationContext {
  return scoped ?? { ...defaults, now: Date.now() };
}

/** Runs `parse` (synchronous) with this context; the previous one is restored afterwards. */
export function withValidationContext<T>(context: ValidationContext, parse: () => T): T {
  const previous = scoped;
  scoped = context;
  try {
    return parse();
  } finally {
    scoped = previous;
  }
}

/** The renderer's context between calls: the session's station settings, with the live wall clock. */
export function setValidationDefaults(next: Partial<Defaults>): void {
  defaults = { ...defaults, ...next };
}
