import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchAll } from './pages.ts';

/** Every item of a short list, cached under `key`. */
export function useAllQuery<T>(key: QueryKey, path: string, enabled = true) {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => fetchAll<T>(path, signal), enabled });
}

/** A write that refreshes the given queries when it succeeds. */
export function useWrite<Input, Output>(write: (input: Input) => Promise<Output>, invalidates: QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
