import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportJob, ImportKind } from '../../shared/contracts/exports.ts';
import { api } from './client.ts';

/** Starts an import of a CSV file (the file is the request body). */
export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) =>
      api<ImportJob>(`/imports/${kind}`, { method: 'POST', raw: { data: file, type: 'text/csv' } }),
    onSuccess: (job) => queryClient.setQueryData(['imports', job.id], job),
  });
}

/** An import, read again every half second while it runs; once done, what it changed shows everywhere. */
export function useImportJob(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['imports', id],
    queryFn: async ({ signal }) => {
      const job = await api<ImportJob>(`/imports/${id}`, { signal });
      if (job.status !== 'running') {
        await queryClient.invalidateQueries({
          predicate: (query) => query.queryKey[0] !== 'imports',
        });
      }
      return job;
    },
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 500 : false),
  });
}
