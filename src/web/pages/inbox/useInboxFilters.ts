import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { CHANNELS, type Channel, type ConversationStatus, STATUSES } from '../../../shared/contracts/conversations.ts';
import type { InboxFilters } from '../../api/conversations.ts';

/** The inbox opens on what still needs work. */
export const DEFAULT_STATUSES: ConversationStatus[] = ['open', 'pending'];

function parseStatuses(value: string | null): ConversationStatus[] {
  if (value === null) return DEFAULT_STATUSES;
  if (value === 'all') return [];
  return value.split(',').filter((s): s is ConversationStatus => (STATUSES as readonly string[]).includes(s));
}

function parseChannel(value: string | null): Channel | null {
  return value && (CHANNELS as readonly string[]).includes(value) ? (value as Channel) : null;
}

/** Inbox filters live in the URL, so a view can be bookmarked, shared and survives reloads. */
export function useInboxFilters() {
  const [params, setParams] = useSearchParams();

  const filters: InboxFilters = useMemo(
    () => ({
      status: parseStatuses(params.get('status')),
      channel: parseChannel(params.get('channel')),
      assignee: params.get('assignee'),
      teamId: params.get('teamId'),
      tag: params.get('tag'),
      q: params.get('q') ?? '',
      due: params.get('due') === '1',
      escalated: params.get('escalated') === '1',
    }),
    [params],
  );

  const setFilters = useCallback(
    (change: Partial<InboxFilters>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(change)) {
            if (key === 'status' && Array.isArray(value)) {
              const same = value.length === DEFAULT_STATUSES.length && DEFAULT_STATUSES.every((s) => value.includes(s));
              if (same) next.delete('status');
              else next.set('status', value.length === 0 ? 'all' : value.join(','));
            } else if (key === 'due' || key === 'escalated') {
              if (value === true) next.set(key, '1');
              else next.delete(key);
            } else if (typeof value === 'string' && value !== '') next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const isFiltered =
    filters.channel !== null ||
    filters.assignee !== null ||
    filters.teamId !== null ||
    filters.tag !== null ||
    filters.q !== '' ||
    filters.due ||
    filters.escalated ||
    params.has('status');

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { filters, setFilters, isFiltered, clear };
}
