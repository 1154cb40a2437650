import { createHmac, randomBytes } from 'node:crypto';

/**
 * The Standard Webhooks signing scheme (https://www.standardwebhooks.com): the secret is
 * "whsec_" + base64 of random bytes; each request carries `webhook-id`, `webhook-timestamp`
 * (unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`
 * keyed with the secret's decoded bytes.
 */
const PREFIX = 'whsec_';
const SECRET_BYTES = 32;

export function generateWebhookSecret(): string {
  return `${PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}

export function signWebhook(secret: string, messageId: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secretKey(secret)).update(`${messageId}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** Signed with each secret given (the current one first): the signatures are space-separated, as the scheme allows. */
export function signedHeaders(
  secrets: string | readonly string[],
  messageId: string,
  at: Date,
  body: string,
): SignedHeaders {
  const timestamp = Math.floor(at.getTime() / 1000);
  const keys = typeof secrets === 'string' ? [secrets] : secrets;
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': keys.map((secret) => signWebhook(secret, messageId, timestamp, body)).join(' '),
  };
}
