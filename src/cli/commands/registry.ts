import type { AdminCommand } from './command.ts';
import { demo } from './demo.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { metricsCommand } from './metrics.ts';
import { migrate } from './migrate.ts';
import { rollupsRebuild } from './rollups.ts';
import { workspaceCreate } from './workspace-create.ts';

/** Every command the admin channel runs; import/metrics/export join here. */
export const adminCommands: readonly AdminCommand[] = [
  workspaceCreate,
  demo,
  migrate,
  importCommand,
  exportCommand,
  rollupsRebuild,
  metricsCommand,
] as readonly AdminCommand[];
