import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { badRequest, conflict, HttpProblem } from './problem.ts';
import { japaneseProblem, japaneseRefusal } from './refusals-ja.ts';

const SRC = fileURLToPath(new URL('../..', import.meta.url));
const JAPANESE = /[ぁ-んァ-ン一-龯]/;
/** `message:` literals that are not refusals: what a test webhook delivery says. */
const NOT_REFUSALS = new Set(['A test delivery from Koe: the endpoint is reachable and verifies signatures.']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'demo' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The string literal starting at `start` ('…', "…" or `…` with ${…} parts, which may nest), or null. */
function literalAt(source: string, start: number): { text: string; template: boolean } | null {
  const quote = source[start];
  if (quote !== "'" && quote !== '"' && quote !== '`') return null;
  let i = start + 1;
  while (i < source.length && source[i] !== quote) {
    if (source[i] === '\\') i += 2;
    else if (quote === '`' && source.startsWith('${', i)) {
      i++;
      let depth = 0;
      do {
        if (source[i] === '{') depth++;
        else if (source[i] === '}') depth--;
        i++;
      } while (depth > 0 && i < source.length);
    } else i++;
  }
  return { text: source.slice(start + 1, i), template: quote === '`' };
}

/** An example of a message as a request would get it: every ${…} part filled with a value. */
function example(literal: { text: string; template: boolean }): string {
  if (!literal.template) return literal.text.replace(/\\(.)/g, '$1');
  let out = '';
  for (let i = 0; i < literal.text.length; ) {
    if (literal.text.startsWith('${', i)) {
      i++;
      let depth = 0;
      do {
        if (literal.text[i] === '{') depth++;
        else if (literal.text[i] === '}') depth--;
        i++;
      } while (depth > 0);
      out += '5';
    } else out += literal.text[i++];
  }
  return out;
}

/** Every refusal message written in the server and the shared contracts, with where it is. */
function refusalsInSource(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...sourceFiles(join(SRC, 'server')), ...sourceFiles(join(SRC, 'shared'))]) {
    const source = readFileSync(file, 'utf8');
    const starts = [
      ...[...source.matchAll(/\b(?:badRequest|conflict)\(\s*(?:'[^']*'|`[^`]*`|[\w.]+)\s*,\s*/g)].map(
        (m) => (m.index ?? 0) + m[0].length,
      ),
      ...[...source.matchAll(/\bmessage:\s*/g)].map((m) => (m.index ?? 0) + m[0].length),
    ];
    for (const start of starts) {
      const literal = literalAt(source, start);
      if (!literal || literal.text === '') continue;
      const message = example(literal);
      if (!NOT_REFUSALS.has(message)) found.set(message, file.slice(SRC.length));
    }
  }
  return found;
}

describe('refusals worded in Japanese', () => {
  test('every refusal message in the source has its Japanese', () => {
    const refusals = refusalsInSource();
    // The scan itself must find what it is for: service checks and schema checks alike.
    expect(refusals.get('is not a contact of this workspace')).toBeDefined();
    expect(refusals.get('needs contactId or segmentId')).toMatch(/contracts/);
    expect(refusals.get('must be between 5 and 5')).toMatch(/answer-plan/);
    expect(refusals.size).toBeGreaterThan(100);
    const missing = [...refusals].filter(([message]) => !JAPANESE.test(japaneseRefusal(message) ?? ''));
    expect(missing.map(([message, file]) => `${file}: ${message}`)).toEqual([]);
  });

  test('values in a message are kept in its Japanese', () => {
    expect(japaneseRefusal('must be between 1 and 5')).toBe('1〜5 の範囲にしてください');
    expect(japaneseRefusal('is not a segment of this workspace')).toBe('このワークスペースのセグメントではありません');
    expect(japaneseRefusal('is not an SLA policy of this workspace')).toBe(
      'このワークスペースのSLA ポリシーではありません',
    );
    expect(japaneseRefusal('selects more than 5000 contacts; narrow the segment')).toBe(
      '5000 人を超えています。セグメントを絞り込んでください',
    );
    expect(japaneseRefusal(`does not fit the rule's actions (x is wrong); send actions with it`)).toBe(
      'ルールのアクションに合いません（x is wrong）。actions も一緒に送ってください',
    );
    expect(japaneseRefusal('something Koe never says')).toBeUndefined();
  });

  test('a problem keeps its status, fields and headers; what has no Japanese stays English', () => {
    const problem = japaneseProblem(badRequest('body.contactId', 'is not a contact of this workspace'));
    expect(problem.status).toBe(400);
    expect(problem.toJSON()).toMatchObject({
      detail: 'body.contactId: このワークスペースの顧客ではありません',
      errors: [{ field: 'body.contactId', message: 'このワークスペースの顧客ではありません' }],
    });
    expect(japaneseProblem(conflict('body.name', 'a team with this name exists')).toJSON()).toMatchObject({
      status: 409,
      errors: [{ field: 'body.name', message: '同じ名前のチームがあります' }],
    });
    const unknown = japaneseProblem(badRequest('body.x', 'is odd'));
    expect(unknown.toJSON().errors).toEqual([{ field: 'body.x', message: 'is odd' }]);
    const limited = new HttpProblem(429, 'Too many requests', 'Retry after 5 s.', undefined, { 'retry-after': '5' });
    expect(japaneseProblem(limited)).toBe(limited);
  });
});
