/** PostgreSQL errors that a retry of the whole transaction resolves. */
const RETRYABLE = new Set(['23505', '40001', '40P01']);

export function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && RETRYABLE.has(String((error as { code?: unknown }).code));
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
