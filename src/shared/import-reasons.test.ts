import { describe, expect, test } from 'vitest';
import { describeImportFileProblem, describeImportReason, type ImportReason } from './import-reasons.ts';

/** One of each reason, with values that must show in the text. */
const REASONS: ImportReason[] = [
  { code: 'nul' },
  { code: 'unicode' },
  { code: 'too_long', max: 321 },
  { code: 'required' },
  { code: 'one_of', allowed: 'open, pending', got: 'stuck' },
  { code: 'date_time' },
  { code: 'time_range' },
  { code: 'too_large' },
  { code: 'whole_number', got: 'two' },
  { code: 'email' },
  { code: 'too_many_tags', max: 50 },
  { code: 'tag_too_long', tag: 'very-long-tag', max: 50 },
  { code: 'tag_comma', tag: 'a,b' },
  { code: 'field_count', got: 7, expected: 9 },
  { code: 'domain' },
  { code: 'before_created' },
  { code: 'required_when_resolved' },
  { code: 'score_range', min: 0, max: 10, kind: 'nps' },
  { code: 'unknown_conversation' },
  { code: 'ambiguous_conversation' },
  { code: 'collected_by_koe' },
  { code: 'not_written', detail: 'value too long for type character varying(20)' },
  { code: 'not_member', email: 'nobody@elsewhere.test' },
];

describe('import reasons', () => {
  test.each(REASONS)('$code reads in Japanese and English, with its values', (reason) => {
    const ja = describeImportReason(reason, 'ja');
    const en = describeImportReason(reason, 'en');
    expect(ja).not.toBe(en);
    expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(`${ja}${en}`).not.toMatch(/undefined|NaN|\[object/);
    const values = Object.entries(reason).flatMap(([key, value]) => (key === 'code' ? [] : [String(value)]));
    for (const value of values) {
      expect(ja).toContain(value);
      expect(en).toContain(value);
    }
  });

  test('an empty "got" adds nothing', () => {
    expect(describeImportReason({ code: 'one_of', allowed: 'a, b', got: '' }, 'en')).toBe('must be one of a, b');
    expect(describeImportReason({ code: 'one_of', allowed: 'a, b', got: '' }, 'ja')).toBe(
      'a, b のいずれかにしてください',
    );
  });

  test('a file problem reads in both languages, naming the columns and the kind of file', () => {
    const problem = { code: 'missing_columns', kind: 'responses', columns: 'kind, created_at' } as const;
    expect(describeImportFileProblem(problem, 'en')).toBe(
      'The header lacks the column(s) kind, created_at (a responses file needs them).',
    );
    expect(describeImportFileProblem(problem, 'ja')).toBe(
      'ヘッダーに必須の列 kind, created_at がありません（アンケート回答のファイルに必要です）。',
    );
    expect(describeImportFileProblem({ code: 'duplicate_columns', columns: 'team' }, 'ja')).toContain('team');
  });

  test("a line that is not CSV names the line; a cause other than a quote keeps the reader's words", () => {
    const other = { code: 'malformed_csv', line: 12, quote: false, detail: 'Record exceeds the maximum size' } as const;
    expect(describeImportFileProblem(other, 'en')).toBe('Line 12 is not valid CSV: Record exceeds the maximum size');
    expect(describeImportFileProblem(other, 'ja')).toBe(
      '12 行目が CSV として読めません（Record exceeds the maximum size）。',
    );
    expect(describeImportFileProblem({ ...other, quote: true }, 'en')).toMatch(/^Line 12 .*quoted value/);
  });
});
