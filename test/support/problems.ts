import { expect } from 'vitest';
import type { Problem } from '../../src/shared/contracts/common.ts';
import type { ApiResponse } from './http.ts';

/** Asserts an RFC 9457 problem response: status, content type, shape, and (optionally) the field it names. */
export function expectProblem(response: ApiResponse<unknown>, status: number, field?: string): Problem {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = response.body as Problem;
  expect(problem).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
  if (field !== undefined) {
    expect(
      problem.errors?.map((e) => e.field),
      response.text,
    ).toContain(field);
  }
  return problem;
}
