import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchPendingEvents } from '../../src/server/modules/events/dispatch.ts';
import { eventHandlers } from '../../src/server/modules/events/handlers.ts';
import type { RecoveryCase, RecoveryCaseDetail } from '../../src/shared/contracts/recovery.ts';
import {
  addMember,
  createContact,
  createConversation,
  createTeam,
  expectStatus,
  serverWorkspace,
  uniqueEmail,
} from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { answer, createSurvey, offerLink } from '../support/surveys.ts';
import { buildWebApp, launchBrowser, screenshot } from './support.ts';

describe('service recovery in the web app', () => {
  let server: TestServer;
  let api: Client;
  let browser: Browser;
  let page: Page;

  /** A customer with a conversation who answers a survey badly. */
  async function unhappy(
    surveyId: string,
    teamId: string,
    customer: { name: string; locale: string; subject: string; tags: string[] },
    score: number,
    comment: string,
  ) {
    const contact = await createContact(api, {
      name: customer.name,
      locale: customer.locale,
      emails: [uniqueEmail('c')],
    });
    const conversation = await createConversation(api, {
      customer: { contactId: contact.id },
      subject: customer.subject,
      teamId,
      tags: customer.tags,
      message: { body: comment },
    });
    const offered = await offerLink(server.app, server.workspaceId, surveyId, {
      contactId: contact.id,
      conversationId: conversation.id,
      teamId,
      channel: 'email',
    });
    expectStatus(await answer(server.url, offered.token, { score, comment }), 200);
    return conversation;
  }

  beforeAll(async () => {
    await buildWebApp();
    server = await startTestServer();
    api = serverWorkspace(server).api;
    const manager = await addMember(server, api, 'manager', 'サポートマネージャー');
    const agent = await addMember(server, api, 'agent', 'サポート担当');
    const team = await createTeam(api, {
      name: 'サポート / Support',
      memberIds: [manager.id, agent.id],
      memberTiers: { [manager.id]: 'manager' },
    });
    const nps = await createSurvey(api, { template: 'nps_relationship' });
    const csat = await createSurvey(api);
    await unhappy(
      nps.id,
      team.id,
      { name: '山本 商店', locale: 'ja', subject: '請求書の金額が違います', tags: ['請求'] },
      2,
      '請求が二重になっていて、問い合わせても返事が遅かったです。',
    );
    await unhappy(
      csat.id,
      team.id,
      { name: 'Harbor Logistics', locale: 'en', subject: 'Late delivery', tags: ['delivery'] },
      1,
      'The parcel arrived a week late and nobody told us.',
    );
    // The dispatcher (every second in `koe serve`) opens the answers' cases: #1 and #2.
    await dispatchPendingEvents(server.app, eventHandlers);
    const review = await createConversation(api, {
      channel: 'review',
      customer: { email: uniqueEmail('reviewer'), name: 'レビュー投稿者' },
      subject: '★☆☆☆☆ 配送が遅い',
      teamId: team.id,
      tags: ['配送'],
    });
    const manual = expectStatus(
      await api.post<RecoveryCaseDetail>('/api/v1/recovery/cases', {
        conversationId: review.id,
        reason: 'レビューで星 1 つ。配送の遅れへの不満。',
      }),
      201,
    );
    // The manual case is in progress: contacted, one action agreed.
    expectStatus(await api.post(`/api/v1/recovery/cases/${manual.id}/steps/contact`, { done: true }), 200);
    expectStatus(
      await api.post(`/api/v1/recovery/cases/${manual.id}/action-items`, {
        title: '次回の配送料を無料にする',
        ownerId: agent.id,
        dueOn: '2026-12-01',
      }),
      201,
    );
    await dispatchPendingEvents(server.app, eventHandlers);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the recovery board moves a case to closed with its outcome', async () => {
    const cases = expectStatus(await api.get<{ data: RecoveryCase[] }>('/api/v1/recovery/cases'), 200).data;
    expect(cases.map((c) => [c.number, c.status, c.owner?.name])).toEqual([
      [3, 'action', 'サポートマネージャー'],
      [2, 'new', 'サポートマネージャー'],
      [1, 'new', 'サポートマネージャー'],
    ]);

    await page.goto(`${server.url}/recovery`);
    await page.getByTestId('login-email').fill(server.owner.email);
    await page.getByTestId('login-password').fill(server.owner.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('language-ja').click();
    const board = page.getByTestId('recovery-board');
    await board.waitFor();
    const newColumn = page.getByTestId('recovery-column-new');
    const closedColumn = page.getByTestId('recovery-column-closed');
    const first = newColumn.locator('[data-testid="recovery-card"][data-case="1"]');
    await first.waitFor();
    expect(await first.textContent()).toContain('山本 商店');
    // Opened now: due in four hours, not overdue.
    expect(await first.getByTestId('case-due').getAttribute('data-overdue')).toBe('false');
    await screenshot(page, 'ja-recovery-board');

    // Keyboard and mouse alike: the move menu, then the outcome.
    await first.getByTestId('case-move').click();
    await page.getByTestId('case-move-closed').click();
    await page.getByTestId('close-outcome-recovered').click();
    await screenshot(page, 'ja-recovery-close-dialog');
    await page.getByTestId('close-confirm').click();
    const closed = closedColumn.locator('[data-testid="recovery-card"][data-case="1"]');
    await closed.waitFor();
    await expect.poll(() => first.count()).toBe(0);
    expect(await closed.getByTestId('case-outcome').textContent()).toBe('挽回できた');

    const detail = expectStatus(await api.get<RecoveryCaseDetail>(`/api/v1/recovery/cases/${cases[2]?.id}`), 200);
    expect(detail).toMatchObject({ status: 'closed', outcome: 'recovered', closedAt: expect.any(String) });
    expect(detail.events.map((e) => e.type)).toEqual(['opened', 'status_changed', 'closed']);

    // Or dragged: case #2 from "new" to "contacted".
    const second = newColumn.locator('[data-testid="recovery-card"][data-case="2"]');
    const contactedColumn = page.getByTestId('recovery-column-contacted');
    await second.dragTo(contactedColumn);
    await contactedColumn.locator('[data-testid="recovery-card"][data-case="2"]').waitFor();
    await expect.poll(() => second.count()).toBe(0);
    const moved = expectStatus(await api.get<RecoveryCaseDetail>(`/api/v1/recovery/cases/${cases[1]?.id}`), 200);
    expect(moved.status).toBe('contacted');
    // Dropped on "closed", a case asks for its outcome first, as the menu does; cancelling leaves it where it was.
    await contactedColumn.locator('[data-testid="recovery-card"][data-case="2"]').dragTo(closedColumn);
    await page.getByTestId('close-outcome-recovered').waitFor();
    await page.keyboard.press('Escape');
    await contactedColumn.locator('[data-testid="recovery-card"][data-case="2"]').waitFor();
    expect(expectStatus(await api.get<RecoveryCaseDetail>(`/api/v1/recovery/cases/${cases[1]?.id}`), 200).status).toBe(
      'contacted',
    );

    await page.getByTestId('language-en').click();
    await expect.poll(() => closed.getByTestId('case-outcome').textContent()).toBe('Recovered');
    await screenshot(page, 'en-recovery-board');
  });

  it('the case page: playbook, action items, outcome and history', async () => {
    await page.getByTestId('recovery-column-action').getByTestId('recovery-card-link').first().click();
    await page.getByTestId('case-page').waitFor();
    await page.getByTestId('step-apologise').click();
    await expect.poll(() => page.getByTestId('step-apologise').isChecked()).toBe(true);
    await page.getByTestId('action-item-title').fill('Call back on Friday');
    await page.getByTestId('action-item-add').click();
    await expect.poll(() => page.getByTestId('action-item').count()).toBe(2);
    await screenshot(page, 'en-recovery-case');
    await page.getByTestId('language-ja').click();
    await page.getByTestId('case-playbook').getByText('プレイブック').waitFor();
    await screenshot(page, 'ja-recovery-case');
  });

  it('Insights → Recovery: the figures open the cases behind them', async () => {
    await page.goto(`${server.url}/insights/recovery`);
    const opened = page.getByTestId('figure-opened');
    // The page's code loads on first visit: wait for the card before reading it.
    await opened.getByTestId('figure-value').waitFor();
    // Three cases opened today; #1 closed as recovered: 1 of 1.
    await expect.poll(() => opened.getByTestId('figure-value').textContent()).toBe('3');
    await expect
      .poll(() => page.getByTestId('figure-recovery-rate').getByTestId('figure-value').textContent())
      .toBe('100 %');
    await screenshot(page, 'ja-recovery-insights');
    await opened.getByRole('button').click();
    await expect.poll(() => page.getByTestId('drill-cases').getByRole('link').count()).toBe(3);
    await page.keyboard.press('Escape');
    await page.getByTestId('language-en').click();
    await page.getByTestId('escalation-rate').getByText('Escalation rate').waitFor();
    await screenshot(page, 'en-recovery-insights');
  });

  it('Settings → Service recovery: thresholds and playbooks', async () => {
    await page.goto(`${server.url}/settings/recovery`);
    const csat = page.getByTestId('threshold-csatMax');
    await csat.waitFor();
    await csat.fill('3');
    await page.getByTestId('recovery-settings-save').click();
    await expect
      .poll(
        async () =>
          (await api.get<{ thresholds: { csatMax: number } }>('/api/v1/recovery/settings')).body.thresholds.csatMax,
      )
      .toBe(3);
    await page.getByTestId('playbook-tab-en').click();
    const steps = page.getByTestId('playbook-en').getByTestId('playbook-step');
    await steps.nth(1).fill('Apologise sincerely');
    await page.getByTestId('playbook-en').getByTestId('playbook-save').click();
    await expect
      .poll(async () => {
        const list = await api.get<{ data: { language: string; custom: boolean; steps: { label: string }[] }[] }>(
          '/api/v1/recovery/playbooks',
        );
        return list.body.data.find((p) => p.language === 'en')?.steps[1]?.label;
      })
      .toBe('Apologise sincerely');
    await screenshot(page, 'en-recovery-settings');
    await page.getByTestId('language-ja').click();
    await page.getByTestId('playbook-tab-ja').click();
    await screenshot(page, 'ja-recovery-settings');
  });

  it('the inbox: escalate a conversation and open a case from its header', async () => {
    const conversations = await api.get<{ data: { id: string; subject: string }[] }>('/api/v1/conversations');
    const late = conversations.body.data.find((c) => c.subject === 'Late delivery');
    await page.goto(`${server.url}/inbox/${late?.id}`);
    await page.getByTestId('escalate').click();
    await page.getByTestId('escalate-reason').fill('返金額が担当者の権限を超えるため');
    await screenshot(page, 'ja-recovery-escalate');
    await page.getByTestId('escalate-submit').click();
    await expect.poll(() => page.getByTestId('escalation-tier').textContent()).toBe('シニア 対応');
    await page.getByTestId('open-cases').waitFor();
    await screenshot(page, 'ja-recovery-inbox');
    // The inbox's "エスカレーション中" view: only escalated conversations, each marked with its tier.
    const rows = page.getByTestId('conversation-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await page.getByTestId('escalated-view').click();
    await expect.poll(() => page.url()).toContain('escalated=1');
    await expect.poll(() => rows.count()).toBe(await page.getByTestId('row-escalation-tier').count());
    expect(await rows.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Late delivery')]));
    expect(await page.getByTestId('row-escalation-tier').first().getAttribute('aria-label')).toBe('シニア 対応');
    await screenshot(page, 'ja-inbox-escalated');
    await page.getByTestId('escalated-view').click();
    await expect.poll(() => page.url()).not.toContain('escalated=1');
    await page.getByTestId('language-en').click();
    await page.getByTestId('open-recovery-case').click();
    await page.getByTestId('open-case-reason').fill('Called back, still unhappy about the delay');
    await screenshot(page, 'en-recovery-open-case');
    await page.getByTestId('open-case-submit').click();
    // The conversation's open case (#2) takes the reason; no second case.
    await page.getByTestId('case-page').waitFor();
    expect(page.url()).toMatch(/\/recovery\/cases\//);
    const list = await api.get<{ data: unknown[] }>('/api/v1/recovery/cases');
    expect(list.body.data).toHaveLength(3);
  });
});
