import type { Messages } from './messages.ts';

export interface ApiResult<T> {
  /** 0 when the request never got an answer (offline, blocked). */
  status: number;
  data: T | null;
  /** The first field an error names (RFC 9457 problem `errors`). */
  field?: string | undefined;
}

/** JSON to the public API; never throws (the host page must not break because Koe did). */
export async function api<T>(base: string, path: string, body?: unknown, keepalive = false): Promise<ApiResult<T>> {
  try {
    const response = await fetch(base + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      keepalive,
    });
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (response.ok) return { status: response.status, data: data as T };
    return { status: response.status, data: null, field: data?.errors?.[0]?.field };
  } catch {
    return { status: 0, data: null };
  }
}

/** Records that the survey was shown or closed unanswered; losing one is harmless. */
export const sendEvent = (base: string, token: string, type: 'opened' | 'dismissed') =>
  api(base, '/api/v1/public/events', { token, type }, true);

/** A failed request in words a respondent understands. */
export function failureText(result: ApiResult<unknown>, messages: Messages): string {
  if (result.status === 429) return messages.tooMany;
  if (result.field === 'body.token' || result.status === 404) return messages.invalid;
  return messages.network;
}
