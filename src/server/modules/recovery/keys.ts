import { and, eq } from 'drizzle-orm';
import { recoveryCases } from '../../db/schema/index.ts';

/** The WHERE clause of one case row. */
export const caseKey = (row: { workspaceId: string; id: string }) =>
  and(eq(recoveryCases.workspaceId, row.workspaceId), eq(recoveryCases.id, row.id));
