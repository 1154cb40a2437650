import { IdParams, page } from '../../../shared/contracts/common.ts';
import {
  CreateSuppressionInput,
  EmailSuppression,
  OutboxEmail,
  OutboxEmailDetail,
  OutboxQuery,
  SuppressionListQuery,
  SuppressionParams,
} from '../../../shared/contracts/email.ts';
import { defineRoute } from '../../http/route.ts';
import { getOutboxEmail, listOutbox } from './queries.ts';
import { listSuppressions, removeSuppression, suppressAddress } from './suppressions.ts';

const tags = ['Email'];

export const emailRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/outbox',
    summary: 'Every email Koe sent or captured (without SMTP_URL), newest first, with its delivery status',
    tags,
    auth: 'member',
    action: 'manage',
    query: OutboxQuery,
    response: page(OutboxEmail),
    handler: ({ app, auth, query }) => listOutbox(app.db, auth.workspaceId, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/outbox/{id}',
    summary: 'One email with its text and HTML (its links answer as the recipient: admins only)',
    tags,
    auth: 'member',
    action: 'admin',
    params: IdParams,
    response: OutboxEmailDetail,
    handler: ({ app, auth, params }) => getOutboxEmail(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/email-suppressions',
    summary: 'Addresses that never get survey email (unsubscribed, bounced, added by hand), newest first',
    tags,
    auth: 'member',
    action: 'manage',
    query: SuppressionListQuery,
    response: page(EmailSuppression),
    handler: ({ app, auth, query }) => listSuppressions(app.db, auth.workspaceId, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/email-suppressions',
    summary: 'Stop survey email to an address',
    tags,
    auth: 'member',
    action: 'manage',
    body: CreateSuppressionInput,
    response: EmailSuppression,
    status: 201,
    handler: ({ app, auth, body }) => suppressAddress(app.db, auth.workspaceId, body.email, body.reason),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/email-suppressions/{email}',
    summary: 'Allow survey email to an address again (only with the person’s consent after an unsubscribe)',
    tags,
    auth: 'member',
    action: 'admin',
    params: SuppressionParams,
    status: 204,
    handler: ({ app, auth, params }) => removeSuppression(app.db, auth.workspaceId, params.email),
  }),
];
