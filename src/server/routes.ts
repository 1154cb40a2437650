import type { RouteSpec } from './http/route.ts';
import { automationRoutes } from './modules/automation/routes.ts';
import { calendarRoutes } from './modules/calendars/routes.ts';
import { conversationRoutes } from './modules/conversations/routes.ts';
import { customerRoutes } from './modules/customers/routes.ts';
import { emailRoutes } from './modules/email/routes.ts';
import { exportRoutes } from './modules/exports/routes.ts';
import { importRoutes } from './modules/imports/routes.ts';
import { insightRoutes } from './modules/insights/routes.ts';
import { recoveryMetricsRoutes } from './modules/metrics/recovery-routes.ts';
import { metricsRoutes } from './modules/metrics/routes.ts';
import { slaMetricsRoutes } from './modules/metrics/sla-routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { recoveryRoutes } from './modules/recovery/routes.ts';
import { slaRoutes } from './modules/sla/routes.ts';
import { distributionRoutes } from './modules/surveys/distribution-routes.ts';
import { publicSurveyRoutes } from './modules/surveys/public-routes.ts';
import { surveyResultRoutes } from './modules/surveys/results-routes.ts';
import { surveyRoutes } from './modules/surveys/routes.ts';
import { segmentRoutes } from './modules/surveys/segment-routes.ts';
import { widgetRoutes } from './modules/surveys/widget-routes.ts';
import { webhookRoutes } from './modules/webhooks/routes.ts';
import { workspaceRoutes } from './modules/workspaces/routes.ts';

/** Every API route, in one list: registered, documented and walked by the tenant-isolation test. */
export const apiRoutes: RouteSpec[] = [
  ...workspaceRoutes,
  ...customerRoutes,
  ...conversationRoutes,
  ...calendarRoutes,
  ...surveyRoutes,
  ...surveyResultRoutes,
  ...distributionRoutes,
  ...segmentRoutes,
  ...emailRoutes,
  ...exportRoutes,
  ...importRoutes,
  ...metricsRoutes,
  ...slaMetricsRoutes,
  ...recoveryMetricsRoutes,
  ...insightRoutes,
  ...recoveryRoutes,
  ...slaRoutes,
  ...webhookRoutes,
  ...notificationRoutes,
  ...automationRoutes,
  ...publicSurveyRoutes,
  ...widgetRoutes,
];
