import { and, asc, eq, sql } from 'drizzle-orm';
import {
  DEFAULT_FIRST_CONTACT_SECONDS,
  type Playbook,
  type PlaybookStep,
  type RecoverySettings,
  RecoveryThresholds,
  type UpdatePlaybookInput,
  type UpdateRecoverySettingsInput,
} from '../../../shared/contracts/recovery.ts';
import type { Db, Tx } from '../../db/client.ts';
import { recoveryPlaybooks, recoverySettings } from '../../db/schema/index.ts';
import { badRequest } from '../../http/problem.ts';
import { calendarExists } from '../calendars/queries.ts';
import { getSurveyRecord } from '../surveys/service.ts';
import { defaultPlaybook } from './defaults.ts';

export const DEFAULT_SETTINGS: RecoverySettings = {
  enabled: true,
  thresholds: RecoveryThresholds.parse({}),
  firstContactSeconds: DEFAULT_FIRST_CONTACT_SECONDS,
  calendarId: null,
  followUpSurveyId: null,
  updatedAt: null,
};

/** The workspace's recovery settings, or the defaults while it has none. */
export async function getRecoverySettings(tx: Tx, workspaceId: string): Promise<RecoverySettings> {
  const [row] = await tx.select().from(recoverySettings).where(eq(recoverySettings.workspaceId, workspaceId)).limit(1);
  if (!row) return { ...DEFAULT_SETTINGS, thresholds: { ...DEFAULT_SETTINGS.thresholds } };
  return {
    enabled: row.enabled,
    // Stored thresholds are read through the schema so a key added later gets its default.
    thresholds: RecoveryThresholds.parse(row.thresholds ?? {}),
    firstContactSeconds: row.firstContactSeconds,
    calendarId: row.calendarId,
    followUpSurveyId: row.followUpSurveyId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function putRecoverySettings(
  db: Db,
  workspaceId: string,
  input: UpdateRecoverySettingsInput,
): Promise<RecoverySettings> {
  return db.transaction(async (tx) => {
    if (input.calendarId && !(await calendarExists(tx, workspaceId, input.calendarId))) {
      throw badRequest('body.calendarId', 'is not a calendar of this workspace');
    }
    if (input.followUpSurveyId) {
      const survey = await getSurveyRecord(tx, workspaceId, input.followUpSurveyId).catch(() => null);
      if (!survey) throw badRequest('body.followUpSurveyId', 'is not a survey of this workspace');
      if (survey.row.kind === 'rating') {
        throw badRequest(
          'body.followUpSurveyId',
          'must be a CSAT, NPS or CES survey (a custom rating cannot measure the outcome)',
        );
      }
    }
    const now = new Date();
    const values = {
      enabled: input.enabled,
      thresholds: input.thresholds,
      firstContactSeconds: input.firstContactSeconds,
      calendarId: input.calendarId,
      followUpSurveyId: input.followUpSurveyId,
      updatedAt: now,
    };
    await tx
      .insert(recoverySettings)
      .values({ workspaceId, ...values })
      .onConflictDoUpdate({ target: recoverySettings.workspaceId, set: values });
    return getRecoverySettings(tx, workspaceId);
  });
}

/** A calendar was deleted: recovery falls back to the conversation's calendar. */
export async function clearRecoveryCalendar(tx: Tx, workspaceId: string, calendarId: string): Promise<void> {
  await tx
    .update(recoverySettings)
    .set({ calendarId: null })
    .where(and(eq(recoverySettings.workspaceId, workspaceId), eq(recoverySettings.calendarId, calendarId)));
}

const presentDefault = (language: string): Playbook => ({
  language,
  steps: defaultPlaybook(language),
  custom: false,
  updatedAt: null,
});

/** Japanese and English always, with the defaults where the workspace has not edited them, then other languages. */
export async function listPlaybooks(tx: Tx, workspaceId: string): Promise<Playbook[]> {
  const rows = await tx
    .select()
    .from(recoveryPlaybooks)
    .where(eq(recoveryPlaybooks.workspaceId, workspaceId))
    .orderBy(asc(recoveryPlaybooks.language));
  const byLanguage = new Map(rows.map((row) => [row.language, row]));
  const present = (language: string): Playbook => {
    const row = byLanguage.get(language);
    return row
      ? { language, steps: row.steps, custom: true, updatedAt: row.updatedAt.toISOString() }
      : presentDefault(language);
  };
  const others = rows.map((row) => row.language).filter((language) => language !== 'ja' && language !== 'en');
  return ['ja', 'en', ...others].map(present);
}

export async function putPlaybook(
  db: Db,
  workspaceId: string,
  language: string,
  input: UpdatePlaybookInput,
): Promise<Playbook> {
  const now = new Date();
  const steps = input.steps.map((step) => ({ key: step.key, label: step.label }));
  await db
    .insert(recoveryPlaybooks)
    .values({ workspaceId, language, steps, updatedAt: now })
    .onConflictDoUpdate({
      target: [recoveryPlaybooks.workspaceId, recoveryPlaybooks.language],
      set: { steps, updatedAt: now },
    });
  return { language, steps, custom: true, updatedAt: now.toISOString() };
}

/** Back to Koe's default steps for a language. */
export async function resetPlaybook(db: Db, workspaceId: string, language: string): Promise<Playbook> {
  await db
    .delete(recoveryPlaybooks)
    .where(and(eq(recoveryPlaybooks.workspaceId, workspaceId), eq(recoveryPlaybooks.language, language)));
  return presentDefault(language);
}

/**
 * The steps a new case starts with, in the answer's language: the workspace's playbook of
 * that language (or of its base language, "ja" for "ja-JP"), else Koe's default for it.
 */
export async function playbookFor(tx: Tx, workspaceId: string, language: string): Promise<PlaybookStep[]> {
  const base = language.split('-')[0] ?? language;
  const rows = await tx
    .select()
    .from(recoveryPlaybooks)
    .where(
      and(eq(recoveryPlaybooks.workspaceId, workspaceId), sql`${recoveryPlaybooks.language} in (${language}, ${base})`),
    );
  const exact = rows.find((row) => row.language === language) ?? rows.find((row) => row.language === base);
  return exact ? exact.steps.map((step) => ({ ...step })) : defaultPlaybook(language);
}
