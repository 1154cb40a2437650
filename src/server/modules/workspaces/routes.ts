import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { IdParams, page } from '../../../shared/contracts/common.ts';
import {
  AcceptInvitationInput,
  ApiKey,
  CreateApiKeyInput,
  CreateInvitationInput,
  CreateTeamInput,
  Invitation,
  LoginInput,
  Me,
  Member,
  Team,
  UpdateMeInput,
  UpdateMemberInput,
  UpdateTeamInput,
  UpdateWorkspaceInput,
  Workspace,
} from '../../../shared/contracts/workspaces.ts';
import type { AppContext } from '../../context.ts';
import { authorizeGrant } from '../../http/policies.ts';
import { forbidden, HttpProblem } from '../../http/problem.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../http/register.ts';
import { type Auth, defineRoute } from '../../http/route.ts';
import { calendarsChanged } from '../calendars/changes.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { checkCredentials, createSession, deleteSession, SESSION_DAYS } from './auth.ts';
import { acceptInvitation, createInvitation, listInvitations, revokeInvitation } from './invitations.ts';
import {
  getMe,
  getMember,
  getWorkspace,
  listMembers,
  removeMember,
  updateMemberRole,
  updateUser,
  updateWorkspace,
} from './service.ts';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './teams.ts';

async function startSession(app: AppContext, reply: FastifyReply, workspaceId: string, userId: string) {
  const session = await createSession(app.db, workspaceId, userId);
  const secure = app.config.publicUrl.startsWith('https://');
  const maxAge = SESSION_DAYS * 86_400;
  reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure, maxAge });
  return getMe(app.db, workspaceId, userId, session.csrfToken);
}

function requireUser(auth: Auth): string {
  if (!auth.userId) throw forbidden('This needs a logged-in member, not an API key.');
  return auth.userId;
}

const list = <T extends z.ZodType>(item: T) => page(item);
const tags = ['Workspace'];

export const workspaceRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/login',
    summary: 'Log in with email and password; sets the session and CSRF cookies',
    tags: ['Auth'],
    auth: 'public',
    body: LoginInput,
    response: Me,
    rateLimit: 'auth',
    async handler({ app, body, reply }) {
      const found = await checkCredentials(app.db, body.email, body.password, body.workspaceId);
      if (!found) throw new HttpProblem(401, 'Login failed', 'The email or password is not correct.');
      return startSession(app, reply, found.workspaceId, found.userId);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/logout',
    summary: 'End the current session',
    tags: ['Auth'],
    auth: 'public',
    status: 204,
    async handler({ app, request, reply }) {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(app.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/invitations/accept',
    summary: 'Accept an invitation: creates the account and logs in',
    tags: ['Auth'],
    auth: 'public',
    body: AcceptInvitationInput,
    response: Me,
    rateLimit: 'auth',
    async handler({ app, body, reply }) {
      const joined = await acceptInvitation(app.db, body);
      return startSession(app, reply, joined.workspaceId, joined.userId);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/me',
    summary: 'The logged-in member, their workspace and role',
    tags: ['Auth'],
    auth: 'member',
    action: 'read',
    response: Me,
    handler: ({ app, auth }) => getMe(app.db, auth.workspaceId, requireUser(auth), auth.csrfToken),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/me',
    summary: 'Change your name or language',
    tags: ['Auth'],
    auth: 'member',
    action: 'read',
    body: UpdateMeInput,
    response: Me,
    async handler({ app, auth, body }) {
      const userId = requireUser(auth);
      await updateUser(app.db, userId, body);
      return getMe(app.db, auth.workspaceId, userId, auth.csrfToken);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/workspace',
    summary: 'The current workspace',
    tags,
    auth: 'member',
    action: 'read',
    response: Workspace,
    handler: ({ app, auth }) => getWorkspace(app.db, auth.workspaceId),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/workspace',
    summary: 'Rename the workspace or change its time zone or default language',
    tags,
    auth: 'member',
    action: 'admin',
    body: UpdateWorkspaceInput,
    response: Workspace,
    handler: ({ app, auth, body }) => updateWorkspace(app.db, auth.workspaceId, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/members',
    summary: 'Members of the workspace',
    tags,
    auth: 'member',
    action: 'read',
    response: list(Member),
    handler: async ({ app, auth }) => ({ data: await listMembers(app.db, auth.workspaceId), nextCursor: null }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/members/{id}',
    summary: 'One member',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    response: Member,
    handler: ({ app, auth, params }) => getMember(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/members/{id}',
    summary: "Change a member's role",
    tags,
    auth: 'member',
    action: 'admin',
    params: IdParams,
    body: UpdateMemberInput,
    response: Member,
    handler: ({ app, auth, params, body }) => {
      authorizeGrant(auth.role, body.role);
      return updateMemberRole(app.db, auth.workspaceId, auth.role, params.id, body.role);
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/members/{id}',
    summary: 'Remove a member from the workspace',
    tags,
    auth: 'member',
    action: 'admin',
    params: IdParams,
    status: 204,
    handler: ({ app, auth, params }) => removeMember(app.db, auth.workspaceId, auth.role, params.id),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/teams',
    summary: 'Teams',
    tags,
    auth: 'member',
    action: 'read',
    response: list(Team),
    handler: async ({ app, auth }) => ({ data: await listTeams(app.db, auth.workspaceId), nextCursor: null }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/teams',
    summary: 'Create a team',
    tags,
    auth: 'member',
    action: 'manage',
    body: CreateTeamInput,
    response: Team,
    status: 201,
    handler: async ({ app, auth, body }) => {
      const team = await createTeam(app.db, auth.workspaceId, body);
      if (team.calendarId) await calendarsChanged(app, auth.workspaceId);
      return team;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/teams/{id}',
    summary: 'One team',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    response: Team,
    handler: ({ app, auth, params }) => getTeam(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/teams/{id}',
    summary: 'Rename a team, set its members or its business-hours calendar',
    tags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    body: UpdateTeamInput,
    response: Team,
    handler: async ({ app, auth, params, body }) => {
      const team = await updateTeam(app.db, auth.workspaceId, params.id, body);
      // The team's conversations may now be measured by another calendar.
      if (body.calendarId !== undefined) await calendarsChanged(app, auth.workspaceId);
      return team;
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/teams/{id}',
    summary: 'Delete a team',
    tags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    status: 204,
    handler: ({ app, auth, params }) => deleteTeam(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/invitations',
    summary: 'Pending invitations',
    tags,
    auth: 'member',
    action: 'admin',
    response: list(Invitation),
    handler: async ({ app, auth }) => ({ data: await listInvitations(app.db, auth.workspaceId), nextCursor: null }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/invitations',
    summary: 'Invite someone by email; the response carries the link to send (acceptUrl)',
    tags,
    auth: 'member',
    action: 'admin',
    body: CreateInvitationInput,
    response: Invitation,
    status: 201,
    handler: ({ app, auth, body }) => {
      authorizeGrant(auth.role, body.role);
      return createInvitation(app.db, auth.workspaceId, {
        email: body.email,
        role: body.role,
        invitedBy: auth.userId,
        publicUrl: app.config.publicUrl,
      });
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/invitations/{id}',
    summary: 'Revoke an invitation',
    tags,
    auth: 'member',
    action: 'admin',
    params: IdParams,
    status: 204,
    handler: ({ app, auth, params }) => revokeInvitation(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/api-keys',
    summary: 'API keys (the secret itself is never shown again)',
    tags,
    auth: 'member',
    action: 'admin',
    response: list(ApiKey),
    handler: async ({ app, auth }) => ({ data: await listApiKeys(app.db, auth.workspaceId), nextCursor: null }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/api-keys',
    summary: 'Create an API key; the response carries the key once',
    tags,
    auth: 'member',
    action: 'admin',
    body: CreateApiKeyInput,
    response: ApiKey,
    status: 201,
    handler: ({ app, auth, body }) => {
      authorizeGrant(auth.role, body.role);
      return createApiKey(app.db, auth.workspaceId, { ...body, createdBy: auth.userId });
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/api-keys/{id}',
    summary: 'Revoke an API key',
    tags,
    auth: 'member',
    action: 'admin',
    params: IdParams,
    status: 204,
    handler: ({ app, auth, params }) => revokeApiKey(app.db, auth.workspaceId, params.id),
  }),
];
