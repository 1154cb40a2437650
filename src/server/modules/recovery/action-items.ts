import { and, asc, eq } from 'drizzle-orm';
import type {
  CreateActionItemInput,
  RecoveryActionItem,
  UpdateActionItemInput,
} from '../../../shared/contracts/recovery.ts';
import type { Tx } from '../../db/client.ts';
import { recoveryActionItems } from '../../db/schema/index.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { newId } from '../../lib/id.ts';
import { memberExists, memberNames } from '../workspaces/service.ts';
import { CaseChange } from './changes.ts';
import type { CaseActor } from './log.ts';
import { presentActionItem } from './presenters.ts';
import { getCaseRow } from './queries.ts';

type ItemRow = typeof recoveryActionItems.$inferSelect;
const a = recoveryActionItems;

export async function listActionItems(tx: Tx, workspaceId: string, caseId: string): Promise<RecoveryActionItem[]> {
  const rows = await tx
    .select()
    .from(a)
    .where(and(eq(a.workspaceId, workspaceId), eq(a.caseId, caseId)))
    .orderBy(asc(a.createdAt), asc(a.id));
  return presentItems(tx, workspaceId, rows);
}

async function presentItems(tx: Tx, workspaceId: string, rows: ItemRow[]): Promise<RecoveryActionItem[]> {
  const names = await memberNames(
    tx,
    workspaceId,
    rows.flatMap((r) => (r.ownerId ? [r.ownerId] : [])),
  );
  return rows.map((row) => presentActionItem(row, row.ownerId ? (names.get(row.ownerId) ?? null) : null));
}

async function assertOwner(tx: Tx, workspaceId: string, ownerId: string | null | undefined): Promise<void> {
  if (ownerId && !(await memberExists(tx, workspaceId, ownerId))) {
    throw badRequest('body.ownerId', 'is not a member of this workspace');
  }
}

async function getItemRow(tx: Tx, workspaceId: string, itemId: string): Promise<ItemRow> {
  const [row] = await tx
    .select()
    .from(a)
    .where(and(eq(a.workspaceId, workspaceId), eq(a.id, itemId)))
    .limit(1)
    .for('update');
  if (!row) throw notFound('Action item');
  return row;
}

/** An action agreed with the customer; agreeing the first one moves a new or contacted case to "action". */
export async function addActionItem(
  tx: Tx,
  workspaceId: string,
  caseId: string,
  input: CreateActionItemInput,
  actor: CaseActor,
  at = new Date(),
): Promise<RecoveryActionItem> {
  const change = new CaseChange(await getCaseRow(tx, workspaceId, caseId, true), actor, at);
  await assertOwner(tx, workspaceId, input.ownerId);
  const [row] = await tx
    .insert(a)
    .values({
      workspaceId,
      id: newId(at.getTime()),
      caseId,
      title: input.title,
      ownerId: input.ownerId ?? null,
      dueOn: input.dueOn ?? null,
      createdAt: at,
    })
    .returning();
  if (!row) throw new Error('action item insert returned nothing');
  change.log('action_item_added', { itemId: row.id, title: row.title, ownerId: row.ownerId, dueOn: row.dueOn });
  if (change.row.status === 'new' || change.row.status === 'contacted') change.status('action');
  await change.save(tx);
  const [presented] = await presentItems(tx, workspaceId, [row]);
  if (!presented) throw notFound('Action item');
  return presented;
}

export async function updateActionItem(
  tx: Tx,
  workspaceId: string,
  itemId: string,
  input: UpdateActionItemInput,
  actor: CaseActor,
  at = new Date(),
): Promise<RecoveryActionItem> {
  const item = await getItemRow(tx, workspaceId, itemId);
  const change = new CaseChange(await getCaseRow(tx, workspaceId, item.caseId, true), actor, at);
  await assertOwner(tx, workspaceId, input.ownerId);
  const fields: Partial<ItemRow> = {};
  if (input.title !== undefined && input.title !== item.title) fields.title = input.title;
  if (input.ownerId !== undefined && input.ownerId !== item.ownerId) fields.ownerId = input.ownerId;
  if (input.dueOn !== undefined && input.dueOn !== item.dueOn) fields.dueOn = input.dueOn;
  if (input.done !== undefined && input.done !== (item.doneAt !== null)) fields.doneAt = input.done ? at : null;
  if (Object.keys(fields).length === 0) return (await presentItems(tx, workspaceId, [item]))[0] as RecoveryActionItem;
  const [row] = await tx
    .update(a)
    .set(fields)
    .where(and(eq(a.workspaceId, workspaceId), eq(a.id, itemId)))
    .returning();
  const updated = row ?? item;
  change.log('action_item_updated', {
    itemId,
    title: updated.title,
    changes: Object.keys(fields).map((key) => (key === 'doneAt' ? 'done' : key)),
    done: updated.doneAt !== null,
  });
  await change.save(tx);
  return (await presentItems(tx, workspaceId, [updated]))[0] as RecoveryActionItem;
}

export async function deleteActionItem(
  tx: Tx,
  workspaceId: string,
  itemId: string,
  actor: CaseActor,
  at = new Date(),
): Promise<void> {
  const item = await getItemRow(tx, workspaceId, itemId);
  const change = new CaseChange(await getCaseRow(tx, workspaceId, item.caseId, true), actor, at);
  await tx.delete(a).where(and(eq(a.workspaceId, workspaceId), eq(a.id, itemId)));
  change.log('action_item_removed', { itemId, title: item.title });
  await change.save(tx);
}
