import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { japaneseIssue, refusalLocale } from './validation-ja.ts';

const messages = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value, { error: japaneseIssue }).error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('Zod refusals in Japanese', () => {
  test('say what to enter, with the limit and its unit', () => {
    const schema = z.object({
      name: z.string().min(1).max(5),
      code: z.string().min(3),
      tags: z.array(z.string()).max(2),
      score: z.number().int().min(0).max(10),
      kind: z.enum(['csat', 'nps']),
      email: z.email(),
      at: z.iso.datetime(),
    });
    expect(
      messages(schema, {
        name: '',
        code: 'ab',
        tags: ['a', 'b', 'c'],
        score: 11,
        kind: 'ces',
        email: 'x',
        at: 'today',
      }),
    ).toEqual([
      ['name', '入力してください'],
      ['code', '3 文字以上にしてください'],
      ['tags', '2 件以内にしてください'],
      ['score', '10 以下にしてください'],
      ['kind', '次のいずれかにしてください: csat、nps'],
      ['email', 'メールアドレスの形式が正しくありません'],
      ['at', '日時（ISO 8601）の形式が正しくありません'],
    ]);
    expect(messages(schema, {})?.[0]).toEqual(['name', '入力してください']);
    expect(messages(z.object({ n: z.number() }), { n: 'one' })).toEqual([['n', '形式が正しくありません']]);
  });

  test('leave a message a schema words itself as written', () => {
    const schema = z.string().refine((v) => v === 'ok', { message: 'must be ok' });
    expect(messages(schema, 'no')).toEqual([['', 'must be ok']]);
  });

  test('only when Japanese is asked for first', () => {
    expect(refusalLocale('ja')).toBe('ja');
    expect(refusalLocale('ja-JP,en;q=0.5')).toBe('ja');
    expect(refusalLocale('en-US,ja;q=0.9')).toBe('en');
    expect(refusalLocale(undefined)).toBe('en');
  });
});
