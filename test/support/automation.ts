import { dispatchPendingEvents } from '../../src/server/modules/events/dispatch.ts';
import { eventHandlers } from '../../src/server/modules/events/handlers.ts';
import type { AutomationRule, AutomationRun } from '../../src/shared/contracts/automation.ts';
import { allPages, expectStatus, unique } from './factories.ts';
import type { Client } from './http.ts';
import type { TestServer } from './server.ts';

/** Automation factories for API tests: rules through the API, the dispatcher run by hand. */

export async function createRule(api: Client, input: Record<string, unknown>): Promise<AutomationRule> {
  return expectStatus(
    await api.post<AutomationRule>('/api/v1/automation/rules', { name: unique('Rule'), ...input }),
    201,
    'create rule',
  );
}

/**
 * Hands a workspace's pending domain events to every handler (recovery, automation, …), as
 * `koe serve` does each second, until none are left (events the handlers emit come next
 * round). Returns how many events were dispatched.
 */
export async function dispatch(server: Pick<TestServer, 'app'>, workspaceId: string): Promise<number> {
  let total = 0;
  for (let round = 0; round < 20; round++) {
    const { events } = await dispatchPendingEvents(server.app, eventHandlers, { workspaceId });
    if (events === 0) return total;
    total += events;
  }
  throw new Error('events keep coming after 20 rounds of dispatch');
}

/** Every run of the log (newest first), optionally filtered: `ruleId=…&status=…`. */
export function runs(api: Client, query = ''): Promise<AutomationRun[]> {
  return allPages<AutomationRun>(api, `/api/v1/automation/runs${query ? `?${query}` : ''}`, 50);
}

export const onEvent = (event: string) => ({ trigger: { type: 'event', event } });
export const where = (...conditions: Record<string, unknown>[]) => ({ conditions: { match: 'all', conditions } });
