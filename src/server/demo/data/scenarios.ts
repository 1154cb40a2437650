import type { Channel, Priority } from '../../../shared/contracts/conversations.ts';
import type { TeamKey } from './staff.ts';

/**
 * What customers contact the support team about, and how such a conversation
 * usually goes. The words are in texts-ja.ts and texts-en.ts.
 *
 * standard: ask → answer (maybe after asking for details) → resolve.
 * quick: one message, one reply (praise, simple questions).
 * escalate: first line asks for details, then hands over to the technical team.
 * public: a review or social post answered in public.
 */
export type Flow = 'standard' | 'quick' | 'escalate' | 'public';

export type ScenarioKey =
  | 'login'
  | 'two-factor'
  | 'invoice'
  | 'payment'
  | 'upgrade'
  | 'cancel'
  | 'api-limit'
  | 'export'
  | 'bug'
  | 'feature'
  | 'delivery'
  | 'integration'
  | 'praise'
  | 'review-negative'
  | 'review-positive'
  | 'social';

export interface Scenario {
  key: ScenarioKey;
  weight: number;
  team: TeamKey;
  tags: string[];
  flow: Flow;
  channels: readonly (readonly [Channel, number])[];
  priorities: readonly (readonly [Priority, number])[];
  /** Only customers with a company account ask this. */
  business?: boolean;
  /** Chance that the first reply asks the customer for something (status pending). */
  askChance: number;
}

const INBOX: readonly (readonly [Channel, number])[] = [
  ['email', 40],
  ['chat', 25],
  ['in_app', 14],
  ['phone', 12],
  ['api', 6],
];
const NORMAL: readonly (readonly [Priority, number])[] = [
  ['low', 12],
  ['normal', 68],
  ['high', 17],
  ['urgent', 3],
];

export const SCENARIOS: readonly Scenario[] = [
  { key: 'login', weight: 13, team: 'tier1', tags: ['login', 'account'], flow: 'standard', channels: INBOX, priorities: [['normal', 55], ['high', 35], ['urgent', 10]], askChance: 0.5 },
  { key: 'two-factor', weight: 4, team: 'tier1', tags: ['login', 'security'], flow: 'standard', channels: INBOX, priorities: [['normal', 50], ['high', 50]], askChance: 0.7 },
  { key: 'invoice', weight: 11, team: 'billing', tags: ['billing', 'invoice'], flow: 'standard', channels: [['email', 70], ['chat', 12], ['in_app', 10], ['phone', 8]], priorities: NORMAL, business: true, askChance: 0.35 },
  { key: 'payment', weight: 6, team: 'billing', tags: ['billing', 'payment'], flow: 'standard', channels: INBOX, priorities: [['normal', 50], ['high', 45], ['urgent', 5]], askChance: 0.4 },
  { key: 'upgrade', weight: 7, team: 'billing', tags: ['plan-change', 'upsell'], flow: 'standard', channels: [['email', 45], ['chat', 30], ['in_app', 15], ['phone', 10]], priorities: [['low', 25], ['normal', 70], ['high', 5]], business: true, askChance: 0.3 },
  { key: 'cancel', weight: 3, team: 'billing', tags: ['cancellation', 'churn-risk'], flow: 'standard', channels: [['email', 70], ['phone', 20], ['chat', 10]], priorities: [['normal', 40], ['high', 60]], business: true, askChance: 0.6 },
  { key: 'api-limit', weight: 6, team: 'technical', tags: ['api', 'rate-limit'], flow: 'standard', channels: [['email', 55], ['api', 30], ['chat', 15]], priorities: [['normal', 45], ['high', 45], ['urgent', 10]], business: true, askChance: 0.5 },
  { key: 'export', weight: 6, team: 'tier1', tags: ['export', 'how-to'], flow: 'standard', channels: INBOX, priorities: [['low', 35], ['normal', 60], ['high', 5]], askChance: 0.25 },
  { key: 'bug', weight: 10, team: 'tier1', tags: ['bug'], flow: 'escalate', channels: [['email', 45], ['chat', 20], ['in_app', 20], ['api', 10], ['phone', 5]], priorities: [['normal', 40], ['high', 45], ['urgent', 15]], askChance: 1 },
  { key: 'feature', weight: 6, team: 'tier1', tags: ['feature-request'], flow: 'quick', channels: [['email', 45], ['in_app', 35], ['chat', 20]], priorities: [['low', 70], ['normal', 30]], askChance: 0 },
  { key: 'delivery', weight: 6, team: 'tier1', tags: ['delivery', 'hardware'], flow: 'standard', channels: [['email', 45], ['phone', 25], ['chat', 20], ['in_app', 10]], priorities: [['normal', 55], ['high', 40], ['urgent', 5]], business: true, askChance: 0.4 },
  { key: 'integration', weight: 5, team: 'technical', tags: ['integration'], flow: 'standard', channels: [['email', 60], ['chat', 20], ['api', 20]], priorities: [['normal', 60], ['high', 40]], business: true, askChance: 0.6 },
  { key: 'praise', weight: 4, team: 'tier1', tags: ['praise'], flow: 'quick', channels: [['email', 50], ['chat', 30], ['in_app', 20]], priorities: [['low', 100]], askChance: 0 },
  { key: 'review-negative', weight: 3, team: 'tier1', tags: ['review', 'complaint'], flow: 'public', channels: [['review', 100]], priorities: [['normal', 60], ['high', 40]], askChance: 0.5 },
  { key: 'review-positive', weight: 2, team: 'tier1', tags: ['review', 'praise'], flow: 'public', channels: [['review', 100]], priorities: [['low', 100]], askChance: 0 },
  { key: 'social', weight: 3, team: 'tier1', tags: ['social'], flow: 'public', channels: [['social', 100]], priorities: [['normal', 60], ['high', 40]], askChance: 0.6 },
];

/**
 * One way a scenario starts: its subject(s), the customer's first message, and
 * any words that only fit this opening (they replace the scenario's shared ones).
 */
export interface Variant {
  subjects: string[];
  opening: string;
  answers?: string[];
  asks?: string[];
  details?: string[];
  notes?: string[];
  resolutions?: string[];
}

/**
 * The words of a scenario in one language. `{name}`, `{company}`, `{invoice}`…
 * are filled per conversation (see demo/variables.ts).
 */
export interface ScenarioText {
  variants: Variant[];
  /** The agent answers straight away. */
  answers: string[];
  /** The agent needs something from the customer first (the conversation waits on them). */
  asks: string[];
  /** The customer's answer to an ask. */
  details: string[];
  /** Internal notes between colleagues. */
  notes: string[];
  /** The agent's reply that settles it. */
  resolutions: string[];
}

export type Words = Omit<ScenarioText, 'variants'>;

/** The words for one conversation: the variant's own, else the scenario's. */
export function wordsFor(text: ScenarioText, variant: Variant): Words {
  return {
    answers: variant.answers ?? text.answers,
    asks: variant.asks ?? text.asks,
    details: variant.details ?? text.details,
    notes: variant.notes ?? text.notes,
    resolutions: variant.resolutions ?? text.resolutions,
  };
}
