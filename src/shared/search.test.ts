import { describe, expect, test } from 'vitest';
import { searchTokens, toTsqueryLiteral, toTsvectorLiteral } from './search.ts';

describe('searchTokens', () => {
  test.each([
    ['東京都', ['東京', '京都', '都']],
    ['猫', ['猫']],
    ['請求書の再発行', ['請求', '求書', '書の', 'の再', '再発', '発行', '行']],
    ['Hello, World!', ['hello', 'world']],
    ['API連携', ['api', '連携', '携']],
    ['ＡＰＩ１２３', ['api123']],
    ['ｶﾀｶﾅ', ['カタ', 'タカ', 'カナ', 'ナ']],
    ['e-mail user_name 42', ['e', 'mail', 'user_name', '42']],
    ['Ärger café', ['ärger', 'café']],
    ['サービス々', ['サー', 'ービ', 'ビス', 'ス々', '々']],
    ['', []],
    ['!!! ??? 。、', []],
  ])('%s', (input, expected) => {
    expect(searchTokens(input)).toEqual(expected);
  });

  test('drops Latin words longer than 100 characters', () => {
    expect(searchTokens(`${'a'.repeat(101)} ok`)).toEqual(['ok']);
    expect(searchTokens('b'.repeat(100))).toEqual(['b'.repeat(100)]);
  });

  test('indexes at most 20,000 characters', () => {
    const tokens = searchTokens(`${'x '.repeat(10_000)}tail`);
    expect(tokens).toHaveLength(10_000);
    expect(tokens).not.toContain('tail');
  });
});

describe('toTsvectorLiteral', () => {
  test('lists each token once with its positions', () => {
    expect(toTsvectorLiteral('a b a')).toBe("'a':1,3 'b':2");
    expect(toTsvectorLiteral('東京')).toBe("'東京':1 '京':2");
    expect(toTsvectorLiteral('')).toBe('');
  });

  test('caps positions at 16383 and at 256 per token', () => {
    const literal = toTsvectorLiteral('z '.repeat(300));
    const positions = literal.split(':')[1]?.split(',') ?? [];
    expect(positions).toHaveLength(256);
  });
});

describe('toTsqueryLiteral', () => {
  test.each([
    ['請求書', "('請求' <-> '求書')"],
    ['発行', "'発行'"],
    ['請', "'請':*"],
    ['password', "'password':*"],
    ['reset password', "'reset' & 'password':*"],
    ['ＡＰＩ 連携', "'api' & '連携'"],
    ['東京 tower', "'東京' & 'tower':*"],
    ["o'reilly", "'o' & 'reilly':*"],
  ])('%s → %s', (input, expected) => {
    expect(toTsqueryLiteral(input)).toBe(expected);
  });

  test('nothing searchable is null', () => {
    expect(toTsqueryLiteral('')).toBeNull();
    expect(toTsqueryLiteral('!?。、 ')).toBeNull();
  });

  test('operators in the query are never passed through', () => {
    const literal = toTsqueryLiteral("a & !b | (c) <-> d:* 'e'") ?? '';
    expect(literal).toBe("'a' & 'b' & 'c' & 'd' & 'e':*");
  });
});
