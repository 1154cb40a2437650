import { describe, expect, test } from 'vitest';
import { assertPublicUrl, isBlockedAddress } from './address-guard.ts';

describe('isBlockedAddress', () => {
  test.each([
    '127.0.0.1',
    '127.255.255.254',
    '0.0.0.0',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '224.0.0.251',
    '239.255.255.250',
    '255.255.255.255',
    '198.18.0.1',
    '::',
    '::1',
    'fc00::1',
    'fd12:3456:789a::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a9fe:a9fe',
    'localhost',
    'not an address',
  ])('%s is refused', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  test.each([
    '93.184.215.14',
    '8.8.8.8',
    '1.1.1.1',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '192.169.0.1',
    '169.255.0.1',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
  ])('%s is allowed', (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });
});

describe('assertPublicUrl', () => {
  test('checks literal addresses without DNS and resolved names by every address', async () => {
    await expect(assertPublicUrl(new URL('https://93.184.215.14/hook'))).resolves.toBeUndefined();
    await expect(assertPublicUrl(new URL('http://[::1]:8080/hook'))).rejects.toThrow('::1 is a loopback');
    await expect(assertPublicUrl(new URL('http://localhost:3000/'))).rejects.toThrow(/^localhost resolves to/);
    await expect(assertPublicUrl(new URL('http://no-such-host.invalid/'))).rejects.toThrow('could not be resolved');
  });
});
