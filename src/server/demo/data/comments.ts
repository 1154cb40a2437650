import { COMMENTS_EN } from './comments-en.ts';
import { COMMENTS_JA } from './comments-ja.ts';
import type { Language } from './phrases.ts';

/**
 * Survey comments the demo's respondents write, matching their score: praise for high
 * scores, a concrete complaint for low ones (about what went wrong in that conversation).
 */
export type ComplaintTopic = 'wait' | 'unclear' | 'transfer' | 'refund' | 'login' | 'bug' | 'reopen';

export interface CommentBank {
  csat: { high: string[]; middle: string[]; low: Record<ComplaintTopic, string[]> };
  ces: { easy: string[]; middle: string[]; hard: string[] };
  nps: { promoter: string[]; passive: string[]; detractor: string[] };
}

export const COMMENTS: Record<Language, CommentBank> = { ja: COMMENTS_JA, en: COMMENTS_EN };
