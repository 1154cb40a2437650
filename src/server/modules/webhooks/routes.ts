import { z } from 'zod';
import { IdParams, page } from '../../../shared/contracts/common.ts';
import {
  CreateWebhookInput,
  RotateWebhookSecretInput,
  UpdateWebhookInput,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryQuery,
  WebhookWithSecret,
} from '../../../shared/contracts/webhooks.ts';
import { defineRoute } from '../../http/route.ts';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  retryDelivery,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhook,
} from './service.ts';

const tags = ['Webhooks'];
const signing =
  'Each request is signed by the Standard Webhooks scheme: headers `webhook-id` (the same on every retry), `webhook-timestamp` (unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, keyed with the base64-decoded part of the secret after `whsec_`.';

export const webhookRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/webhooks',
    summary: 'Webhook endpoints with their latest delivery and the last 24 hours’ outcomes',
    tags,
    auth: 'member',
    action: 'admin',
    response: z.object({ data: z.array(Webhook), nextCursor: z.null() }),
    handler: async ({ app, auth }) => ({ data: await listWebhooks(app.db, auth.workspaceId), nextCursor: null }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/webhooks',
    summary: 'Subscribe an endpoint to domain events; the signing secret is returned this once',
    description: `${signing} Failed deliveries (anything but 2xx, within 10 s, redirects not followed) are retried with growing delays. Loopback, private, link-local and reserved addresses are refused unless the server sets WEBHOOKS_ALLOW_PRIVATE=true.`,
    tags,
    auth: 'member',
    action: 'admin',
    body: CreateWebhookInput,
    response: WebhookWithSecret,
    status: 201,
    handler: ({ app, auth, body }) => createWebhook(app, auth.workspaceId, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/webhooks/{id}',
    summary: 'One webhook endpoint (without its secret)',
    tags,
    auth: 'member',
    action: 'admin',
    params: IdParams,
    response: Webhook,
    handler: ({ app, auth, params }) => getWebhook(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/webhooks/{id}',
    summary: 'Change an endpoint: URL, description, event types, enabled (only the fields given)',
    description:
      'A disabled endpoint receives no new events; deliveries waiting for it resume when it is enabled again.',
    tags,
    auth: 'member',
    action: 'admin',
    params: IdParams,
    body: UpdateWebhookInput,
    response: Webhook,
    handler: ({ app, auth, params, body }) => updateWebhook(app, auth.workspaceId, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/webhooks/{id}',
    summary: 'Delete an endpoint and its delivery log',
    tags,
    auth: 'member',
    action: 'admin',
    params: IdParams,
    status: 204,
    handler: ({ app, auth, params }) => deleteWebhook(app, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/webhooks/{id}/rotate-secret',
    summary: 'Replace the signing secret; the new one is returned this once and signs every request from now on',
    description:
      'With `previousSecretHours` (1–168), the old secret keeps signing too until then: each request carries both ' +
      'signatures (`webhook-signature: v1,<new> v1,<old>`), so the receiver can switch without rejecting anything. ' +
      'Without it (or 0) the old secret stops at once.',
    tags,
    auth: 'member',
    action: 'admin',
    params: IdParams,
    body: RotateWebhookSecretInput,
    response: WebhookWithSecret,
    handler: ({ app, auth, params, body }) => rotateWebhookSecret(app, auth.workspaceId, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/webhooks/{id}/test',
    summary: 'Send a signed `webhook.test` ping now; follow it in the delivery log',
    tags,
    auth: 'member',
    action: 'admin',
    params: IdParams,
    response: WebhookDelivery,
    status: 201,
    handler: ({ app, auth, params }) => sendTestWebhook(app, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/webhooks/{id}/deliveries',
    summary:
      'The delivery log of an endpoint, newest first: status, attempts, last status code and error, every attempt',
    tags,
    auth: 'member',
    action: 'admin',
    params: IdParams,
    query: WebhookDeliveryQuery,
    response: page(WebhookDelivery),
    handler: ({ app, auth, params, query }) => listDeliveries(app, auth.workspaceId, params.id, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/webhooks/deliveries/{id}/retry',
    summary: 'Send a delivery again now, with the same webhook-id',
    tags,
    auth: 'member',
    action: 'admin',
    params: IdParams,
    response: WebhookDelivery,
    handler: ({ app, auth, params }) => retryDelivery(app, auth.workspaceId, params.id),
  }),
];
