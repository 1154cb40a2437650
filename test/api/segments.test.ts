import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SendSurveyResult } from '../../src/shared/contracts/distribution.ts';
import type { Segment, SegmentContacts } from '../../src/shared/contracts/segments.ts';
import type { Survey } from '../../src/shared/contracts/surveys.ts';
import {
  createCompany,
  createContact,
  createTestWorkspace,
  expectStatus,
  serverWorkspace,
  type TestWorkspace,
  unique,
  uniqueEmail,
} from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let api: Client;
let other: TestWorkspace;
/** A marker attribute so filters only ever see this file's contacts. */
const batch = unique('batch');
const ids = {} as Record<'jaPro' | 'jaProNoEmail' | 'enPro' | 'jaFree' | 'jaTrial' | 'jaProOld', string>;
let proCompanyId: string;
/** Between the first contact and the others. */
let cutoff: string;

beforeAll(async () => {
  server = await startTestServer();
  api = serverWorkspace(server).api;
  other = await createTestWorkspace(server);
  const pro = await createCompany(api, { plan: 'Pro' });
  const free = await createCompany(api, { plan: 'free' });
  const trial = await createCompany(api, { plan: 'pro', lifecycleStage: 'trial' });
  proCompanyId = pro.id;
  const contact = (input: Record<string, unknown>) =>
    createContact(api, { emails: [uniqueEmail('s')], ...input, attributes: { batch, ...(input.attributes ?? {}) } });
  ids.jaProOld = (await contact({ locale: 'ja', companyId: pro.id })).id;
  await new Promise((resolve) => setTimeout(resolve, 20));
  cutoff = new Date().toISOString();
  ids.jaPro = (await contact({ locale: 'ja-JP', companyId: pro.id, attributes: { tier: 'gold' } })).id;
  ids.jaProNoEmail = (await contact({ locale: 'ja', companyId: pro.id, emails: [] })).id;
  ids.enPro = (await contact({ locale: 'en', companyId: pro.id })).id;
  ids.jaFree = (await contact({ locale: 'ja', companyId: free.id })).id;
  ids.jaTrial = (await contact({ locale: 'ja', companyId: trial.id })).id;
});
afterAll(() => server?.close());

async function preview(filter: Record<string, unknown>): Promise<string[]> {
  const result = expectStatus(
    await api.post<SegmentContacts>('/api/v1/segments/preview', {
      filter: { attributes: { batch }, ...filter },
      limit: 50,
    }),
    200,
    'preview',
  );
  expect(result.total).toBe(result.data.length);
  return result.data.map((c) => c.id).sort();
}

const sorted = (...values: string[]) => [...values].sort();

describe('segments', () => {
  test('each filter field narrows the contacts', async () => {
    expect(await preview({})).toEqual(sorted(...Object.values(ids)));
    expect(await preview({ locales: ['ja'] })).toEqual(
      sorted(ids.jaPro, ids.jaProNoEmail, ids.jaFree, ids.jaTrial, ids.jaProOld),
    );
    expect(await preview({ plans: ['PRO'], lifecycleStages: ['customer'] })).toEqual(
      sorted(ids.jaPro, ids.jaProNoEmail, ids.enPro, ids.jaProOld),
    );
    expect(await preview({ lifecycleStages: ['trial'] })).toEqual([ids.jaTrial]);
    expect(await preview({ companyIds: [proCompanyId], hasEmail: false })).toEqual([ids.jaProNoEmail]);
    expect(await preview({ attributes: { batch, tier: 'gold' } })).toEqual([ids.jaPro]);
    expect(await preview({ createdBefore: cutoff })).toEqual([ids.jaProOld]);
    expect((await preview({ createdAfter: cutoff })).length).toBe(5);
  });

  test('saved, listed, previewed with a count, changed and deleted', async () => {
    const created = expectStatus(
      await api.post<Segment>('/api/v1/segments', {
        name: 'Japanese Pro customers',
        filter: { locales: ['ja'], plans: ['pro'], lifecycleStages: ['customer'], attributes: { batch } },
      }),
      201,
      'create segment',
    );
    const list = expectStatus(await api.get<{ data: Segment[] }>('/api/v1/segments'), 200, 'list');
    expect(list.data.map((s) => s.id)).toContain(created.id);
    const contacts = expectStatus(
      await api.get<SegmentContacts>(`/api/v1/segments/${created.id}/contacts?limit=2`),
      200,
      'contacts',
    );
    expect(contacts.total).toBe(3);
    expect(contacts.data).toHaveLength(2);
    expect(contacts.nextCursor).toEqual(expect.any(String));
    const renamed = expectStatus(
      await api.patch<Segment>(`/api/v1/segments/${created.id}`, { name: 'Renamed' }),
      200,
      'rename',
    );
    expect(renamed).toMatchObject({ name: 'Renamed', filter: created.filter });
    expect((await api.delete(`/api/v1/segments/${created.id}`)).status).toBe(204);
    expectProblem(await api.get(`/api/v1/segments/${created.id}`), 404);
  });

  test('sending to a segment offers each matching contact; throttled and address-less ones are skipped', async () => {
    const segment = expectStatus(
      await api.post<Segment>('/api/v1/segments', {
        name: unique('pro'),
        filter: { companyIds: [proCompanyId], attributes: { batch } },
      }),
      201,
      'segment',
    );
    const survey = expectStatus(
      await api.post<Survey>('/api/v1/surveys', { name: 'NPS', template: 'nps_relationship', status: 'active' }),
      201,
      'survey',
    );
    // jaPro already had a survey today: the workspace's minimum gap applies.
    const csat = expectStatus(
      await api.post<Survey>('/api/v1/surveys', { name: 'CSAT', template: 'csat_support', status: 'active' }),
      201,
      'survey',
    );
    expectStatus(await api.post(`/api/v1/surveys/${csat.id}/send`, { contactId: ids.jaPro }), 200, 'first');

    const result = expectStatus(
      await api.post<SendSurveyResult>(`/api/v1/surveys/${survey.id}/send`, { segmentId: segment.id }),
      200,
      'send to segment',
    );
    expect(result.invitations.map((i) => i.contactId).sort()).toEqual(sorted(ids.enPro, ids.jaProOld));
    expect(result.sent).toBe(2);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { contactId: ids.jaProNoEmail, reason: 'no_email' },
        { contactId: ids.jaPro, reason: 'min_gap' },
      ]),
    );
    expect(result.skipped).toHaveLength(2);
    const languages = Object.fromEntries(result.invitations.map((i) => [i.contactId, i.language]));
    expect(languages).toEqual({ [ids.enPro]: 'en', [ids.jaProOld]: 'ja' });
  });
});

describe('bad input names the field', () => {
  test('send', async () => {
    const survey = expectStatus(
      await api.post<Survey>('/api/v1/surveys', { name: 'x', template: 'csat_support', status: 'active' }),
      201,
      'survey',
    );
    const path = `/api/v1/surveys/${survey.id}/send`;
    const otherContact = await createContact(other.api);
    expectProblem(await api.post(path, {}), 400, 'body.contactId');
    expectProblem(await api.post(path, { contactId: ids.enPro, delivery: 'sms' }), 400, 'body.delivery');
    expectProblem(await api.post(path, { contactId: 'nope' }), 400, 'body.contactId');
    expectProblem(await api.post(path, { contactId: otherContact.id }), 400, 'body.contactId');
    expectProblem(await api.post(path, { segmentId: otherContact.id }), 400, 'body.segmentId');
    expectProblem(await api.post(path, { contactId: ids.enPro, segmentId: otherContact.id }), 400, 'body.segmentId');
    expectProblem(
      await api.post(path, { contactId: ids.enPro, conversationId: otherContact.id }),
      400,
      'body.conversationId',
    );
    expectProblem(await api.post(`/api/v1/surveys/${otherContact.id}/send`, { contactId: ids.enPro }), 404);
    expectStatus(await api.patch(`/api/v1/surveys/${survey.id}`, { status: 'archived' }), 200, 'archive');
    expectProblem(await api.post(path, { contactId: ids.enPro }), 409);
  });

  test('segments and lists', async () => {
    expectProblem(await api.post('/api/v1/segments', { filter: {} }), 400, 'body.name');
    expectProblem(
      await api.post('/api/v1/segments', { name: 'x', filter: { locales: [] } }),
      400,
      'body.filter.locales',
    );
    expectProblem(
      await api.post('/api/v1/segments', { name: 'x', filter: { lifecycleStages: ['vip'] } }),
      400,
      'body.filter.lifecycleStages.0',
    );
    expectProblem(
      await api.post('/api/v1/segments', {
        name: 'x',
        filter: { createdAfter: '2025-02-01T00:00:00Z', createdBefore: '2025-01-01T00:00:00Z' },
      }),
      400,
      'body.filter.createdBefore',
    );
    expectProblem(await api.post('/api/v1/segments', { name: 'x', filter: { color: 'red' } }), 400, 'body.filter');
    expectProblem(await api.get('/api/v1/outbox?status=lost'), 400, 'query.status');
    expectProblem(await api.get('/api/v1/outbox?cursor=zzz'), 400, 'query.cursor');
    expectProblem(await api.get('/api/v1/email-suppressions?cursor=zzz'), 400, 'query.cursor');
  });
});
