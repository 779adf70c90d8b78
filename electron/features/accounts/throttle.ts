/**
 * Wrong-password throttle, per username (case-insensitive), in memory. After FREE_TRIES consecutive
 * failures the name is held for BASE_MS, doubling with each further failure up to MAX_MS. A correct
 * password while held is refused too, so guessing gains nothing from timing.
 * In memory on purpose: a refused login changes nothing in the database.
 */
export const FREE_TRIES = 5;
const BASE_MS = 30_000;
const MAX_MS = 15 * 60_000;

interface Entry {
  failures: number;
  heldUntil: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  /** Milliseconds the name must still wait, or 0. */
  waitFor(username: string, now: number): number {
    const e = this.entries.get(username.toLowerCase());
    return e ? Math.max(0, e.heldUntil - now) : 0;
  }

  recordFailure(username: string, now: number): void {
    const key = username.toLowerCase();
    const e = this.entries.get(key) ?? { failures: 0, heldUntil: 0 };
    e.failures += 1;
    if (e.failures >= FREE_TRIES) {
      e.heldUntil = now + Math.min(MAX_MS, BASE_MS * 2 ** (e.failures - FREE_TRIES));
    }
    this.entries.set(key, e);
  }

  recordSuccess(username: string): void {
    this.entries.delete(username.toLowerCase());
  }
}
