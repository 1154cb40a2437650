import type { Channel, Priority } from '../../shared/contracts/conversations.ts';
import { addMs, DAY, HOUR, isBusinessTime, isWeekend, MINUTE, nextBusinessTime, startOfTokyoDay } from './clock.ts';
import type { PlannedCompany, PlannedContact } from './customers.ts';
import { ZONE_OFFSETS } from './data/companies.ts';
import { type Language, PHONE_PREFIX } from './data/phrases.ts';
import { SCENARIOS, type Scenario, type ScenarioKey, wordsFor } from './data/scenarios.ts';
import { AGENTS, type DemoAgent, type TeamKey } from './data/staff.ts';
import { TEXTS_EN } from './data/texts-en.ts';
import { TEXTS_JA } from './data/texts-ja.ts';
import type { Random } from './random.ts';
import { planThread, type Step } from './thread.ts';
import { conversationVariables, fill } from './variables.ts';

export interface ConversationPlan {
  /** Index into the planned contacts. */
  contact: number;
  scenario: ScenarioKey;
  language: Language;
  channel: Channel;
  priority: Priority;
  team: TeamKey;
  tags: string[];
  subject: string;
  opening: string;
  createdAt: Date;
  /** The agent who logged it (phone calls), or null when it came in on its own. */
  createdBy: string | null;
  /** Assigned on arrival (routing rules, the agent on the phone); otherwise an agent picks it up later. */
  assignee: string | null;
  steps: Step[];
}

export const TEXTS: Record<Language, typeof TEXTS_JA> = { ja: TEXTS_JA, en: TEXTS_EN };

/** When customers write, by their local hour: mostly working hours, some evenings. */
const HOUR_WEIGHTS = [
  0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 2, 4, 4.5, 4, 2.5, 3.5, 3.8, 3.5, 3.2, 2.6, 1.8, 1.4, 1.2, 1, 0.8, 0.5,
].map((weight, hour) => [hour, weight] as const);

function pickAgent(random: Random, team: TeamKey, language: Language): DemoAgent {
  const able = AGENTS.filter((a) => a.teams.includes(team) && a.languages.includes(language));
  return random.weighted(able.map((a) => [a, a.load] as const));
}

function eligibleScenarios(company: PlannedCompany | null): Scenario[] {
  return SCENARIOS.filter((s) => {
    if (s.business && !company) return false;
    if (s.key === 'upgrade' && company?.plan === 'Enterprise') return false;
    if (s.key === 'cancel' && (company?.plan === 'Free' || company?.churned)) return false;
    return true;
  });
}

/** A moment in the last `days` days, weekdays busier than weekends, at the customer's local working hours. */
function arrivalTime(random: Random, days: number, now: Date, timeZone: string): Date {
  const today = startOfTokyoDay(now);
  const dayWeights = Array.from({ length: days }, (_, back) => {
    const day = addMs(today, -back * DAY);
    return [back, (isWeekend(day) ? 0.35 : 1) * (1 + 0.25 * (1 - back / days))] as const;
  });
  const back = random.weighted(dayWeights);
  const offset = ZONE_OFFSETS[timeZone] ?? 9;
  const localHour = random.weighted(HOUR_WEIGHTS);
  let at = addMs(today, -back * DAY + (localHour + 9 - offset) * HOUR + random.int(0, 3599) * 1000);
  if (at > now) at = addMs(at, -DAY);
  if (at > now) at = addMs(now, -random.int(5, 120) * MINUTE);
  return at;
}

export interface PlanInput {
  count: number;
  days: number;
  now: Date;
  contacts: PlannedContact[];
  companies: PlannedCompany[];
}

/** Every conversation of the demo, in order of arrival; conversation i draws only from its own stream. */
export function planConversations(random: Random, input: PlanInput): ConversationPlan[] {
  const byActivity = input.contacts.map((c, index) => [index, c.activity] as const);
  const plans: ConversationPlan[] = [];
  for (let i = 0; i < input.count; i++) {
    const r = random.fork(`conversation:${i}`);
    const contactIndex = r.weighted(byActivity);
    const contact = input.contacts[contactIndex];
    if (!contact) throw new Error('contact index out of range');
    const company = contact.company === null ? null : (input.companies[contact.company] ?? null);
    const scenario = r.weighted(eligibleScenarios(company).map((s) => [s, s.weight] as const));
    const language = contact.language;
    const text = TEXTS[language][scenario.key];
    const variant = r.pick(text.variants);
    const channel = r.weighted(scenario.channels);
    let createdAt = arrivalTime(r, input.days, input.now, contact.timeZone);
    // Calls come in while the phones are staffed.
    if (channel === 'phone' && !isBusinessTime(createdAt)) {
      const minutes = r.int(5, 300) * MINUTE;
      let day = createdAt;
      while (addMs(nextBusinessTime(day), minutes) > input.now) day = addMs(day, -DAY);
      createdAt = addMs(nextBusinessTime(day), minutes);
    }
    const priority = r.weighted(scenario.priorities);
    const variables = conversationVariables(r, { language, scenario: scenario.key, createdAt, contact, company });
    const tags = [...scenario.tags, ...(company?.plan === 'Enterprise' ? ['vip'] : [])];
    const taker = channel === 'phone' || r.chance(0.5) ? pickAgent(r, scenario.team, language) : null;
    const opening = (channel === 'phone' ? PHONE_PREFIX[language] : '') + fill(variant.opening, variables);
    plans.push({
      contact: contactIndex,
      scenario: scenario.key,
      language,
      channel,
      priority,
      team: scenario.team,
      tags,
      subject: fill(r.pick(variant.subjects), variables),
      opening,
      createdAt,
      createdBy: channel === 'phone' && taker ? taker.key : null,
      assignee: taker?.key ?? null,
      steps: planThread({
        random: r,
        scenario,
        words: wordsFor(text, variant),
        language,
        customerOffsetHours: ZONE_OFFSETS[contact.timeZone] ?? 9,
        channel,
        priority,
        tags,
        createdAt,
        variables,
        assignee: taker,
        pickAgent: (team) => pickAgent(r, team, language),
      }),
    });
  }
  return plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
