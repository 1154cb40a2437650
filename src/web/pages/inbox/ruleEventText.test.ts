import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../../shared/contracts/conversations.ts';
import { en } from '../../i18n/en.ts';
import { ja } from '../../i18n/ja.ts';
import { describeEvent } from './eventText.ts';

const byRule = (type: ConversationEvent['type'], data: Record<string, unknown>, actorName: string | null) =>
  ({
    id: '00000000-0000-4000-8000-000000000001',
    conversationId: '00000000-0000-4000-8000-000000000002',
    cycle: 1,
    type,
    actorType: 'automation',
    actorId: '00000000-0000-4000-8000-000000000003',
    actorName,
    data,
    occurredAt: '2026-11-24T05:00:00Z',
  }) satisfies ConversationEvent;

const names = { member: (id: string) => (id === 'u1' ? '佐藤' : undefined), team: () => 'サポート' };
const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: 'ja',
    interpolation: { escapeValue: false },
  });
});

describe('events done by automation rules', () => {
  it('name the rule in either language', async () => {
    await i18n.changeLanguage('ja');
    expect(describeEvent(byRule('priority_changed', { to: 'urgent' }, 'VIP振り分け'), i18n.t, names)).toBe(
      'ルール「VIP振り分け」により優先度が「緊急」に変更されました',
    );
    expect(describeEvent(byRule('assigned', { to: 'u1' }, 'VIP振り分け'), i18n.t, names)).toBe(
      'ルール「VIP振り分け」により 佐藤 に割り当てられました',
    );
    await i18n.changeLanguage('en');
    expect(describeEvent(byRule('priority_changed', { to: 'urgent' }, 'VIP routing'), i18n.t, names)).toBe(
      'Priority set to “Urgent” by rule “VIP routing”',
    );
    expect(describeEvent(byRule('tags_changed', { added: ['VIP'], removed: [] }, 'VIP routing'), i18n.t, names)).toBe(
      'Tag “VIP” added by rule “VIP routing”',
    );
    expect(describeEvent(byRule('tags_changed', { added: [], removed: ['VIP'] }, 'VIP routing'), i18n.t, names)).toBe(
      'Tags changed by rule “VIP routing”',
    );
  });

  it('say so when the rule was deleted since', async () => {
    await i18n.changeLanguage('en');
    expect(describeEvent(byRule('resolved', {}, null), i18n.t, names)).toBe('Resolved by rule “deleted”');
  });
});
