import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONVERSATION_IMPORT_COLUMNS, RESPONSE_IMPORT_COLUMNS } from '../../src/shared/contracts/exports.ts';

/** CSV fixtures for the import and export tests (test/support). */

export function tempDir(): { path: string; file(name: string, lines: string[]): string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'koe-import-'));
  return {
    path,
    file(name, lines) {
      const file = join(path, name);
      writeFileSync(file, `${lines.join('\n')}\n`);
      return file;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

export const CONVERSATION_HEADER = CONVERSATION_IMPORT_COLUMNS.join(',');
export const RESPONSE_HEADER = RESPONSE_IMPORT_COLUMNS.join(',');

/**
 * Five good rows (C-1…C-5) and three bad ones on lines 3, 5 and 7 (the header is line 1).
 * `assignee` is the email of a workspace member.
 */
export function conversationLines(assignee: string, subjectOfC2 = 'Login broken'): string[] {
  return [
    CONVERSATION_HEADER,
    // line 2: first reply after 30 min (1800 s), resolved after 2 h (7200 s)
    `C-1,email,resolved,normal,請求書の再発行について,yamada@example.co.jp,山田 太郎,example.co.jp,${assignee},Billing,billing;invoice,2025-04-01T09:00:00+09:00,2025-04-01T09:30:00+09:00,2025-04-01T11:00:00+09:00,0,2`,
    // line 3: fax is not a channel
    `C-bad-1,fax,open,normal,Fax me,fax@example.com,,,,,,2025-04-01T09:00:00+09:00,,,0,0`,
    // line 4: open and unanswered; empty reopens/agent_replies read as 0
    `C-2,chat,open,high,${subjectOfC2},bob@example.com,Bob,,,,,2025-04-02T10:00:00Z,,,,`,
    // line 5: resolved before it was created
    `C-bad-2,email,resolved,normal,Time travel,tt@example.com,,,,,,2025-04-02T10:00:00Z,,2025-04-02T09:59:59Z,0,1`,
    // line 6: an assignee who is not a member (kept, unassigned, warned); reply after 5 min (300 s),
    // resolved 2 h 5 min 30 s after creation (7530 s); reopened once
    `C-3,phone,closed,low,Call about delivery,,Anonymous caller,,nobody@elsewhere.test,Support,,2025-04-03T08:00:00+09:00,2025-04-03T08:05:00+09:00,2025-04-03T10:05:30+09:00,1,3`,
    // line 7: reopens is not a whole number
    `C-bad-3,email,open,normal,Counting,count@example.com,,,,,,2025-04-03T08:00:00+09:00,,,two,0`,
    // line 8: same customer as C-1; reply after 1 h (3600 s), resolved after 1 day (86400 s), reopened twice
    `C-4,email,resolved,urgent,"Refund, again",yamada@example.co.jp,山田 太郎,,${assignee},Billing,refund,2025-04-05T00:00:00Z,2025-04-05T01:00:00Z,2025-04-06T00:00:00Z,2,5`,
    // line 9: waiting on the customer after a reply 10 s in
    `C-5,social,pending,normal,Tweet about pricing,carol@example.com,Carol,,,,,2025-04-06T12:00:00+09:00,2025-04-06T12:00:10+09:00,,0,1`,
  ];
}
