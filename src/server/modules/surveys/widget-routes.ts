import { WidgetCheckInput, WidgetCheckResult, WidgetInstallation } from '../../../shared/contracts/widget.ts';
import { defineRoute } from '../../http/route.ts';
import { checkWidget } from './widget.ts';
import { installation, widgetSecret } from './widget-identity.ts';

const tags = ['Widget'];

export const widgetRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/public/widget/check',
    summary: 'Called by the embedded widget: the survey to show this visitor now (or none) and the triggers to watch',
    description:
      'Identified visitors send userId with userHash = HMAC-SHA256(userId, widget secret) in hex; anonymous visitors a random visitorId. Cross-origin (CORS: any origin).',
    tags,
    auth: 'public',
    body: WidgetCheckInput,
    response: WidgetCheckResult,
    rateLimit: 'public',
    handler: ({ app, body }) => checkWidget(app.db, app.config.secret, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/settings/widget',
    summary: 'The widget snippet and the secret your server signs user ids with (made on first request)',
    tags,
    auth: 'member',
    action: 'admin',
    response: WidgetInstallation,
    handler: async ({ app, auth }) =>
      installation(app.config.publicUrl, auth.workspaceId, await widgetSecret(app.db, auth.workspaceId)),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/settings/widget/secret',
    summary: 'Replace the widget secret; user hashes made with the old one stop working',
    tags,
    auth: 'member',
    action: 'admin',
    response: WidgetInstallation,
    handler: async ({ app, auth }) =>
      installation(app.config.publicUrl, auth.workspaceId, await widgetSecret(app.db, auth.workspaceId, true)),
  }),
];
