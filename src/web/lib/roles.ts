import type { TFunction } from 'i18next';
import { ROLES, type Role } from '../../shared/contracts/common.ts';

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

/** Roles for a picker; invitations and API keys cannot be owners. */
export function roleOptions(t: TFunction, withOwner: boolean) {
  return ROLES.filter((role) => withOwner || role !== 'owner').map((role) => ({
    value: role,
    label: t(`role.${role}`),
  }));
}
