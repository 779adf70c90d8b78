import { isRealDate, yearsBefore } from './calendar';

/**
 * Chinese resident identity numbers (GB 11643): 6-digit region, 8-digit birth date, 3-digit sequence whose
 * last digit is odd for men and even for women, and a check character (ISO 7064 MOD 11-2, `X` for 10).
 * 15-digit numbers (issued before 1999) have a 2-digit year and no check character; they are converted.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Which part of a number is wrong: each maps to a catalog key `v.id.<part>`. */
export type IdProblem = 'length' | 'chars' | 'birthDate' | 'checksum';

export type IdCheck =
  | { ok: true; normalized: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; problem: IdProblem };

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** `today` (YYYY-MM-DD) bounds the birth date as for any birth date: not in the future, not over 120 years back. */
export function checkIdNumber(raw: string, today?: string): IdCheck {
  const s = raw.trim().toUpperCase();
  if (s.length !== 18 && s.length !== 15) return { ok: false, problem: 'length' };
  if (s.length === 15 ? !/^\d+$/.test(s) : !/^\d+[\dX]$/.test(s)) return { ok: false, problem: 'chars' };
  const first17 = s.length === 15 ? `${s.slice(0, 6)}19${s.slice(6, 15)}` : s.slice(0, 17);
  const y = Number(first17.slice(6, 10));
  const m = Number(first17.slice(10, 12));
  const d = Number(first17.slice(12, 14));
  const birthDate = `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`;
  if (y < 1880 || !isRealDate(y, m, d)) return { ok: false, problem: 'birthDate' };
  if (today !== undefined && (birthDate > today || birthDate < yearsBefore(today, 120))) return { ok: false, problem: 'birthDate' };
  const check = checkCharacter(first17);
  if (s.length === 18 && s[17] !== check) return { ok: false, problem: 'checksum' };
  return { ok: true, normalized: first17 + check, birthDate, sex: Number(first17[16]) % 2 === 1 ? 'male' : 'female' };
}
