import {
  CONTACT_STEP,
  type PlaybookStepState,
  type RecoveryCaseStatus,
  type RecoveryOutcome,
  type UpdateRecoveryCaseInput,
} from '../../../shared/contracts/recovery.ts';
import type { Tx } from '../../db/client.ts';
import { recoveryCases } from '../../db/schema/index.ts';
import { badRequest, conflict, notFound } from '../../http/problem.ts';
import { memberExists } from '../workspaces/service.ts';
import { caseKey } from './keys.ts';
import type { CaseActor, CaseEntry, CaseRow } from './log.ts';
import { logCase } from './log.ts';
import { getCaseRow, lockCaseOpening, openCaseOfConversation } from './queries.ts';

/** A case being changed in one step: the fields to write and the log entries that explain them. */
export class CaseChange {
  readonly fields: Partial<CaseRow> = {};
  readonly entries: CaseEntry[] = [];
  readonly actor: CaseActor;
  readonly at: Date;
  row: CaseRow;

  constructor(row: CaseRow, actor: CaseActor, at: Date) {
    this.row = row;
    this.actor = actor;
    this.at = at;
  }

  set(fields: Partial<CaseRow>): void {
    Object.assign(this.fields, fields);
    this.row = { ...this.row, ...fields };
  }

  log(type: CaseEntry['type'], data: Record<string, unknown> = {}): void {
    this.entries.push({ type, data });
  }

  /** Marks a playbook step done or not; false when it already was. */
  step(key: string, done: boolean): boolean {
    const index = this.row.playbook.findIndex((step) => step.key === key);
    const step = this.row.playbook[index];
    if (!step || (step.doneAt !== null) === done) return false;
    const playbook: PlaybookStepState[] = this.row.playbook.map((s, i) =>
      i === index
        ? {
            ...s,
            doneAt: done ? this.at.toISOString() : null,
            doneBy: done && this.actor.type === 'user' ? this.actor.id : null,
          }
        : s,
    );
    this.set({ playbook });
    this.log(done ? 'step_checked' : 'step_unchecked', { key, label: step.label });
    if (key === CONTACT_STEP) this.set({ firstContactAt: done ? this.at : null });
    return true;
  }

  status(to: RecoveryCaseStatus): void {
    const from = this.row.status;
    if (from === to) return;
    this.set({ status: to });
    this.log('status_changed', { from, to });
  }

  /** Writes the fields and the log with one domain event: recovery.closed when it closed, else recovery.updated. */
  async save(tx: Tx, closed = false): Promise<CaseRow> {
    if (this.entries.length === 0) return this.row;
    const [updated] = await tx
      .update(recoveryCases)
      .set({ ...this.fields, updatedAt: this.at })
      .where(caseKey(this.row))
      .returning();
    const row = updated ?? this.row;
    await logCase(tx, row, this.actor, this.at, this.entries, closed ? 'recovery.closed' : 'recovery.updated');
    return row;
  }
}

/** Moving past "new" on the board means the customer was reached: the contact step is checked. */
const CONTACTED: RecoveryCaseStatus[] = ['contacted', 'action', 'follow_up'];

function close(change: CaseChange, outcome: RecoveryOutcome, note?: string): void {
  const wasClosed = change.row.status === 'closed';
  change.set({ outcome, closedAt: wasClosed ? change.row.closedAt : change.at });
  change.status('closed');
  change.log('closed', { outcome, ...(note ? { note } : {}), ...(wasClosed ? { changed: true } : {}) });
}

async function reopen(tx: Tx, change: CaseChange, to: RecoveryCaseStatus): Promise<void> {
  const row = change.row;
  if (row.conversationId) {
    const other = await openCaseOfConversation(tx, row.workspaceId, row.conversationId);
    if (other && other.id !== row.id) {
      throw conflict('body.status', `the conversation already has an open case (#${other.number}); work on that one`);
    }
  }
  change.set({ closedAt: null, outcome: null });
  change.status(to);
  change.log('reopened', { previousOutcome: row.outcome });
}

/** PATCH: a move on the board, another owner, other causes; closing needs an outcome. */
export async function updateCase(
  tx: Tx,
  workspaceId: string,
  caseId: string,
  input: UpdateRecoveryCaseInput,
  actor: CaseActor,
  at = new Date(),
): Promise<CaseRow> {
  // A move out of closed may reopen the case: take the opening lock before the row (the order the
  // recovery handler takes them in), so the two never wait on each other.
  if (input.status && input.status !== 'closed') await lockCaseOpening(tx, workspaceId);
  const change = new CaseChange(await getCaseRow(tx, workspaceId, caseId, true), actor, at);
  const row = change.row;
  if (input.ownerId !== undefined && input.ownerId !== row.ownerId) {
    if (input.ownerId && !(await memberExists(tx, workspaceId, input.ownerId))) {
      throw badRequest('body.ownerId', 'is not a member of this workspace');
    }
    change.set({ ownerId: input.ownerId });
    change.log('owner_changed', { from: row.ownerId, to: input.ownerId });
  }
  if (input.tags !== undefined) {
    const tags = [...new Set(input.tags)];
    const added = tags.filter((tag) => !row.tags.includes(tag));
    const removed = row.tags.filter((tag) => !tags.includes(tag));
    if (added.length || removed.length) {
      change.set({ tags });
      change.log('tags_changed', { added, removed });
    }
  }
  const target = input.status ?? row.status;
  if (target === 'closed') {
    const outcome = input.outcome ?? (row.status === 'closed' ? null : undefined);
    if (outcome === undefined) {
      throw badRequest('body.outcome', 'is required to close a case: recovered, not_recovered or unreachable');
    }
    if (outcome && outcome !== row.outcome) close(change, outcome);
  } else {
    if (input.outcome !== undefined) {
      throw badRequest('body.outcome', 'is set when the case is closed: send status "closed" with it');
    }
    if (row.status === 'closed') await reopen(tx, change, target);
    else change.status(target);
    if (CONTACTED.includes(target) && change.row.firstContactAt === null) change.step(CONTACT_STEP, true);
  }
  return change.save(tx, change.row.status === 'closed' && row.status !== 'closed');
}

/** POST …/close: the outcome (unreachable is only ever set by hand), with an optional note. */
export async function closeCase(
  tx: Tx,
  workspaceId: string,
  caseId: string,
  input: { outcome: RecoveryOutcome; note?: string | undefined },
  actor: CaseActor,
  at = new Date(),
): Promise<CaseRow> {
  const change = new CaseChange(await getCaseRow(tx, workspaceId, caseId, true), actor, at);
  const wasClosed = change.row.status === 'closed';
  if (wasClosed && change.row.outcome === input.outcome && !input.note) return change.row;
  close(change, input.outcome, input.note);
  return change.save(tx, !wasClosed);
}

/**
 * Checks or unchecks a playbook step. Checking "contact" records the first contact (and a
 * new case moves to contacted); unchecking it takes the first contact back (a slip).
 */
export async function setStep(
  tx: Tx,
  workspaceId: string,
  caseId: string,
  key: string,
  done: boolean,
  actor: CaseActor,
  at = new Date(),
): Promise<CaseRow> {
  const change = new CaseChange(await getCaseRow(tx, workspaceId, caseId, true), actor, at);
  if (!change.row.playbook.some((step) => step.key === key)) throw notFound('Playbook step');
  if (!change.step(key, done)) return change.row;
  if (key === CONTACT_STEP && done && change.row.status === 'new') change.status('contacted');
  return change.save(tx);
}
