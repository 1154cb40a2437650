import { badRequest } from '../http/problem.ts';
import { isUuid } from './id.ts';

/** Opaque keyset cursor: the sort value and id of the last row of a page. */
export interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(at: Date | string, id: string): string {
  const value = at instanceof Date ? at.toISOString() : at;
  return Buffer.from(JSON.stringify({ at: value, id })).toString('base64url');
}

/** `sort` says what the cursor's sort value is: a timestamp (most lists) or text (lists by name). */
export function decodeCursor(cursor: string | undefined, sort: 'time' | 'text' = 'time'): Cursor | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof parsed.at === 'string' && typeof parsed.id === 'string' && isUuid(parsed.id)) {
      if (sort === 'text' && !parsed.at.includes('\u0000')) return { at: parsed.at, id: parsed.id };
      const time = Date.parse(parsed.at);
      // Normalised to ISO so the database never sees a date only JavaScript understands.
      const at = Number.isNaN(time) ? '' : new Date(time).toISOString();
      if (/^\d{4}-/.test(at)) return { at, id: parsed.id };
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest('query.cursor', 'is not a cursor returned by this API');
}

/** Takes limit+1 rows, returns a page and the cursor of its last row when more exist. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => { at: Date | string; id: string }) {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(key(last).at, key(last).id) : null };
}
