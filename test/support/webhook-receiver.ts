import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A webhook receiver on loopback, as a customer would write one: it verifies the Standard
 * Webhooks signature with its own node:crypto code (not Koe's) and answers 204 when it
 * holds, 401 when not — or `status` whatever the request (a failing receiver).
 */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  /** performance.now() when the request arrived. */
  receivedAt: number;
  /** The signature verified with the secret the receiver held at the time. */
  verified: boolean;
  answered: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The endpoint's secret ("whsec_…") the receiver verifies with. */
  secret: string;
  /** Answer this status to every request; null: 204 when the signature holds, else 401. */
  status: number | null;
  close(): Promise<void>;
}

/** Verifies `webhook-signature` over "<webhook-id>.<webhook-timestamp>.<body>" with the secret's decoded bytes. */
export function verifyStandardWebhook(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') return false;
  // Replay protection: the timestamp must be within five minutes of now.
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = Buffer.from(createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64'));
  return signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const receiver: WebhookReceiver = {
    url: '',
    received,
    secret: '',
    status: null,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    const receivedAt = performance.now();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const verified = verifyStandardWebhook(receiver.secret, request.headers, body);
      const answered = receiver.status ?? (verified ? 204 : 401);
      received.push({
        headers: request.headers,
        body,
        payload: JSON.parse(body) as ReceivedWebhook['payload'],
        receivedAt,
        verified,
        answered,
      });
      response.writeHead(answered, { 'content-type': 'text/plain' });
      response.end(answered >= 400 ? `refused with ${answered}` : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/koe`;
  return receiver;
}
