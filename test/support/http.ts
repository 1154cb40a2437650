/** A tiny fetch client for API tests: JSON in and out, an API key or a cookie session. */

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response has a JSON body, otherwise undefined. */
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as it is, with the given content type (for malformed bodies). */
  raw?: { data: string; contentType?: string };
  headers?: Record<string, string>;
}

export interface Client {
  readonly baseUrl: string;
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  get<T = unknown>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  post<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  patch<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  put<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  delete<T = unknown>(path: string): Promise<ApiResponse<T>>;
}

type Decorate = (method: string, headers: Record<string, string>) => void;
type Observe = (response: Response) => void;

function makeClient(baseUrl: string, decorate: Decorate = () => undefined, observe: Observe = () => undefined): Client {
  async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    let body: string | undefined;
    if (options.raw) {
      body = options.raw.data;
      if (options.raw.contentType) headers['content-type'] = options.raw.contentType;
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    decorate(method, headers);
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
    observe(response);
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    let parsed: unknown;
    if (text && type.includes('json')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }
  return {
    baseUrl,
    request,
    get: (path, headers) => request('GET', path, headers ? { headers } : {}),
    post: (path, body) => request('POST', path, { body }),
    patch: (path, body) => request('PATCH', path, { body }),
    put: (path, body) => request('PUT', path, { body }),
    delete: (path) => request('DELETE', path),
  };
}

/** Requests without credentials. */
export const anonymousClient = (baseUrl: string): Client => makeClient(baseUrl);

/** Requests with `Authorization: Bearer <key>`. */
export function apiClient(baseUrl: string, apiKey: string): Client {
  return makeClient(baseUrl, (_method, headers) => {
    headers.authorization ??= `Bearer ${apiKey}`;
  });
}

export interface SessionClient extends Client {
  /** Cookies the server has set (name → value). */
  readonly cookies: Map<string, string>;
  /** Every Set-Cookie header received, newest last, for attribute checks. */
  readonly setCookieHeaders: string[];
  /** Whether writes send the x-csrf-token header (on by default). */
  sendCsrf: boolean;
  login(email: string, password: string, workspaceId?: string): Promise<ApiResponse>;
}

/** A browser-like client: keeps the cookies the server sets and sends the CSRF token on writes. */
export function sessionClient(baseUrl: string): SessionClient {
  const cookies = new Map<string, string>();
  const setCookieHeaders: string[] = [];
  let session: SessionClient | undefined;
  const client = makeClient(
    baseUrl,
    (method, headers) => {
      if (cookies.size > 0) {
        headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      }
      const csrf = cookies.get('koe_csrf');
      if (session?.sendCsrf !== false && csrf && method !== 'GET' && method !== 'HEAD')
        headers['x-csrf-token'] ??= csrf;
    },
    (response) => {
      for (const header of response.headers.getSetCookie()) {
        setCookieHeaders.push(header);
        const [pair = '', ...attributes] = header.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        const expired = attributes.some(
          (a) =>
            /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()),
        );
        if (expired || value === '') cookies.delete(name);
        else cookies.set(name, value);
      }
    },
  );
  session = Object.assign(client, {
    cookies,
    setCookieHeaders,
    sendCsrf: true,
    login: (email: string, password: string, workspaceId?: string) =>
      client.post('/api/v1/auth/login', { email, password, ...(workspaceId ? { workspaceId } : {}) }),
  });
  return session;
}
