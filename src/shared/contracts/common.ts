import { z } from 'zod';

export const ROLES = ['owner', 'admin', 'manager', 'agent', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LOCALES = ['ja', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export const Id = z.uuid();

export const TimeZone = z.string().refine((value) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Asia/Tokyo');

/**
 * A moment in the past given by a client (imports of history): ISO 8601 with an offset,
 * from 1970 up to a day ahead (clock skew), so durations computed from it stay meaningful.
 */
export const PastTimestamp = z.iso.datetime({ offset: true }).refine((value) => {
  const time = Date.parse(value);
  return time >= 0 && time <= Date.now() + 86_400_000;
}, 'must be a time between 1970 and now');

/** Cursor pagination: `?limit=50&cursor=…`; the response carries `nextCursor` (null on the last page). */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function page<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export const IdParams = z.object({ id: Id });

/** RFC 9457 problem details; `errors` names every invalid field (`field` is a dotted path). */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Attributes = z.record(z.string().max(100), z.unknown());

/** A query value listing several choices, comma-separated (`?status=open,pending`); each is checked by `item`. */
export const commaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',') : undefined))
    .pipe(z.array(item).optional());
