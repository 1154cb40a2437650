import type { AdminCommand } from './command.ts';
import { demo } from './demo.ts';
import { migrate } from './migrate.ts';
import { workspaceCreate } from './workspace-create.ts';

/** Every command the admin channel runs; import/metrics/export join here. */
export const adminCommands: readonly AdminCommand[] = [workspaceCreate, demo, migrate] as readonly AdminCommand[];
