import { createTransport } from 'nodemailer';
import type { EmailRow } from './outbox.ts';

export interface SmtpResult {
  messageId: string;
}

/** A delivery error and whether retrying can help (an SMTP 5xx reply will not change). */
export interface SmtpFailure {
  message: string;
  permanent: boolean;
}

function domainOf(address: string): string {
  return address.split('@')[1]?.replace(/>.*$/, '') || 'localhost';
}

/**
 * Sends one recorded email through SMTP_URL. The Message-ID is derived from the email's
 * id, so a retried delivery carries the same id and receivers can drop a duplicate.
 */
export async function sendThroughSmtp(
  smtpUrl: string,
  from: { name: string; address: string },
  email: EmailRow,
): Promise<SmtpResult> {
  const transport = createTransport({
    url: smtpUrl,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  try {
    const info = await transport.sendMail({
      from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: email.headers,
      messageId: `<${email.id}@${domainOf(from.address)}>`,
    });
    return { messageId: String(info.messageId ?? '') };
  } finally {
    transport.close();
  }
}

export function describeSmtpError(error: unknown): SmtpFailure {
  const e = error as { message?: string; responseCode?: number; code?: string; response?: string };
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const message = (e.response || e.message || String(error)).slice(0, 1000);
  return {
    message: code ? `${code} ${message.replace(/^\d{3}\s*/, '')}` : `${e.code ? `${e.code}: ` : ''}${message}`,
    permanent: code !== null && code >= 500 && code < 600,
  };
}
