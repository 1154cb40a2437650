import type { Channel } from '../../shared/contracts/conversations.ts';
import type { CommentBank, ComplaintTopic } from './data/comments.ts';
import type { ScenarioKey } from './data/scenarios.ts';
import type { TeamKey } from './data/staff.ts';
import type { Random } from './random.ts';

/**
 * How the demo's customers score, in a shape a support manager recognises: mostly
 * satisfied, less so after a long wait, a reopen or a handover; billing noticeably
 * worse than the rest; a little better every week.
 */
export interface Experience {
  scenario: ScenarioKey;
  channel: Channel;
  team: TeamKey | null;
  /** From the conversation's arrival to this resolution. */
  hours: number;
  /** The care cycle followed a reopen. */
  reopened: boolean;
  /** Handed over to another team. */
  transferred: boolean;
  /** 0 at the start of the demo period, 1 today. */
  progress: number;
}

const SCENARIO_EFFECT: Partial<Record<ScenarioKey, number>> = {
  praise: 0.12,
  'review-positive': 0.12,
  'review-negative': -0.32,
  cancel: -0.14,
  payment: -0.04,
  invoice: -0.03,
  'two-factor': -0.04,
  bug: -0.04,
};
const CHANNEL_EFFECT: Partial<Record<Channel, number>> = { chat: 0.04, phone: 0.03, api: -0.04, social: -0.05 };
const TEAM_EFFECT: Record<TeamKey, number> = { tier1: 0.02, technical: -0.01, billing: -0.09 };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The chance this customer is satisfied (a CSAT of 4 or 5). */
export function satisfaction(e: Experience): number {
  let p = 0.88;
  if (e.hours > 48) p -= 0.22;
  else if (e.hours > 24) p -= 0.14;
  else if (e.hours > 8) p -= 0.06;
  if (e.reopened) p -= 0.2;
  if (e.transferred) p -= 0.08;
  p += SCENARIO_EFFECT[e.scenario] ?? 0;
  p += CHANNEL_EFFECT[e.channel] ?? 0;
  p += e.team ? TEAM_EFFECT[e.team] : 0;
  p += 0.16 * (e.progress - 0.5);
  return clamp(p, 0.05, 0.97);
}

function normal(random: Random): number {
  const u = Math.max(random.next(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

export function csatScore(random: Random, p: number): number {
  if (random.chance(p)) return random.chance(0.62) ? 5 : 4;
  return random.weighted([
    [3, 0.45],
    [2, 0.3],
    [1, 0.25],
  ]);
}

/** CES 2.0 (1–7, "it was easy"): about 5.3 on average, following satisfaction. */
export function cesScore(random: Random, p: number): number {
  return clamp(Math.round(5.22 + 2.5 * (p - 0.62) + normal(random) * 1.05), 1, 7);
}

/** Relationship NPS (0–10): churned accounts detract, enterprise accounts promote. */
export function npsScore(random: Random, account: { churned: boolean; enterprise: boolean }, progress: number): number {
  let promoter = 0.43 + 0.1 * (progress - 0.5) + (account.enterprise ? 0.1 : 0);
  let detractor = 0.22 - 0.06 * (progress - 0.5);
  if (account.churned) [promoter, detractor] = [0.12, 0.6];
  const roll = random.next();
  if (roll < promoter) return random.chance(0.55) ? 10 : 9;
  if (roll < promoter + detractor) return random.weighted([6, 5, 4, 3, 2, 1, 0].map((s, i) => [s, 7 - i] as const));
  return random.chance(0.5) ? 8 : 7;
}

/** What went wrong, as the customer would name it. */
function complaintTopic(random: Random, e: Experience): ComplaintTopic {
  if (random.chance(0.25)) return random.pick(['unclear', 'wait'] as const);
  if (e.reopened) return 'reopen';
  if (e.transferred) return 'transfer';
  if (e.hours > 24) return 'wait';
  if (e.scenario === 'login' || e.scenario === 'two-factor') return 'login';
  if (e.scenario === 'invoice' || e.scenario === 'payment' || e.scenario === 'cancel') return 'refund';
  if (['bug', 'export', 'api-limit', 'integration'].includes(e.scenario)) return 'bug';
  return random.pick(['unclear', 'wait'] as const);
}

type Band = 'high' | 'middle' | 'low';
const NPS_GROUP = { high: 'promoter', middle: 'passive', low: 'detractor' } as const;
const CES_GROUP = { high: 'easy', middle: 'middle', low: 'hard' } as const;

/** About 30 % of answers carry a comment, unhappy customers more often. */
export function pickComment(
  random: Random,
  bank: CommentBank,
  answer: { kind: 'csat' | 'ces7' | 'nps'; score: number; experience?: Experience },
): string | null {
  const { kind, score } = answer;
  const band: Band =
    kind === 'csat'
      ? score >= 4
        ? 'high'
        : score === 3
          ? 'middle'
          : 'low'
      : kind === 'ces7'
        ? score >= 6
          ? 'high'
          : score >= 4
            ? 'middle'
            : 'low'
        : score >= 9
          ? 'high'
          : score >= 7
            ? 'middle'
            : 'low';
  if (!random.chance({ high: 0.21, middle: 0.34, low: 0.55 }[band])) return null;
  if (kind === 'nps') return random.pick(bank.nps[NPS_GROUP[band]]);
  if (kind === 'ces7') return random.pick(bank.ces[CES_GROUP[band]]);
  if (band !== 'low' || !answer.experience) return random.pick(bank.csat[band === 'low' ? 'middle' : band]);
  return random.pick(bank.csat.low[complaintTopic(random, answer.experience)]);
}
