import { and, desc, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import {
  type CreateSurveyInput,
  SCALES,
  type Survey,
  type SurveyDefinition,
  SurveySettings,
  type SurveyStatus,
  type UpdateSurveyInput,
} from '../../../shared/contracts/surveys.ts';
import type { Db, Tx } from '../../db/client.ts';
import { surveyInvitations, surveyResponses, surveys, surveyVersions } from '../../db/schema/index.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { newId } from '../../lib/id.ts';
import { presentSurvey } from './presenters.ts';
import { findTemplate } from './templates.ts';
import { linkUrl } from './tokens.ts';

export interface SurveyRecord {
  row: typeof surveys.$inferSelect;
  definition: SurveyDefinition;
}

/** The score range of a definition: fixed per kind, chosen for `rating`. */
export function scaleOf(definition: SurveyDefinition): { min: number; max: number } {
  return definition.kind === 'rating' ? (definition.scale ?? { min: 1, max: 5 }) : SCALES[definition.kind];
}

export async function getSurveyRecord(
  tx: Tx,
  workspaceId: string,
  surveyId: string,
  version?: number,
): Promise<SurveyRecord> {
  const [row] = await tx
    .select()
    .from(surveys)
    .where(and(eq(surveys.workspaceId, workspaceId), eq(surveys.id, surveyId)))
    .limit(1);
  if (!row) throw notFound('Survey');
  const [definition] = await tx
    .select({ definition: surveyVersions.definition })
    .from(surveyVersions)
    .where(
      and(
        eq(surveyVersions.workspaceId, workspaceId),
        eq(surveyVersions.surveyId, surveyId),
        eq(surveyVersions.version, version ?? row.version),
      ),
    )
    .limit(1);
  if (!definition) throw notFound('Survey version');
  return { row, definition: definition.definition };
}

/** The newest survey of a workspace made from `template` (archived ones left out), or null. */
export async function findSurveyByTemplate(
  tx: Tx,
  workspaceId: string,
  template: string,
): Promise<SurveyRecord | null> {
  const [row] = await tx
    .select({ id: surveys.id })
    .from(surveys)
    .where(and(eq(surveys.workspaceId, workspaceId), eq(surveys.template, template), ne(surveys.status, 'archived')))
    .orderBy(desc(surveys.createdAt))
    .limit(1);
  return row ? getSurveyRecord(tx, workspaceId, row.id) : null;
}

export interface SurveyContext {
  secret: string;
  publicUrl: string;
}

export async function getSurvey(tx: Tx, ctx: SurveyContext, workspaceId: string, surveyId: string): Promise<Survey> {
  const record = await getSurveyRecord(tx, workspaceId, surveyId);
  return presentSurvey(record.row, record.definition, linkUrl(ctx, workspaceId, record.row));
}

export async function listSurveys(
  tx: Tx,
  ctx: SurveyContext,
  workspaceId: string,
  query: { limit: number; cursor?: string | undefined; status?: SurveyStatus | undefined },
): Promise<Page<Survey>> {
  const cursor = decodeCursor(query.cursor);
  const rows = await tx
    .select({ survey: surveys, definition: surveyVersions.definition })
    .from(surveys)
    .innerJoin(
      surveyVersions,
      and(
        eq(surveyVersions.workspaceId, surveys.workspaceId),
        eq(surveyVersions.surveyId, surveys.id),
        eq(surveyVersions.version, surveys.version),
      ),
    )
    .where(
      and(
        eq(surveys.workspaceId, workspaceId),
        query.status ? eq(surveys.status, query.status) : undefined,
        cursor
          ? or(
              lt(surveys.createdAt, new Date(cursor.at)),
              and(eq(surveys.createdAt, new Date(cursor.at)), lt(surveys.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(surveys.createdAt), desc(surveys.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.survey.createdAt, id: r.survey.id }));
  return {
    data: page.data.map((r) => presentSurvey(r.survey, r.definition, linkUrl(ctx, workspaceId, r.survey))),
    nextCursor: page.nextCursor,
  };
}

export async function createSurvey(
  db: Db,
  ctx: SurveyContext,
  workspaceId: string,
  input: CreateSurveyInput,
): Promise<Survey> {
  const template = input.template ? findTemplate(input.template) : undefined;
  const definition = input.definition ?? template?.definition;
  if (!definition) throw badRequest('body.definition', 'is required unless a template is given');
  const settings = input.settings ?? template?.settings ?? SurveySettings.parse({});
  return db.transaction(async (tx) => {
    const id = newId();
    await tx.insert(surveys).values({
      workspaceId,
      id,
      name: input.name,
      kind: definition.kind,
      status: input.status,
      version: 1,
      settings,
      template: input.template ?? null,
    });
    await tx.insert(surveyVersions).values({ workspaceId, surveyId: id, version: 1, definition });
    return getSurvey(tx, ctx, workspaceId, id);
  });
}

/** Whether anything was sent or answered with the current version (then a new definition is a new version). */
async function versionInUse(tx: Tx, workspaceId: string, surveyId: string, version: number): Promise<boolean> {
  const [used] = await tx
    .execute<{ used: boolean }>(sql`
    select exists (select 1 from ${surveyInvitations} where workspace_id = ${workspaceId} and survey_id = ${surveyId} and version = ${version})
        or exists (select 1 from ${surveyResponses} where workspace_id = ${workspaceId} and survey_id = ${surveyId} and version = ${version}) as used`)
    .then((r) => r.rows);
  return Boolean(used?.used);
}

export async function updateSurvey(
  db: Db,
  ctx: SurveyContext,
  workspaceId: string,
  surveyId: string,
  input: UpdateSurveyInput,
): Promise<Survey> {
  return db.transaction(async (tx) => {
    const { row, definition: current } = await getSurveyRecord(tx, workspaceId, surveyId);
    const fields: Partial<typeof surveys.$inferInsert> = { updatedAt: new Date() };
    if (input.name !== undefined) fields.name = input.name;
    if (input.status !== undefined) fields.status = input.status;
    if (input.settings !== undefined) fields.settings = input.settings;
    if (input.definition) {
      if (input.definition.kind !== row.kind) {
        throw badRequest(
          'body.definition.kind',
          `cannot change a ${row.kind} survey into ${input.definition.kind}; create a new survey`,
        );
      }
      const inUse = await versionInUse(tx, workspaceId, surveyId, row.version);
      // Every version of a survey is summarised together: a rating's scale is part of what its scores mean.
      const [was, will] = [scaleOf(current), scaleOf(input.definition)];
      if ((inUse || row.version > 1) && (was.min !== will.min || was.max !== will.max)) {
        throw badRequest('body.definition.scale', 'cannot change once the survey has been sent; create a new survey');
      }
      if (inUse) {
        fields.version = row.version + 1;
        await tx
          .insert(surveyVersions)
          .values({ workspaceId, surveyId, version: row.version + 1, definition: input.definition });
      } else {
        await tx
          .update(surveyVersions)
          .set({ definition: input.definition })
          .where(
            and(
              eq(surveyVersions.workspaceId, workspaceId),
              eq(surveyVersions.surveyId, surveyId),
              eq(surveyVersions.version, row.version),
            ),
          );
      }
    }
    await tx
      .update(surveys)
      .set(fields)
      .where(and(eq(surveys.workspaceId, workspaceId), eq(surveys.id, surveyId)));
    return getSurvey(tx, ctx, workspaceId, surveyId);
  });
}
