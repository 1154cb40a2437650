import type { TFunction } from 'i18next';
import { ApiError, fieldPath, NetworkError } from '../api/client.ts';

/** A sentence a person understands for any failure, preferring the server's own explanation. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t('errors.network');
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  const detail = error.problem?.detail;
  switch (error.status) {
    case 401:
      return t('errors.unauthorized');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 409:
      return detail ?? t('errors.conflict');
    case 429:
      return t('errors.rateLimited');
    default:
      if (error.status >= 500) return t('errors.server');
      if (error.status === 400 || error.status === 422) {
        const fields = error.problem?.errors ?? [];
        if (fields.length === 0) return detail ?? error.problem?.title ?? t('errors.validation');
        // A refusal of the whole body (an uploaded file) explains itself; "body:" means nothing to a person.
        if (fields.every((f) => f.field === 'body')) return fields.map((f) => f.message).join(' ');
        const listed = fields.map((f) => `${fieldPath(f.field)}: ${f.message}`).join(' / ');
        return `${t('errors.validation')} (${listed})`;
      }
      return detail ?? error.problem?.title ?? t('errors.unexpected');
  }
}

/** The server's message for one field (`name`, `customer.email`), if it named that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const errors = error.fieldErrors;
  return errors[field] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1];
}
