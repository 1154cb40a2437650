import type { SlaPolicy } from '../../../shared/contracts/sla.ts';
import type { PolicyRow } from './store.ts';

export function presentPolicy(row: PolicyRow): SlaPolicy {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    position: row.position,
    enabled: row.enabled,
    isDefault: row.isDefault,
    conditions: row.conditions,
    firstResponseSeconds: row.firstResponseSeconds,
    nextResponseSeconds: row.nextResponseSeconds,
    resolutionSeconds: row.resolutionSeconds,
    calendarId: row.calendarId,
    warnAtPercent: row.warnAtPercent,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
