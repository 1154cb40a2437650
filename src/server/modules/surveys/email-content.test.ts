import { describe, expect, test } from 'vitest';
import { SurveySettings } from '../../../shared/contracts/surveys.ts';
import { renderSurveyEmail, type SurveyEmailInput } from './email-content.ts';
import { findTemplate } from './templates.ts';

function input(template: string, overrides: Partial<SurveyEmailInput> = {}): SurveyEmailInput {
  const found = findTemplate(template);
  if (!found) throw new Error(template);
  return {
    kind: 'invitation',
    language: 'en',
    definition: found.definition,
    settings: SurveySettings.parse({}).email,
    workspaceName: 'Acme "Support"',
    contact: { name: 'Ann <script>', email: 'ann@example.test', companyName: null },
    scoreUrl: (score) => `https://koe.example/s/TOKEN?score=${score}`,
    pageUrl: 'https://koe.example/s/TOKEN',
    unsubscribeUrl: 'https://koe.example/u/UNSUB',
    ...overrides,
  };
}

const scoreLinks = (html: string) =>
  [...html.matchAll(/href="https:\/\/koe\.example\/s\/TOKEN\?score=(\d+)"/g)].map((m) => Number(m[1]));

describe('survey email content', () => {
  test('one link per score for every kind', () => {
    expect(scoreLinks(renderSurveyEmail(input('nps_relationship')).html)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scoreLinks(renderSurveyEmail(input('csat_support')).html)).toEqual([1, 2, 3, 4, 5]);
    expect(scoreLinks(renderSurveyEmail(input('ces_resolution')).html)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test('customer and workspace text is escaped in HTML; the text part carries every link', () => {
    const email = renderSurveyEmail(input('csat_support'));
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Ann &lt;script&gt;');
    expect(email.html).toContain('Acme &quot;Support&quot;');
    expect(email.subject).toBe('A quick question from Acme "Support"');
    for (let score = 1; score <= 5; score++) expect(email.text).toContain(`https://koe.example/s/TOKEN?score=${score}`);
    expect(email.text).toContain('https://koe.example/u/UNSUB');
    expect(email.html).toContain('href="https://koe.example/u/UNSUB"');
    // Email-client-safe: layout tables, no scripts, no stylesheets.
    expect(email.html).toContain('role="presentation"');
    expect(email.html).not.toMatch(/<style|<link|<script/i);
  });

  test('Japanese texts, a greeting without a name, and a reminder subject', () => {
    const email = renderSurveyEmail(
      input('nps_relationship', {
        language: 'ja',
        kind: 'reminder',
        contact: { name: '', email: 'x@example.test', companyName: null },
      }),
    );
    expect(email.subject).toBe('【再送】Acme "Support"からのアンケートのお願い');
    expect(email.text.split('\n')[0]).toBe('お客様各位');
    expect(email.html).toContain('<html lang="ja"');
  });

  test('a subject never carries a line break (no header injection)', () => {
    const email = renderSurveyEmail(
      input('csat_support', {
        settings: { subject: { en: 'Hi {{contact.name}}' }, reminderAfterDays: null },
        contact: { name: 'Eve\r\nBcc: victim@example.test', email: 'e@example.test', companyName: null },
      }),
    );
    expect(email.subject).toBe('Hi Eve Bcc: victim@example.test');
  });
});
