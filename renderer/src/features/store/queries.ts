// The store data the screens read and write (where the data is kept, issue 20). store.status is an ordinary read. The
// dry run (store.check) and the switches are plain mutations: the dry run changes nothing and must not refresh every
// read, and its errors are shown by the form itself (never as a pop-up); a switch signs this PC out, so every read is
// refreshed after it (the sign-in screen, or the start screen, follows from auth.status).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { In, Out } from '@shared/api/contract';
import { type ApiCallError, call } from '../../api/client';
import { useApi } from '../../api/hooks';

export const useStoreStatus = (enabled = true) => useApi('store.status', {}, enabled);

export const useStoreCheck = () => useMutation<Out<'store.check'>, ApiCallError, In<'store.check'>>({ mutationFn: (input) => call('store.check', input) });

export function useStorePostgres(onSuccess: (value: Out<'store.usePostgres'>) => void) {
  const client = useQueryClient();
  return useMutation<Out<'store.usePostgres'>, ApiCallError, In<'store.usePostgres'>>({
    mutationFn: (input) => call('store.usePostgres', input),
    onSuccess: async (value) => {
      client.setQueryData(['store.status', {}], value);
      onSuccess(value);
      await client.invalidateQueries();
    },
  });
}

export function useStoreFile(onSuccess: () => void) {
  const client = useQueryClient();
  return useMutation<Out<'store.useFile'>, ApiCallError, In<'store.useFile'>>({
    mutationFn: () => call('store.useFile', {}),
    onSuccess: async () => {
      client.setQueryData(['store.status', {}], { kind: 'sqlite', connection: null, problem: null } satisfies Out<'store.status'>);
      onSuccess();
      await client.invalidateQueries();
    },
  });
}

/**
 * 重试 on the start screen: where the store stands now; once it opens, the sign-in state is read again (which leaves the
 * start screen). While it still cannot, the start screen stays as it is (reading the sign-in state again would put a
 * loader in its place and lose what it says).
 */
export async function retryStore(client: ReturnType<typeof useQueryClient>): Promise<Out<'store.status'>> {
  const status = await call('store.retry', {});
  client.setQueryData(['store.status', {}], status);
  if (!status.problem) await client.invalidateQueries({ queryKey: ['auth.status'] });
  return status;
}
