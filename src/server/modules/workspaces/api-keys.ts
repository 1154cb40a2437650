import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Role } from '../../../shared/contracts/common.ts';
import type { ApiKey } from '../../../shared/contracts/workspaces.ts';
import type { Tx } from '../../db/client.ts';
import { apiKeys } from '../../db/schema/index.ts';
import { notFound } from '../../http/problem.ts';
import { newId } from '../../lib/id.ts';
import { makeApiKey } from './auth.ts';
import { presentApiKey } from './presenters.ts';

export async function listApiKeys(db: Tx, workspaceId: string): Promise<ApiKey[]> {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.workspaceId, workspaceId))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map((r) => presentApiKey(r));
}

export async function createApiKey(
  db: Tx,
  workspaceId: string,
  input: { name: string; role: Role; createdBy: string | null },
): Promise<ApiKey> {
  const made = makeApiKey(workspaceId);
  const [row] = await db
    .insert(apiKeys)
    .values({
      workspaceId,
      id: newId(),
      name: input.name,
      keyHash: made.hash,
      hint: made.hint,
      role: input.role,
      createdBy: input.createdBy,
    })
    .returning();
  if (!row) throw new Error('api key insert returned nothing');
  return presentApiKey(row, made.key);
}

export async function revokeApiKey(db: Tx, workspaceId: string, id: string): Promise<void> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning();
  if (!row) throw notFound('API key');
}
