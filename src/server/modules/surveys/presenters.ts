import type { Invitation, Survey, SurveyDefinition } from '../../../shared/contracts/surveys.ts';
import type { surveyInvitations, surveys } from '../../db/schema/index.ts';

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export function presentSurvey(
  row: typeof surveys.$inferSelect,
  definition: SurveyDefinition,
  linkUrl: string | null,
): Survey {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    status: row.status,
    version: row.version,
    definition,
    settings: row.settings,
    linkUrl,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentInvitation(row: typeof surveyInvitations.$inferSelect, url?: string): Invitation {
  return {
    id: row.id,
    surveyId: row.surveyId,
    version: row.version,
    contactId: row.contactId,
    conversationId: row.conversationId,
    cycle: row.cycle,
    delivery: row.delivery,
    language: row.language,
    status: row.status,
    agentId: row.agentId,
    teamId: row.teamId,
    channel: row.channel,
    touchpoint: row.touchpoint,
    email: row.email,
    scheduledAt: row.scheduledAt.toISOString(),
    sentAt: isoOrNull(row.sentAt),
    openedAt: isoOrNull(row.openedAt),
    answeredAt: isoOrNull(row.answeredAt),
    error: row.error,
    ...(url ? { url } : {}),
    createdAt: row.createdAt.toISOString(),
  };
}
