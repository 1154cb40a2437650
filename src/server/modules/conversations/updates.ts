import { AsyncLocalStorage } from 'node:async_hooks';
import type { NewDomainEvent } from '../events/emit.ts';

/**
 * One `conversation.updated` per conversation for a run of changes. Its `changes` hold the net
 * change of each field: `{ from, to }` keeps the first `from` and the last `to` (a field changed
 * and changed back is left out); `tags` keeps `{ added, removed }` net of each other.
 */
export function mergeChange(changes: Record<string, unknown>, key: string, data: Record<string, unknown>): void {
  const before = changes[key] as Record<string, unknown> | undefined;
  if (!before) {
    changes[key] = { ...data };
    return;
  }
  if (Array.isArray(data.added) || Array.isArray(data.removed)) {
    const added = new Set((before.added as string[] | undefined) ?? []);
    const removed = new Set((before.removed as string[] | undefined) ?? []);
    for (const tag of (data.added as string[] | undefined) ?? []) {
      if (!removed.delete(tag)) added.add(tag);
    }
    for (const tag of (data.removed as string[] | undefined) ?? []) {
      if (!added.delete(tag)) removed.add(tag);
    }
    if (added.size === 0 && removed.size === 0) delete changes[key];
    else changes[key] = { added: [...added], removed: [...removed] };
    return;
  }
  if ('from' in before && 'to' in data) {
    if (Object.is(before.from, data.to)) delete changes[key];
    else changes[key] = { ...data, from: before.from };
    return;
  }
  changes[key] = { ...before, ...data };
}

/** The `conversation.updated` events of a run merged per conversation (first actor and time), in first-change order. */
export function mergeUpdates(events: NewDomainEvent[]): NewDomainEvent[] {
  const merged = new Map<string, NewDomainEvent & { data: { changes: Record<string, unknown> } }>();
  for (const event of events) {
    const key = event.conversationId ?? '';
    const changes = (event.data?.changes ?? {}) as Record<string, Record<string, unknown>>;
    const into = merged.get(key);
    if (!into) {
      merged.set(key, { ...event, data: { ...event.data, changes: structuredClone(changes) } });
      continue;
    }
    for (const [field, data] of Object.entries(changes)) mergeChange(into.data.changes, field, data);
  }
  return [...merged.values()].filter((event) => Object.keys(event.data.changes).length > 0);
}

/**
 * The `conversation.updated` events being held back, for the async work of one holdingUpdates
 * call (a savepoint's work runs through nested transaction objects, so the hold follows the
 * call, not a transaction object).
 */
const held = new AsyncLocalStorage<NewDomainEvent[]>();

/** The list holding the current work's updates, if someone is holding them. */
export const heldUpdates = (): NewDomainEvent[] | undefined => held.getStore();

/**
 * Runs `fn` (work inside one transaction) with the `conversation.updated` events it records held
 * back and handed to the caller, so a run of changes (a rule's actions, each in its own
 * savepoint) can be reported as one event per conversation. Other domain events are emitted as usual.
 */
export async function holdingUpdates<T>(fn: () => Promise<T>): Promise<{ result: T; updates: NewDomainEvent[] }> {
  const updates: NewDomainEvent[] = [];
  return { result: await held.run(updates, fn), updates };
}
