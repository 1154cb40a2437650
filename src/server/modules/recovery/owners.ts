import { sql } from 'drizzle-orm';
import type { EscalationTier } from '../../../shared/contracts/recovery.ts';
import type { Tx } from '../../db/client.ts';

/**
 * Who contacts an unhappy customer by default: the support manager of the team (its member
 * at tier manager), else a workspace manager, else an admin, else the owner. Among equals,
 * the one with the fewest open cases, then by name.
 */
export async function defaultCaseOwner(tx: Tx, workspaceId: string, teamId: string | null): Promise<string | null> {
  const result = await tx.execute<{ user_id: string }>(sql`
    select m.user_id
      from memberships m
      join users u on u.id = m.user_id
      left join team_members tm
        on tm.workspace_id = m.workspace_id and tm.user_id = m.user_id
       and tm.team_id = ${teamId} and tm.tier = 'manager'
     where m.workspace_id = ${workspaceId}
       and (tm.user_id is not null or m.role in ('manager', 'admin', 'owner'))
     order by (tm.user_id is null),
              case m.role when 'manager' then 0 when 'admin' then 1 when 'owner' then 2 else 3 end,
              (select count(*) from recovery_cases c
                where c.workspace_id = m.workspace_id and c.owner_id = m.user_id and c.status <> 'closed'),
              u.name, u.id
     limit 1`);
  return result.rows[0]?.user_id ?? null;
}

/**
 * The person an escalation goes to when none is named: the team's member at the tier (the
 * one with the fewest open conversations, then by name), else the team's manager, else a
 * workspace manager, admin or owner.
 */
export async function escalationTarget(
  tx: Tx,
  workspaceId: string,
  teamId: string | null,
  tier: EscalationTier,
): Promise<string | null> {
  const result = await tx.execute<{ user_id: string }>(sql`
    select m.user_id
      from memberships m
      join users u on u.id = m.user_id
      left join team_members tm
        on tm.workspace_id = m.workspace_id and tm.user_id = m.user_id and tm.team_id = ${teamId}
     where m.workspace_id = ${workspaceId}
       and (tm.tier in (${tier}, 'manager') or m.role in ('manager', 'admin', 'owner'))
     order by case when tm.tier = ${tier} then 0 when tm.tier = 'manager' then 1 else 2 end,
              case when tm.tier in (${tier}, 'manager') then 0
                   when m.role = 'manager' then 1 when m.role = 'admin' then 2 else 3 end,
              (select count(*) from conversations c
                where c.workspace_id = m.workspace_id and c.assignee_id = m.user_id and c.status in ('open', 'pending')),
              u.name, u.id
     limit 1`);
  return result.rows[0]?.user_id ?? null;
}
