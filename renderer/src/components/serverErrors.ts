import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { TFunction } from 'i18next';
import type { AppErrorShape } from '../../../shared/domain/result';

/**
 * Puts a failed call's field errors on the form's fields and returns the message for the form as a whole, or null
 * when every error is shown at its field. An error the form has no field for is never lost behind "check the red
 * fields" with nothing red: the banner names the field and says what is wrong with it.
 */
export function applyServerError<T extends FieldValues>(
  error: AppErrorShape,
  setError: UseFormSetError<T>,
  t: TFunction,
  knownFields: readonly string[],
): string | null {
  const unplaced: string[] = [];
  let placed = false;
  for (const [field, message] of Object.entries(error.fields ?? {})) {
    if (knownFields.includes(field)) {
      setError(field as Path<T>, { type: 'server', message });
      placed = true;
    } else {
      unplaced.push(t('errors.fieldProblem', { field: fieldLabel(t, field), problem: message.startsWith('v.') ? t(message) : message }));
    }
  }
  if (unplaced.length) return t('errors.VALIDATION_AT', { fields: unplaced.join(t('errors.fieldSeparator')) });
  // Shown at its field already: saying it again above the buttons only doubles it.
  if (placed) return null;
  return errorText(error, t);
}

/** A field's name in words: the catalog's name for its last part (`person.idNumber` → 身份证号), else the path. */
function fieldLabel(t: TFunction, path: string): string {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).at(-1) ?? path;
  return t(`fieldNames.${last}`, { defaultValue: path });
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
