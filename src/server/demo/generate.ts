import { setImmediate } from 'node:timers/promises';
import type { Db } from '../db/client.ts';
import { recomputeBusinessDurations } from '../modules/calendars/recompute.ts';
import { markEventsDispatched } from '../modules/events/dispatch.ts';
import { createWorkspace, getWorkspace } from '../modules/workspaces/service.ts';
import { ensureDemoCalendar } from './calendar.ts';
import { DAY } from './clock.ts';
import { contactCountFor, planCompanies, planContacts } from './customers.ts';
import { ensureDemoEscalations } from './escalations.ts';
import { generateFeedback } from './feedback.ts';
import { planConversations } from './plan.ts';
import { createRandom } from './random.ts';
import { ensureDemoRecovery } from './recovery.ts';
import { replayConversation } from './replay.ts';
import { ensureAgents, ensureCompanies, ensureContacts, ensureScripts, ensureTeams } from './setup.ts';
import { ensureDemoSlaPolicies } from './sla.ts';

export const DEMO_OWNER = { email: 'owner@demo.koe.test', password: 'koe-demo-2026' };
export const DEMO_WORKSPACE_NAME = 'Koe デモ';
export const DEFAULT_SEED = 'koe';

export interface DemoOptions {
  days: number;
  conversations: number;
  /** Fill this workspace instead of creating a new demo workspace. */
  workspaceId?: string | undefined;
  /** The same seed (and the same `now`) gives the same demo. */
  seed?: string | undefined;
  /** "Today" for the demo; defaults to the clock, so the data always looks current. */
  now?: Date | undefined;
  /** How many conversations are written at once (PostgreSQL only gains from more than one). */
  concurrency?: number | undefined;
  /** Surveys with a month of invitations and answers (default); false leaves feedback to the caller (tests). */
  feedback?: boolean | undefined;
  /** A few open conversations escalated (default); false leaves every conversation with its agent (tests with figures by hand). */
  escalations?: boolean | undefined;
  onProgress?: (done: number, total: number, label?: string) => void;
  signal?: AbortSignal | undefined;
}

export interface DemoResult {
  workspaceId: string;
  conversations: number;
  messages: number;
  contacts: number;
  companies: number;
  surveys: number;
  /** Survey responses written for the demo's history. */
  responses: number;
  /** Who can log in to see it: the demo owner for a new demo workspace, null when an existing workspace was filled. */
  login: { email: string; password: string } | null;
}

/** The caller's signal stopped the demo between two conversations (what was written stays). */
export class DemoStopped extends Error {
  constructor() {
    super('Stopped before it finished.');
  }
}

async function openWorkspace(db: Db, options: DemoOptions) {
  if (options.workspaceId) {
    const workspace = await getWorkspace(db, options.workspaceId);
    return { workspaceId: workspace.id, ownerId: null, demoPassword: null, login: null };
  }
  const created = await createWorkspace(db, {
    name: DEMO_WORKSPACE_NAME,
    ownerEmail: DEMO_OWNER.email,
    ownerName: 'デモ 管理者',
    ownerPassword: DEMO_OWNER.password,
    isDemo: true,
  });
  return {
    workspaceId: created.workspace.id,
    ownerId: created.owner.id,
    demoPassword: DEMO_OWNER.password,
    login: { ...DEMO_OWNER },
  };
}

/**
 * Fills a workspace with a bilingual (about 70 % Japanese) help desk: agents,
 * teams, companies, customers, reply scripts and `conversations` conversations
 * over the last `days` days, all written through the services.
 */
export async function generateDemo(db: Db, options: DemoOptions): Promise<DemoResult> {
  const now = options.now ?? new Date();
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const total = options.conversations;
  const check = () => {
    if (options.signal?.aborted) throw new DemoStopped();
  };
  options.onProgress?.(0, total, 'setup');

  const companies = planCompanies(random.fork('companies'));
  const windowStart = new Date(now.getTime() - options.days * DAY);
  const contacts = planContacts(random.fork('contacts'), companies, contactCountFor(total), windowStart);
  const plans = planConversations(random.fork('conversations'), {
    count: total,
    days: options.days,
    now,
    contacts,
    companies,
  });

  const workspace = await openWorkspace(db, options);
  check();
  const agentIds = await ensureAgents(db, workspace.workspaceId, {
    demoPassword: workspace.demoPassword,
    invitedBy: workspace.ownerId,
  });
  const teamIds = await ensureTeams(db, workspace.workspaceId, agentIds);
  // Before the replay, so every duration is stored in business hours as it happens.
  const calendarId = await ensureDemoCalendar(db, workspace.workspaceId, windowStart, now);
  await ensureDemoSlaPolicies(db, workspace.workspaceId, calendarId);
  await ensureScripts(db, workspace.workspaceId, agentIds.get('takahashi') ?? null);
  const companyIds = await ensureCompanies(db, workspace.workspaceId, companies);
  const contactIds = await ensureContacts(db, workspace.workspaceId, contacts, companyIds);
  check();

  const context = { db, workspaceId: workspace.workspaceId, now, contactIds, agentIds, teamIds };
  let done = 0;
  let messages = 0;
  let next = 0;
  const conversations = new Map<string, { plan: (typeof plans)[number]; index: number }>();
  const worker = async () => {
    while (next < plans.length) {
      // PGlite answers through promises alone: without a turn of the event loop, signals
      // (Ctrl-C) and, inside `koe serve`, HTTP requests would wait for the whole demo.
      await setImmediate();
      check();
      const index = next++;
      const plan = plans[index];
      if (!plan) break;
      // Awaited first: `messages += await …` would read `messages` before the wait and lose the other workers' counts.
      const written = await replayConversation(context, plan);
      messages += written.messages;
      conversations.set(written.conversationId, { plan, index });
      options.onProgress?.(++done, total, 'conversations');
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  check();
  options.onProgress?.(done, total, 'feedback');
  const feedback =
    options.feedback === false
      ? { surveys: 0, responses: 0 }
      : await generateFeedback(random.fork('feedback'), {
          ...context,
          windowStart,
          conversations,
          contacts,
          companies,
        });
  if (options.feedback !== false) await ensureDemoRecovery(db, workspace.workspaceId, { agentIds, teamIds, now });
  if (options.escalations !== false) await ensureDemoEscalations(db, workspace.workspaceId, { agentIds, teamIds, now });
  // Replies without a stored wait and anything recorded before the calendar existed.
  options.onProgress?.(done, total, 'business hours');
  await recomputeBusinessDurations(db, workspace.workspaceId);
  // The demo is history: rules, webhooks and notifications act on what happens from now on.
  await markEventsDispatched(db, workspace.workspaceId);
  return {
    workspaceId: workspace.workspaceId,
    conversations: done,
    messages,
    contacts: contacts.length,
    companies: companies.length,
    surveys: feedback.surveys,
    responses: feedback.responses,
    login: workspace.login,
  };
}
