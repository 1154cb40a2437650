import type { Db } from '../db/client.ts';
import { createPolicy, listPolicies } from '../modules/sla/policies.ts';

const HOUR = 3600;

/**
 * The demo's SLA policies, in the demo calendar's business hours: urgent and high priority
 * first, then the default. Created before the replay so every conversation's deadlines
 * (met, missed, still running) are what they would have been live. Left alone when the
 * workspace already has policies.
 */
export async function ensureDemoSlaPolicies(db: Db, workspaceId: string, calendarId: string): Promise<void> {
  if ((await listPolicies(db, workspaceId)).length > 0) return;
  const common = { description: '', enabled: true, calendarId, warnAtPercent: 80 };
  await createPolicy(db, workspaceId, {
    ...common,
    name: '優先対応 / Priority',
    isDefault: false,
    conditions: { priority: ['urgent', 'high'] },
    firstResponseSeconds: HOUR / 2,
    nextResponseSeconds: HOUR,
    resolutionSeconds: 8 * HOUR,
  });
  await createPolicy(db, workspaceId, {
    ...common,
    name: '標準 / Standard',
    isDefault: true,
    conditions: {},
    firstResponseSeconds: 2 * HOUR,
    nextResponseSeconds: 4 * HOUR,
    resolutionSeconds: 16 * HOUR,
  });
}
