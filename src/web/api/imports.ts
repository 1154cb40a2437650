import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportJob, ImportKind } from '../../shared/contracts/exports.ts';
import { useLocale } from '../lib/useLocale.ts';
import { api } from './client.ts';

/** Starts an import of a CSV file (the file is the request body); a refused header is explained in the app's language. */
export function useStartImport() {
  const queryClient = useQueryClient();
  const locale = useLocale();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) =>
      api<ImportJob>(`/imports/${kind}?lang=${locale}`, { method: 'POST', raw: { data: file, type: 'text/csv' } }),
    onSuccess: (job) => queryClient.setQueryData(['imports', job.id, locale], job),
  });
}

/**
 * An import, read again every half second while it runs; once done, what it changed shows
 * everywhere. The rows' reasons come in the app's language, and again when it changes.
 */
export function useImportJob(id: string | null) {
  const queryClient = useQueryClient();
  const locale = useLocale();
  return useQuery({
    queryKey: ['imports', id, locale],
    queryFn: async ({ signal }) => {
      const job = await api<ImportJob>(`/imports/${id}?lang=${locale}`, { signal });
      if (job.status !== 'running') {
        await queryClient.invalidateQueries({
          predicate: (query) => query.queryKey[0] !== 'imports',
        });
      }
      return job;
    },
    enabled: id !== null,
    // While the other language loads, the reasons on screen stay.
    placeholderData: (previous) => (previous?.id === id ? previous : undefined),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 500 : false),
  });
}
