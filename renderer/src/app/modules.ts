import type { Permission } from '../../../shared/domain/roles';

/** The station's modules, in the order the station meets them (the product outline). */
export interface ModuleEntry {
  key: 'intake' | 'roster' | 'handover' | 'stock' | 'foodSamples' | 'fosterCare' | 'outreach' | 'reports';
  path: string;
  /** Shown in the menu to users with this permission; the main process enforces it on every call. */
  permission: Permission;
  built: boolean;
}

export const MODULES: ModuleEntry[] = [
  { key: 'intake', path: '/intake', permission: 'intake.read', built: true },
  { key: 'roster', path: '/roster', permission: 'roster.read', built: false },
  { key: 'handover', path: '/handover', permission: 'roster.read', built: false },
  { key: 'stock', path: '/stock', permission: 'stock.read', built: false },
  { key: 'foodSamples', path: '/food-samples', permission: 'food_samples.write', built: false },
  { key: 'fosterCare', path: '/foster-care', permission: 'foster_care.inspect', built: false },
  { key: 'outreach', path: '/outreach', permission: 'outreach.write', built: false },
  { key: 'reports', path: '/reports', permission: 'reports.read', built: false },
];

export const ADMIN_PAGES = [
  { key: 'users', path: '/admin/users', permission: 'accounts.manage' },
  { key: 'audit', path: '/admin/audit', permission: 'audit.read' },
  { key: 'settings', path: '/admin/settings', permission: 'settings.manage' },
  { key: 'backup', path: '/admin/backup', permission: 'settings.manage' },
] as const satisfies readonly { key: string; path: string; permission: Permission }[];
