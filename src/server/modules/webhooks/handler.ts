import type { EventHandler } from '../events/dispatch.ts';
import { wakeWebhookDeliverer } from './deliverer.ts';
import { fanOutEvent, hasEnabledEndpoints } from './service.ts';

/**
 * Fans every domain event out to the subscribed endpoints as deliveries, in the dispatch
 * transaction; the deliverer is woken only after it commits, so nothing is sent for an
 * event whose handling rolled back. Runs last, after rules that may queue webhooks too.
 */
export const webhookEventHandler: EventHandler = {
  name: 'webhooks',
  // Most workspaces have no endpoints: one look per workspace and batch, no savepoint.
  wants: (tx, event, context) =>
    context.memo(`webhooks:${event.workspaceId}`, () => hasEnabledEndpoints(tx, event.workspaceId)),
  async handle(tx, event, context) {
    const enabledEndpoints = await fanOutEvent(tx, event, context.now);
    if (enabledEndpoints > 0) context.afterCommit(async () => wakeWebhookDeliverer(context.app));
  },
};
