import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './layout/AppLayout.tsx';
import { AuthGate } from './layout/AuthGate.tsx';
import { NotFoundPage } from './layout/NotFoundPage.tsx';
import { PageSkeleton } from './layout/PageSkeleton.tsx';
import { CompaniesPage } from './pages/customers/CompaniesPage.tsx';
import { CompanyPage } from './pages/customers/CompanyPage.tsx';
import { ContactPage } from './pages/customers/ContactPage.tsx';
import { ContactsPage } from './pages/customers/ContactsPage.tsx';
import { ConversationView } from './pages/inbox/ConversationView.tsx';
import { InboxPage } from './pages/inbox/InboxPage.tsx';
import { NoConversationSelected } from './pages/inbox/NoConversationSelected.tsx';
import { InvitePage } from './pages/invite/InvitePage.tsx';
import { LoginPage } from './pages/login/LoginPage.tsx';
import { ApiKeysSettings } from './pages/settings/ApiKeysSettings.tsx';
import { MembersSettings } from './pages/settings/MembersSettings.tsx';
import { ReplyScriptsSettings } from './pages/settings/ReplyScriptsSettings.tsx';
import { SettingsLayout } from './pages/settings/SettingsLayout.tsx';
import { TeamsSettings } from './pages/settings/TeamsSettings.tsx';
import { WorkspaceSettings } from './pages/settings/WorkspaceSettings.tsx';

/**
 * A page whose code loads when it is first opened: the feedback area and its settings
 * stay out of the bundle every visit downloads.
 */
function later<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return {
    lazy: async () => ({ Component: pick(await load()) }),
    hydrateFallbackElement: <PageSkeleton />,
  };
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/invite', element: <InvitePage /> },
  {
    element: <AuthGate />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/inbox" replace /> },
          {
            path: 'inbox',
            element: <InboxPage />,
            children: [
              { index: true, element: <NoConversationSelected /> },
              { path: ':conversationId', element: <ConversationView /> },
            ],
          },
          { path: 'customers', element: <ContactsPage /> },
          { path: 'customers/contacts/:contactId', element: <ContactPage /> },
          { path: 'customers/companies', element: <CompaniesPage /> },
          { path: 'customers/companies/:companyId', element: <CompanyPage /> },
          { path: 'feedback', element: <Navigate to="/feedback/surveys" replace /> },
          {
            path: 'feedback/surveys',
            ...later(
              () => import('./pages/feedback/surveys/SurveysPage.tsx'),
              (m) => m.SurveysPage,
            ),
          },
          {
            path: 'feedback/surveys/:surveyId',
            ...later(
              () => import('./pages/feedback/editor/SurveyEditorPage.tsx'),
              (m) => m.SurveyEditorPage,
            ),
          },
          {
            path: 'feedback/surveys/:surveyId/summary',
            ...later(
              () => import('./pages/feedback/summary/SurveySummaryPage.tsx'),
              (m) => m.SurveySummaryPage,
            ),
          },
          {
            path: 'feedback/responses',
            ...later(
              () => import('./pages/feedback/responses/ResponsesPage.tsx'),
              (m) => m.ResponsesPage,
            ),
          },
          {
            path: 'insights',
            ...later(
              () => import('./pages/insights/overview/OverviewPage.tsx'),
              (m) => m.OverviewPage,
            ),
          },
          {
            path: 'insights/scorecards',
            ...later(
              () => import('./pages/insights/scorecards/ScorecardsPage.tsx'),
              (m) => m.ScorecardsPage,
            ),
          },
          {
            path: 'insights/volume',
            ...later(
              () => import('./pages/insights/volume/VolumePage.tsx'),
              (m) => m.VolumePage,
            ),
          },
          {
            path: 'insights/sla',
            ...later(
              () => import('./pages/insights/sla/SlaInsightsPage.tsx'),
              (m) => m.SlaInsightsPage,
            ),
          },
          {
            path: 'insights/recovery',
            ...later(
              () => import('./pages/insights/recovery/RecoveryInsightsPage.tsx'),
              (m) => m.RecoveryInsightsPage,
            ),
          },
          {
            path: 'recovery',
            ...later(
              () => import('./pages/recovery/RecoveryBoardPage.tsx'),
              (m) => m.RecoveryBoardPage,
            ),
          },
          {
            path: 'recovery/cases/:caseId',
            ...later(
              () => import('./pages/recovery/RecoveryCasePage.tsx'),
              (m) => m.RecoveryCasePage,
            ),
          },
          {
            path: 'settings',
            element: <SettingsLayout />,
            children: [
              { index: true, element: <Navigate to="/settings/workspace" replace /> },
              { path: 'workspace', element: <WorkspaceSettings /> },
              { path: 'members', element: <MembersSettings /> },
              { path: 'teams', element: <TeamsSettings /> },
              { path: 'api-keys', element: <ApiKeysSettings /> },
              { path: 'reply-scripts', element: <ReplyScriptsSettings /> },
              {
                path: 'calendars',
                ...later(
                  () => import('./pages/settings/calendars/CalendarsSettings.tsx'),
                  (m) => m.CalendarsSettings,
                ),
              },
              {
                path: 'surveys',
                ...later(
                  () => import('./pages/settings/SurveySettings.tsx'),
                  (m) => m.SurveySettings,
                ),
              },
              {
                path: 'segments',
                ...later(
                  () => import('./pages/settings/segments/SegmentsSettings.tsx'),
                  (m) => m.SegmentsSettings,
                ),
              },
              {
                path: 'widget',
                ...later(
                  () => import('./pages/settings/WidgetSettings.tsx'),
                  (m) => m.WidgetSettings,
                ),
              },
              {
                path: 'goals',
                ...later(
                  () => import('./pages/insights/goals/GoalsSettings.tsx'),
                  (m) => m.GoalsSettings,
                ),
              },
              {
                path: 'sla',
                ...later(
                  () => import('./pages/settings/sla/SlaSettings.tsx'),
                  (m) => m.SlaSettings,
                ),
              },
              {
                path: 'recovery',
                ...later(
                  () => import('./pages/settings/recovery/RecoverySettingsPage.tsx'),
                  (m) => m.RecoverySettingsPage,
                ),
              },
              {
                path: 'webhooks',
                ...later(
                  () => import('./pages/settings/webhooks/WebhooksSettings.tsx'),
                  (m) => m.WebhooksSettings,
                ),
              },
              {
                path: 'automation',
                ...later(
                  () => import('./pages/settings/automation/AutomationSettings.tsx'),
                  (m) => m.AutomationSettings,
                ),
              },
              {
                path: 'automation/log',
                ...later(
                  () => import('./pages/settings/automation/RunLogPage.tsx'),
                  (m) => m.RunLogPage,
                ),
              },
              {
                path: 'automation/rules/:ruleId',
                ...later(
                  () => import('./pages/settings/automation/RuleEditorPage.tsx'),
                  (m) => m.RuleEditorPage,
                ),
              },
              {
                path: 'import',
                ...later(
                  () => import('./pages/settings/imports/ImportSettings.tsx'),
                  (m) => m.ImportSettings,
                ),
              },
              {
                path: 'outbox',
                ...later(
                  () => import('./pages/settings/OutboxSettings.tsx'),
                  (m) => m.OutboxSettings,
                ),
              },
              {
                path: 'suppressions',
                ...later(
                  () => import('./pages/settings/SuppressionsSettings.tsx'),
                  (m) => m.SuppressionsSettings,
                ),
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
