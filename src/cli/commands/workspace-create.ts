import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { createWorkspace } from '../../server/modules/workspaces/service.ts';
import { LOCALES } from '../../shared/contracts/common.ts';
import { defineCommand } from './command.ts';

const TimeZone = z.string().refine((value) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Asia/Tokyo');

export const WorkspaceCreateArgs = z.object({
  name: z.string('is required').trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  ownerEmail: z.email('must be an email address such as owner@example.com').max(320),
  ownerName: z.string().trim().min(1, 'must not be empty').max(200).optional(),
  ownerPassword: z.string().min(8, 'must be at least 8 characters').max(200).optional(),
  timeZone: TimeZone.optional(),
  locale: z.enum(LOCALES, 'must be ja or en').optional(),
});
export type WorkspaceCreateArgs = z.infer<typeof WorkspaceCreateArgs>;

export interface WorkspaceCreateResult {
  workspaceId: string;
  apiKey: string;
  ownerId: string;
  ownerEmail: string;
  name: string;
  /** Only when no password was given and a new owner account was made: the generated one. */
  ownerPassword?: string;
}

/** The result plus what the human output explains; --json prints only the WorkspaceCreateResult keys. */
export interface WorkspaceCreateOutcome extends WorkspaceCreateResult {
  /** The owner's email already had an account: it joined as owner and kept its password. */
  ownerExisted: boolean;
}

export function toJsonResult(outcome: WorkspaceCreateOutcome): WorkspaceCreateResult {
  const { ownerExisted: _ownerExisted, ...result } = outcome;
  return result;
}

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/l/I). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A readable password to type once: 4 groups of 4, about 92 bits. */
function generatePassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

export const workspaceCreate = defineCommand({
  name: 'workspace create',
  args: WorkspaceCreateArgs,
  async run(app, args): Promise<WorkspaceCreateOutcome> {
    const generated = args.ownerPassword ? null : generatePassword();
    const created = await createWorkspace(app.db, {
      name: args.name,
      ownerEmail: args.ownerEmail,
      ownerName: args.ownerName,
      ownerPassword: args.ownerPassword ?? generated ?? undefined,
      timeZone: args.timeZone,
      defaultLocale: args.locale,
      withApiKey: true,
    });
    if (!created.apiKey) throw new Error('createWorkspace returned no API key');
    const result: WorkspaceCreateOutcome = {
      workspaceId: created.workspace.id,
      apiKey: created.apiKey,
      ownerId: created.owner.id,
      ownerEmail: created.owner.email,
      name: created.workspace.name,
      ownerExisted: !created.owner.created,
    };
    // An existing account keeps its own password; a generated one is only news for a new account.
    if (generated && created.owner.created) result.ownerPassword = generated;
    return result;
  },
});
