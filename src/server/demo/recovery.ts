import { sql } from 'drizzle-orm';
import type { RecoveryOutcome } from '../../shared/contracts/recovery.ts';
import { isRecoveryScale } from '../../shared/recovery/rules.ts';
import type { Db } from '../db/client.ts';
import { addActionItem } from '../modules/recovery/action-items.ts';
import { closeCase, setStep, updateCase } from '../modules/recovery/changes.ts';
import { SYSTEM_ACTOR } from '../modules/recovery/log.ts';
import { lockCaseOpening } from '../modules/recovery/queries.ts';
import { insertCase, mergeTags } from '../modules/recovery/service.ts';
import { getTeam, updateTeam } from '../modules/workspaces/teams.ts';
import { addMs, HOUR } from './clock.ts';
import type { TeamKey } from './data/staff.ts';

interface NegativeAnswer extends Record<string, unknown> {
  id: string;
  kind: string;
  score: number;
  comment: string | null;
  contact_id: string;
  conversation_id: string | null;
  team_id: string | null;
  channel: string | null;
  language: string;
  submitted_at: string;
  tags: string[] | null;
}

/** How far each seeded case got, newest first: the board shows every column. */
type Stage = 'new' | 'contacted' | 'action' | 'follow_up' | RecoveryOutcome;
const STAGES: Stage[] = ['new', 'new', 'contacted', 'action', 'follow_up', 'recovered', 'not_recovered', 'recovered'];

const ACTION_ITEMS: Record<'ja' | 'en', string[]> = {
  ja: ['返金の手続きを進める', '再発防止策をお客様に共有する'],
  en: ['Process the refund', 'Share what we changed so it does not happen again'],
};

/**
 * A few service-recovery cases for the first-start demo, so the board is not empty: the
 * support manager becomes the manager tier of every team, and the latest negative answers
 * of the demo open cases at the time they were given, then move along the board.
 * Idempotent: answers that already have a case are skipped.
 */
export async function ensureDemoRecovery(
  db: Db,
  workspaceId: string,
  options: { agentIds: Map<string, string>; teamIds: Map<TeamKey, string>; now: Date },
): Promise<number> {
  const managerId = options.agentIds.get('takahashi') ?? null;
  if (managerId) {
    for (const teamId of options.teamIds.values()) {
      const team = await getTeam(db, workspaceId, teamId);
      if (team.memberIds.includes(managerId) && team.tiers[managerId] !== 'manager') {
        await updateTeam(db, workspaceId, teamId, { memberTiers: { [managerId]: 'manager' } });
      }
    }
  }
  const answers = await db.execute<NegativeAnswer>(sql`
    select r.id, r.kind, r.score, r.comment, r.contact_id, r.conversation_id, r.team_id, r.channel, r.language,
           r.submitted_at, c.tags
      from survey_responses r
      left join conversations c on c.workspace_id = r.workspace_id and c.id = r.conversation_id
     where r.workspace_id = ${workspaceId} and r.contact_id is not null and r.conversation_id is not null
       and ((r.kind = 'csat' and r.score <= 2) or (r.kind = 'nps' and r.score <= 6)
            or (r.kind = 'ces7' and r.score <= 3) or (r.kind = 'ces5' and r.score >= 4))
       and not exists (select 1 from recovery_cases x where x.workspace_id = r.workspace_id
                        and (x.response_id = r.id or (x.conversation_id = r.conversation_id and x.status <> 'closed')))
     order by r.submitted_at desc
     limit ${STAGES.length}`);
  const manager = managerId ? { type: 'user' as const, id: managerId } : SYSTEM_ACTOR;
  let opened = 0;
  for (const [index, answer] of answers.rows.entries()) {
    const stage = STAGES[index] ?? 'new';
    const at = new Date(answer.submitted_at);
    // A step a few hours after the answer, never after the demo's "now".
    const step = (hours: number) => new Date(Math.min(addMs(at, hours * HOUR).getTime(), options.now.getTime()));
    const kind = answer.kind;
    if (!isRecoveryScale(kind)) continue;
    await db.transaction(async (tx) => {
      await lockCaseOpening(tx, workspaceId);
      const row = await insertCase(
        tx,
        workspaceId,
        {
          contactId: answer.contact_id,
          conversationId: answer.conversation_id,
          responseId: answer.id,
          source: kind,
          trigger: { kind, score: Number(answer.score), comment: answer.comment },
          reason: '',
          ownerId: null,
          teamId: answer.team_id,
          channel: answer.channel,
          language: answer.language,
          tags: mergeTags(answer.tags),
        },
        SYSTEM_ACTOR,
        at,
        { responseId: answer.id, comment: answer.comment },
      );
      opened += 1;
      if (stage === 'new') return;
      await setStep(tx, workspaceId, row.id, 'contact', true, manager, step(2));
      await setStep(tx, workspaceId, row.id, 'apologise', true, manager, step(2));
      if (stage === 'contacted') return;
      await setStep(tx, workspaceId, row.id, 'ask', true, manager, step(2.5));
      const language = answer.language.startsWith('ja') ? 'ja' : 'en';
      for (const title of ACTION_ITEMS[language]) {
        await addActionItem(tx, workspaceId, row.id, { title, ownerId: managerId }, manager, step(3));
      }
      await setStep(tx, workspaceId, row.id, 'agree_actions', true, manager, step(3));
      if (stage === 'action') return;
      await setStep(tx, workspaceId, row.id, 'follow_up', true, manager, step(48));
      await updateCase(tx, workspaceId, row.id, { status: 'follow_up' }, manager, step(48));
      if (stage === 'follow_up') return;
      await closeCase(tx, workspaceId, row.id, { outcome: stage }, manager, step(72));
    });
  }
  return opened;
}
