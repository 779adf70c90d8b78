/** Every feature's section of a generated station, run in this order (a later section may read what earlier ones wrote). */
import { intakeDemo } from '../../intake/demo';
import { dutyDemo } from '../../roster/demo';
import { stockDemo } from '../../stock/demo';

/** Duty last: its handovers compile what intake and stock wrote. */
export const DEMO_SECTIONS = [intakeDemo, stockDemo, dutyDemo] as const;
