import { z } from 'zod';

/**
 * The admin channel: while `koe serve` holds an embedded data directory, other
 * `koe` commands send their work to it over loopback HTTP, authenticated by the
 * token in the lock file. The answer is NDJSON: progress lines, then one result
 * or error line.
 */
export const ADMIN_PATH = '/_admin/commands';
export const ADMIN_TOKEN_HEADER = 'x-koe-admin-token';

export const AdminRequest = z.object({
  command: z.string().min(1).max(100),
  args: z.record(z.string(), z.unknown()).default({}),
});
export type AdminRequest = z.infer<typeof AdminRequest>;

/** `usage`: the arguments were rejected (exit 2); `aborted`: stopped on request; `failed`: anything else (exit 1). */
export type AdminErrorCode = 'usage' | 'aborted' | 'failed';

export type AdminMessage =
  | { type: 'progress'; done: number; total: number; label?: string }
  | { type: 'result'; result: unknown }
  | { type: 'error'; message: string; code: AdminErrorCode };
