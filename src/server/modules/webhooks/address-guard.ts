import { type LookupAddress, lookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * The SSRF guard of outgoing webhooks: an endpoint may not reach loopback, private,
 * link-local, CGNAT, unique-local, multicast or otherwise reserved addresses (the server's
 * own services and the cloud metadata address among them) unless the server's admin
 * allows it (WEBHOOKS_ALLOW_PRIVATE=true). Checked when an endpoint is saved and again on
 * every delivery, on the very addresses the connection uses (DNS may change in between).
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address an IPv6 address carries (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d), if any. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const match = /^(?:::ffff:|64:ff9b::)(?:0:)?(.+)$/.exec(lower);
  if (!match?.[1]) return null;
  const tail = match[1];
  if (isIP(tail) === 4) return tail;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(tail);
  if (!hex?.[1] || !hex[2]) return null;
  const high = Number.parseInt(hex[1], 16);
  const low = Number.parseInt(hex[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** True for an address a webhook must not reach (see above); anything that is not an IP address counts as blocked. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(address);
    if (v4) return blocked.check(v4, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return true;
}

/** The host of a URL as DNS and `isIP` want it (IPv6 literals without brackets). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

export class BlockedAddressError extends Error {}

const refusal = (host: string, address: string) =>
  new BlockedAddressError(
    address === host
      ? `${host} is a loopback, private or reserved address; Koe delivers webhooks there only when the server allows it (WEBHOOKS_ALLOW_PRIVATE=true)`
      : `${host} resolves to ${address}, a loopback, private or reserved address; Koe delivers webhooks there only when the server allows it (WEBHOOKS_ALLOW_PRIVATE=true)`,
  );

const LOOKUP_TIMEOUT_MS = 5_000;

function lookupAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`looking up ${host} took longer than 5 s`)), LOOKUP_TIMEOUT_MS);
    lookup(host, { all: true, verbatim: true }, (error, addresses) => {
      clearTimeout(timer);
      if (error) reject(new Error(`${host} could not be resolved (${error.code ?? error.message})`));
      else resolve(addresses);
    });
  });
}

/**
 * Resolves the URL's host and refuses it when any of its addresses is blocked (a host
 * answering with one public and one private address is refused: the connection could pick
 * either). Throws BlockedAddressError for a refused address, Error when the host does not resolve.
 */
export async function assertPublicUrl(url: URL): Promise<void> {
  const host = hostOf(url);
  if (isIP(host)) {
    if (isBlockedAddress(host)) throw refusal(host, host);
    return;
  }
  const addresses = await lookupAll(host);
  const bad = addresses.find((a) => isBlockedAddress(a.address));
  if (bad) throw refusal(host, bad.address);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that refuses blocked addresses at connection time, so a
 * DNS answer that changed since the check (rebinding) cannot slip through.
 */
export function guardedLookup(
  hostname: string,
  options: { family?: number | string; all?: boolean },
  callback: LookupCallback,
): void {
  lookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const bad = addresses.find((a) => isBlockedAddress(a.address));
    if (bad) return callback(refusal(hostname, bad.address) as NodeJS.ErrnoException, []);
    const family = options.family === 'IPv6' ? 6 : options.family === 'IPv4' ? 4 : options.family;
    const usable = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
    if (usable.length === 0) {
      return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
    }
    if (options.all) return callback(null, usable);
    const first = usable[0] as LookupAddress;
    callback(null, first.address, first.family);
  });
}
