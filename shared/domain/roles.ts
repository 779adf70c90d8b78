/**
 * Roles (DOMAIN.md "Its users") and what each may do. The dispatcher enforces this map;
 * the renderer only uses it to decide what to show.
 */
export const ROLES = [
  'front_desk', // 接待员
  'duty_staff', // 值班员
  'duty_leader', // 带班领导
  'storekeeper', // 库管员
  'food_safety', // 食品安全员
  'inspector', // 督查人员
  'admin', // 系统管理员
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'accounts.manage',
  'audit.read',
  'settings.manage',
  'intake.read',
  'intake.write',
  'intake.approve',
  'roster.read',
  'roster.write',
  'handover.sign',
  // The shift's own records (issue 10): reading them, and writing patrol rounds, incidents, follow-ups and handovers.
  'duty.read',
  'duty.write',
  'stock.read',
  'stock.write',
  // Issue the front-desk items (water, medicine, a set of summer clothes) to a stay; the storekeeper issues anything.
  'stock.issue_to_stay',
  // Approve, with one's password at the storekeeper's desk, a large write-off or a stocktake's differences.
  'stock.approve',
  'food_samples.write',
  'foster_care.inspect',
  'outreach.write',
  'reports.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  front_desk: ['intake.read', 'intake.write', 'roster.read', 'duty.read', 'duty.write', 'stock.read', 'stock.issue_to_stay'],
  duty_staff: ['intake.read', 'roster.read', 'duty.read', 'duty.write', 'outreach.write', 'stock.read'],
  duty_leader: [
    'intake.read',
    'intake.write',
    'intake.approve',
    'roster.read',
    'roster.write',
    'handover.sign',
    'duty.read',
    'duty.write',
    'stock.read',
    'stock.approve',
    'outreach.write',
    'reports.read',
    'audit.read',
  ],
  storekeeper: ['stock.read', 'stock.write', 'stock.issue_to_stay', 'roster.read'],
  food_safety: ['food_samples.write', 'roster.read', 'stock.read'],
  inspector: ['foster_care.inspect', 'intake.read', 'roster.read'],
  admin: ['accounts.manage', 'audit.read', 'settings.manage', 'reports.read', 'roster.read', 'roster.write', 'stock.read', 'stock.approve'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) granted.add(p);
  return PERMISSIONS.filter((p) => granted.has(p));
}

export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permission));
}
