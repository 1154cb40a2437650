import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Conversation } from '../../src/shared/contracts/conversations.ts';
import {
  addMessage,
  allPages,
  createConversation,
  createTestWorkspace,
  type TestWorkspace,
} from '../support/factories.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let a: TestWorkspace;
let b: TestWorkspace;
const names = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer();
  a = await createTestWorkspace(server, 'Search A');
  b = await createTestWorkspace(server, 'Search B');
  const make = async (name: string, subject: string, body?: string) => {
    const conversation = await createConversation(a.api, { subject, ...(body ? { message: { body } } : {}) });
    names.set(conversation.id, name);
    return conversation;
  };
  await make('invoice', '請求書の再発行について');
  await make('password', 'Password reset not working');
  await make('api', 'API連携のエラー', 'Webhook から 500 が返ります');
  await make('katakana', 'ｶﾀｶﾅのﾒｰﾙが届かない');
  const shipping = await make('shipping', 'Question');
  await addMessage(a.api, shipping.id, { kind: 'customer', body: 'The tracking number for 配送番号 XJ-42 is missing' });
  await make('receipt', '領収書の宛名を変更したい');
  // The same words in another workspace must never show up in A's results.
  await createConversation(b.api, {
    subject: '請求書の再発行について',
    message: { body: 'Password reset not working' },
  });
});
afterAll(() => server?.close());

async function search(q: string, extra = ''): Promise<string[]> {
  const found = await allPages<Conversation>(a.api, `/api/v1/conversations?q=${encodeURIComponent(q)}${extra}`, 50);
  return found.map((c) => names.get(c.id) ?? `foreign ${c.id}`).sort();
}

describe('search over subjects and messages', () => {
  test.each([
    ['請求書', ['invoice']],
    ['再発行', ['invoice']],
    ['発行', ['invoice']],
    ['請求書 再発行', ['invoice']],
    ['領収書', ['receipt']],
    ['請', ['invoice']], // one kanji
    ['書', ['invoice', 'receipt']],
    ['宛名', ['receipt']],
    ['発送', []],
    ['求請', []],
  ])('Japanese without spaces: %s', async (q, expected) => {
    expect(await search(q)).toEqual(expected);
  });

  test.each([
    ['password', ['password']],
    ['PASSWORD', ['password']],
    ['pass', ['password']], // the last word is a prefix
    ['reset password', ['password']],
    ['passwords', []],
    ['pass reset', []], // only the last word is a prefix
    ['working reset', ['password']],
  ])('English words and prefixes: %s', async (q, expected) => {
    expect(await search(q)).toEqual(expected);
  });

  test.each([
    ['ＡＰＩ', ['api']],
    ['api', ['api']],
    ['API 連携', ['api']],
    ['カタカナ', ['katakana']],
    ['ﾒｰﾙ', ['katakana']],
    ['メール', ['katakana']],
    ['５００', ['api']],
  ])('full-width and half-width forms: %s', async (q, expected) => {
    expect(await search(q)).toEqual(expected);
  });

  test.each([
    ['配送番号', ['shipping']],
    ['tracking', ['shipping']],
    ['webhook', ['api']],
    ['xj', ['shipping']],
  ])('text only in a message body: %s', async (q, expected) => {
    expect(await search(q)).toEqual(expected);
  });

  test('search combines with filters and never shows another workspace', async () => {
    expect(await search('請求書', '&channel=chat')).toEqual([]);
    expect(await search('請求書', '&status=open')).toEqual(['invoice']);
    const inB = await allPages<Conversation>(b.api, `/api/v1/conversations?q=${encodeURIComponent('請求書')}`, 50);
    expect(inB).toHaveLength(1);
    expect(names.has(inB[0]?.id ?? '')).toBe(false);
  });

  test('a renamed subject is searched by its new words', async () => {
    const conversation = await createConversation(a.api, { subject: '解約の手続き' });
    names.set(conversation.id, 'renamed');
    expect(await search('解約')).toEqual(['renamed']);
    await a.api.patch(`/api/v1/conversations/${conversation.id}`, { subject: 'プラン変更の相談' });
    expect(await search('解約')).toEqual([]);
    expect(await search('プラン変更')).toEqual(['renamed']);
  });

  test('a long message is stored whole and searchable by its beginning', async () => {
    const body = `冒頭の合言葉 ${'日本語のテキストと English words 123 '.repeat(4000)}`.slice(0, 100_000);
    const conversation = await createConversation(a.api, { subject: 'Long' });
    names.set(conversation.id, 'long');
    const message = await addMessage(a.api, conversation.id, { kind: 'customer', body });
    expect(message.body).toHaveLength(100_000);
    expect(await search('合言葉')).toEqual(['long']);
  });

  test('a query with nothing to search for is a 400 naming q', async () => {
    expectProblem(await a.api.get('/api/v1/conversations?q=%E3%80%81%E3%80%82'), 400, 'query.q');
  });
});
