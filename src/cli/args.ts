import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { z } from 'zod';

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  readonly usage: string | undefined;
  constructor(message: string, usage?: string) {
    super(message);
    this.usage = usage;
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;
export type FlagValues = Record<string, string | boolean | undefined>;

/** Every command accepts --json and --help. */
const COMMON = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const satisfies Options;

// node:util names the flag: "Unknown option '--foo'", "Option '--days <value>' argument missing".
const usageErrorOf = (error: unknown, usage: string) =>
  new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments', usage);

export function parseFlags(argv: string[], options: Options, usage: string): FlagValues {
  try {
    const { values } = parseArgs({ args: argv, options: { ...COMMON, ...options }, strict: true });
    return values as FlagValues;
  } catch (error) {
    throw usageErrorOf(error, usage);
  }
}

/** The flags, typed by `options` (plus --json and --help), and the positional arguments. */
export function parseCommandLine<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorOf(error, usage);
  }
}

export const toFlag = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** "30" → 30 for numeric flags; anything else stays a string so the schema names the mistake. */
export function numeric(value: string | boolean | undefined): number | string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^-?\d+$/.test(value.trim()) ? Number(value) : value;
}

/** Validates the arguments with the command's schema; the first problem names its flag. */
export function validateArgs<S extends z.ZodType>(
  schema: S,
  input: Record<string, unknown>,
  usage: string,
  flagOf: (key: string) => string = toFlag,
): z.output<S> {
  const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const result = schema.safeParse(defined);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const missing = issue?.code === 'invalid_type' && !(key in defined);
  const message = missing ? 'is required' : (issue?.message ?? 'is invalid');
  throw new UsageError(`${key ? flagOf(key) : 'arguments'} ${message}`, usage);
}
