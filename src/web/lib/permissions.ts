import type { Role } from '../../shared/contracts/common.ts';

/** Workspace, members, API keys. The server decides; this only hides controls that would be refused. */
export const canAdminister = (role: Role) => role === 'owner' || role === 'admin';

/** Teams and reply scripts. */
export const canManage = (role: Role) => canAdminister(role) || role === 'manager';
