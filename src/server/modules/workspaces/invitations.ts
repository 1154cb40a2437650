import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/contracts/common.ts';
import type { Invitation } from '../../../shared/contracts/workspaces.ts';
import type { Db, Tx } from '../../db/client.ts';
import { invitations, memberships, users } from '../../db/schema/index.ts';
import { conflict, HttpProblem, notFound } from '../../http/problem.ts';
import { isUuid, newId } from '../../lib/id.ts';
import { hashToken, randomSecret } from '../../lib/tokens.ts';
import { hashPassword, verifyPassword } from './auth.ts';
import { presentInvitation } from './presenters.ts';

const INVITATION_DAYS = 7;

export async function listInvitations(db: Tx, workspaceId: string): Promise<Invitation[]> {
  const rows = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), isNull(invitations.revokedAt), isNull(invitations.acceptedAt)))
    .orderBy(desc(invitations.createdAt));
  return rows.map((r) => presentInvitation(r));
}

export async function createInvitation(
  db: Db,
  workspaceId: string,
  input: { email: string; role: Role; invitedBy: string | null; publicUrl: string },
): Promise<Invitation> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, workspaceId), sql`lower(${users.email}) = ${input.email.toLowerCase()}`))
      .limit(1);
    if (existing) throw conflict('body.email', 'is already a member of this workspace');
    const token = `${workspaceId}.${randomSecret(24)}`;
    const [row] = await tx
      .insert(invitations)
      .values({
        workspaceId,
        id: newId(),
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: input.invitedBy,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      })
      .returning();
    if (!row) throw new Error('invitation insert returned nothing');
    return presentInvitation(row, `${input.publicUrl}/invite?token=${encodeURIComponent(token)}`);
  });
}

export async function revokeInvitation(db: Tx, workspaceId: string, id: string): Promise<void> {
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id), isNull(invitations.revokedAt)))
    .returning();
  if (!row) throw notFound('Invitation');
}

/** Accepting creates the user (or joins an existing one) with the invited role. */
export async function acceptInvitation(
  db: Db,
  input: { token: string; name: string; password: string },
): Promise<{ workspaceId: string; userId: string }> {
  const workspaceId = input.token.split('.')[0] ?? '';
  const invalid = new HttpProblem(
    400,
    'Invalid invitation',
    'body.token: this invitation is unknown, used or expired',
    [{ field: 'body.token', message: 'is unknown, used or expired' }],
  );
  if (!isUuid(workspaceId)) throw invalid;
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.workspaceId, workspaceId),
          eq(invitations.tokenHash, hashToken(input.token)),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .limit(1)
      .for('update');
    if (!invitation) throw invalid;
    let [user] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${invitation.email.toLowerCase()}`)
      .limit(1);
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({ id: newId(), email: invitation.email, name: input.name, passwordHash })
        .returning();
    } else if (!(await verifyPassword(user.passwordHash, input.password))) {
      // The inviter holds the token too: joining an existing account takes that account's password,
      // or the token alone would open the account (and list its other workspaces).
      throw new HttpProblem(
        400,
        'Invalid invitation',
        'body.password: this email already has an account; enter its password to join',
        [{ field: 'body.password', message: 'is not the password of the existing account for this email' }],
      );
    }
    if (!user) throw new Error('user insert returned nothing');
    await tx.insert(memberships).values({ workspaceId, userId: user.id, role: invitation.role }).onConflictDoNothing();
    await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, invitation.id)));
    return { workspaceId, userId: user.id };
  });
}
