import { describe, expect, it } from 'vitest';
import { fields, parsed } from '../harness/contract-parse';

/**
 * A person's record as the contract states it (shared/contract/people.ts), each limit on both sides. The registration
 * fields of DOMAIN §1, every one optional so the record can be completed later; no database.
 */
const update = (input: Record<string, unknown>) => fields('people.update', { id: 1, ...input });

describe('a person’s record (people.update)', () => {
  it('an ID number that is wrong says which part: length, characters, birth date or check character', () => {
    expect(update({ idNumber: '11010519491231002' })).toEqual({ idNumber: 'v.id.length' });
    expect(update({ idNumber: '1101051949123100AX' })).toEqual({ idNumber: 'v.id.chars' });
    expect(update({ idNumber: '110105194902300026' })).toEqual({ idNumber: 'v.id.birthDate' });
    expect(update({ idNumber: '110105194912310021' })).toEqual({ idNumber: 'v.id.checksum' });
    expect(update({ idNumber: '11010519491231002X' })).toEqual({});
  });

  it('an estimated age is 0 to 120 years, a height 30 to 250 cm, both ends allowed', () => {
    const check = (key: string, values: number[]) => values.map((v) => update({ [key]: v })[key] ?? 'ok');
    expect(check('estimatedAge', [-1, 0, 120, 121])).toEqual(['v.age', 'ok', 'ok', 'v.age']);
    expect(check('heightCm', [29, 30, 250, 251])).toEqual(['v.height', 'ok', 'ok', 'v.height']);
  });

  it('a field not known is marked unknown or refused, never left ambiguous', () => {
    const states = { name: 'unknown', idNumber: 'refused', dialect: 'unknown' };
    expect(parsed<{ fieldStates: object }>('people.update', { id: 1, fieldStates: states }).fieldStates).toEqual(states);
    expect(Object.keys(update({ fieldStates: { name: 'maybe' } }))).toEqual(['fieldStates.name']);
    expect(Object.keys(update({ fieldStates: { shoeSize: 'unknown' } }))).toEqual(['fieldStates']);
  });

  it('every registration field reaches the record', () => {
    const person = {
      name: '张三', sex: 'male', birthDate: '1949-12-31', estimatedAge: 76, idNumber: '11010519491231002X', hukouPlace: '河南省周口市',
      residence: '无固定住所', benefits: 'dibao', dialect: '河南口音', heightCm: 170, build: '偏瘦', features: '左眉有疤', clothing: '灰色外套', description: '光头',
    };
    expect(parsed('people.update', { id: 1, ...person })).toEqual({ id: 1, ...person });
  });
});

describe('photos, search and links', () => {
  it('a photo is a JPEG or PNG of at most 800,000 base64 characters (about 600 kB)', () => {
    expect(fields('people.setPhoto', { id: 1, dataBase64: 'a'.repeat(800_000), type: 'image/jpeg' })).toEqual({});
    expect(fields('people.setPhoto', { id: 1, dataBase64: 'a'.repeat(800_001), type: 'image/jpeg' })).toEqual({ dataBase64: 'v.photoTooLarge' });
    expect(Object.keys(fields('people.setPhoto', { id: 1, dataBase64: 'aaaa', type: 'image/gif' }))).toEqual(['type']);
  });

  it('a search is 1 to 40 characters without the spaces around them, and returns 1 to 50 hits, 20 unless asked', () => {
    expect(parsed('people.search', { q: '  张  ' })).toEqual({ q: '张', limit: 20 });
    expect(Object.keys(fields('people.search', { q: '   ' }))).toEqual(['q']);
    expect(fields('people.search', { q: '张'.repeat(40), limit: 50 })).toEqual({});
    expect(Object.keys(fields('people.search', { q: '张'.repeat(41) }))).toEqual(['q']);
    const limit = (n: number) => Object.keys(fields('people.search', { q: '张', limit: n }));
    expect([limit(0), limit(1), limit(50), limit(51)]).toEqual([['limit'], [], [], ['limit']]);
  });

  it('search before create takes a birth year from 1880 to 2200 and at most 18 ID characters, spaces dropped', () => {
    const year = (y: number) => Object.keys(fields('people.matches', { birthYear: y }));
    expect([year(1879), year(1880), year(2200), year(2201)]).toEqual([['birthYear'], [], [], ['birthYear']]);
    expect(parsed('people.matches', { idNumber: ' 110105194912310021 ', name: ' 张三 ' })).toEqual({ idNumber: '110105194912310021', name: '张三' });
    expect(Object.keys(fields('people.matches', { idNumber: '1101051949123100211' }))).toEqual(['idNumber']);
  });

  it('clearing an ID number, linking and unlinking two records each state a reason', () => {
    expect(fields('people.clearIdNumber', { id: 1, reason: ' ' })).toEqual({ reason: 'v.required' });
    expect(fields('people.link', { a: 1, b: 2, reason: '' })).toEqual({ reason: 'v.required' });
    expect(fields('people.unlink', { linkId: 1, reason: ' ' })).toEqual({ reason: 'v.required' });
  });
});
