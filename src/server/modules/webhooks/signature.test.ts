import { describe, expect, test } from 'vitest';
import { generateWebhookSecret, signedHeaders, signWebhook } from './signature.ts';

describe('Standard Webhooks signatures', () => {
  test('match the specification’s example', () => {
    // The example of https://github.com/standard-webhooks/standard-webhooks (spec and libraries' tests).
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    expect(signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  test('headers carry the id, the time in unix seconds and the signature over both and the body', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const headers = signedHeaders(
      secret,
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      new Date(1614265330_999),
      '{"test": 2432232314}',
    );
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  test('during a rotation overlap, one signature per secret, the current one first, space-separated', () => {
    const current = generateWebhookSecret();
    const previous = generateWebhookSecret();
    const at = new Date(1614265330_000);
    const headers = signedHeaders([current, previous], 'msg_1', at, '{}');
    expect(headers['webhook-signature']).toBe(
      `${signWebhook(current, 'msg_1', 1614265330, '{}')} ${signWebhook(previous, 'msg_1', 1614265330, '{}')}`,
    );
  });

  test('secrets are whsec_ and 32 random bytes in base64, never the same twice', () => {
    const secrets = Array.from({ length: 20 }, generateWebhookSecret);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    }
    expect(new Set(secrets).size).toBe(20);
  });
});
