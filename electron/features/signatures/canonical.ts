import { createHash } from 'node:crypto';

/**
 * The canonical text of a record: JSON with object keys sorted (by UTF-16 code units, as `Array.prototype.sort`
 * does), no whitespace, and properties whose value is `undefined` left out. Two reads of the same stored record give
 * the same text whatever order the code built the object in, which is what lets a signature be checked years later.
 *
 * Only plain JSON goes in: anything JSON would change silently (a Date, a Buffer, a Map, NaN, a bigint, `undefined`
 * inside an array) throws, because a record that does not survive a JSON round trip cannot be re-read to the same text.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

/** sha256 (hex) of the record's canonical text. */
export function recordHash(record: unknown): string {
  // Stryker disable next-line StringLiteral: update() reads a string as UTF-8 when no encoding is named, as '' names none
  return createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex');
}

function write(v: unknown, at: string): string {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`canonicalJson: ${at} is ${v}, which JSON cannot hold`);
    return JSON.stringify(v);
  }
  // `undefined` in an array (which JSON would write as null) is refused below, with its place, like any other.
  if (Array.isArray(v)) return `[${v.map((item, i) => write(item, `${at}[${i}]`)).join(',')}]`;
  if (typeof v === 'object' && isPlain(v)) {
    const entries = Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${write((v as Record<string, unknown>)[k], `${at}.${k}`)}`);
    return `{${entries.join(',')}}`;
  }
  return fail(`${at} is ${describe(v)}, not plain JSON`);
}

const isPlain = (o: object) => {
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
};

/** What a value JSON cannot hold is; `write` has returned for null before it asks. */
const describe = (v: {} | undefined) => (typeof v === 'object' ? (v.constructor?.name ?? 'an object') : typeof v);

function fail(message: string): never {
  throw new TypeError(`canonicalJson: ${message}`);
}
