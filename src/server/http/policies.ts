import type { Role } from '../../shared/contracts/common.ts';
import { forbidden } from './problem.ts';

const RANK: Record<Role, number> = { viewer: 0, agent: 1, manager: 2, admin: 3, owner: 4 };

/**
 * What each role may do, declared once. read: see everything in the workspace;
 * work: handle customers and conversations; manage: team-wide settings such as
 * reply scripts and teams; admin: members, API keys and the workspace itself.
 */
export const ACTIONS = {
  read: 'viewer',
  work: 'agent',
  manage: 'manager',
  admin: 'admin',
  owner: 'owner',
} as const satisfies Record<string, Role>;
export type Action = keyof typeof ACTIONS;

export function can(role: Role, action: Action): boolean {
  return RANK[role] >= RANK[ACTIONS[action]];
}

export function authorize(role: Role, action: Action): void {
  if (!can(role, action))
    throw forbidden(`The ${role} role cannot ${action} here; ask an ${ACTIONS[action]} or above.`);
}

/** Nobody can grant a role above their own. */
export function authorizeGrant(actor: Role, granted: Role): void {
  if (RANK[granted] > RANK[actor]) throw forbidden(`A ${actor} cannot grant the ${granted} role.`);
}
