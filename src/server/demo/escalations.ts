import { sql } from 'drizzle-orm';
import type { EscalationTier } from '../../shared/contracts/recovery.ts';
import type { Db } from '../db/client.ts';
import { escalateConversation } from '../modules/recovery/escalations.ts';
import { getTeam, updateTeam } from '../modules/workspaces/teams.ts';
import type { TeamKey } from './data/staff.ts';

/** The senior of the technical team: who a first escalation of a bug goes to. */
const TECHNICAL_SENIOR = 'suzuki';

/** Why each seeded conversation was escalated, in its language; the last goes to the manager. */
const ESCALATIONS: { tier: EscalationTier; reason: Record<'ja' | 'en', string> }[] = [
  {
    tier: 'senior',
    reason: {
      ja: '再現手順が特定できないため、シニア担当に調査を依頼します。',
      en: 'We cannot reproduce it yet; asking a senior engineer to investigate.',
    },
  },
  {
    tier: 'senior',
    reason: {
      ja: 'お客様の業務が止まっているため優先して対応します。',
      en: "The customer's work is blocked, so this takes priority.",
    },
  },
  {
    tier: 'manager',
    reason: {
      ja: '二度目のお問い合わせで、お客様が解約を検討されています。',
      en: 'Second contact about this, and the customer is considering cancelling.',
    },
  },
];

/**
 * A few open conversations of the first-start demo escalated, so the inbox's "Escalated" view and
 * the escalation figures are not empty: the technical team gets a senior, and the most urgent open
 * conversations go to the senior tier, one to the manager. Idempotent: a workspace with any
 * escalated conversation is left as it is.
 */
export async function ensureDemoEscalations(
  db: Db,
  workspaceId: string,
  options: { agentIds: Map<string, string>; teamIds: Map<TeamKey, string>; now: Date },
): Promise<number> {
  const seniorId = options.agentIds.get(TECHNICAL_SENIOR);
  const technical = options.teamIds.get('technical');
  if (seniorId && technical) {
    const team = await getTeam(db, workspaceId, technical);
    if (team.memberIds.includes(seniorId) && team.tiers[seniorId] !== 'senior') {
      await updateTeam(db, workspaceId, technical, { memberTiers: { [seniorId]: 'senior' } });
    }
  }
  const escalated = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from conversations where workspace_id = ${workspaceId} and escalation_tier <> 'agent'`);
  if ((escalated.rows[0]?.n ?? 0) > 0) return 0;
  const open = await db.execute<{ id: string; language: string | null }>(sql`
    select id, language from conversations
     where workspace_id = ${workspaceId} and status in ('open', 'pending')
     order by 'escalated' = any(tags) desc,
              array_position(array['urgent', 'high', 'normal', 'low'], priority), created_at desc
     limit ${ESCALATIONS.length}`);
  const manager = options.agentIds.get('takahashi') ?? null;
  const actor = manager ? { type: 'user' as const, id: manager } : { type: 'system' as const, id: null };
  for (const [index, conversation] of open.rows.entries()) {
    const escalation = ESCALATIONS[index];
    if (!escalation) break;
    const language = conversation.language?.startsWith('en') ? 'en' : 'ja';
    await db.transaction((tx) =>
      escalateConversation(
        tx,
        workspaceId,
        conversation.id,
        { reason: escalation.reason[language], tier: escalation.tier },
        actor,
        options.now,
      ),
    );
  }
  return open.rows.length;
}
