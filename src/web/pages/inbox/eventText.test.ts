import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../../shared/contracts/conversations.ts';
import { en } from '../../i18n/en.ts';
import { ja } from '../../i18n/ja.ts';
import { describeEvent, isShownInThread } from './eventText.ts';

const event = (type: ConversationEvent['type'], data: Record<string, unknown> = {}): ConversationEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  conversationId: '00000000-0000-4000-8000-000000000002',
  cycle: 1,
  type,
  actorType: 'user',
  actorId: '00000000-0000-4000-8000-000000000003',
  actorName: '山田',
  data,
  occurredAt: '2026-11-24T05:00:00Z',
});

const names = { member: (id: string) => (id === 'u1' ? '佐藤' : undefined), team: () => 'サポート' };
const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});

describe('thread events', () => {
  it('hides what the thread already shows as messages', () => {
    expect(isShownInThread(event('message_inbound'))).toBe(false);
    expect(isShownInThread(event('first_response'))).toBe(false);
    expect(isShownInThread(event('resolved'))).toBe(true);
  });

  it('does not repeat a resolve or reopen as a status change', () => {
    expect(isShownInThread(event('status_changed', { from: 'open', to: 'resolved' }))).toBe(false);
    expect(isShownInThread(event('status_changed', { from: 'resolved', to: 'open' }))).toBe(false);
    expect(isShownInThread(event('status_changed', { from: 'open', to: 'pending' }))).toBe(true);
  });

  it('says who did what, in either language', async () => {
    expect(describeEvent(event('resolved'), i18n.t, names)).toBe('Resolved by 山田');
    expect(describeEvent(event('assigned', { from: null, to: 'u1' }), i18n.t, names)).toBe('Assigned to 佐藤 by 山田');
    expect(describeEvent(event('assigned', { from: 'u1', to: null }), i18n.t, names)).toBe('Unassigned by 山田');
    await i18n.changeLanguage('ja');
    expect(describeEvent(event('status_changed', { to: 'pending' }), i18n.t, names)).toBe(
      '山田 がステータスを「保留」に変更しました',
    );
    await i18n.changeLanguage('en');
  });

  it('says to which tier a conversation was escalated, and why', async () => {
    const escalated = event('escalated', { fromTier: 'agent', toTier: 'senior', reason: 'Refund above my limit' });
    expect(describeEvent(escalated, i18n.t, names)).toBe('Escalated by 山田 to Senior: Refund above my limit');
    await i18n.changeLanguage('ja');
    expect(describeEvent(escalated, i18n.t, names)).toBe(
      '山田 がエスカレーションしました（シニア へ。理由：Refund above my limit）',
    );
    await i18n.changeLanguage('en');
  });

  it('names the SLA target that was missed, and keeps other events their own words', async () => {
    const breach = {
      ...event('sla_breached', { kind: 'first_response' }),
      actorType: 'system' as const,
      actorName: null,
    };
    expect(describeEvent(breach, i18n.t, names)).toBe('First response SLA deadline passed');
    expect(describeEvent(event('created'), i18n.t, names)).not.toContain('SLA');
    await i18n.changeLanguage('ja');
    expect(describeEvent(breach, i18n.t, names)).toBe('初回応答の SLA 期限を超過しました');
    await i18n.changeLanguage('en');
  });
});
