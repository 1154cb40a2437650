/** PostgreSQL errors that a retry of the whole transaction resolves. */
const RETRYABLE = new Set(['23505', '40001', '40P01']);

/** The SQLSTATE of a database error, also when Drizzle wraps it (DrizzleQueryError keeps it in `cause`). */
export function sqlState(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 3; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isRetryable(error: unknown): boolean {
  return RETRYABLE.has(sqlState(error) ?? '');
}

/**
 * Runs a transaction again when it lost a race: two first messages from the same new
 * customer both try to create the contact; the retry finds the contact the other made.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
    }
  }
}
