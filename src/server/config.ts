import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomSecret } from './lib/tokens.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… when set; otherwise the embedded PGlite database under dataDir. */
  databaseUrl: string | undefined;
  publicUrl: string;
  secret: string;
  smtpUrl: string | undefined;
  /** From address of every email Koe sends (MAIL_FROM); the workspace name is the display name. */
  mailFrom: string;
  /** Retries of a failed SMTP delivery: attempts after the first, and the first delay (doubling after). */
  emailRetry: { limit: number; delaySeconds: number };
  /** Create a demo workspace when the embedded database is empty. */
  seedDemo: boolean;
  logLevel: string;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (rate limits). */
  trustProxy: boolean;
  /** Requests per minute per address on public endpoints (survey answers, widget). */
  publicRateLimit: number;
  /**
   * Outgoing webhooks: retries after the first attempt, and the first delay (each next one
   * three times longer). Defaults: 7 retries from 80 s, so 8 attempts spread over about a day.
   */
  webhookRetry: { limit: number; baseSeconds: number };
  /** Deliver webhooks to loopback and private addresses too (WEBHOOKS_ALLOW_PRIVATE=true; off by default). */
  webhooksAllowPrivate: boolean;
}

export class ConfigError extends Error {}

function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

function parsePositive(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function parseCount(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 50) {
    throw new ConfigError(`${name} must be an integer between 0 and 50, got "${raw}"`);
  }
  return value;
}

/** Seconds, fractions allowed (tests retry after 0.2 s). */
function parseSeconds(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 86_400) {
    throw new ConfigError(`${name} must be a number of seconds above 0 and at most 86400, got "${raw}"`);
  }
  return value;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

/** KOE_SECRET signs tokens; when absent it is generated once and kept in the data directory. */
function loadSecret(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) {
    if (fromEnv.length < 16) throw new ConfigError('KOE_SECRET must be at least 16 characters');
    return fromEnv;
  }
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomSecret(48);
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = parsePort(env.PORT, 3000);
  const dataDir = resolve(env.KOE_DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl,
    publicUrl,
    secret: loadSecret(dataDir, env.KOE_SECRET),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || `no-reply@${hostOf(publicUrl)}`,
    emailRetry: {
      limit: parsePositive(env.SMTP_RETRY_LIMIT, 'SMTP_RETRY_LIMIT', 5),
      delaySeconds: parsePositive(env.SMTP_RETRY_DELAY_SECONDS, 'SMTP_RETRY_DELAY_SECONDS', 30),
    },
    seedDemo: !databaseUrl && env.KOE_DEMO !== '0',
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    publicRateLimit: parsePositive(env.KOE_PUBLIC_RATE_LIMIT, 'KOE_PUBLIC_RATE_LIMIT', 120),
    webhookRetry: {
      limit: parseCount(env.WEBHOOK_RETRY_LIMIT, 'WEBHOOK_RETRY_LIMIT', 7),
      baseSeconds: parseSeconds(env.WEBHOOK_RETRY_BASE_SECONDS, 'WEBHOOK_RETRY_BASE_SECONDS', 80),
    },
    webhooksAllowPrivate: env.WEBHOOKS_ALLOW_PRIVATE === 'true' || env.WEBHOOKS_ALLOW_PRIVATE === '1',
  };
}
