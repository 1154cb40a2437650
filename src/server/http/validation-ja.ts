import type { z } from 'zod';

type Issue = Parameters<z.core.$ZodErrorMap>[0];

const FORMATS: Record<string, string> = {
  email: 'メールアドレス',
  url: 'URL',
  uuid: 'ID',
  datetime: '日時（ISO 8601）',
  date: '日付（YYYY-MM-DD）',
  time: '時刻',
};

const quoted = (values: readonly unknown[]) => values.map((v) => String(v)).join('、');

/**
 * Zod's refusals in Japanese, for requests that ask for it (Accept-Language: ja; the web app
 * sends its language): what is wrong with a value, in the words a person filling a form reads.
 * Messages a schema or service words itself are worded by refusals-ja.ts; undefined keeps Zod's English.
 */
export function japaneseIssue(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? '入力してください' : '形式が正しくありません';
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? '入力してください' : `${min} 文字以上にしてください`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${min} 件以上にしてください`;
      return issue.inclusive ? `${min} 以上にしてください` : `${min} より大きくしてください`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `${max} 文字以内にしてください`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${max} 件以内にしてください`;
      return issue.inclusive ? `${max} 以下にしてください` : `${max} より小さくしてください`;
    }
    case 'invalid_format': {
      const format = FORMATS[issue.format];
      return format ? `${format}の形式が正しくありません` : '形式が正しくありません';
    }
    case 'invalid_value':
      return `次のいずれかにしてください: ${quoted(issue.values)}`;
    case 'not_multiple_of':
      return `${String(issue.divisor)} の倍数にしてください`;
    case 'unrecognized_keys':
      return `使えない項目があります: ${issue.keys.join('、')}`;
    case 'invalid_union':
      return '形式が正しくありません';
    default:
      return undefined;
  }
}

/** The language of a request's refusals: Japanese when it asks for Japanese first. */
export function refusalLocale(acceptLanguage: string | undefined): 'ja' | 'en' {
  return acceptLanguage?.trim().toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
