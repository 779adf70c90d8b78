/**
 * What an audit row says about a change (ARCHITECTURE: "actor, procedure, entity, before/after"):
 * - `before`: the values the change replaced (the changed columns as they were), when it changed existing rows;
 * - `after`: what was asked (the call's input, less the fields below) with what was written laid over it: the ids
 *   of the rows inserted and the new values of the columns changed, in the contract's names.
 * The handler names the entity and gives `before` and what it wrote; the dispatcher adds the input, here, for every
 * procedure. Never a screen view reloaded around the change: that cost a stay's ten statements twice per change,
 * and it recorded what the screen shows rather than what the change did.
 */

/**
 * Input fields never written to the audit trail, by name, at any depth of an input: passwords typed at this desk
 * (a login's, a co-signing witness's `witness.password`, a new account's) and a photo's bytes (its handler records
 * the size). A test checks that every input field whose name says "password" is listed here.
 */
export const UNRECORDED_FIELDS: ReadonlySet<string> = new Set([
  'password',
  'passwordConfirm',
  'currentPassword',
  'newPassword',
  'newPasswordConfirm',
  'dataBase64',
]);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** The input as the audit trail keeps it: a copy without the unrecorded fields. */
export function recordedInput(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(recordedInput);
  if (!isPlainObject(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!UNRECORDED_FIELDS.has(key)) out[key] = recordedInput(value);
  }
  return out;
}

/**
 * The row's `after`: the recorded input, then what the handler says it wrote. The input's key that names the row
 * itself (`id`, or `stayId` for entity `stay`, holding the entity id) is left out: the row keeps it in entity_id.
 * Nothing asked and nothing said: no `after` at all (stored as NULL, as before).
 */
export function auditAfter(
  input: unknown,
  entity: string,
  entityId: string | number | null | undefined,
  wrote: object | null | undefined,
): unknown {
  const asked = recordedInput(input);
  if (!isPlainObject(asked)) return wrote ?? asked ?? null;
  const ownKey = `${entity.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}Id`;
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(asked)) {
    const namesTheRow = (key === 'id' || key === ownKey) && entityId != null && String(value) === String(entityId);
    if (!namesTheRow) merged[key] = value;
  }
  Object.assign(merged, wrote ?? {});
  return Object.keys(merged).length ? merged : null;
}
