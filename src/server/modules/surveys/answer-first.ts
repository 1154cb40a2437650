import type { PublicAnswerInput, SurveyDefinition } from '../../../shared/contracts/surveys.ts';
import { toTsvectorLiteral } from '../../../shared/search.ts';
import type { Tx } from '../../db/client.ts';
import { namedQuery } from '../../db/raw.ts';
import { newIds } from '../../lib/id.ts';
import { type AnswerRow, answerRows, scoreAndComment } from './answer-plan.ts';
import { surveyDefinitions } from './answer-target.ts';
import { ANSWER_COLUMNS, answerRowArrays, EVENT_COLUMNS, RESPONSE_COLUMNS } from './answer-writes.ts';
import { defaultLanguage, offeredLanguage, offeredLanguages } from './invitations.ts';
import { publicDefinition } from './public-definition.ts';
import type { InvitationToken } from './tokens.ts';

/** A first answer as its token and its body give it, before the database is read. */
export interface FirstAnswer {
  token: InvitationToken & { v: number };
  input: PublicAnswerInput;
}

export type FirstAnswerResult = { id: string; score: number | null; comment: string | null; thankYou: string };

/**
 * First answers to invitations, read and written by one statement of fixed text (array
 * parameters: parsed and planned once per connection). The token names the survey version
 * the invitation was given, so each answer is checked against that version before the
 * statement; the statement then writes only the answers whose invitation is what the token
 * says (same survey and version, not skipped or failed) and has no response yet, and takes
 * the snapshot (contact, conversation, agent, team, channel, touchpoint) from the invitation.
 * It writes what answer-writes.ts writes for a first answer: the response, its answer rows,
 * a `survey.answered` event queued for dispatch and the invitation marked answered.
 */
const WRITE_FIRST_ANSWERS = `with
  k as (
    select * from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::uuid[], $7::smallint[], $8::text[],
      $9::text[], $10::text[], $11::bool[], $12::text[], $13::text[], $14::uuid[])
      as k(workspace_id, invitation_id, survey_id, version, response_id, score, comment,
        search_vector, language, resolve, offered, fallback, event_id)),
  t as (
    select k.*, i.contact_id, i.conversation_id, i.cycle, i.delivery, i.agent_id, i.team_id, i.channel,
      i.touchpoint, i.recovery_case_id, s.kind,
      coalesce(k.language, case
        when not k.resolve then i.language
        when i.language = any(string_to_array(k.offered, ',')) then i.language
        when split_part(i.language, '-', 1) = any(string_to_array(k.offered, ',')) then split_part(i.language, '-', 1)
        else k.fallback end) as chosen
    from k
    join survey_invitations i on i.workspace_id = k.workspace_id and i.id = k.invitation_id
      and i.survey_id = k.survey_id and i.version = k.version and i.status not in ('skipped', 'failed')
    join surveys s on s.workspace_id = i.workspace_id and s.id = i.survey_id
    where not exists (
      select 1 from survey_responses r where r.workspace_id = i.workspace_id and r.invitation_id = i.id)),
  responses as (
    insert into survey_responses (${RESPONSE_COLUMNS})
    select workspace_id, response_id, survey_id, version, invitation_id, kind, score, comment,
      contact_id, conversation_id, cycle, delivery, chosen, agent_id, team_id, channel, touchpoint,
      search_vector::tsvector, $1, $1
    from t),
  answers as (
    insert into survey_answers (${ANSWER_COLUMNS})
    select t.workspace_id, a.response_id, a.question_id, a.option_id, a.score, a.text, a.skipped
    from unnest($15::uuid[], $16::text[], $17::text[], $18::smallint[], $19::text[], $20::bool[])
      as a(response_id, question_id, option_id, score, text, skipped)
    join t on t.response_id = a.response_id),
  events as (
    insert into domain_events (${EVENT_COLUMNS})
    select workspace_id, event_id, 'survey.answered', conversation_id, contact_id, response_id,
      jsonb_build_object('surveyId', survey_id, 'invitationId', invitation_id, 'kind', kind, 'score', score,
        'comment', comment, 'first', true, 'channel', channel, 'delivery', delivery,
        'recoveryCaseId', recovery_case_id),
      'contact', contact_id, $1
    from t),
  queued as (
    insert into domain_event_queue (workspace_id, id) select workspace_id, event_id from t),
  invitations as (
    update survey_invitations i set status = 'answered', answered_at = $1
    from t where i.workspace_id = t.workspace_id and i.id = t.invitation_id)
  select invitation_id as "invitationId", chosen as "language" from t`;

interface Prepared {
  /** Its place in the answers given. */
  index: number;
  answer: FirstAnswer;
  definition: SurveyDefinition;
  responseId: string;
  score: number | null;
  comment: string | null;
  rows: AnswerRow[];
}

/**
 * Writes the first answers it can in one statement; the map holds each written answer's
 * result by its index. An answer left out (its invitation answered before, or not what its
 * token says, or an answer that does not fit the survey) is for the caller to take the
 * plain way, which merges it or gives the 400 in the usual order. One answer per invitation.
 */
export async function writeFirstAnswers(
  tx: Tx,
  answers: FirstAnswer[],
  now: Date,
): Promise<Map<number, FirstAnswerResult>> {
  const written = new Map<number, FirstAnswerResult>();
  const definitions = await surveyDefinitions(
    tx,
    answers.map(({ token }) => ({ workspaceId: token.w, surveyId: token.s, version: token.v })),
  );
  const ids = newIds(answers.map(() => now.getTime()));
  const items: Prepared[] = [];
  answers.forEach((answer, index) => {
    const definition = definitions[index];
    if (!definition) return;
    let rows: AnswerRow[];
    try {
      rows = answerRows(definition, answer.input);
    } catch {
      return;
    }
    const { scoreRow, commentRow } = scoreAndComment(definition, rows);
    const score = scoreRow?.score ?? null;
    const comment = commentRow?.text ?? null;
    items.push({ index, answer, definition, responseId: ids[index] as string, score, comment, rows });
  });
  if (items.length === 0) return written;
  const rows = items.flatMap((item) => item.rows.map((row) => ({ ...row, responseId: item.responseId })));
  const asked = (item: Prepared) => item.answer.input.language;
  const found = await namedQuery<{ invitationId: string; language: string }>(
    tx,
    'koe_write_first_answers',
    WRITE_FIRST_ANSWERS,
    [
      now,
      items.map((i) => i.answer.token.w),
      items.map((i) => i.answer.token.i),
      items.map((i) => i.answer.token.s),
      items.map((i) => i.answer.token.v),
      items.map((i) => i.responseId),
      items.map((i) => i.score),
      items.map((i) => i.comment),
      items.map((i) => (i.comment ? toTsvectorLiteral(i.comment) : null)),
      // The language asked for when the survey has it; else the invitation's, itself checked
      // against the survey when one was asked for (chooseLanguage, in SQL).
      items.map((i) => {
        const language = asked(i);
        return language ? offeredLanguage(i.definition, language) : null;
      }),
      items.map((i) => Boolean(asked(i))),
      items.map((i) => offeredLanguages(i.definition).join(',')),
      items.map((i) => defaultLanguage(i.definition)),
      newIds(items.map(() => now.getTime())),
      ...answerRowArrays(rows),
    ],
  );
  const languages = new Map(found.map((row) => [row.invitationId, row.language]));
  for (const item of items) {
    const language = languages.get(item.answer.token.i);
    if (language === undefined) continue;
    written.set(item.index, {
      id: item.responseId,
      score: item.score,
      comment: item.comment,
      thankYou: publicDefinition(item.definition, language).thankYou,
    });
  }
  return written;
}
