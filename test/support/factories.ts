import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../src/server/context.ts';
import { createWorkspace } from '../../src/server/modules/workspaces/service.ts';
import type { Role } from '../../src/shared/contracts/common.ts';
import type {
  Conversation,
  CreateConversationInput,
  CreateMessageInput,
  Message,
  ReplyScript,
} from '../../src/shared/contracts/conversations.ts';
import type { Company, Contact, CreateContactInput } from '../../src/shared/contracts/customers.ts';
import type { ApiKey, Invitation, Me, Team } from '../../src/shared/contracts/workspaces.ts';
import { type ApiResponse, apiClient, type Client, type SessionClient, sessionClient } from './http.ts';
import { TEST_PASSWORD, type TestServer } from './server.ts';

/** Input of a JSON request before defaults apply: every field optional-ish, as a caller writes it. */
type Loose<T> = { [K in keyof T]?: T[K] extends object ? Loose<T[K]> | T[K] : T[K] };

export const unique = (prefix = 'x') => `${prefix}-${randomUUID().slice(0, 8)}`;
export const uniqueEmail = (prefix = 'user') => `${unique(prefix)}@example.test`;

/** Fails with the response body when the status is not the expected one, so a broken fixture says why. */
export function expectStatus<T>(response: ApiResponse<T>, status: number, what = 'request'): T {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status}: ${response.text.slice(0, 500)}`);
  }
  return response.body;
}

export interface TestWorkspace {
  workspaceId: string;
  apiKey: string;
  owner: { id: string; email: string; password: string };
  /** Authenticated with the admin API key. */
  api: Client;
}

/** The workspace startTestServer created, as a TestWorkspace. */
export function serverWorkspace(server: TestServer): Omit<TestWorkspace, 'owner'> & { owner: TestServer['owner'] } {
  return {
    workspaceId: server.workspaceId,
    apiKey: server.apiKey,
    owner: server.owner,
    api: apiClient(server.url, server.apiKey),
  };
}

/** Another tenant on the same server, with its own owner and admin API key. */
export async function createTestWorkspace(
  server: { url: string; app: AppContext },
  name = unique('Workspace'),
): Promise<TestWorkspace> {
  const email = uniqueEmail('owner');
  const created = await createWorkspace(server.app.db, {
    name,
    ownerEmail: email,
    ownerName: `Owner of ${name}`,
    ownerPassword: TEST_PASSWORD,
    withApiKey: true,
  });
  if (!created.apiKey) throw new Error('no API key');
  return {
    workspaceId: created.workspace.id,
    apiKey: created.apiKey,
    owner: { id: created.owner.id, email, password: TEST_PASSWORD },
    api: apiClient(server.url, created.apiKey),
  };
}

/** Logs in through the API; every call counts against the login rate limit (10 a minute per address). */
export async function loginSession(baseUrl: string, email: string, password: string): Promise<SessionClient> {
  const session = sessionClient(baseUrl);
  expectStatus(await session.login(email, password), 200, `login ${email}`);
  return session;
}

export async function createContact(api: Client, input: Loose<CreateContactInput> = {}) {
  return expectStatus(
    await api.post<Contact>('/api/v1/contacts', {
      name: unique('Contact'),
      emails: [uniqueEmail('contact')],
      ...input,
    }),
    201,
    'create contact',
  );
}

export async function createCompany(api: Client, input: Record<string, unknown> = {}) {
  return expectStatus(
    await api.post<Company>('/api/v1/companies', { name: unique('Company'), ...input }),
    201,
    'create company',
  );
}

export async function createConversation(api: Client, input: Loose<CreateConversationInput> = {}) {
  return expectStatus(
    await api.post<Conversation>('/api/v1/conversations', {
      channel: 'email',
      subject: unique('Subject'),
      ...input,
      customer: input.customer ?? { email: uniqueEmail('customer') },
    }),
    201,
    'create conversation',
  );
}

export async function addMessage(api: Client, conversationId: string, input: Loose<CreateMessageInput>) {
  return expectStatus(
    await api.post<Message>(`/api/v1/conversations/${conversationId}/messages`, { body: 'Hello', ...input }),
    201,
    'add message',
  );
}

export async function getConversation(api: Client, id: string) {
  return expectStatus(await api.get<Conversation>(`/api/v1/conversations/${id}`), 200, 'get conversation');
}

export async function createTeam(api: Client, input: Record<string, unknown> = {}) {
  return expectStatus(await api.post<Team>('/api/v1/teams', { name: unique('Team'), ...input }), 201, 'create team');
}

export async function createReplyScript(api: Client, input: Record<string, unknown> = {}) {
  return expectStatus(
    await api.post<ReplyScript>('/api/v1/reply-scripts', {
      name: unique('Script'),
      shortcut: unique('s').toLowerCase(),
      bodies: { en: 'Hello {{contact.name}}', ja: '{{contact.name}} 様' },
      ...input,
    }),
    201,
    'create reply script',
  );
}

export async function createApiKey(api: Client, input: { name?: string; role?: Role } = {}) {
  return expectStatus(
    await api.post<ApiKey>('/api/v1/api-keys', { name: unique('key'), ...input }),
    201,
    'create API key',
  );
}

export async function createInvitation(api: Client, input: { email?: string; role?: Role } = {}) {
  return expectStatus(
    await api.post<Invitation>('/api/v1/invitations', { email: uniqueEmail('invitee'), ...input }),
    201,
    'create invitation',
  );
}

export interface TestMember {
  id: string;
  email: string;
  password: string;
  role: Role;
  /** Logged in as this member. */
  session: SessionClient;
}

/** Invites someone with a role and accepts through the public endpoint; the member comes back logged in. */
export async function addMember(server: { url: string }, api: Client, role: Role, name = unique('Member')) {
  const invitation = await createInvitation(api, { role });
  const token = new URL(invitation.acceptUrl ?? '').searchParams.get('token') ?? '';
  const session = sessionClient(server.url);
  const me = expectStatus(
    await session.post<Me>('/api/v1/invitations/accept', { token, name, password: TEST_PASSWORD }),
    200,
    'accept invitation',
  );
  return { id: me.user.id, email: invitation.email, password: TEST_PASSWORD, role, session } satisfies TestMember;
}

/** Every page of a cursor-paginated list. */
export async function allPages<T extends { id: string }>(api: Client, path: string, limit = 2): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let pageNo = 0; pageNo < 1000; pageNo++) {
    const separator = path.includes('?') ? '&' : '?';
    const url: string = `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: { data: T[]; nextCursor: string | null } = expectStatus(
      await api.get<{ data: T[]; nextCursor: string | null }>(url),
      200,
      `GET ${url}`,
    );
    items.push(...page.data);
    cursor = page.nextCursor;
    if (!cursor) return items;
  }
  throw new Error(`${path}: more than 1000 pages`);
}

/** A time `minutes` after `base`, as the ISO string the API takes. */
export const at = (base: number, minutes: number) => new Date(base + minutes * 60_000).toISOString();
