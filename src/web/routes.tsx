import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './layout/AppLayout.tsx';
import { AuthGate } from './layout/AuthGate.tsx';
import { NotFoundPage } from './layout/NotFoundPage.tsx';
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
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
