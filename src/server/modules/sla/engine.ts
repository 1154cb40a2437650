import type { ConversationEventType, ConversationStatus } from '../../../shared/contracts/conversations.ts';
import type { Tx } from '../../db/client.ts';
import { calendarsById } from '../calendars/resolver.ts';
import type { NewEvent } from '../conversations/events.ts';
import { emitEvents } from '../events/emit.ts';
import { ConversationClocks } from './clocks.ts';
import { conversationClocks } from './state.ts';
import { enginePolicies, type PolicyRow } from './store.ts';
import { type Fired, nothingFired } from './targets.ts';

/**
 * The SLA engine: called by `recordEvents` with every conversation change, inside its
 * transaction (the conversation is locked and already saved), so deadlines are exact and
 * visible as soon as the change commits.
 *
 * - created / reopened: first response and resolution clocks of the policy that applies
 *   (first match in position order, else the default) start for the new care cycle;
 * - a public human reply (message_outbound) meets the open first/next response clocks;
 * - a customer message while no response clock is open, once the cycle has had a reply,
 *   starts a next-response clock (sequence n);
 * - pending pauses every clock (the business seconds left are kept); leaving pending for
 *   open resumes them (due = now + the seconds left, in the policy's calendar);
 * - resolved meets the resolution clock and cancels open response clocks;
 * - a change of priority or tags selects the policy again (see `reselect`);
 * - assignment and team changes follow on open clocks (the snapshot of who was responsible).
 * A clock whose deadline passed before the change is breached first, so nothing counts as
 * met late without its breach firing. Returns the `sla_breached` log entries to append.
 */

const RELEVANT = new Set<ConversationEventType>([
  'created',
  'reopened',
  'message_inbound',
  'message_outbound',
  'status_changed',
  'resolved',
  'priority_changed',
  'tags_changed',
  'assigned',
  'team_changed',
]);

type LogEntry = Fired['log'][number];

function statusChange(data: Record<string, unknown> | undefined): { from: ConversationStatus; to: ConversationStatus } {
  return { from: data?.from as ConversationStatus, to: data?.to as ConversationStatus };
}

async function applyToConversation(
  tx: Tx,
  workspaceId: string,
  conversationId: string,
  events: NewEvent[],
  policies: PolicyRow[],
): Promise<Fired> {
  const loaded = await conversationClocks(tx, workspaceId, conversationId, [...new Set(events.map((e) => e.cycle))]);
  if (!loaded) return nothingFired();
  const { state, targets } = loaded;
  const clocks = new ConversationClocks(
    tx,
    workspaceId,
    state,
    targets,
    policies,
    await calendarsById(tx, workspaceId),
  );
  for (const e of events) {
    clocks.catchUp(e.at);
    const data = e.data ?? {};
    switch (e.type) {
      case 'created':
      case 'reopened':
        clocks.startCycle(e.cycle, e.at);
        break;
      case 'message_outbound':
        clocks.reply(e.cycle, e.at, e.actor.type === 'user' ? e.actor.id : null);
        break;
      case 'message_inbound':
        clocks.customerMessage(e.cycle, e.at);
        break;
      case 'status_changed': {
        const { from, to } = statusChange(data);
        if (to === 'pending' && from !== 'pending') clocks.pause(e.cycle, e.at);
        else if (from === 'pending' && to === 'open') clocks.resume(e.cycle, e.at);
        break;
      }
      case 'resolved':
        clocks.resolve(e.cycle, e.at, typeof data.resolverId === 'string' ? data.resolverId : null);
        break;
      case 'priority_changed':
      case 'tags_changed':
        clocks.reselect(e.cycle, e.at);
        break;
      case 'assigned':
        clocks.follow(e.cycle, e.at, { agentId: (data.to as string | null) ?? null });
        break;
      case 'team_changed':
        clocks.follow(e.cycle, e.at, { teamId: (data.to as string | null) ?? null });
        break;
      default:
        break;
    }
  }
  await clocks.save();
  return clocks.fired;
}

/**
 * Applies SLA policies to a step's conversation log entries (see above), inside the
 * caller's transaction. Emits `sla.breached` for clocks found overdue and returns their
 * `sla_breached` log entries for the caller to append.
 */
export async function applySlaEvents(tx: Tx, workspaceId: string, events: readonly NewEvent[]): Promise<LogEntry[]> {
  const relevant = events.filter((e) => RELEVANT.has(e.type));
  if (relevant.length === 0) return [];
  const policies = await enginePolicies(tx, workspaceId);
  if (policies.length === 0) return [];
  const byConversation = new Map<string, NewEvent[]>();
  for (const e of relevant) byConversation.set(e.conversationId, [...(byConversation.get(e.conversationId) ?? []), e]);
  const log: LogEntry[] = [];
  for (const [conversationId, list] of byConversation) {
    const fired = await applyToConversation(tx, workspaceId, conversationId, list, policies);
    log.push(...fired.log);
    await emitEvents(tx, workspaceId, fired.domain);
  }
  return log;
}
