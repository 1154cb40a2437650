import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ResponseFilters } from '../../../api/surveyResponses.ts';
import { BANDS, type Band } from '../../../lib/surveyScores.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FILTER_KEYS = ['surveyId', 'scoreBand', 'channel', 'agentId', 'teamId', 'from', 'to', 'hasComment', 'q'];

const isBand = (value: string | null): value is Band => (BANDS as readonly (string | null)[]).includes(value);

/** Response filters live in the URL, so a filtered view can be shared; `response` opens one in the drawer. */
export function useResponseFilters() {
  const [params, setParams] = useSearchParams();

  const filters: ResponseFilters = useMemo(() => {
    const date = (key: string) => {
      const value = params.get(key);
      return value && DATE.test(value) ? value : null;
    };
    const scoreBand = params.get('scoreBand');
    const hasComment = params.get('hasComment');
    return {
      surveyId: params.get('surveyId'),
      scoreBand: isBand(scoreBand) ? scoreBand : null,
      channel: params.get('channel'),
      agentId: params.get('agentId'),
      teamId: params.get('teamId'),
      from: date('from'),
      to: date('to'),
      hasComment: hasComment === 'true' ? true : hasComment === 'false' ? false : null,
      q: params.get('q') ?? '',
    };
  }, [params]);

  const setFilters = useCallback(
    (change: Partial<ResponseFilters>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(change)) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const openResponse = useCallback(
    (id: string | null) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (id) next.set('response', id);
        else next.delete('response');
        return next;
      }),
    [setParams],
  );

  const isFiltered = FILTER_KEYS.some((key) => params.has(key));
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { filters, setFilters, isFiltered, clear, openedId: params.get('response'), openResponse };
}
