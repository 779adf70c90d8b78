/**
 * What crosses the process boundary: a Result, never a thrown error.
 * Codes are stable; the renderer translates them for the user (i18n key `errors.<code>`).
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_PROCEDURE',
  'INTERNAL',
  // sessions and accounts
  'LOCKED',
  'PASSWORD_CHANGE_REQUIRED',
  'RATE_LIMITED',
  'BAD_CREDENTIALS',
  // stock: an issue (or a reversal, a stocktake's shortage) asks for more than there is; `detail.available` says how much
  'STOCK_INSUFFICIENT',
  // the station's database could not be opened: only recovery procedures answer
  'DATABASE_UNAVAILABLE',
  // transport (browser host): the request never reached a procedure
  'BAD_REQUEST',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  /** Field path (dot-joined, as react-hook-form names fields) → message or catalog key. */
  fields?: Record<string, string>;
  /** Extra machine-readable detail, e.g. `retryAfterMs` for RATE_LIMITED. */
  detail?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorShape): Result<never> => ({ ok: false, error });

/** Thrown inside the main process; the dispatcher turns it into a failed Result and rolls back. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
    // Stryker disable next-line StringLiteral: the name shows only in a logged stack's first line; callers tell an AppError by instanceof and act on its code
    this.name = 'AppError';
  }
  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.detail ? { detail: this.detail } : {}),
    };
  }
}

/**
 * Runs `run`, reporting its field errors under `prefix`: a service that checks a nested part of an input
 * (the `person` of a quick intake) names the fields as the form that sent it does (`person.idNumber`).
 */
export function fieldsUnder<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof AppError) || !e.fields) throw e;
    const fields = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [`${prefix}.${k}`, v]));
    throw new AppError(e.code, e.message, fields, e.detail);
  }
}

/** Exhaustive switches fail loudly: an unknown enum value is a bug, not a default. */
export function missingCase(value: never): never {
  throw new Error(`missing case: ${JSON.stringify(value)}`);
}
