import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { BlockedAddressError, guardedLookup, hostOf, isBlockedAddress } from './address-guard.ts';

export interface AttemptOutcome {
  ok: boolean;
  /** The receiver's HTTP status; null when no answer came (refused, timed out, unreachable). */
  statusCode: number | null;
  error: string | null;
  ms: number;
  /** The start of the receiver's answer, as text. */
  response: string | null;
}

const RESPONSE_CHARS = 500;
const RESPONSE_BYTES = 4096;

function readStart(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      const text = Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_CHARS);
      resolve(text);
    };
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      // Only the start is kept; the rest of a large answer is not waited for.
      if (size >= RESPONSE_BYTES) {
        response.destroy();
        done();
      }
    });
    response.on('end', done);
    response.on('error', done);
    response.on('close', done);
  });
}

function describe(error: unknown): string {
  if (error instanceof BlockedAddressError) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host not found (${message})`;
  if (code === 'ECONNRESET') return 'connection reset by the receiver';
  return message;
}

/**
 * POSTs one signed webhook body. 2xx is success; a redirect is not followed (it counts as a
 * failure naming the location); the whole exchange has `timeoutMs`. Unless `allowPrivate`,
 * the address connected to is checked by the SSRF guard at connection time.
 */
export function postWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: { allowPrivate: boolean; timeoutMs: number },
): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(target);
  const host = hostOf(url);
  if (!options.allowPrivate && isIP(host) && isBlockedAddress(host)) {
    const error = new BlockedAddressError(
      `${host} is a loopback, private or reserved address; Koe delivers webhooks there only when the server allows it (WEBHOOKS_ALLOW_PRIVATE=true)`,
    );
    return Promise.resolve({ ok: false, statusCode: null, error: error.message, ms: 0, response: null });
  }
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<AttemptOutcome, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({ ...outcome, ms: elapsed() });
    };
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        ...(options.allowPrivate ? {} : { lookup: guardedLookup }),
        // A fresh connection per delivery: a kept-alive socket would skip the address check.
        agent: false,
      },
      (response) => {
        const statusCode = response.statusCode ?? 0;
        void readStart(response).then((text) => {
          const ok = statusCode >= 200 && statusCode < 300;
          let error: string | null = null;
          if (statusCode >= 300 && statusCode < 400) {
            const location = response.headers.location;
            error = `HTTP ${statusCode}: redirects are not followed${location ? ` (to ${location})` : ''}`;
          } else if (!ok) {
            error = `HTTP ${statusCode}`;
          }
          finish({ ok, statusCode, error, response: text || null });
        });
      },
    );
    const deadline = setTimeout(() => {
      req.destroy(new Error(`no answer within ${Math.round(options.timeoutMs / 1000)} s`));
    }, options.timeoutMs);
    req.on('error', (error) => finish({ ok: false, statusCode: null, error: describe(error), response: null }));
    req.end(body);
  });
}
