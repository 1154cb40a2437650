import { z } from 'zod';
import { describeImportReason, type ImportReason } from '../../../shared/import-reasons.ts';

/** A value of a row that cannot be imported: the row is rejected, naming the column and why (message in English). */
export class RowError extends Error {
  readonly field: string;
  readonly reason: ImportReason;
  constructor(field: string, reason: ImportReason) {
    super(describeImportReason(reason, 'en'));
    this.field = field;
    this.reason = reason;
  }
}

const Timestamp = z.iso.datetime({ offset: true });
const EmailAddress = z.email();
const MAX_TIME = () => Date.now() + 86_400_000;

/** The trimmed text of a column, refused when PostgreSQL could not store it or it is too long. */
export function text(values: Record<string, string>, field: string, max = 1000): string {
  const value = (values[field] ?? '').trim();
  if (value.includes('\u0000')) throw new RowError(field, { code: 'nul' });
  if (!value.isWellFormed()) throw new RowError(field, { code: 'unicode' });
  if (value.length > max) throw new RowError(field, { code: 'too_long', max });
  return value;
}

export function required(values: Record<string, string>, field: string, max = 1000): string {
  const value = text(values, field, max);
  if (!value) throw new RowError(field, { code: 'required' });
  return value;
}

export function oneOf<T extends string>(
  values: Record<string, string>,
  field: string,
  allowed: readonly T[],
  fallback?: T,
): T {
  const value = text(values, field, 100).toLowerCase();
  if (!value && fallback !== undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new RowError(field, { code: 'one_of', allowed: allowed.join(', '), got: value });
  }
  return value as T;
}

/** ISO 8601 with an offset (2025-04-01T09:30:00+09:00); empty → null. */
export function timestamp(values: Record<string, string>, field: string): Date | null {
  const value = text(values, field, 40);
  if (!value) return null;
  if (!Timestamp.safeParse(value).success) {
    throw new RowError(field, { code: 'date_time' });
  }
  const time = Date.parse(value);
  if (time < 0 || time > MAX_TIME()) throw new RowError(field, { code: 'time_range' });
  return new Date(time);
}

/** A whole number ≥ 0; empty → 0. */
export function count(values: Record<string, string>, field: string): number {
  const value = text(values, field, 20);
  if (!value) return 0;
  if (!/^\d+$/.test(value)) throw new RowError(field, { code: 'whole_number', got: value });
  const number = Number(value);
  if (number > 2_147_483_647) throw new RowError(field, { code: 'too_large' });
  return number;
}

/** An email address, lower-cased; empty → null. */
export function email(values: Record<string, string>, field: string): string | null {
  const value = text(values, field, 320).toLowerCase();
  if (!value) return null;
  if (!EmailAddress.safeParse(value).success) throw new RowError(field, { code: 'email' });
  return value;
}

export const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
