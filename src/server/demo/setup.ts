import type { Db } from '../db/client.ts';
import { HttpProblem } from '../http/problem.ts';
import { randomSecret } from '../lib/tokens.ts';
import { createScript, listScripts } from '../modules/conversations/scripts.ts';
import { createCompany, listCompanies } from '../modules/customers/companies.ts';
import { createContact, findContactByIdentity } from '../modules/customers/contacts.ts';
import { acceptInvitation, createInvitation, revokeInvitation } from '../modules/workspaces/invitations.ts';
import { listMembers, updateUser } from '../modules/workspaces/service.ts';
import { createTeam, listTeams } from '../modules/workspaces/teams.ts';
import type { PlannedCompany, PlannedContact } from './customers.ts';
import { SCRIPTS } from './data/scripts.ts';
import { AGENTS, type DemoAgent, TEAMS, type TeamKey } from './data/staff.ts';

/**
 * Puts the demo's people and reference data into a workspace through the
 * services, reusing whatever is already there (running the demo twice into one
 * workspace adds conversations, not duplicate agents, teams or companies).
 */
/** Joins a person to the workspace the way an invited person joins; null when their existing account has another password. */
async function join(
  db: Db,
  workspaceId: string,
  agent: DemoAgent,
  email: string,
  password: string,
  invitedBy: string | null,
) {
  const invitation = await createInvitation(db, workspaceId, {
    email,
    role: agent.role,
    invitedBy,
    publicUrl: 'http://localhost',
  });
  const token = new URL(invitation.acceptUrl ?? '').searchParams.get('token') ?? '';
  try {
    const { userId } = await acceptInvitation(db, { token, name: agent.name, password });
    if (agent.locale !== 'ja') await updateUser(db, userId, { locale: agent.locale });
    return userId;
  } catch (error) {
    const passwordRefused = error instanceof HttpProblem && error.errors?.some((e) => e.field === 'body.password');
    if (!passwordRefused) throw error;
    await revokeInvitation(db, workspaceId, invitation.id);
    return null;
  }
}

/** agent@demo.koe.test → agent+1a2b3c4d@demo.koe.test: a person of this workspace only. */
const scopedEmail = (email: string, workspaceId: string) => email.replace('@', `+${workspaceId.slice(-8)}@`);

/**
 * The demo's staff. In a demo workspace they are the shared demo accounts (the
 * demo password logs in as any of them); in any other workspace they are
 * accounts of that workspace alone, with a random password, so a known demo
 * password never opens a real workspace.
 */
export async function ensureAgents(
  db: Db,
  workspaceId: string,
  options: { demoPassword: string | null; invitedBy: string | null },
): Promise<Map<string, string>> {
  const members = new Map((await listMembers(db, workspaceId)).map((m) => [m.email.toLowerCase(), m.id]));
  const ids = new Map<string, string>();
  for (const agent of AGENTS) {
    const scoped = scopedEmail(agent.email, workspaceId);
    let id = members.get(agent.email) ?? members.get(scoped) ?? null;
    if (!id && options.demoPassword)
      id = await join(db, workspaceId, agent, agent.email, options.demoPassword, options.invitedBy);
    if (!id) id = await join(db, workspaceId, agent, scoped, randomSecret(18), options.invitedBy);
    if (!id) throw new Error(`could not add the demo agent ${scoped}`);
    ids.set(agent.key, id);
  }
  return ids;
}

export async function ensureTeams(
  db: Db,
  workspaceId: string,
  agentIds: Map<string, string>,
): Promise<Map<TeamKey, string>> {
  const existing = new Map((await listTeams(db, workspaceId)).map((t) => [t.name, t.id]));
  const ids = new Map<TeamKey, string>();
  for (const team of TEAMS) {
    const memberIds = AGENTS.filter((a) => a.teams.includes(team.key)).flatMap((a) => agentIds.get(a.key) ?? []);
    const id =
      existing.get(team.name) ??
      (await createTeam(db, workspaceId, { name: team.name, description: team.description, memberIds })).id;
    ids.set(team.key, id);
  }
  return ids;
}

export async function ensureScripts(db: Db, workspaceId: string, createdBy: string | null): Promise<void> {
  const taken = new Set((await listScripts(db, workspaceId)).map((s) => s.shortcut));
  for (const script of SCRIPTS) {
    if (taken.has(script.shortcut)) continue;
    await createScript(
      db,
      workspaceId,
      { name: script.name, shortcut: script.shortcut, bodies: script.bodies },
      createdBy,
    );
  }
}

async function companyIdsByDomain(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await listCompanies(db, workspaceId, { limit: 200, cursor });
    for (const company of page.data) if (company.domain) ids.set(company.domain, company.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

export async function ensureCompanies(db: Db, workspaceId: string, companies: PlannedCompany[]): Promise<string[]> {
  const existing = await companyIdsByDomain(db, workspaceId);
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const company of companies) {
      const id =
        existing.get(company.domain) ??
        (
          await createCompany(tx, workspaceId, {
            name: company.name,
            domain: company.domain,
            plan: company.plan,
            revenue: company.revenue,
            lifecycleStage: company.lifecycleStage,
            attributes: { industry: company.industry, employees: company.employees },
          })
        ).id;
      ids.push(id);
    }
    return ids;
  });
}

/** Contacts are made before their conversations, so each conversation names its contact by id. */
export async function ensureContacts(
  db: Db,
  workspaceId: string,
  contacts: PlannedContact[],
  companyIds: string[],
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const contact of contacts) {
      const existing = await findContactByIdentity(tx, workspaceId, 'email', contact.email);
      if (existing) {
        ids.push(existing);
        continue;
      }
      // A phone number belongs to one contact: if someone here already has it, this one goes without.
      const phoneTaken = contact.phone ? await findContactByIdentity(tx, workspaceId, 'phone', contact.phone) : null;
      const created = await createContact(
        tx,
        workspaceId,
        {
          name: contact.name,
          emails: [contact.email],
          phones: contact.phone && !phoneTaken ? [contact.phone] : [],
          externalIds: [],
          locale: contact.language,
          timeZone: contact.timeZone,
          companyId: contact.company === null ? null : (companyIds[contact.company] ?? null),
          attributes: contact.title ? { title: contact.title } : {},
        },
        contact.createdAt,
      );
      ids.push(created.id);
    }
    return ids;
  });
}
