// The disk data the screens read (issue 25). The backend looks at the disk every few minutes; the notice asks for its
// last figures every minute, and 再检查 asks it to look now (after the manager has freed some room).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Out } from '@shared/api/contract';
import { type ApiCallError, call } from '../../api/client';

const LAST_CHECK = { fresh: false } as const;

export const useDiskStatus = () =>
  useQuery<Out<'disk.status'>, ApiCallError>({ queryKey: ['disk.status', LAST_CHECK], queryFn: () => call('disk.status', LAST_CHECK), refetchInterval: 60_000 });

export function useDiskRecheck() {
  const client = useQueryClient();
  return useMutation<Out<'disk.status'>, ApiCallError>({
    mutationFn: () => call('disk.status', { fresh: true }),
    onSuccess: (value) => client.setQueryData(['disk.status', LAST_CHECK], value),
  });
}
