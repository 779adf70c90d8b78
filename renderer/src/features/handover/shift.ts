import type { HandoverShift, HandoverState } from '../../../../shared/contract/handover';
import { formatInstant } from '../../i18n';

/** "2026-12-01 夜班 20:00–08:00", on the station's clock. */
export function shiftLabel(s: HandoverShift, lng: string, timeZone: string): string {
  const clock = (ms: number) => formatInstant(ms, lng, timeZone, 'HH:mm');
  return `${s.day} ${s.name} ${clock(s.from)}–${clock(s.to)}`;
}

export const STATE_COLOR: Record<HandoverState, string> = { open: 'gold', submitted: 'blue', acknowledged: 'cyan', signed: 'green' };
