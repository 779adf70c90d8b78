/** Every feature's section of a generated station, run in this order (a later section may read what earlier ones wrote). */
import { intakeDemo } from '../../intake/demo';

export const DEMO_SECTIONS = [intakeDemo] as const;
