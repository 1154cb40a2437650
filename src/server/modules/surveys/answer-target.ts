import { getTableColumns } from 'drizzle-orm';
import type { SurveyDefinition } from '../../../shared/contracts/surveys.ts';
import type { Tx } from '../../db/client.ts';
import { namedQuery } from '../../db/raw.ts';
import { surveyInvitations } from '../../db/schema/index.ts';
import { HttpProblem } from '../../http/problem.ts';
import type { InvitationRow } from './invitations.ts';
import type { SurveyRecord } from './service.ts';
import type { InvitationToken } from './tokens.ts';

/** What an answer is written against: the invitation, the survey version it was given, the answer so far. */
export interface AnswerTarget {
  invitation: InvitationRow;
  /** Only what answering needs of the survey (its settings stay in the database). */
  survey: { row: Pick<SurveyRecord['row'], 'id' | 'kind' | 'status'>; definition: SurveyRecord['definition'] };
  /** The answer so far (answering again updates it). */
  answer: { id: string; score: number | null; comment: string | null } | null;
}

export const invalidToken = () =>
  new HttpProblem(400, 'Invalid survey link', 'body.token: this survey link is invalid or has expired', [
    { field: 'body.token', message: 'is invalid or has expired' },
  ]);

/** Every invitation column under its property name, so rows come back as InvitationRow without mapping. */
const invitationColumns = Object.entries(getTableColumns(surveyInvitations))
  .map(([key, column]) => `i."${column.name}" as "${key}"`)
  .join(', ');

/**
 * The invitations joined with their survey and their response so far, locked in key order
 * (two batches never deadlock). A fixed text with array parameters: the public answer path
 * is the hottest write in Koe, and this is parsed and planned once per connection.
 */
const targetsText = (lock: string) => `select ${invitationColumns}, s.kind as "surveyKind", s.status as "surveyStatus",
    r.id as "answerId", r.score as "answerScore", r.comment as "answerComment"
  from unnest($1::uuid[], $2::uuid[]) as k(workspace_id, id)
  join survey_invitations i on i.workspace_id = k.workspace_id and i.id = k.id
  join surveys s on s.workspace_id = i.workspace_id and s.id = i.survey_id
  left join survey_responses r on r.workspace_id = i.workspace_id and r.invitation_id = i.id
  ${lock}`;
const TARGETS = targetsText('order by i.workspace_id, i.id for update of i');
/** The same without locks, for the first answers of a batch (their write fails on a lost race; see answer-queue.ts). */
const TARGETS_UNLOCKED = targetsText('');

type TargetRow = InvitationRow & {
  surveyKind: AnswerTarget['survey']['row']['kind'];
  surveyStatus: AnswerTarget['survey']['row']['status'];
  answerId: string | null;
  answerScore: number | null;
  answerComment: string | null;
};

const DEFINITIONS = `select workspace_id as "workspaceId", survey_id as "surveyId", version, definition
  from survey_versions
  where (workspace_id, survey_id, version) in (select * from unnest($1::uuid[], $2::uuid[], $3::int[]))`;

/** Survey versions never change once written (editing a survey makes a new one), so they are kept in memory. */
const definitions = new Map<string, SurveyDefinition>();
const DEFINITIONS_KEPT = 500;
const versionKey = (workspaceId: string, surveyId: string, version: number) => `${workspaceId}/${surveyId}/${version}`;

type VersionKey = { workspaceId: string; surveyId: string; version: number };

async function loadDefinitions(tx: Tx, keys: VersionKey[]): Promise<void> {
  const missing = new Map<string, VersionKey>();
  for (const key of keys) {
    const id = versionKey(key.workspaceId, key.surveyId, key.version);
    if (!definitions.has(id)) missing.set(id, key);
  }
  if (missing.size === 0) return;
  const wanted = [...missing.values()];
  const found = await namedQuery<{
    workspaceId: string;
    surveyId: string;
    version: number;
    definition: SurveyDefinition;
  }>(tx, 'koe_answer_definitions', DEFINITIONS, [
    wanted.map((r) => r.workspaceId),
    wanted.map((r) => r.surveyId),
    wanted.map((r) => r.version),
  ]);
  for (const row of found) {
    definitions.set(versionKey(row.workspaceId, row.surveyId, row.version), row.definition);
    if (definitions.size > DEFINITIONS_KEPT) definitions.delete(definitions.keys().next().value as string);
  }
}

/** The definitions of these survey versions, in their order (undefined for a version that does not exist). */
export async function surveyDefinitions(tx: Tx, keys: VersionKey[]): Promise<(SurveyDefinition | undefined)[]> {
  await loadDefinitions(tx, keys);
  return keys.map((key) => definitions.get(versionKey(key.workspaceId, key.surveyId, key.version)));
}

function toTarget(row: TargetRow): AnswerTarget | null {
  const { surveyKind, surveyStatus, answerId, answerScore, answerComment, ...invitation } = row;
  const definition = definitions.get(versionKey(row.workspaceId, row.surveyId, row.version));
  if (!definition) return null;
  return {
    invitation,
    survey: { row: { id: row.surveyId, kind: surveyKind, status: surveyStatus }, definition },
    answer: answerId ? { id: answerId, score: answerScore, comment: answerComment } : null,
  };
}

/** The target a token names, or the 400 a respondent sees for a forged, expired or mismatched link. */
export function checkTarget(target: AnswerTarget | undefined, token: InvitationToken): AnswerTarget {
  if (!target || target.invitation.surveyId !== token.s) throw invalidToken();
  if (target.invitation.status === 'skipped' || target.invitation.status === 'failed') throw invalidToken();
  return target;
}

export const targetKey = (workspaceId: string, invitationId: string) => `${workspaceId}/${invitationId}`;

/** Many invitations in one round trip (plus one for survey versions not yet in memory), by targetKey; locked. */
export async function answerTargets(
  tx: Tx,
  keys: { workspaceId: string; id: string }[],
  options: { lock: boolean } = { lock: true },
): Promise<Map<string, AnswerTarget>> {
  const [name, text] = options.lock
    ? ['koe_answer_targets', TARGETS]
    : ['koe_answer_targets_unlocked', TARGETS_UNLOCKED];
  const rows = await namedQuery<TargetRow>(tx, name, text, [keys.map((k) => k.workspaceId), keys.map((k) => k.id)]);
  await loadDefinitions(tx, rows);
  const targets = new Map<string, AnswerTarget>();
  for (const row of rows) {
    const target = toTarget(row);
    if (target) targets.set(targetKey(row.workspaceId, row.id), target);
  }
  return targets;
}

/** One invitation (the plain path: links, and a batch answered again one by one). */
export async function answerTarget(tx: Tx, workspaceId: string, invitationId: string): Promise<AnswerTarget | null> {
  return (
    (await answerTargets(tx, [{ workspaceId, id: invitationId }])).get(targetKey(workspaceId, invitationId)) ?? null
  );
}
