import { accounts } from '../features/accounts/feature';
import { audit } from '../features/audit/feature';
import { backup } from '../features/backup/feature';
import { home } from '../features/home/feature';
import { intake } from '../features/intake/feature';
import { people } from '../features/people/feature';
import { handover } from '../features/handover/feature';
import { foodSamples, fosterCare, outreach, reports } from '../features/planned/feature';
import { roster } from '../features/roster/feature';
import { settings } from '../features/settings/feature';
import { setup } from '../features/setup/feature';
import { stock } from '../features/stock/feature';
import type { FeatureEntry } from './feature';

/**
 * Every feature of the renderer, once (see app/feature.ts). The order is the menu's and the home page's:
 * the modules as the station meets them (the product outline), then the admin pages.
 */
export const FEATURES: readonly FeatureEntry[] = [
  home,
  intake,
  people,
  roster,
  handover,
  stock,
  foodSamples,
  fosterCare,
  outreach,
  reports,
  accounts,
  audit,
  settings,
  backup,
  setup,
];
