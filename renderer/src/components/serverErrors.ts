import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { TFunction } from 'i18next';
import type { AppErrorShape } from '../../../shared/domain/result';

/**
 * Puts a failed call's field errors on the form's fields and returns the message for the form as a whole
 * (translated from the error code), so the main process's rules show exactly where the desk expects them.
 */
export function applyServerError<T extends FieldValues>(
  error: AppErrorShape,
  setError: UseFormSetError<T>,
  t: TFunction,
  knownFields: readonly string[],
): string | null {
  let placed = false;
  for (const [field, message] of Object.entries(error.fields ?? {})) {
    if (knownFields.includes(field)) {
      setError(field as Path<T>, { type: 'server', message });
      placed = true;
    }
  }
  // Shown at its field already: saying it again above the buttons only doubles it.
  if (placed) return null;
  return errorText(error, t);
}

export function errorText(error: AppErrorShape, t: TFunction): string {
  if (error.code === 'RATE_LIMITED') {
    const ms = Number(error.detail?.retryAfterMs ?? 0);
    return t('errors.RATE_LIMITED', { seconds: Math.ceil(ms / 1000) });
  }
  if (error.code === 'CONFLICT' || error.code === 'NOT_FOUND') {
    const field = Object.values(error.fields ?? {})[0];
    if (field?.startsWith('v.')) return t(field);
  }
  const key = `errors.${error.code}`;
  return t(key, { defaultValue: error.message });
}
