import type { z } from 'zod';
import type { Problem } from '../../shared/contracts/common.ts';

export interface FieldError {
  field: string;
  message: string;
}

/** An error that becomes an RFC 9457 problem response. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    title: string,
    detail?: string,
    errors?: FieldError[],
    headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.status = status;
    this.title = title;
    this.errors = errors;
    this.headers = headers;
  }

  toJSON(): Problem {
    const body: Problem = { type: `https://koe.dev/problems/${this.status}`, title: this.title, status: this.status };
    if (this.message && this.message !== this.title) body.detail = this.message;
    if (this.errors) body.errors = this.errors;
    return body;
  }
}

export const badRequest = (field: string, message: string) =>
  new HttpProblem(400, 'Invalid request', `${field}: ${message}`, [{ field, message }]);
export const unauthorized = (detail = 'Log in or send an API key as "Authorization: Bearer <key>".') =>
  new HttpProblem(401, 'Not authenticated', detail);
export const forbidden = (detail = 'Your role does not allow this.') => new HttpProblem(403, 'Forbidden', detail);
export const notFound = (what = 'Resource') => new HttpProblem(404, 'Not found', `${what} not found.`);
export const conflict = (field: string, message: string) =>
  new HttpProblem(409, 'Conflict', `${field}: ${message}`, [{ field, message }]);

/** Turns a zod failure into a 400 naming each invalid field, e.g. `body.customer.email`. */
export function validationProblem(location: 'body' | 'query' | 'params', error: z.ZodError): HttpProblem {
  const errors = error.issues.slice(0, 20).map((issue) => ({
    field: [location, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = errors[0] ?? { field: location, message: 'is invalid' };
  return new HttpProblem(
    location === 'params' ? 404 : 400,
    location === 'params' ? 'Not found' : 'Invalid request',
    `${first.field}: ${first.message}`,
    errors,
  );
}
