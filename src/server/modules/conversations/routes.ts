import { z } from 'zod';
import { IdParams, PageQuery, page } from '../../../shared/contracts/common.ts';
import {
  Conversation,
  ConversationEvent,
  ConversationListQuery,
  CreateConversationInput,
  CreateMessageInput,
  CreateReplyScriptInput,
  Message,
  RenderScriptInput,
  ReplyScript,
  UpdateConversationInput,
  UpdateReplyScriptInput,
} from '../../../shared/contracts/conversations.ts';
import type { Auth } from '../../http/route.ts';
import { defineRoute } from '../../http/route.ts';
import type { Actor } from './events.ts';
import { listEvents } from './events.ts';
import { addMessage, listMessages } from './messages.ts';
import { createScript, deleteScript, getScript, listScripts, renderScriptFor, updateScript } from './scripts.ts';
import { createConversation, getConversation, listConversations, updateConversation } from './service.ts';

/** A member acts as themselves; an API key acts as the system on behalf of its workspace. */
const actorOf = (auth: Auth): Actor => (auth.userId ? { type: 'user', id: auth.userId } : { type: 'system', id: null });
const tags = ['Conversations'];
const scriptTags = ['Reply scripts'];

export const conversationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/conversations',
    summary:
      'Conversations by last activity; filter by status, channel, assignee, team, tag, contact, or search text (Japanese too)',
    tags,
    auth: 'member',
    action: 'read',
    query: ConversationListQuery,
    response: page(Conversation),
    handler: ({ app, auth, query }) => listConversations(app.db, auth.workspaceId, auth.userId, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/conversations',
    summary:
      'Create a conversation on any channel; the customer is found or created by contact id, email, phone or external id',
    tags,
    auth: 'member',
    action: 'work',
    body: CreateConversationInput,
    response: Conversation,
    status: 201,
    handler: ({ app, auth, body }) => createConversation(app.db, auth.workspaceId, actorOf(auth), body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/conversations/{id}',
    summary: 'One conversation with its milestones (first response, resolution, care cycle, reopens)',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    response: Conversation,
    handler: ({ app, auth, params }) => getConversation(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/conversations/{id}',
    summary: 'Change status, priority, subject, assignee, team or tags; leaving resolved reopens (a new care cycle)',
    tags,
    auth: 'member',
    action: 'work',
    params: IdParams,
    body: UpdateConversationInput,
    response: Conversation,
    handler: ({ app, auth, params, body }) =>
      updateConversation(app.db, auth.workspaceId, params.id, actorOf(auth), body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/conversations/{id}/messages',
    summary: 'Messages and internal notes, oldest first',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    query: PageQuery,
    response: page(Message),
    async handler({ app, auth, params, query }) {
      await getConversation(app.db, auth.workspaceId, params.id);
      return listMessages(app.db, auth.workspaceId, params.id, query);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/conversations/{id}/messages',
    summary: 'Add an inbound customer message, a public reply, an internal note or a bot message',
    description:
      'Only a public reply by a person sets the first response; notes and bot messages never do. A customer message on a resolved conversation reopens it as a new care cycle.',
    tags,
    auth: 'member',
    action: 'work',
    params: IdParams,
    body: CreateMessageInput,
    response: Message,
    status: 201,
    handler: ({ app, auth, params, body }) => addMessage(app.db, auth.workspaceId, params.id, actorOf(auth), body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/conversations/{id}/events',
    summary: 'The append-only event log of a conversation, oldest first',
    tags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    query: PageQuery,
    response: page(ConversationEvent),
    async handler({ app, auth, params, query }) {
      await getConversation(app.db, auth.workspaceId, params.id);
      return listEvents(app.db, auth.workspaceId, params.id, query);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/reply-scripts',
    summary: 'Reply scripts (canned responses) by shortcut',
    tags: scriptTags,
    auth: 'member',
    action: 'read',
    response: page(ReplyScript),
    handler: async ({ app, auth }) => ({ data: await listScripts(app.db, auth.workspaceId), nextCursor: null }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/reply-scripts',
    summary: 'Create a reply script with a text per language and {{variables}}',
    tags: scriptTags,
    auth: 'member',
    action: 'manage',
    body: CreateReplyScriptInput,
    response: ReplyScript,
    status: 201,
    handler: ({ app, auth, body }) => createScript(app.db, auth.workspaceId, body, auth.userId),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/reply-scripts/{id}',
    summary: 'One reply script',
    tags: scriptTags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    response: ReplyScript,
    handler: ({ app, auth, params }) => getScript(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/reply-scripts/{id}',
    summary: 'Update a reply script',
    tags: scriptTags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    body: UpdateReplyScriptInput,
    response: ReplyScript,
    handler: ({ app, auth, params, body }) => updateScript(app.db, auth.workspaceId, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/reply-scripts/{id}',
    summary: 'Delete a reply script',
    tags: scriptTags,
    auth: 'member',
    action: 'manage',
    params: IdParams,
    status: 204,
    handler: ({ app, auth, params }) => deleteScript(app.db, auth.workspaceId, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/reply-scripts/{id}/render',
    summary: "Fill a script's variables for a conversation, in the customer's language",
    tags: scriptTags,
    auth: 'member',
    action: 'read',
    params: IdParams,
    body: RenderScriptInput,
    response: z.object({ body: z.string(), language: z.string().nullable() }),
    handler: ({ app, auth, params, body }) =>
      renderScriptFor(app.db, auth.workspaceId, params.id, { ...body, agentId: auth.userId }),
  }),
];
