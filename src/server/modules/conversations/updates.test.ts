import { describe, expect, test } from 'vitest';
import type { NewDomainEvent } from '../events/emit.ts';
import { mergeChange, mergeUpdates } from './updates.ts';

const at = new Date('2026-11-24T01:00:00Z');
const updated = (conversationId: string, changes: Record<string, unknown>): NewDomainEvent => ({
  type: 'conversation.updated',
  conversationId,
  data: { cycle: 1, changes },
  actor: { type: 'automation', id: 'rule' },
  at,
});

describe('merging conversation updates', () => {
  test('from/to keeps the first from and the last to; a field changed back is left out', () => {
    const changes: Record<string, unknown> = {};
    mergeChange(changes, 'priority', { from: 'normal', to: 'high' });
    mergeChange(changes, 'priority', { from: 'high', to: 'urgent' });
    mergeChange(changes, 'assigned', { from: null, to: 'u1' });
    mergeChange(changes, 'assigned', { from: 'u1', to: null });
    expect(changes).toEqual({ priority: { from: 'normal', to: 'urgent' } });
  });

  test('tags added then removed cancel out; the rest add up', () => {
    const changes: Record<string, unknown> = {};
    mergeChange(changes, 'tags', { added: ['a', 'b'], removed: ['old'] });
    mergeChange(changes, 'tags', { added: ['old', 'c'], removed: ['a'] });
    expect(changes).toEqual({ tags: { added: ['b', 'c'], removed: [] } });
    mergeChange(changes, 'tags', { added: [], removed: ['b', 'c'] });
    expect(changes).toEqual({});
  });

  test('one event per conversation, in first-change order; events with nothing left are dropped', () => {
    const merged = mergeUpdates([
      updated('c1', { priority: { from: 'low', to: 'high' } }),
      updated('c2', { tags: { added: ['x'], removed: [] } }),
      updated('c1', { tags: { added: ['y'], removed: [] } }),
      updated('c2', { tags: { added: [], removed: ['x'] } }),
    ]);
    expect(merged.map((e) => [e.conversationId, e.data?.changes])).toEqual([
      ['c1', { priority: { from: 'low', to: 'high' }, tags: { added: ['y'], removed: [] } }],
    ]);
    expect(merged[0]?.actor).toEqual({ type: 'automation', id: 'rule' });
  });
});
