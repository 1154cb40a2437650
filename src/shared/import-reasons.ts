import type { Locale } from './contracts/common.ts';
import type { ImportKind } from './contracts/exports.ts';

/**
 * Why a row of a CSV import was not imported (or was kept with a note), as a code with its
 * values: the server writes the English text into the summary and the --errors file, and the
 * web app shows the same reason in the reader's language. File problems (below) likewise.
 */
export type ImportReason =
  | { code: 'nul' }
  | { code: 'unicode' }
  | { code: 'too_long'; max: number }
  | { code: 'required' }
  | { code: 'one_of'; allowed: string; got: string }
  | { code: 'date_time' }
  | { code: 'time_range' }
  | { code: 'too_large' }
  | { code: 'whole_number'; got: string }
  | { code: 'email' }
  | { code: 'too_many_tags'; max: number }
  | { code: 'tag_too_long'; tag: string; max: number }
  | { code: 'tag_comma'; tag: string }
  | { code: 'field_count'; got: number; expected: number }
  | { code: 'domain' }
  | { code: 'before_created' }
  | { code: 'required_when_resolved' }
  | { code: 'score_range'; min: number; max: number; kind: string }
  | { code: 'unknown_conversation' }
  | { code: 'ambiguous_conversation' }
  | { code: 'collected_by_koe' }
  | { code: 'not_written'; detail: string }
  | { code: 'not_member'; email: string };

export type ImportReasonCode = ImportReason['code'];

type Texts = { [C in ImportReasonCode]: (reason: Extract<ImportReason, { code: C }>) => string };

const got = (value: string, locale: Locale) =>
  value ? (locale === 'ja' ? `（「${value}」）` : ` (got "${value}")`) : '';

const TEXTS: Record<Locale, Texts> = {
  en: {
    nul: () => 'must not contain the NUL character',
    unicode: () => 'must be well-formed Unicode',
    too_long: ({ max }) => `must be at most ${max} characters`,
    required: () => 'is required',
    one_of: ({ allowed, got: value }) => `must be one of ${allowed}${got(value, 'en')}`,
    date_time: () => 'must be an ISO 8601 date-time with an offset, such as 2025-04-01T09:30:00+09:00',
    time_range: () => 'must be a time between 1970 and now',
    too_large: () => 'is too large',
    whole_number: ({ got: value }) => `must be a whole number, 0 or more${got(value, 'en')}`,
    email: () => 'must be an email address',
    too_many_tags: ({ max }) => `must be at most ${max} tags`,
    tag_too_long: ({ tag, max }) => `"${tag}…" is longer than ${max} characters`,
    tag_comma: ({ tag }) => `"${tag}" must not contain commas (separate tags with ;)`,
    field_count: ({ got: count, expected }) => `has ${count} fields; the header has ${expected}`,
    domain: () => 'must be a domain such as example.co.jp',
    before_created: () => 'must not be before created_at',
    required_when_resolved: () => 'is required when status is resolved',
    score_range: ({ min, max, kind }) =>
      `must be a whole number from ${min} to ${max} for ${kind}, or empty when skipped`,
    unknown_conversation: () => 'is not the external id of a conversation of this workspace',
    ambiguous_conversation: () => 'matches conversations on several channels; give the channel',
    collected_by_koe: () => 'is a response collected by Koe; an import does not change it',
    not_written: ({ detail }) => `could not be written: ${detail}`,
    not_member: ({ email }) => `${email} is not a member of this workspace; the conversation stays unassigned`,
  },
  ja: {
    nul: () => 'NUL 文字は使えません',
    unicode: () => '正しい Unicode の文字列ではありません',
    too_long: ({ max }) => `${max} 文字以内にしてください`,
    required: () => '必須です',
    one_of: ({ allowed, got: value }) => `${allowed} のいずれかにしてください${got(value, 'ja')}`,
    date_time: () => 'タイムゾーン付きの ISO 8601 日時にしてください（例: 2025-04-01T09:30:00+09:00）',
    time_range: () => '1970 年から現在までの日時にしてください',
    too_large: () => '値が大きすぎます',
    whole_number: ({ got: value }) => `0 以上の整数にしてください${got(value, 'ja')}`,
    email: () => 'メールアドレスの形式ではありません',
    too_many_tags: ({ max }) => `タグは ${max} 個までです`,
    tag_too_long: ({ tag, max }) => `タグ「${tag}…」が ${max} 文字を超えています`,
    tag_comma: ({ tag }) => `タグ「${tag}」にカンマは使えません（タグは ; で区切ります）`,
    field_count: ({ got: count, expected }) => `列の数が ${count} です。ヘッダーは ${expected} 列です`,
    domain: () => 'example.co.jp のようなドメインにしてください',
    before_created: () => 'created_at より前の日時にはできません',
    required_when_resolved: () => 'status が resolved のときは必須です',
    score_range: ({ min, max, kind }) => `${kind} のスコアは ${min}〜${max} の整数にしてください（未回答なら空欄）`,
    unknown_conversation: () => 'このワークスペースの会話の外部 ID ではありません',
    ambiguous_conversation: () => '複数のチャネルの会話に一致します。channel 列を指定してください',
    collected_by_koe: () => 'Koe で集めた回答です。インポートでは変更しません',
    not_written: ({ detail }) => `書き込めませんでした: ${detail}`,
    not_member: ({ email }) => `${email} はこのワークスペースのメンバーではありません。会話は担当者なしになります`,
  },
};

/** The reason in words, in Japanese or English. */
export function describeImportReason(reason: ImportReason, locale: Locale): string {
  const text = TEXTS[locale][reason.code] as (reason: ImportReason) => string;
  return text(reason);
}

/** Why a whole file cannot be imported (nothing is written): its header, or no header at all. */
export type ImportFileProblem =
  | { code: 'missing_columns'; kind: ImportKind; columns: string }
  | { code: 'unknown_columns'; kind: ImportKind; columns: string }
  | { code: 'duplicate_columns'; columns: string }
  | { code: 'empty_file' }
  /** A line the CSV reader cannot read (`quote`: a quoted field not closed as CSV says); the import stops there. */
  | { code: 'malformed_csv'; line: number; quote: boolean; detail: string };

type FileTexts = { [C in ImportFileProblem['code']]: (problem: Extract<ImportFileProblem, { code: C }>) => string };

const KIND_JA: Record<ImportKind, string> = { conversations: '会話', responses: 'アンケート回答' };

const FILE_TEXTS: Record<Locale, FileTexts> = {
  en: {
    missing_columns: ({ kind, columns }) => `The header lacks the column(s) ${columns} (a ${kind} file needs them).`,
    unknown_columns: ({ kind, columns }) => `The header has unknown column(s) ${columns} for ${kind}.`,
    duplicate_columns: ({ columns }) => `The header names ${columns} twice.`,
    empty_file: () => 'is empty: send a CSV file with a header line',
    malformed_csv: ({ line, quote, detail }) =>
      quote
        ? `Line ${line} is not valid CSV: a quoted value is not closed where it should be (write a " inside a value as "").`
        : `Line ${line} is not valid CSV: ${detail}`,
  },
  ja: {
    missing_columns: ({ kind, columns }) =>
      `ヘッダーに必須の列 ${columns} がありません（${KIND_JA[kind]}のファイルに必要です）。`,
    unknown_columns: ({ kind, columns }) =>
      `ヘッダーに${KIND_JA[kind]}のファイルでは使えない列 ${columns} があります。`,
    duplicate_columns: ({ columns }) => `ヘッダーに ${columns} が 2 回あります。`,
    empty_file: () => '空です。ヘッダー行のある CSV ファイルを送ってください',
    malformed_csv: ({ line, quote, detail }) =>
      quote
        ? `${line} 行目が CSV として読めません。引用符（"）で囲んだ値の閉じ方が正しくありません（値の中の " は "" と書きます）。`
        : `${line} 行目が CSV として読めません（${detail}）。`,
  },
};

/** The file's problem in words, in Japanese or English. */
export function describeImportFileProblem(problem: ImportFileProblem, locale: Locale): string {
  const text = FILE_TEXTS[locale][problem.code] as (problem: ImportFileProblem) => string;
  return text(problem);
}
