import { LOCALES, type Locale } from '../../../shared/contracts/common.ts';
import { CHANNELS, type Channel } from '../../../shared/contracts/conversations.ts';
import { SCALES } from '../../../shared/contracts/surveys.ts';
import type { CsvRecord } from './csv-source.ts';
import { email, oneOf, RowError, required, text, timestamp } from './fields.ts';

export const IMPORTED_KINDS = ['csat', 'nps', 'ces7', 'ces5'] as const;
export type ImportedKind = (typeof IMPORTED_KINDS)[number];

/** A responses-file row, fully checked: writing it needs only lookups. */
export interface ResponseRow {
  line: number;
  externalId: string;
  kind: ImportedKind;
  /** null: the score was skipped (kept, and in no denominator). */
  score: number | null;
  comment: string | null;
  createdAt: Date;
  customerEmail: string | null;
  conversationExternalId: string | null;
  channel: Channel | null;
  /** null: the workspace's default language. */
  language: Locale | null;
  touchpoint: string | null;
}

function score(values: Record<string, string>, kind: ImportedKind): number | null {
  const value = text(values, 'score', 20);
  if (!value) return null;
  const { min, max } = SCALES[kind];
  const number = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new RowError('score', { code: 'score_range', min, max, kind });
  }
  return number;
}

/** Checks every column of a row; throws the RowError naming the first bad one. */
export function parseResponseRow(record: CsvRecord): ResponseRow {
  const v = record.values;
  if (record.fieldCountError) throw new RowError('row', record.fieldCountError);
  const externalId = required(v, 'external_id', 200);
  const kind = oneOf(v, 'kind', IMPORTED_KINDS);
  const scoreValue = score(v, kind);
  const comment = text(v, 'comment', 5000) || null;
  const createdAt = timestamp(v, 'created_at');
  if (!createdAt) throw new RowError('created_at', { code: 'required' });
  const customerEmail = email(v, 'customer_email');
  const conversationExternalId = text(v, 'conversation_external_id', 200) || null;
  const channel = text(v, 'channel') ? oneOf(v, 'channel', CHANNELS) : null;
  const language = text(v, 'language') ? oneOf(v, 'language', LOCALES) : null;
  const touchpoint = text(v, 'touchpoint', 100) || null;
  return {
    line: record.line,
    externalId,
    kind,
    score: scoreValue,
    comment,
    createdAt,
    customerEmail,
    conversationExternalId,
    channel,
    language,
    touchpoint,
  };
}
