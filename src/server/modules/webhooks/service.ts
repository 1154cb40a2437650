import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import {
  WEBHOOK_TEST_EVENT,
  type WebhookDelivery,
  type WebhookDeliveryQuery,
} from '../../../shared/contracts/webhooks.ts';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema/index.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { newId } from '../../lib/id.ts';
import type { DomainEventRow } from '../events/emit.ts';
import { wakeWebhookDeliverer } from './deliverer.ts';
import { getEndpointRow } from './endpoints.ts';
import { type DeliveryRow, presentDelivery } from './presenters.ts';

export {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  rotateWebhookSecret,
  updateWebhook,
} from './endpoints.ts';

/** The fields of a domain event a webhook carries (a DomainEventRow fits). */
export type WebhookEvent = Pick<
  DomainEventRow,
  'id' | 'type' | 'conversationId' | 'contactId' | 'subjectId' | 'data' | 'occurredAt'
> &
  Partial<Pick<DomainEventRow, 'actorType' | 'actorId'>>;

/** Attempts a delivery gets before it counts as failed: the first and the configured retries. */
export const maxAttempts = (app: Pick<AppContext, 'config'>) => app.config.webhookRetry.limit + 1;

/**
 * The Standard Webhooks payload: `{ type, timestamp, data }`, where data is the event's own
 * fields plus its id, workspace, conversation, contact, subject and actor.
 */
export function webhookPayload(workspaceId: string, event: WebhookEvent): Record<string, unknown> {
  return {
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    data: {
      ...event.data,
      id: event.id,
      workspaceId,
      conversationId: event.conversationId,
      contactId: event.contactId,
      subjectId: event.subjectId,
      actor: event.actorType ? { type: event.actorType, id: event.actorId ?? null } : null,
      occurredAt: event.occurredAt.toISOString(),
    },
  };
}

function deliveryRow(workspaceId: string, endpointId: string, event: WebhookEvent, now: Date) {
  return {
    workspaceId,
    id: newId(now.getTime()),
    endpointId,
    eventId: event.id,
    eventType: event.type,
    payload: webhookPayload(workspaceId, event),
    status: 'pending' as const,
    nextAttemptAt: now,
    createdAt: now,
  };
}

/**
 * Queues one event for one endpoint inside the caller's transaction (the automation rules'
 * "send webhook" action). One delivery per event and endpoint: queuing it again (or the
 * endpoint also being subscribed to the event's type) adds nothing. The deliverer sends it
 * once the transaction commits — within seconds; during event dispatch the webhooks handler
 * wakes it at once, other callers may call wakeWebhookDeliverer(app) after commit.
 * Throws a 404 problem for an unknown endpoint and a 409 for a disabled one.
 */
export async function enqueueWebhook(
  tx: Tx,
  workspaceId: string,
  endpointId: string,
  event: WebhookEvent,
  now: Date = new Date(),
): Promise<{ deliveryId: string; created: boolean }> {
  const endpoint = await getEndpointRow(tx, workspaceId, endpointId);
  if (!endpoint.enabled) throw conflict('endpointId', 'the webhook is disabled');
  const [inserted] = await tx
    .insert(webhookDeliveries)
    .values(deliveryRow(workspaceId, endpointId, event, now))
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  if (inserted) return { deliveryId: inserted.id, created: true };
  const [existing] = await tx
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.workspaceId, workspaceId),
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.eventId, event.id),
      ),
    )
    .limit(1);
  if (!existing) throw new Error(`webhook delivery of ${event.id} neither inserted nor found`);
  return { deliveryId: existing.id, created: false };
}

/**
 * Fans an event out to every enabled endpoint subscribed to its type (an endpoint with no
 * types takes every type). Returns how many endpoints are enabled in the workspace: when
 * any is, the deliverer should be woken (a rule may also have queued a delivery).
 */
/** Whether the workspace has any enabled endpoint (the fan-out's quick exit). */
export async function hasEnabledEndpoints(tx: Tx, workspaceId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.enabled, true)))
    .limit(1);
  return row !== undefined;
}

export async function fanOutEvent(tx: Tx, event: DomainEventRow, now: Date): Promise<number> {
  const endpoints = await tx
    .select({ id: webhookEndpoints.id, eventTypes: webhookEndpoints.eventTypes })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, event.workspaceId), eq(webhookEndpoints.enabled, true)));
  const subscribed = endpoints.filter((e) => e.eventTypes.length === 0 || e.eventTypes.includes(event.type));
  if (subscribed.length > 0) {
    await tx
      .insert(webhookDeliveries)
      .values(subscribed.map((e) => deliveryRow(event.workspaceId, e.id, event, now)))
      .onConflictDoNothing();
  }
  return endpoints.length;
}

/** "Send test": a `webhook.test` ping through the same signing, delivery and log as real events. */
export async function sendTestWebhook(
  app: AppContext,
  workspaceId: string,
  endpointId: string,
): Promise<WebhookDelivery> {
  const endpoint = await getEndpointRow(app.db, workspaceId, endpointId);
  if (!endpoint.enabled) throw conflict('enabled', 'the webhook is disabled; enable it to send a test');
  const now = new Date();
  const id = newId(now.getTime());
  const [row] = await app.db
    .insert(webhookDeliveries)
    .values({
      workspaceId,
      id,
      endpointId,
      eventId: null,
      eventType: WEBHOOK_TEST_EVENT,
      payload: {
        type: WEBHOOK_TEST_EVENT,
        timestamp: now.toISOString(),
        data: {
          id,
          workspaceId,
          message: 'A test delivery from Koe: the endpoint is reachable and verifies signatures.',
        },
      },
      status: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('webhook delivery insert returned nothing');
  wakeWebhookDeliverer(app);
  return presentDelivery(row, maxAttempts(app));
}

export async function listDeliveries(
  app: AppContext,
  workspaceId: string,
  endpointId: string,
  query: WebhookDeliveryQuery,
): Promise<Page<WebhookDelivery>> {
  await getEndpointRow(app.db, workspaceId, endpointId);
  const cursor = decodeCursor(query.cursor);
  const rows = await app.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.workspaceId, workspaceId),
        eq(webhookDeliveries.endpointId, endpointId),
        query.status ? eq(webhookDeliveries.status, query.status) : undefined,
        cursor
          ? or(
              lt(webhookDeliveries.createdAt, new Date(cursor.at)),
              and(eq(webhookDeliveries.createdAt, new Date(cursor.at)), lt(webhookDeliveries.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { data: page.data.map((row) => presentDelivery(row, maxAttempts(app))), nextCursor: page.nextCursor };
}

export async function getDeliveryRow(tx: Tx, workspaceId: string, deliveryId: string): Promise<DeliveryRow> {
  const [row] = await tx
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.id, deliveryId)))
    .limit(1);
  if (!row) throw notFound('Webhook delivery');
  return row;
}

/**
 * Sends a delivery again now, with the same `webhook-id`. A failed (or succeeded) delivery
 * gets one more attempt; one still retrying is moved forward to now.
 */
export async function retryDelivery(
  app: AppContext,
  workspaceId: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const row = await app.db.transaction(async (tx) => {
    const current = await getDeliveryRow(tx, workspaceId, deliveryId);
    const endpoint = await getEndpointRow(tx, workspaceId, current.endpointId);
    if (!endpoint.enabled) throw conflict('enabled', 'the webhook is disabled; enable it to retry deliveries');
    const [updated] = await tx
      .update(webhookDeliveries)
      .set({
        status: sql`case when ${webhookDeliveries.status} = 'retrying' then 'retrying' else 'pending' end`,
        nextAttemptAt: new Date(),
      })
      .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.id, deliveryId)))
      .returning();
    return updated as DeliveryRow;
  });
  wakeWebhookDeliverer(app);
  return presentDelivery(row, maxAttempts(app));
}
