import { badRequest } from '../../http/problem.ts';
import { isUuid } from '../../lib/id.ts';

/**
 * The drill-down's opaque keyset cursor: the last item's time with the database's
 * microseconds (a millisecond cursor could skip rows within one millisecond) and its id.
 */
export interface DrilldownCursor {
  at: string;
  id: string;
}

const MICROSECOND_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A real moment from 1970 on, spelled as the database would (no 31 February, no year 0). */
function isRealTime(at: string): boolean {
  const time = Date.parse(at);
  return time >= 0 && new Date(time).toISOString().slice(0, 19) === at.slice(0, 19);
}

export const encodeDrilldownCursor = (at: string, id: string) =>
  Buffer.from(JSON.stringify({ at, id })).toString('base64url');

export function decodeDrilldownCursor(cursor: string | undefined): DrilldownCursor | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<DrilldownCursor>;
    if (
      typeof parsed.at === 'string' &&
      MICROSECOND_ISO.test(parsed.at) &&
      isRealTime(parsed.at) &&
      typeof parsed.id === 'string' &&
      isUuid(parsed.id)
    ) {
      return { at: parsed.at, id: parsed.id };
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest('query.cursor', 'is not a cursor returned by this API');
}
