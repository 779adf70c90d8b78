import type { z } from 'zod';

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/**
 * The schemas a value at `path` can be checked by, walking zod 4's definitions: object keys, array and tuple
 * indexes, record keys, through optional/default/pipe/union wrappers. Empty when no such path exists.
 */
export function schemasAt(schema: z.ZodType, path: readonly (string | number)[]): z.ZodType[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return schemasAt(def.innerType as z.ZodType, path);
    case 'pipe':
      return [...schemasAt(def.in as z.ZodType, path), ...schemasAt(def.out as z.ZodType, path)];
    case 'lazy':
      return schemasAt((def.getter as () => z.ZodType)(), path);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o) => schemasAt(o, path));
    case 'intersection':
      return [...schemasAt(def.left as z.ZodType, path), ...schemasAt(def.right as z.ZodType, path)];
  }
  if (path.length === 0) return [schema];
  const [head, ...rest] = path;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return typeof head === 'string' && Object.prototype.hasOwnProperty.call(shape, head) ? schemasAt(shape[head]!, rest) : [];
    }
    case 'array':
      return /^\d+$/.test(String(head)) ? schemasAt(def.element as z.ZodType, rest) : [];
    case 'tuple': {
      const items = def.items as z.ZodType[];
      const i = Number(head);
      return Number.isInteger(i) && i < items.length ? schemasAt(items[i]!, rest) : [];
    }
    case 'record':
      return schemasAt(def.valueType as z.ZodType, rest);
    default:
      return [];
  }
}

/** Whether a field key (dot-joined, as field errors name them) is a path of the input schema. */
export function isInputPath(schema: z.ZodType, key: string): boolean {
  if (key === '(root)') return true;
  return schemasAt(schema, key.split('.')).length > 0;
}

/** Every leaf of the schema with its path: what the fuzzer aims its per-kind boundary values at. */
export function leavesOf(schema: z.ZodType, at: (string | number)[] = [], seen = new Set<unknown>()): { path: (string | number)[]; schema: z.ZodType }[] {
  if (seen.has(schema) || at.length > 6) return [];
  const def = defOf(schema);
  const inner = (s: unknown, path = at) => leavesOf(s as z.ZodType, path, new Set([...seen, schema]));
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'union':
      return (def.options as unknown[]).flatMap((o) => inner(o));
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([k, v]) => inner(v, [...at, k]));
    case 'array':
      return inner(def.element, [...at, 0]);
    default:
      return at.length ? [{ path: at, schema }] : [];
  }
}
