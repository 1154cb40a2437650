import { describe, expect, test } from 'vitest';
import { isUuid, newId, newIds } from './id.ts';

describe('UUIDv7 ids', () => {
  test('ids made for one millisecond ascend in the order they were made', () => {
    const at = Date.parse('2026-06-01T00:00:00Z');
    const ids = Array.from({ length: 1000 }, () => newId(at));
    expect(ids.every(isUuid)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
    // Version 7, variant 10xx, and the millisecond in the first 48 bits.
    expect(ids[0]?.[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(ids[0]?.[19]);
    expect(Number.parseInt(ids[0]?.replaceAll('-', '').slice(0, 12) ?? '', 16)).toBe(at);
  });

  test('a later millisecond sorts after an earlier one; equal times interleaved still ascend in order', () => {
    const ids = newIds([5_000, 9_000, 5_000, 9_000, 5_000]);
    expect([ids[0], ids[2], ids[4]]).toEqual([ids[0], ids[2], ids[4]].sort());
    expect([ids[1], ids[3]]).toEqual([ids[1], ids[3]].sort());
    expect((ids[4] ?? '') < (ids[1] ?? '')).toBe(true);
  });
});
