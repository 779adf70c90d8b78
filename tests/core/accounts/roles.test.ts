import { describe, expect, it } from 'vitest';
import { contract, procedureNames } from '../../../shared/contract';
import { PERMISSIONS, permissionsOf, ROLES, rolesWith, type Permission, type Role } from '../../../shared/domain/roles';
import { EVERYONE, MODULE_SPEC, PERMISSION_SPEC, PUBLIC, specAllows, specFor } from '../harness/permission-spec';

/**
 * The role table (shared/domain/roles.ts) against the permission spec written from DOMAIN.md's "Its users"
 * (tests/core/harness/permission-spec.ts). The permission matrix checks the same through the dispatcher, procedure by procedure.
 */

/** The permissions a role's work needs: those of the procedures the spec lets it call, and its modules' not built yet. */
function permissionsTheSpecGives(role: Role): Permission[] {
  const needed = new Set<string>();
  for (const name of procedureNames) {
    const access = contract[name].access;
    if (access !== 'public' && access !== 'session' && access !== 'user' && specAllows(name, role)) needed.add(access);
  }
  for (const [permission, roles] of Object.entries(MODULE_SPEC)) if ((roles as readonly Role[]).includes(role)) needed.add(permission);
  return PERMISSIONS.filter((p) => needed.has(p));
}

describe('the permission spec', () => {
  it('places every procedure of the contract, and names no other', () => {
    const missing = procedureNames.filter((n) => !(n in PERMISSION_SPEC));
    expect(missing, 'procedures missing from tests/core/harness/permission-spec.ts: place each by who may call it').toEqual([]);
    expect(Object.keys(PERMISSION_SPEC).filter((n) => !(procedureNames as string[]).includes(n))).toEqual([]);
    expect(() => specFor('nobody.knows')).toThrow(/not in the permission spec/);
  });

  it('needs no sign-in for exactly the public procedures, and lets every signed-in role call the session and user ones', () => {
    for (const name of procedureNames) {
      const access = contract[name].access;
      expect(specFor(name) === PUBLIC, `${name} (${access})`).toBe(access === 'public');
      if (access === 'session' || access === 'user') expect(specFor(name), name).toBe(EVERYONE);
    }
  });

  it('every permission is held by some role, and the modules not built yet use no permission a procedure uses', () => {
    for (const p of PERMISSIONS) expect(ROLES.some((r) => permissionsOf([r]).includes(p)), p).toBe(true);
    const used = new Set(procedureNames.map((n) => contract[n].access));
    expect(Object.keys(MODULE_SPEC).filter((p) => used.has(p as Permission))).toEqual([]);
    expect([...used, ...Object.keys(MODULE_SPEC)].filter((p) => !['public', 'session', 'user'].includes(p)).sort()).toEqual([...PERMISSIONS].sort());
  });
});

describe('roles and what they may do (DOMAIN "Its users")', () => {
  it.each(ROLES)('%s holds exactly the permissions its work needs, in the canonical order', (role) => {
    expect(permissionsOf([role])).toEqual(permissionsTheSpecGives(role));
  });

  it('a member of staff with several roles may do whatever any of their roles may, each permission listed once', () => {
    expect(permissionsOf([])).toEqual([]);
    const both = permissionsOf(['storekeeper', 'inspector', 'storekeeper']);
    expect(both).toEqual(PERMISSIONS.filter((p) => permissionsOf(['storekeeper']).includes(p) || permissionsOf(['inspector']).includes(p)));
    expect(both).toEqual(['intake.read', 'roster.read', 'stock.read', 'stock.write', 'stock.issue_to_stay', 'foster_care.inspect']);
    expect(permissionsOf(ROLES)).toEqual([...PERMISSIONS]);
  });

  it.each(PERMISSIONS)('the roles holding %s are exactly those the spec gives it to', (permission) => {
    const expected = ROLES.filter((r) => permissionsTheSpecGives(r).includes(permission));
    expect(rolesWith(permission)).toEqual(expected);
  });
});
