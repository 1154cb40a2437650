import type { SurveyDefinition, SurveySettings } from '../../../shared/contracts/surveys.ts';
import { renderScript, type ScriptContext } from '../../../shared/scripts.ts';
import { escapeHtml } from '../../lib/html.ts';
import { emailTexts } from './email-texts.ts';
import { publicDefinition } from './responses.ts';

export interface SurveyEmailInput {
  kind: 'invitation' | 'reminder';
  language: string;
  definition: SurveyDefinition;
  /** The survey's own subject and intro per language, when set. */
  settings: SurveySettings['email'];
  workspaceName: string;
  contact: { name: string | null; email: string; companyName: string | null };
  /** The answer page with a score chosen; it records nothing until the person confirms. */
  scoreUrl: (score: number) => string;
  pageUrl: string;
  unsubscribeUrl: string;
}

export interface SurveyEmail {
  subject: string;
  text: string;
  html: string;
}

interface ScoreLink {
  score: number;
  url: string;
  /** The scale's end label for the lowest and highest score. */
  label: string;
}

const FONT = `-apple-system,BlinkMacSystemFont,'Segoe UI','Hiragino Sans','Hiragino Kaku Gothic ProN','Noto Sans JP',Meiryo,sans-serif`;

function pickText(texts: Record<string, string> | undefined, language: string): string | undefined {
  if (!texts) return undefined;
  return texts[language] ?? texts[language.split('-')[0] ?? language];
}

/** Paragraphs on blank lines, line breaks within them; everything escaped. */
function paragraphsHtml(text: string, style: string): string {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => `<p style="${style}">${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

function scoreButtonsHtml(links: ScoreLink[], accessibleName: (link: ScoreLink) => string): string {
  const width = Math.floor(100 / links.length);
  const cells = links.map(
    (link) =>
      `<td width="${width}%" align="center" style="padding:0 2px;"><a href="${escapeHtml(link.url)}" title="${escapeHtml(accessibleName(link))}" aria-label="${escapeHtml(accessibleName(link))}" style="display:block;padding:12px 0;border:1px solid #8c959f;border-radius:6px;background-color:#ffffff;color:#0b57d0;font-family:${FONT};font-size:16px;font-weight:bold;line-height:20px;text-align:center;text-decoration:none;">${link.score}</a></td>`,
  );
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="table-layout:fixed;"><tr>${cells.join('')}</tr></table>`;
}

/** Everything an email says, filled in and in one language, before it becomes text or HTML. */
interface Words {
  language: string;
  subject: string;
  greeting: string;
  intro: string;
  prompt: string;
  instruction: string;
  links: ScoreLink[];
  accessibleName: (link: ScoreLink) => string;
  openPage: string;
  pageUrl: string;
  footer: string;
  unsubscribe: string;
  unsubscribeUrl: string;
}

function words(input: SurveyEmailInput): Words {
  const t = emailTexts(input.language);
  const survey = publicDefinition(input.definition, input.language);
  const question = survey.questions[0];
  const context: ScriptContext = {
    contact: { name: input.contact.name, email: input.contact.email },
    company: { name: input.contact.companyName },
    workspace: { name: input.workspaceName },
  };
  const fill = (template: string) =>
    renderScript(template, context).replaceAll('{{email}}', input.contact.email).replace(/\r\n?/g, '\n');
  // One line, always: a line break in a subject would start a new mail header.
  const subjectBase = fill(pickText(input.settings.subject, input.language) ?? t.subject).replace(/\s+/g, ' ');
  const reminder = input.kind === 'reminder';
  const customIntro = pickText(input.settings.intro, input.language);
  const { min, max } = survey.scale;
  const ends = question && 'lowLabel' in question ? { low: question.lowLabel, high: question.highLabel } : null;
  const links: ScoreLink[] = [];
  for (let score = min; score <= max; score++) {
    const label = score === min ? (ends?.low ?? '') : score === max ? (ends?.high ?? '') : '';
    links.push({ score, url: input.scoreUrl(score), label });
  }
  return {
    language: input.language,
    subject: `${reminder ? t.reminderPrefix : ''}${subjectBase}`.trim().slice(0, 250),
    greeting: input.contact.name?.trim() ? fill(t.greeting) : t.greetingNoName,
    intro: [reminder ? t.reminderIntro : null, customIntro ?? (reminder ? null : t.intro)]
      .filter((p): p is string => Boolean(p))
      .map(fill)
      .join('\n\n'),
    prompt: question?.prompt ?? '',
    instruction: t.instruction,
    links,
    accessibleName: (link) =>
      `${t.scoreLink.replace('{{score}}', String(link.score))}${link.label ? ` (${link.label})` : ''}`,
    openPage: t.openPage,
    pageUrl: input.pageUrl,
    footer: fill(t.footer),
    unsubscribe: t.unsubscribe,
    unsubscribeUrl: input.unsubscribeUrl,
  };
}

function textPart(w: Words): string {
  return [
    w.greeting,
    '',
    w.intro,
    '',
    w.prompt,
    w.instruction,
    '',
    ...w.links.map((l) => `${l.score}${l.label ? ` (${l.label})` : ''}: ${l.url}`),
    '',
    `${w.openPage}: ${w.pageUrl}`,
    '',
    '--',
    `${w.footer}${w.unsubscribe}: ${w.unsubscribeUrl}`,
    '',
  ].join('\n');
}

function htmlPart(w: Words): string {
  const body = `font-family:${FONT};font-size:16px;line-height:1.6;color:#1f2328;`;
  const small = `font-family:${FONT};font-size:13px;color:#57606a;`;
  const low = w.links[0]?.label ?? '';
  const high = w.links[w.links.length - 1]?.label ?? '';
  return `<!doctype html>
<html lang="${escapeHtml(w.language)}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(w.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f5f7;">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${escapeHtml(w.prompt)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f5f7;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:#ffffff;border-radius:8px;">
<tr><td style="padding:32px 28px 8px;${body}">
<p style="margin:0 0 16px;">${escapeHtml(w.greeting)}</p>
${paragraphsHtml(w.intro, 'margin:0 0 16px;')}
<h1 style="margin:8px 0 8px;font-family:${FONT};font-size:20px;line-height:1.4;color:#1f2328;">${escapeHtml(w.prompt)}</h1>
<p style="margin:0 0 16px;font-size:14px;color:#57606a;">${escapeHtml(w.instruction)}</p>
</td></tr>
<tr><td style="padding:0 24px;">
${scoreButtonsHtml(w.links, w.accessibleName)}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>
<td align="left" style="padding:6px 2px 0;${small}">${escapeHtml(low)}</td>
<td align="right" style="padding:6px 2px 0;${small}">${escapeHtml(high)}</td>
</tr></table>
</td></tr>
<tr><td style="padding:24px 28px 32px;${body}">
<a href="${escapeHtml(w.pageUrl)}" style="color:#0b57d0;text-decoration:underline;">${escapeHtml(w.openPage)}</a>
</td></tr>
</table>
<p style="max-width:600px;margin:16px auto 0;font-family:${FONT};font-size:12px;line-height:1.6;color:#57606a;">${escapeHtml(w.footer)}<a href="${escapeHtml(w.unsubscribeUrl)}" style="color:#57606a;text-decoration:underline;">${escapeHtml(w.unsubscribe)}</a></p>
</td></tr>
</table>
</body>
</html>
`;
}

/**
 * A survey invitation or reminder in one language: a plain-text part and an HTML part
 * built for email clients (tables, inline styles, no scripts or images), with one link
 * per score. Opening a link records nothing; the page asks the person to confirm.
 */
export function renderSurveyEmail(input: SurveyEmailInput): SurveyEmail {
  const w = words(input);
  return { subject: w.subject, text: textPart(w), html: htmlPart(w) };
}
