import type { PickKind } from '../../../shared/bridge';

/** Whether the operating system's picker is at hand (the desktop window; the browser host types paths). */
export const canPick = (): boolean => typeof window.stationdesk?.pickPath === 'function';

/** The path the user picked, or null if they cancelled (or no picker is at hand). */
export async function pickPath(kind: PickKind): Promise<string | null> {
  return canPick() ? window.stationdesk!.pickPath(kind) : null;
}
