/**
 * Search tokens that work for Japanese as well as English.
 *
 * Japanese is written without spaces, so a word parser finds nothing useful in it.
 * Runs of Han, Hiragana and Katakana become overlapping bigrams (東京都 → 東京 京都)
 * plus the run's last character, so a one-character query still matches; other
 * letters and digits become lowercased words. Text is NFKC-normalised first, so
 * full-width ＡＢＣ１２３ and half-width ｶﾀｶﾅ match their usual forms.
 *
 * The server writes these tokens as a tsvector literal and queries with a tsquery
 * literal, so PostgreSQL's parser and locale never decide what a word is, and the
 * same search runs identically on PGlite and PostgreSQL.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ]/u;
const WORD = /[\p{L}\p{N}_]/u;
const MAX_INDEXED_CHARS = 20_000;

interface Segment {
  cjk: boolean;
  text: string;
}

function segments(input: string): Segment[] {
  const text = input.normalize('NFKC').toLowerCase().slice(0, MAX_INDEXED_CHARS);
  const result: Segment[] = [];
  let current: Segment | null = null;
  for (const char of text) {
    const cjk = CJK.test(char);
    const word = cjk || WORD.test(char);
    if (!word) {
      current = null;
      continue;
    }
    if (current && current.cjk === cjk) {
      current.text += char;
    } else {
      current = { cjk, text: char };
      result.push(current);
    }
  }
  return result;
}

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) grams.push(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

const quote = (token: string) => `'${token.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;

/** The tokens of a text, in order. */
export function searchTokens(input: string): string[] {
  const tokens: string[] = [];
  for (const segment of segments(input)) {
    if (segment.cjk) {
      const grams = bigrams(segment.text);
      tokens.push(...grams);
      const chars = [...segment.text];
      if (chars.length > 1) tokens.push(chars[chars.length - 1] as string);
    } else if (segment.text.length <= 100) {
      tokens.push(segment.text);
    }
  }
  return tokens;
}

/** A tsvector literal with positions (positions let queries require adjacent bigrams). */
export function toTsvectorLiteral(input: string): string {
  const tokens = searchTokens(input);
  const positions = new Map<string, number[]>();
  tokens.forEach((token, index) => {
    const position = Math.min(index + 1, 16383);
    const list = positions.get(token);
    if (list) {
      if (list.length < 256) list.push(position);
    } else positions.set(token, [position]);
  });
  return [...positions].map(([token, list]) => `${quote(token)}:${list.join(',')}`).join(' ');
}

/**
 * A tsquery literal: every part of the query must match. A Japanese run must appear
 * as a phrase (its bigrams adjacent); a one-character run or the last Latin word
 * matches as a prefix, so search-as-you-type works. Null when nothing searchable remains.
 */
export function toTsqueryLiteral(input: string): string | null {
  const parts: string[] = [];
  const list = segments(input);
  list.forEach((segment, index) => {
    const last = index === list.length - 1;
    if (segment.cjk) {
      const grams = bigrams(segment.text);
      if (grams.length === 1 && [...segment.text].length === 1) parts.push(`${quote(segment.text)}:*`);
      else parts.push(grams.length === 1 ? quote(grams[0] as string) : `(${grams.map(quote).join(' <-> ')})`);
    } else if (segment.text.length <= 100) {
      parts.push(last ? `${quote(segment.text)}:*` : quote(segment.text));
    }
  });
  return parts.length > 0 ? parts.join(' & ') : null;
}
