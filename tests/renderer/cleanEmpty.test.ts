import { describe, expect, it } from 'vitest';
import { cleanEmpty } from '../../renderer/src/components/cleanEmpty';

describe('cleanEmpty', () => {
  it('turns empty text into “not given”, drops emptied objects, keeps lists, numbers, false and dates', () => {
    const d = new Date(0);
    expect(
      cleanEmpty({ name: ' ', person: { name: '', description: '' }, items: [], age: 0, ok: false, at: d, nested: { a: 'x', b: '' } }),
    ).toEqual({ items: [], age: 0, ok: false, at: d, nested: { a: 'x' } });
  });
});
