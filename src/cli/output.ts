/**
 * With --json, stdout carries exactly one JSON object: anything else a library
 * might print there (console.log) is sent to stderr instead.
 */
export function reserveStdoutForJson(): void {
  console.log = console.error;
  console.info = console.error;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function printLines(...lines: (string | false | null | undefined)[]): void {
  for (const line of lines) if (typeof line === 'string') process.stdout.write(`${line}\n`);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
