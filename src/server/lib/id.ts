import { randomBytes } from 'node:crypto';

let lastTime = -1;
let last: Buffer | null = null;

/**
 * UUIDv7: time-ordered ids generated in the application, because PostgreSQL 15
 * has no uuidv7(). Time order keeps B-tree inserts local and makes ids usable
 * as a stable cursor tie-breaker. Ids made for the same millisecond one after another
 * ascend (the random part of the previous one plus one, RFC 9562 §6.2 method 3), so
 * events read in id order come in the order this process made them.
 */
export function newId(now: number = Date.now()): string {
  // The 48-bit time field holds 1970…10889; an imported date outside it (or NaN) still gets an id.
  const time = Math.min(Math.max(Math.trunc(now) || 0, 0), 2 ** 48 - 1);
  let bytes: Buffer;
  if (time === lastTime && last) {
    bytes = Buffer.from(last);
    // Add one to the 56 random bits after the variant byte (never runs out within a millisecond).
    for (let i = 15; i >= 9; i--) {
      bytes[i] = ((bytes[i] ?? 0) + 1) & 0xff;
      if (bytes[i] !== 0) break;
    }
  } else {
    bytes = randomBytes(16);
    bytes.writeUIntBE(time, 0, 6);
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  }
  lastTime = time;
  last = bytes;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Ids for things that happened in this order: where several share a millisecond, even not
 * one after another, their ids still ascend in the given order (logs read in id order).
 */
export function newIds(times: number[]): string[] {
  const ids = times.map((time) => newId(time));
  for (const time of new Set(times)) {
    const slots = times.flatMap((t, index) => (t === time ? [index] : []));
    if (slots.length < 2) continue;
    const sorted = slots.map((index) => ids[index] as string).sort();
    slots.forEach((index, n) => {
      ids[index] = sorted[n] as string;
    });
  }
  return ids;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
