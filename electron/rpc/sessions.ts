import { randomBytes } from 'node:crypto';

export interface Session {
  id: string;
  userId: number;
  createdAt: number;
  lastActivity: number;
  locked: boolean;
}

/**
 * Signed-in sessions, held in the main process's memory only: a restart signs everyone out,
 * which on a shared front-desk PC is the safe side.
 */
export class SessionStore {
  private readonly byId = new Map<string, Session>();

  /** A new session, not yet valid: `add` it once the login's transaction has committed. */
  open(userId: number, now: number): Session {
    return { id: randomBytes(24).toString('base64url'), userId, createdAt: now, lastActivity: now, locked: false };
  }

  add(session: Session): void {
    this.byId.set(session.id, session);
  }

  get(id: string | undefined): Session | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  end(id: string): void {
    this.byId.delete(id);
  }

  /** Ends every session (after a restore, the accounts may differ). */
  clear(): void {
    this.byId.clear();
  }

  /** Ends every session of a user (disabled, or password reset by an admin). */
  endAllOf(userId: number, exceptId?: string): void {
    for (const [id, s] of this.byId) if (s.userId === userId && id !== exceptId) this.byId.delete(id);
  }
}
