import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/domain/result';
import { errorText } from '../../../components/serverErrors';
import { fieldMessage } from '../../../i18n';

export interface FieldErrors {
  /** The message at a field path (`lines.0.quantity`), in the user's language. */
  at(path: string): string | undefined;
  /** The message for the form as a whole (an error no shown field carries). */
  form: string | null;
  clear(): void;
  /** Places a refused call's errors; returns true when every one landed at a field the screen shows. */
  show(error: AppErrorShape, shown: (path: string) => boolean): void;
  set(path: string, message: string): void;
}

/**
 * Field errors for the scanner screens, whose lines come and go as codes are scanned (a fixed react-hook-form
 * schema does not fit them). `STOCK_INSUFFICIENT` says at the quantity how much can be issued.
 */
export function useFieldErrors(t: TFunction, unitOf?: (path: string) => string | undefined): FieldErrors {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [form, setForm] = useState<string | null>(null);
  return {
    at: (path) => fields[path],
    form,
    clear() {
      setFields({});
      setForm(null);
    },
    set: (path, message) => setFields((f) => ({ ...f, [path]: message })),
    show(error, shown) {
      const placed: Record<string, string> = {};
      const elsewhere: string[] = [];
      for (const [path, message] of Object.entries(error.fields ?? {})) {
        let text = fieldMessage(message) ?? message;
        if (error.code === 'STOCK_INSUFFICIENT' && typeof error.detail?.available === 'number') {
          text = t('stock.issue.available', { n: error.detail.available, unit: unitOf?.(path) ?? '' });
          if (Number(error.detail.expiredOnHand) > 0) text += t('stock.issue.expiredOnHand', { n: error.detail.expiredOnHand });
        }
        if (shown(path)) placed[path] = text;
        else elsewhere.push(text);
      }
      setFields(placed);
      setForm(elsewhere.length ? elsewhere.join('；') : Object.keys(placed).length ? null : errorText(error, t));
    },
  };
}
