import { z } from 'zod';
import { PublicAnswerInput, PublicEventInput, PublicSurvey } from '../../../shared/contracts/surveys.ts';
import { defineRoute } from '../../http/route.ts';
import { answerQueue } from './answer-queue.ts';
import { openPublicSurvey, recordPublicEvent } from './responses.ts';

const tags = ['Public survey'];

/** What respondents call: no login, a signed token instead, rate limited per address. */
export const publicSurveyRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/public/surveys/{token}',
    summary: 'The survey behind a signed link, in the respondent’s language; records the opening, never a score',
    tags,
    auth: 'public',
    params: z.object({ token: z.string().min(10).max(2000) }),
    query: z.object({ lang: z.string().min(2).max(5).optional() }),
    response: PublicSurvey.extend({ token: z.string() }),
    rateLimit: 'public',
    handler: ({ app, params, query }) => openPublicSurvey(app.db, app.config.secret, params.token, query.lang),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/public/responses',
    summary: 'Answer: the score first and the comment later merge into one response per invitation',
    tags,
    auth: 'public',
    body: PublicAnswerInput,
    response: z.object({
      id: z.string(),
      score: z.number().nullable(),
      comment: z.string().nullable(),
      thankYou: z.string(),
    }),
    rateLimit: 'public',
    handler: ({ app, body }) => answerQueue(app.database, app.config.secret).submit(body),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/public/events',
    summary: 'Record that a survey was shown (opened) or closed without answering (dismissed)',
    tags,
    auth: 'public',
    body: PublicEventInput,
    status: 204,
    rateLimit: 'public',
    handler: ({ app, body }) => recordPublicEvent(app.db, app.config.secret, body.token, body.type),
  }),
];
