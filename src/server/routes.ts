import type { RouteSpec } from './http/route.ts';
import { conversationRoutes } from './modules/conversations/routes.ts';
import { customerRoutes } from './modules/customers/routes.ts';
import { publicSurveyRoutes } from './modules/surveys/public-routes.ts';
import { surveyRoutes } from './modules/surveys/routes.ts';
import { workspaceRoutes } from './modules/workspaces/routes.ts';

/** Every API route, in one list: registered, documented and walked by the tenant-isolation test. */
export const apiRoutes: RouteSpec[] = [
  ...workspaceRoutes,
  ...customerRoutes,
  ...conversationRoutes,
  ...surveyRoutes,
  ...publicSurveyRoutes,
];
