/**
 * Form values as the contract expects them: an empty text box means "not given" (undefined), not "".
 * Nested objects are cleaned the same way and dropped when nothing is left; arrays are kept (an empty list
 * is an answer); numbers, booleans and Dates pass through.
 */
export function cleanEmpty<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cleanEmpty) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = cleanEmpty(v);
      const emptyObject = c !== null && typeof c === 'object' && !Array.isArray(c) && !(c instanceof Date) && Object.keys(c).length === 0;
      if (c !== undefined && c !== null && !emptyObject && !(typeof c === 'string' && c.trim() === '')) out[k] = c;
    }
    return out as T;
  }
  return value;
}
