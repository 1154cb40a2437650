import type { Locale } from '../../shared/contracts/common.ts';

const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', options);
    cache.set(key, format);
  }
  return format;
}

/** 2026年11月24日 / Nov 24, 2026 */
export function formatDate(iso: string, locale: Locale): string {
  return dateFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(iso));
}

/** 2026年11月24日 14:05 / Nov 24, 2026, 2:05 PM; in the browser's time zone unless one is given. */
export function formatDateTime(iso: string, locale: Locale, timeZone?: string): string {
  return dateFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** The browser's time zone (IANA name). */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** 14:05 / 2:05 PM */
export function formatTime(iso: string, locale: Locale): string {
  return dateFormat(locale, { timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US').format(value);
}

/** "日本語" / "Japanese" for a language code; the code itself when unknown. */
export function languageName(code: string | null | undefined, locale: Locale): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 分前" / "3 minutes ago"; under a minute it says "now". */
export function formatRelative(iso: string, locale: Locale, now: number = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** 0 → "すぐ" is the caller's; 90 → "1 時間 30 分" / "1 h 30 min"; 2880 → "2 日" / "2 days". */
export function formatMinutes(minutes: number, locale: Locale): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (locale === 'ja') {
    if (days) parts.push(`${days} 日`);
    if (hours) parts.push(`${hours} 時間`);
    if (rest || parts.length === 0) parts.push(`${rest} 分`);
  } else {
    if (days) parts.push(`${days} ${days === 1 ? 'day' : 'days'}`);
    if (hours) parts.push(`${hours} h`);
    if (rest || parts.length === 0) parts.push(`${rest} min`);
  }
  return parts.join(' ');
}
