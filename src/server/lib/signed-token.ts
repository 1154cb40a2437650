import { createHmac } from 'node:crypto';
import { safeEqual } from './tokens.ts';

/**
 * Compact signed tokens for public links (survey answers, unsubscribe, widget):
 * base64url(JSON payload) + "." + HMAC-SHA256 over it with KOE_SECRET and a purpose,
 * so a token made for one purpose is never accepted for another.
 */
export function signToken(secret: string, purpose: string, payload: Record<string, unknown>): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(secret, purpose, body)}`;
}

function mac(secret: string, purpose: string, body: string): string {
  return createHmac('sha256', secret).update(`${purpose}.${body}`).digest('base64url').slice(0, 32);
}

/** The payload when the signature is right and `exp` (seconds since epoch), if any, lies ahead; else null. */
export function verifyToken<T extends Record<string, unknown>>(
  secret: string,
  purpose: string,
  token: string,
): T | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const body = token.slice(0, dot);
  if (!safeEqual(token.slice(dot + 1), mac(secret, purpose, body))) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
    if (typeof payload !== 'object' || payload === null) return null;
    const exp = (payload as { exp?: unknown }).exp;
    if (typeof exp === 'number' && exp * 1000 < Date.now()) return null;
    return payload;
  } catch {
    return null;
  }
}
