import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Locale } from '../../../shared/contracts/common.ts';
import { notificationPath, notificationText } from '../../../shared/notifications.ts';
import type { AppContext } from '../../context.ts';
import { notificationPreferences, notifications } from '../../db/schema/index.ts';
import { escapeHtml } from '../../lib/html.ts';
import { dispatchEmails, type EmailRow, recordEmail } from '../email/outbox.ts';
import { presentNotification } from './presenters.ts';

/**
 * The optional daily email digest: every hour, each member who turned it on and whose
 * chosen hour it now is in the workspace's time zone (and who had no digest in the last
 * 20 hours) gets one email listing the notifications still unread that no earlier digest
 * listed, in their language, through the email outbox. Nothing unread, no email.
 */

const LISTED = 30;
const FONT = `-apple-system,BlinkMacSystemFont,'Segoe UI','Hiragino Sans','Hiragino Kaku Gothic ProN','Noto Sans JP',Meiryo,sans-serif`;

interface Due extends Record<string, unknown> {
  workspace_id: string;
  user_id: string;
  time_zone: string;
  workspace_name: string;
  email: string;
  locale: string;
}

interface DigestItem {
  title: string;
  detail: string | null;
  url: string | null;
}

const TEXTS = {
  ja: {
    subject: (count: number, workspace: string) => `【${workspace}】未読の通知 ${count} 件`,
    intro: (count: number) => `Koe に未読の通知が ${count} 件あります。`,
    more: (count: number) => `ほか ${count} 件`,
    open: 'Koe で開く',
    footer:
      'このメールは通知の「毎日のまとめ」をオンにしている方にお送りしています。Koe のアカウントメニュー →「通知の設定」で変更できます。',
  },
  en: {
    subject: (count: number, workspace: string) =>
      `[${workspace}] ${count} unread notification${count === 1 ? '' : 's'}`,
    intro: (count: number) => `You have ${count} unread notification${count === 1 ? '' : 's'} in Koe.`,
    more: (count: number) => `and ${count} more`,
    open: 'Open in Koe',
    footer:
      'You get this email because the daily digest of notifications is on. Change it in Koe: account menu → Notification settings.',
  },
} as const;

function renderDigest(input: {
  locale: Locale;
  workspaceName: string;
  total: number;
  items: DigestItem[];
  appUrl: string;
}): { subject: string; text: string; html: string } {
  const t = TEXTS[input.locale];
  const rest = input.total - input.items.length;
  const lines = input.items.map(
    (item) => `- ${item.title}${item.detail ? `\n  ${item.detail}` : ''}${item.url ? `\n  ${item.url}` : ''}`,
  );
  const text = [
    t.intro(input.total),
    '',
    ...lines,
    ...(rest > 0 ? [`- ${t.more(rest)}`] : []),
    '',
    `${t.open}: ${input.appUrl}`,
    '',
    t.footer,
  ].join('\n');
  const rows = input.items
    .map((item) => {
      const title = item.url
        ? `<a href="${escapeHtml(item.url)}" style="color:#0b57d0;text-decoration:none;">${escapeHtml(item.title)}</a>`
        : escapeHtml(item.title);
      const detail = item.detail
        ? `<div style="color:#57606a;font-size:13px;margin-top:2px;">${escapeHtml(item.detail)}</div>`
        : '';
      return `<li style="margin:0 0 12px 0;">${title}${detail}</li>`;
    })
    .join('');
  const html = `<!doctype html><html lang="${input.locale}"><body style="margin:0;padding:24px;background:#f6f8fa;">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #d0d7de;border-radius:8px;padding:24px;font-family:${FONT};font-size:15px;line-height:1.5;color:#1f2328;">
<p style="margin:0 0 16px 0;font-weight:bold;">${escapeHtml(t.intro(input.total))}</p>
<ul style="margin:0 0 16px 0;padding-left:20px;">${rows}${rest > 0 ? `<li style="color:#57606a;">${escapeHtml(t.more(rest))}</li>` : ''}</ul>
<p style="margin:0 0 16px 0;"><a href="${escapeHtml(input.appUrl)}" style="color:#0b57d0;">${escapeHtml(t.open)}</a></p>
<p style="margin:0;color:#57606a;font-size:12px;">${escapeHtml(t.footer)}</p>
</div></body></html>`;
  return { subject: t.subject(input.total, input.workspaceName), text, html };
}

async function dueMembers(app: AppContext, now: Date, workspaceId?: string): Promise<Due[]> {
  const result = await app.db.execute<Due>(sql`
    select p.workspace_id, p.user_id, w.time_zone, w.name as workspace_name, u.email, u.locale
    from notification_preferences p
    join workspaces w on w.id = p.workspace_id
    join memberships m on m.workspace_id = p.workspace_id and m.user_id = p.user_id
    join users u on u.id = p.user_id
    where p.daily_digest
      and extract(hour from (${now.toISOString()}::timestamptz at time zone w.time_zone)) = p.digest_hour
      and (p.last_digest_at is null
           or p.last_digest_at <= ${now.toISOString()}::timestamptz - interval '20 hours')
      ${workspaceId ? sql`and p.workspace_id = ${workspaceId}` : sql``}`);
  return result.rows;
}

/** One member's digest in one transaction; returns the email written, if any. */
async function digestFor(app: AppContext, member: Due, now: Date): Promise<EmailRow | null> {
  return app.db.transaction(async (tx) => {
    // Claimed under a row lock and re-checked, so two workers never send the same digest.
    const claimed = await tx.execute(sql`
      select 1 from notification_preferences
      where workspace_id = ${member.workspace_id} and user_id = ${member.user_id}
        and (last_digest_at is null
             or last_digest_at <= ${now.toISOString()}::timestamptz - interval '20 hours')
      for update skip locked`);
    if (claimed.rows.length === 0) return null;
    const unread = and(
      eq(notifications.workspaceId, member.workspace_id),
      eq(notifications.userId, member.user_id),
      isNull(notifications.readAt),
      isNull(notifications.digestedAt),
    );
    const rows = await tx.select().from(notifications).where(unread).orderBy(desc(notifications.createdAt));
    if (rows.length === 0) return null;
    const locale: Locale = member.locale === 'en' ? 'en' : 'ja';
    const format = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: member.time_zone,
    });
    const items = rows.slice(0, LISTED).map((row) => {
      const notification = presentNotification(row);
      const words = notificationText(notification, locale, (iso) => format.format(new Date(iso)));
      const path = notificationPath(notification);
      return { ...words, url: path ? `${app.config.publicUrl}${path}` : null };
    });
    const content = renderDigest({
      locale,
      workspaceName: member.workspace_name,
      total: rows.length,
      items,
      appUrl: `${app.config.publicUrl}/inbox`,
    });
    const email = await recordEmail(
      tx,
      app,
      member.workspace_id,
      { to: member.email, ...content, purpose: 'notification_digest', refId: null },
      { now },
    );
    await tx
      .update(notifications)
      .set({ digestedAt: now })
      .where(
        and(
          eq(notifications.workspaceId, member.workspace_id),
          inArray(
            notifications.id,
            rows.map((r) => r.id),
          ),
        ),
      );
    await tx
      .update(notificationPreferences)
      .set({ lastDigestAt: now })
      .where(
        and(
          eq(notificationPreferences.workspaceId, member.workspace_id),
          eq(notificationPreferences.userId, member.user_id),
        ),
      );
    return email;
  });
}

/** The hourly digest run; returns how many emails it wrote. */
export async function sendDailyDigests(
  app: AppContext,
  now: Date = new Date(),
  options: { workspaceId?: string } = {},
): Promise<number> {
  let sent = 0;
  for (const member of await dueMembers(app, now, options.workspaceId)) {
    try {
      const email = await digestFor(app, member, now);
      if (!email) continue;
      sent += 1;
      await dispatchEmails(app, [email]);
    } catch (error) {
      app.log.error(
        `[notifications] digest for ${member.user_id} failed: ${error instanceof Error ? error.message : error}`,
      );
    }
  }
  return sent;
}
