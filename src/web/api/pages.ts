import type { Page } from '../../shared/contracts/common.ts';
import { api } from './client.ts';

type Query = Record<string, string | number | undefined | readonly string[]>;

/** One page of a cursor-paginated list. */
export function fetchPage<T>(path: string, query: Query, cursor: string | null | undefined, signal?: AbortSignal) {
  return api<Page<T>>(path, { query: { ...query, cursor: cursor ?? undefined }, signal });
}

/** Every item of a short list (members, teams, scripts), following cursors; capped to stay cheap. */
export async function fetchAll<T>(path: string, signal?: AbortSignal, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let pageIndex = 0; pageIndex < maxPages; pageIndex++) {
    const page: Page<T> = await fetchPage<T>(path, { limit: 200 }, cursor, signal);
    items.push(...page.data);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export const nextCursor = <T>(last: Page<T>): string | undefined => last.nextCursor ?? undefined;
