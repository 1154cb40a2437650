import type { Channel, ConversationStatus, MessageKind, Priority } from '../../shared/contracts/conversations.ts';
import { addMs, afterWorkingTime, DAY, HOUR, MINUTE } from './clock.ts';
import { composeReply } from './compose.ts';
import {
  BOT_MESSAGES,
  type GreetingKind,
  HANDOFFS,
  INVESTIGATING,
  type Language,
  REOPEN_REPLIES,
  REOPENS,
  THANKS,
} from './data/phrases.ts';
import type { Scenario, Words } from './data/scenarios.ts';
import type { DemoAgent, TeamKey } from './data/staff.ts';
import type { Random } from './random.ts';
import { fill, type Variables } from './variables.ts';

export type Step =
  | {
      kind: 'message';
      at: Date;
      message: MessageKind;
      /** The agent writing a reply or note; null for the customer and bots. */
      author: string | null;
      body: string;
      status?: ConversationStatus;
    }
  | {
      kind: 'update';
      at: Date;
      /** The agent acting, or null for the system (auto-close, auto-resolve). */
      actor: string | null;
      assignee?: string;
      team?: TeamKey;
      status?: ConversationStatus;
      priority?: Priority;
      tags?: string[];
    };

export interface ThreadInput {
  random: Random;
  scenario: Scenario;
  words: Words;
  language: Language;
  /** The customer's zone (hours from UTC): customers answer in their own waking hours. */
  customerOffsetHours: number;
  channel: Channel;
  priority: Priority;
  tags: string[];
  createdAt: Date;
  variables: Variables;
  /** Assigned when the conversation was created (routing, or the agent who took the call). */
  assignee: DemoAgent | null;
  pickAgent(team: TeamKey): DemoAgent;
}

/** Median minutes of working time before an agent answers, per channel. */
const REPLY_MINUTES: Record<Channel, number> = {
  chat: 4,
  in_app: 35,
  phone: 6,
  email: 80,
  api: 80,
  social: 120,
  review: 300,
};
const PRIORITY_FACTOR: Record<Priority, number> = { urgent: 0.25, high: 0.5, normal: 1, low: 1.8 };
const REOPEN_CHANCE = 0.07;
const CLOSE_AFTER = 4 * DAY;

/** Collects the steps of one thread and knows how long people take to answer. */
function threadWriter(input: ThreadInput) {
  const { random, language, channel } = input;
  const steps: Step[] = [];
  let lastReplier: DemoAgent | null = null;
  let customerWrote = false;
  const usedNotes = new Set<string>();
  const greetingFor = (agent: DemoAgent): GreetingKind => {
    if (!lastReplier) return 'first';
    if (agent !== lastReplier) return 'handover';
    return customerWrote ? 'reply' : 'update';
  };
  return {
    steps,
    random,
    words: input.words,
    language,
    pick: (items: string[]) => fill(random.pick(items), input.variables),
    /** Agents answer in working time: a fast chat reply, a slower email, sooner when urgent. */
    agentAfter(from: Date): Date {
      const minutes = random.around(REPLY_MINUTES[channel] * PRIORITY_FACTOR[input.priority], 0.9);
      return afterWorkingTime(from, Math.max(MINUTE, minutes * MINUTE));
    },
    /** Customers answer whenever they like, but not in the middle of their night. */
    customerAfter(from: Date): Date {
      if (channel === 'chat') return addMs(from, Math.max(MINUTE, random.around(4 * MINUTE)));
      const at = addMs(from, Math.max(10 * MINUTE, random.around(4 * HOUR, 1)));
      const localHour = (at.getUTCHours() + input.customerOffsetHours + 24) % 24;
      return localHour >= 7 ? at : addMs(at, (7 - localHour) * HOUR + random.int(0, 150) * MINUTE);
    },
    reply(agent: DemoAgent, words: string, at: Date, status?: ConversationStatus): void {
      const body = composeReply(words, {
        agent,
        language,
        channel,
        variables: input.variables,
        greeting: greetingFor(agent),
        settles: status === 'resolved',
      });
      lastReplier = agent;
      customerWrote = false;
      steps.push({ kind: 'message', at, message: 'reply', author: agent.key, body, ...(status ? { status } : {}) });
    },
    customer(body: string, at: Date): void {
      customerWrote = true;
      steps.push({ kind: 'message', at, message: 'customer', author: null, body });
    },
    /** An internal note, never the same one twice in a conversation. */
    note(agent: DemoAgent, at: Date): void {
      const fresh = input.words.notes.filter((n) => !usedNotes.has(n));
      if (fresh.length === 0) return;
      const note = random.pick(fresh);
      usedNotes.add(note);
      steps.push({ kind: 'message', at, message: 'note', author: agent.key, body: fill(note, input.variables) });
    },
    update(
      at: Date,
      actor: DemoAgent | null,
      change: Omit<Extract<Step, { kind: 'update' }>, 'kind' | 'at' | 'actor'>,
    ) {
      steps.push({ kind: 'update', at, actor: actor?.key ?? null, ...change });
    },
  };
}
type Writer = ReturnType<typeof threadWriter>;

/**
 * Ends a care cycle with `words`: often "reply and resolve"; otherwise the agent
 * waits for the customer to confirm, and the system resolves it when nobody does.
 */
function settle(w: Writer, agent: DemoAgent, words: string, at: Date): Date {
  if (w.random.chance(0.65)) {
    w.reply(agent, words, at, 'resolved');
    return at;
  }
  w.reply(agent, words, at, 'pending');
  if (w.random.chance(0.7)) {
    const thanks = w.customerAfter(at);
    w.customer(w.pick(THANKS[w.language]), thanks);
    const resolved = afterWorkingTime(thanks, w.random.around(20 * MINUTE) + MINUTE);
    w.update(resolved, agent, { status: 'resolved' });
    return resolved;
  }
  const resolved = addMs(at, 3 * DAY);
  w.update(resolved, null, { status: 'resolved' });
  return resolved;
}

/** First line hands a bug over to the technical team, who reproduce it and ship a fix. */
function escalate(
  w: Writer,
  input: ThreadInput,
  firstLine: DemoAgent,
  at: Date,
): { agent: DemoAgent; resolvedAt: Date } {
  w.note(firstLine, at);
  w.reply(firstLine, HANDOFFS[w.language], addMs(at, MINUTE));
  const specialist = input.pickAgent('technical');
  const priority: Priority = input.priority === 'low' || input.priority === 'normal' ? 'high' : input.priority;
  w.update(addMs(at, 2 * MINUTE), firstLine, {
    team: 'technical',
    assignee: specialist.key,
    priority,
    tags: [...input.tags, 'escalated'],
  });
  const investigating = afterWorkingTime(addMs(at, 3 * MINUTE), w.random.around(3 * HOUR) + 10 * MINUTE);
  w.reply(specialist, INVESTIGATING[w.language], investigating);
  const fixed = afterWorkingTime(investigating, w.random.around(12 * HOUR, 0.7) + HOUR);
  w.reply(specialist, w.pick(w.words.resolutions), fixed, 'resolved');
  return { agent: specialist, resolvedAt: fixed };
}

/** The conversation from the agent's first answer to its resolution, and who resolved it. */
function careCycle(w: Writer, input: ThreadInput, agent: DemoAgent, at: Date): { agent: DemoAgent; resolvedAt: Date } {
  const { flow, askChance } = input.scenario;
  const asks = w.words.asks.length > 0 && w.random.chance(askChance);
  if (flow === 'quick' || (!asks && flow !== 'escalate')) {
    const words = w.pick(w.words.answers.length > 0 ? w.words.answers : w.words.resolutions);
    if (flow !== 'quick' && flow !== 'public') return { agent, resolvedAt: settle(w, agent, words, at) };
    w.reply(agent, words, at, 'resolved');
    return { agent, resolvedAt: at };
  }
  w.reply(agent, w.pick(w.words.asks), at, 'pending');
  if (!w.random.chance(flow === 'public' ? 0.6 : 0.88)) {
    // The customer never answers: resolved after a few days of silence.
    const resolvedAt = addMs(at, 5 * DAY);
    w.update(resolvedAt, null, { status: 'resolved' });
    return { agent, resolvedAt };
  }
  const details = w.customerAfter(at);
  w.customer(w.pick(w.words.details), details);
  const next = w.agentAfter(details);
  if (flow === 'escalate') return escalate(w, input, agent, next);
  if (w.random.chance(0.3)) w.note(agent, new Date(Math.max(details.getTime() + 30_000, next.getTime() - 2 * MINUTE)));
  const words = w.pick(w.words.resolutions.length > 0 ? w.words.resolutions : w.words.answers);
  return { agent, resolvedAt: settle(w, agent, words, next) };
}

/**
 * The messages and changes that follow a customer's first message, in order,
 * each at a plausible moment: agents work weekdays 9:00–18:00 in Tokyo,
 * customers answer in their waking hours. Steps after "now" are not played.
 */
export function planThread(input: ThreadInput): Step[] {
  const w = threadWriter(input);
  const { random, channel, language } = input;
  if (channel === 'chat' || channel === 'in_app') {
    const body = fill(BOT_MESSAGES[language], input.variables);
    w.steps.push({
      kind: 'message',
      at: addMs(input.createdAt, random.int(3, 20) * 1000),
      message: 'bot',
      author: null,
      body,
    });
  }
  const first = input.assignee ?? input.pickAgent(input.scenario.team);
  const firstReply = w.agentAfter(input.createdAt);
  // Not routed on arrival: the agent picks it from the queue just before answering.
  if (!input.assignee) w.update(addMs(firstReply, -random.int(1, 4) * MINUTE), first, { assignee: first.key });
  if (channel === 'phone' || random.chance(0.15)) w.note(first, addMs(firstReply, -30_000));

  const cycle = careCycle(w, input, first, firstReply);
  let resolvedAt = cycle.resolvedAt;
  if (random.chance(REOPEN_CHANCE)) {
    // A second care cycle: the problem comes back.
    const back = addMs(resolvedAt, random.around(1.5 * DAY, 0.6) + HOUR);
    const which = random.int(0, REOPENS[language].length - 1);
    w.customer(fill(REOPENS[language][which] ?? '', input.variables), back);
    resolvedAt = w.agentAfter(back);
    w.reply(cycle.agent, REOPEN_REPLIES[language][which] ?? '', resolvedAt, 'resolved');
  }
  w.update(addMs(resolvedAt, CLOSE_AFTER), null, { status: 'closed' });

  // Nothing happens before the customer's first message (a fast chat reply pulls notes and assignment close to it).
  const earliest = input.createdAt.getTime() + 1000;
  for (const step of w.steps) if (step.at.getTime() < earliest) step.at = new Date(earliest);
  return w.steps.sort((a, b) => a.at.getTime() - b.at.getTime());
}
