import { describe, expect, test } from 'vitest';
import { pickLanguage, renderScript } from './scripts.ts';

describe('renderScript', () => {
  const context = {
    contact: { name: '山田 花子', email: 'hanako@example.jp' },
    company: { name: 'サンプル株式会社' },
    agent: { name: 'Sato' },
    conversation: { subject: '請求書' },
    workspace: { name: 'Koe' },
  };

  test('fills every variable', () => {
    expect(
      renderScript(
        '{{contact.name}}|{{contact.first_name}}|{{contact.email}}|{{company.name}}|{{agent.name}}|{{conversation.subject}}|{{workspace.name}}',
        context,
      ),
    ).toBe('山田 花子|山田|hanako@example.jp|サンプル株式会社|Sato|請求書|Koe');
  });

  test('allows spaces inside the braces and repeats', () => {
    expect(renderScript('{{ contact.name }} / {{contact.name}}', context)).toBe('山田 花子 / 山田 花子');
  });

  test('leaves unknown variables and malformed braces as written', () => {
    expect(renderScript('{{order.id}} {{contact}} {contact.name} {{Contact.Name}}', context)).toBe(
      '{{order.id}} {{contact}} {contact.name} {{Contact.Name}}',
    );
  });

  test('missing values become empty text', () => {
    expect(renderScript('[{{company.name}}][{{agent.name}}][{{contact.first_name}}]', { company: null })).toBe(
      '[][][]',
    );
  });

  test('the first name is the first word (the family name in Japanese order)', () => {
    expect(renderScript('{{contact.first_name}}', { contact: { name: '  Jane   Doe ' } })).toBe('Jane');
    expect(renderScript('{{contact.first_name}}', { contact: { name: 'Cher' } })).toBe('Cher');
  });

  test('customer text in a value is inserted as it is, never re-expanded', () => {
    expect(renderScript('{{contact.name}}', { contact: { name: '{{agent.name}}' }, agent: { name: 'x' } })).toBe(
      '{{agent.name}}',
    );
  });
});

describe('pickLanguage', () => {
  const bodies = { ja: '日本語', en: 'English', 'pt-BR': 'Português' };

  test.each([
    ['ja', '日本語'],
    ['en', 'English'],
    ['en-US', 'English'],
    ['pt-BR', 'Português'],
    ['fr', 'English'],
    [null, 'English'],
    [undefined, 'English'],
  ])('%s → %s', (language, expected) => {
    expect(pickLanguage(bodies, language)).toBe(expected);
  });

  test('falls back to Japanese, then to any language, then to empty text', () => {
    expect(pickLanguage({ ja: '日本語', de: 'Deutsch' }, 'fr')).toBe('日本語');
    expect(pickLanguage({ de: 'Deutsch' }, 'fr')).toBe('Deutsch');
    expect(pickLanguage({}, 'ja')).toBe('');
  });
});
