import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateWebhookInput,
  RotateWebhookSecretInput,
  UpdateWebhookInput,
  Webhook,
  WebhookWithSecret,
} from '../../../shared/contracts/webhooks.ts';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema/index.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { newId } from '../../lib/id.ts';
import { assertPublicUrl } from './address-guard.ts';
import { type EndpointRow, type EndpointStats, NO_STATS, presentWebhook } from './presenters.ts';
import { generateWebhookSecret } from './signature.ts';

/** Refuses a URL whose host is (or resolves to) a private address, unless the server allows those. */
async function checkUrl(app: AppContext, raw: string): Promise<void> {
  if (app.config.webhooksAllowPrivate) return;
  try {
    await assertPublicUrl(new URL(raw));
  } catch (error) {
    throw badRequest('body.url', error instanceof Error ? error.message : String(error));
  }
}

export async function getEndpointRow(tx: Tx, workspaceId: string, endpointId: string): Promise<EndpointRow> {
  const [row] = await tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, endpointId)))
    .limit(1);
  if (!row) throw notFound('Webhook');
  return row;
}

interface StatsRow extends Record<string, unknown> {
  endpoint_id: string;
  succeeded: number;
  failed: number;
  pending: number;
  last_status: string | null;
  last_event_type: string | null;
  last_status_code: number | null;
  last_at: string | Date | null;
}

/** The latest delivery and the last 24 hours' outcomes of each endpoint, in one statement. */
async function statsOf(
  tx: Tx,
  workspaceId: string,
  now: Date,
  endpointId?: string,
): Promise<Map<string, EndpointStats>> {
  const since = new Date(now.getTime() - 86_400_000).toISOString();
  const result = await tx.execute<StatsRow>(sql`
    select e.id as endpoint_id,
      (select count(*)::int from webhook_deliveries d where d.workspace_id = e.workspace_id
        and d.endpoint_id = e.id and d.created_at >= ${since}::timestamptz and d.status = 'succeeded') as succeeded,
      (select count(*)::int from webhook_deliveries d where d.workspace_id = e.workspace_id
        and d.endpoint_id = e.id and d.created_at >= ${since}::timestamptz and d.status = 'failed') as failed,
      (select count(*)::int from webhook_deliveries d where d.workspace_id = e.workspace_id
        and d.endpoint_id = e.id and d.created_at >= ${since}::timestamptz and d.status in ('pending', 'retrying')) as pending,
      last.status as last_status, last.event_type as last_event_type,
      last.last_status_code, coalesce(last.last_attempt_at, last.created_at) as last_at
    from webhook_endpoints e
    left join lateral (
      select d.status, d.event_type, d.last_status_code, d.last_attempt_at, d.created_at
      from webhook_deliveries d
      where d.workspace_id = e.workspace_id and d.endpoint_id = e.id
      order by d.created_at desc, d.id desc limit 1
    ) last on true
    where e.workspace_id = ${workspaceId} ${endpointId ? sql`and e.id = ${endpointId}` : sql``}`);
  const stats = new Map<string, EndpointStats>();
  for (const row of result.rows) {
    stats.set(row.endpoint_id, {
      lastDelivery:
        row.last_status && row.last_at
          ? {
              status: row.last_status as NonNullable<Webhook['lastDelivery']>['status'],
              eventType: row.last_event_type ?? '',
              statusCode: row.last_status_code,
              at: new Date(row.last_at).toISOString(),
            }
          : null,
      recent: { succeeded: row.succeeded, failed: row.failed, pending: row.pending },
    });
  }
  return stats;
}

export async function listWebhooks(tx: Tx, workspaceId: string): Promise<Webhook[]> {
  const rows = await tx
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.workspaceId, workspaceId))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
  const stats = await statsOf(tx, workspaceId, new Date());
  return rows.map((row) => presentWebhook(row, stats.get(row.id) ?? NO_STATS));
}

export async function getWebhook(tx: Tx, workspaceId: string, endpointId: string): Promise<Webhook> {
  const row = await getEndpointRow(tx, workspaceId, endpointId);
  const stats = await statsOf(tx, workspaceId, new Date(), endpointId);
  return presentWebhook(row, stats.get(row.id) ?? NO_STATS);
}

export async function createWebhook(
  app: AppContext,
  workspaceId: string,
  input: z.output<typeof CreateWebhookInput>,
): Promise<WebhookWithSecret> {
  await checkUrl(app, input.url);
  const now = new Date();
  const [row] = await app.db
    .insert(webhookEndpoints)
    .values({
      workspaceId,
      id: newId(now.getTime()),
      url: input.url,
      description: input.description,
      eventTypes: input.eventTypes,
      secret: generateWebhookSecret(),
      enabled: input.enabled,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('webhook insert returned nothing');
  return { ...presentWebhook(row), secret: row.secret };
}

export async function updateWebhook(
  app: AppContext,
  workspaceId: string,
  endpointId: string,
  input: UpdateWebhookInput,
): Promise<Webhook> {
  const current = await getEndpointRow(app.db, workspaceId, endpointId);
  if (input.url !== undefined && input.url !== current.url) await checkUrl(app, input.url);
  const changes: Partial<EndpointRow> = { updatedAt: new Date() };
  if (input.url !== undefined) changes.url = input.url;
  if (input.description !== undefined) changes.description = input.description;
  if (input.eventTypes !== undefined) changes.eventTypes = input.eventTypes;
  if (input.enabled !== undefined) changes.enabled = input.enabled;
  await app.db
    .update(webhookEndpoints)
    .set(changes)
    .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, endpointId)));
  return getWebhook(app.db, workspaceId, endpointId);
}

/** Deletes the endpoint and its delivery log; deliveries not made yet are dropped. */
export async function deleteWebhook(app: AppContext, workspaceId: string, endpointId: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, endpointId)))
      .returning({ id: webhookEndpoints.id });
    if (!deleted) throw notFound('Webhook');
    await tx
      .delete(webhookDeliveries)
      .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.endpointId, endpointId)));
  });
}

/**
 * A new signing secret, effective at once (retries still waiting are signed with it). With
 * `previousSecretHours`, the old one keeps signing too until then: each request carries both
 * signatures, so the receiver can switch secrets without rejecting a request.
 */
export async function rotateWebhookSecret(
  app: AppContext,
  workspaceId: string,
  endpointId: string,
  input: RotateWebhookSecretInput = {},
): Promise<WebhookWithSecret> {
  const secret = generateWebhookSecret();
  const now = new Date();
  const hours = input?.previousSecretHours ?? 0;
  const [row] = await app.db
    .update(webhookEndpoints)
    .set({
      secret,
      // In an UPDATE, "secret" on the right is the value before it.
      previousSecret: hours > 0 ? sql`${webhookEndpoints.secret}` : null,
      previousSecretExpiresAt: hours > 0 ? new Date(now.getTime() + hours * 3_600_000) : null,
      updatedAt: now,
    })
    .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, endpointId)))
    .returning();
  if (!row) throw notFound('Webhook');
  const stats = await statsOf(app.db, workspaceId, new Date(), endpointId);
  return { ...presentWebhook(row, stats.get(row.id) ?? NO_STATS), secret: row.secret };
}
