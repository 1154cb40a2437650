import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase } from '../../../../test/support/database.ts';
import type { Database } from '../../db/client.ts';
import { domainEvents, surveyAnswers, surveyInvitations, surveyResponses } from '../../db/schema/index.ts';
import { HttpProblem } from '../../http/problem.ts';
import { createContact } from '../customers/contacts.ts';
import { createWorkspace } from '../workspaces/service.ts';
import { writeFirstAnswers } from './answer-first.ts';
import { AnswerQueue } from './answer-queue.ts';
import { createInvitation, type InvitationRow, tokenFor } from './invitations.ts';
import { createSurvey, getSurveyRecord } from './service.ts';
import { invitationToken, readInvitationToken } from './tokens.ts';

const secret = 'answer-queue-test-secret-0123456789';
let database: Database;
let workspaceId: string;
let surveyId: string;

async function tokens(count: number): Promise<{ ids: string[]; tokens: string[] }> {
  const record = await getSurveyRecord(database.db, workspaceId, surveyId);
  const ids: string[] = [];
  const made: string[] = [];
  for (let i = 0; i < count; i++) {
    const { invitation } = await createInvitation(database.db, workspaceId, {
      survey: record,
      delivery: 'link',
      status: 'sent',
    });
    ids.push(invitation.id);
    made.push(tokenFor(secret, invitation));
  }
  return { ids, tokens: made };
}

beforeAll(async () => {
  database = await openTestDatabase();
  const { workspace } = await createWorkspace(database.db, {
    name: 'Queue',
    ownerEmail: `queue-${Date.now()}@example.test`,
  });
  workspaceId = workspace.id;
  const survey = await createSurvey(database.db, { secret, publicUrl: 'http://127.0.0.1' }, workspaceId, {
    name: 'CSAT',
    template: 'csat_support',
    status: 'active',
  });
  surveyId = survey.id;
});
afterAll(() => database?.close());

describe('AnswerQueue (group commit of public answers)', () => {
  test('a burst is written in batches; each answer gets its own result, a bad one its own 400', async () => {
    const queue = new AnswerQueue(database.db, secret, 2);
    const { ids, tokens: made } = await tokens(40);
    const submits = made.map((token, i) =>
      queue.submit({ token, score: i === 7 ? 9 : (i % 5) + 1, comment: i % 2 ? `コメント ${i}` : undefined }),
    );
    const settled = await Promise.allSettled(submits);
    const rejected = settled.flatMap((s, i) => (s.status === 'rejected' ? [[i, s.reason]] : []));
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.[0]).toBe(7);
    expect(rejected[0]?.[1]).toBeInstanceOf(HttpProblem);
    expect((rejected[0]?.[1] as HttpProblem | undefined)?.errors?.[0]?.field).toBe('body.score');
    const responses = await database.db
      .select()
      .from(surveyResponses)
      .where(and(eq(surveyResponses.workspaceId, workspaceId), inArray(surveyResponses.invitationId, ids)));
    expect(responses).toHaveLength(39);
    const byInvitation = new Map(responses.map((r) => [r.invitationId, r]));
    expect(byInvitation.get(ids[3] ?? '')).toMatchObject({ score: 4, comment: 'コメント 3' });
    expect(byInvitation.has(ids[7] ?? '')).toBe(false);
    const answers = await database.db
      .select()
      .from(surveyAnswers)
      .where(
        and(
          eq(surveyAnswers.workspaceId, workspaceId),
          inArray(
            surveyAnswers.responseId,
            responses.map((r) => r.id),
          ),
        ),
      );
    // A score row for each, a comment row for the odd ones (19 of the 39 written).
    expect(answers).toHaveLength(39 + 19);
    const statuses = await database.db
      .select({ id: surveyInvitations.id, status: surveyInvitations.status })
      .from(surveyInvitations)
      .where(and(eq(surveyInvitations.workspaceId, workspaceId), inArray(surveyInvitations.id, ids)));
    expect(statuses.filter((s) => s.status === 'answered')).toHaveLength(39);
    // One `survey.answered` event per written answer, in the same transaction, about its response.
    const events = await database.db
      .select()
      .from(domainEvents)
      .where(
        and(
          eq(domainEvents.workspaceId, workspaceId),
          inArray(
            domainEvents.subjectId,
            responses.map((r) => r.id),
          ),
        ),
      );
    expect(events).toHaveLength(39);
    const third = events.find((e) => e.subjectId === byInvitation.get(ids[3] ?? '')?.id);
    expect(third).toMatchObject({ type: 'survey.answered', actorType: 'contact', originRuleId: null });
    expect(third?.data).toMatchObject({ surveyId, invitationId: ids[3], kind: 'csat', score: 4, first: true });
    // The comment is searchable: its tsvector was written with the response.
    expect(byInvitation.get(ids[3] ?? '')?.searchVector).toContain('コメ');
  });

  test('answers to one invitation in one burst merge, in order, into one response', async () => {
    const queue = new AnswerQueue(database.db, secret, 2);
    const { ids, tokens: made } = await tokens(1);
    const token = made[0] ?? '';
    const results = await Promise.all([
      queue.submit({ token, score: 2 }),
      queue.submit({ token, comment: 'Slow reply' }),
      queue.submit({ token, score: 3 }),
    ]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results[2]).toMatchObject({ score: 3, comment: 'Slow reply' });
    const responses = await database.db
      .select()
      .from(surveyResponses)
      .where(and(eq(surveyResponses.workspaceId, workspaceId), eq(surveyResponses.invitationId, ids[0] ?? '')));
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ score: 3, comment: 'Slow reply' });
    const events = await database.db
      .select({ data: domainEvents.data })
      .from(domainEvents)
      .where(and(eq(domainEvents.workspaceId, workspaceId), eq(domainEvents.subjectId, responses[0]?.id ?? '')))
      .orderBy(domainEvents.id);
    expect(events.map((e) => [e.data.first, e.data.score, e.data.comment])).toEqual([
      [true, 2, null],
      [false, 2, 'Slow reply'],
      [false, 3, 'Slow reply'],
    ]);
  });

  test('two processes answering one invitation at once: the loser of the race merges into the winner', async () => {
    // Two queues stand for two koe serve processes: each reads the invitation unanswered, both write a first answer.
    const [first, second] = [new AnswerQueue(database.db, secret, 1), new AnswerQueue(database.db, secret, 1)];
    const { ids, tokens: made } = await tokens(1);
    const token = made[0] ?? '';
    const [a, b] = await Promise.all([
      first.submit({ token, score: 2 }),
      second.submit({ token, comment: 'Too slow' }),
    ]);
    expect(a.id).toBe(b.id);
    const responses = await database.db
      .select()
      .from(surveyResponses)
      .where(and(eq(surveyResponses.workspaceId, workspaceId), eq(surveyResponses.invitationId, ids[0] ?? '')));
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ score: 2, comment: 'Too slow' });
  });

  test('forged tokens are refused without touching the batch', async () => {
    const queue = new AnswerQueue(database.db, secret, 1);
    const { tokens: made } = await tokens(1);
    const [good, forged] = await Promise.allSettled([
      queue.submit({ token: made[0] ?? '', score: 5 }),
      queue.submit({ token: `${made[0]?.slice(0, -4)}AAAA`, score: 1 }),
    ]);
    expect(good.status).toBe('fulfilled');
    expect(forged.status).toBe('rejected');
  });
});

describe('first answers whose token names the survey version (one statement)', () => {
  /** An invitation with a full snapshot, as one sent after a conversation would have. */
  async function snapshotInvitation(language: string | null): Promise<InvitationRow> {
    const record = await getSurveyRecord(database.db, workspaceId, surveyId);
    const contact = await createContact(database.db, workspaceId, {
      name: '回答者',
      emails: [],
      phones: [],
      externalIds: [],
      attributes: {},
    });
    const { invitation } = await createInvitation(database.db, workspaceId, {
      survey: record,
      delivery: 'email',
      status: 'sent',
      contactId: contact.id,
      conversationId: crypto.randomUUID(),
      cycle: 2,
      language,
      agentId: crypto.randomUUID(),
      teamId: crypto.randomUUID(),
      channel: 'chat',
      touchpoint: 'billing',
      recoveryCaseId: crypto.randomUUID(),
      unthrottled: true,
    });
    return invitation;
  }

  /** A token as made before tokens named the version: such answers take the read-then-write way. */
  const unversioned = (invitation: InvitationRow) =>
    invitationToken(secret, {
      w: invitation.workspaceId,
      i: invitation.id,
      s: invitation.surveyId,
      exp: Math.floor(invitation.expiresAt.getTime() / 1000),
    });

  async function written(invitation: InvitationRow) {
    const [response] = await database.db
      .select()
      .from(surveyResponses)
      .where(and(eq(surveyResponses.workspaceId, workspaceId), eq(surveyResponses.invitationId, invitation.id)));
    if (!response) throw new Error(`no response to ${invitation.id}`);
    const answers = await database.db
      .select()
      .from(surveyAnswers)
      .where(and(eq(surveyAnswers.workspaceId, workspaceId), eq(surveyAnswers.responseId, response.id)))
      .orderBy(surveyAnswers.questionId);
    const [event] = await database.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.workspaceId, workspaceId), eq(domainEvents.subjectId, response.id)));
    const [marked] = await database.db
      .select({ status: surveyInvitations.status, answeredAt: surveyInvitations.answeredAt })
      .from(surveyInvitations)
      .where(and(eq(surveyInvitations.workspaceId, workspaceId), eq(surveyInvitations.id, invitation.id)));
    // What differs between two invitations by nature: ids, times, the conversation and case they belong to.
    const { id, invitationId, conversationId, contactId, agentId, teamId, submittedAt, updatedAt, ...rest } = response;
    expect({ contactId, conversationId, agentId, teamId }).toEqual({
      contactId: invitation.contactId,
      conversationId: invitation.conversationId,
      agentId: invitation.agentId,
      teamId: invitation.teamId,
    });
    expect(submittedAt.getTime()).toBe(marked?.answeredAt?.getTime());
    expect(event).toMatchObject({
      type: 'survey.answered',
      actorType: 'contact',
      actorId: invitation.contactId,
      contactId: invitation.contactId,
      conversationId: invitation.conversationId,
    });
    expect(event?.data).toMatchObject({ invitationId: invitation.id, recoveryCaseId: invitation.recoveryCaseId });
    return {
      response: rest,
      answers: answers.map(({ responseId, ...row }) => row),
      event: { ...event?.data, invitationId: null, recoveryCaseId: null },
      status: marked?.status,
    };
  }

  test('write what the read-then-write way writes: snapshot, language, answer rows, event, invitation', async () => {
    // The language the respondent asks for, the invitation's: each case once per way.
    const cases: { asked?: string; invited: string | null; chosen: string }[] = [
      { asked: 'ja', invited: 'en', chosen: 'ja' },
      { asked: 'en-US', invited: 'ja', chosen: 'en' },
      { asked: 'fr', invited: 'en-GB', chosen: 'en' },
      { asked: 'fr', invited: 'de', chosen: 'ja' },
      // Nothing asked: the invitation's language (made one the survey has when the invitation was).
      { invited: 'en-GB', chosen: 'en' },
    ];
    const queue = new AnswerQueue(database.db, secret, 1);
    for (const [n, c] of cases.entries()) {
      const [one, two] = [await snapshotInvitation(c.invited), await snapshotInvitation(c.invited)];
      if (!one || !two) throw new Error('no invitation');
      const token = tokenFor(secret, one);
      expect(readInvitationToken(secret, token)?.v).toBe(1);
      const input = { score: (n % 5) + 1, comment: n % 2 ? null : `  助かりました ${n}  `, language: c.asked };
      const [first, second] = await Promise.all([
        queue.submit({ token, ...input }),
        queue.submit({ token: unversioned(two), ...input }),
      ]);
      expect({ ...first, id: null }).toEqual({ ...second, id: null });
      const [a, b] = [await written(one), await written(two)];
      expect(a.response.language).toBe(c.chosen);
      expect(a).toEqual(b);
      expect(a.status).toBe('answered');
    }
  });

  test('answer only invitations that are what the token says and not yet answered; leave the rest', async () => {
    const [fresh, answered, skipped] = [
      await snapshotInvitation('ja'),
      await snapshotInvitation('ja'),
      await snapshotInvitation('ja'),
    ];
    if (!fresh || !answered || !skipped) throw new Error('no invitation');
    await new AnswerQueue(database.db, secret, 1).submit({ token: tokenFor(secret, answered), score: 1 });
    await database.db
      .update(surveyInvitations)
      .set({ status: 'skipped' })
      .where(and(eq(surveyInvitations.workspaceId, workspaceId), eq(surveyInvitations.id, skipped.id)));
    const token = (invitation: InvitationRow, version = invitation.version) => ({
      w: invitation.workspaceId,
      i: invitation.id,
      s: invitation.surveyId,
      v: version,
      exp: Math.floor(invitation.expiresAt.getTime() / 1000),
    });
    const now = new Date();
    const result = await writeFirstAnswers(
      database.db,
      [
        { token: token(answered), input: { token: '', score: 5 } },
        { token: token(fresh, 2), input: { token: '', score: 5 } },
        { token: token(skipped), input: { token: '', score: 5 } },
        { token: token(fresh), input: { token: '', score: 9 } },
        { token: token(fresh), input: { token: '', score: 4, comment: 'ok' } },
      ],
      now,
    );
    // Only the last: the others were answered before, name a version the invitation was not given,
    // are skipped, or do not fit the survey (a 9 on a 1–5 scale); the queue sends them the plain way.
    expect([...result.keys()]).toEqual([4]);
    expect(result.get(4)).toMatchObject({ score: 4, comment: 'ok' });
    expect((await written(fresh)).response).toMatchObject({ score: 4, comment: 'ok', version: 1 });
    expect((await written(answered)).response).toMatchObject({ score: 1 });
    const [left] = await database.db
      .select({ status: surveyInvitations.status })
      .from(surveyInvitations)
      .where(and(eq(surveyInvitations.workspaceId, workspaceId), eq(surveyInvitations.id, skipped.id)));
    expect(left?.status).toBe('skipped');
  });
});

describe('the invitation row an answer updates', () => {
  test('is updated in place (HOT): no index reads its status or answer time', async () => {
    const { ids } = await tokens(1);
    const rolledBack = new Error('roll back');
    let hot = -1;
    await database.db
      .transaction(async (tx) => {
        // Counted since the statistics were last reported (PGlite reports rarely): compared before and after.
        const count = async () =>
          Number(
            (
              await tx.execute<{ hot: string }>(
                sql`select pg_stat_get_xact_tuples_hot_updated('survey_invitations'::regclass) as hot`,
              )
            ).rows[0]?.hot,
          );
        const before = await count();
        // The part of the answer statement that marks the invitation (answer-writes.ts).
        await tx
          .update(surveyInvitations)
          .set({ status: 'answered', answeredAt: new Date() })
          .where(and(eq(surveyInvitations.workspaceId, workspaceId), eq(surveyInvitations.id, ids[0] ?? '')));
        hot = (await count()) - before;
        throw rolledBack;
      })
      .catch((error: unknown) => {
        if (error !== rolledBack) throw error;
      });
    expect(hot).toBe(1);
  });
});
