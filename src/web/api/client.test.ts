import { describe, expect, it } from 'vitest';
import { ApiError, buildUrl, fieldPath } from './client.ts';

describe('api client', () => {
  it('builds query strings, joining lists with commas and leaving out empty values', () => {
    expect(buildUrl('/conversations', { status: ['open', 'pending'], q: '', assignee: undefined, limit: 50 })).toBe(
      '/api/v1/conversations?status=open%2Cpending&limit=50',
    );
  });

  it('keys field errors by the path inside the body', () => {
    expect(fieldPath('body.customer.email')).toBe('customer.email');
    const error = new ApiError(
      400,
      { type: 'about:blank', title: 'Invalid', status: 400, errors: [{ field: 'body.token', message: 'expired' }] },
      'Invalid',
    );
    expect(error.fieldErrors).toEqual({ token: 'expired' });
  });
});
