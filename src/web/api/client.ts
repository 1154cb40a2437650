import type { Problem } from '../../shared/contracts/common.ts';
import { currentLocale } from '../i18n/index.ts';

/** An HTTP failure with the server's RFC 9457 problem, when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Field errors keyed by the dotted field path within the body (`customer.email`). */
  get fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const error of this.problem?.errors ?? []) {
      result[fieldPath(error.field)] ??= error.message;
    }
    return result;
  }
}

/** `body.customer.email` → `customer.email`: forms know their fields, not where the server read them. */
export function fieldPath(field: string): string {
  return field.replace(/^(body|query|params)\./, '');
}

/** The request never reached the server or the answer was not readable. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

type QueryValue = string | number | boolean | null | undefined | readonly string[];

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A file sent as it is (an import's CSV), with its content type, instead of a JSON body. */
  raw?: { data: Blob; type: string };
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

let csrfFromSession: string | null = null;

/** Remember the token from Me, for browsers that hide the cookie from scripts. */
export function setCsrfToken(token: string | null): void {
  csrfFromSession = token;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  // Refusals come back in the language the app shows (the browser's own may differ).
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLocale() };
  if (options.raw) headers['content-type'] = options.raw.type;
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie('koe_csrf') ?? csrfFromSession;
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw ? options.raw.data : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (!response.ok) {
    const problem = isProblem(payload) ? payload : null;
    throw new ApiError(response.status, problem, problem?.detail ?? problem?.title ?? response.statusText);
  }
  return payload as T;
}
