// React Query around the typed client: reads are cached by [method, input]; any write refreshes every read.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { In, Method, Out } from '@shared/api/contract';
import { notifyError, notifySuccess } from '../components/notify';
import { ApiCallError, call } from './client';

export function useApi<M extends Method>(method: M, input: In<M>, enabled = true) {
  return useQuery<Out<M>, ApiCallError>({ queryKey: [method, input], queryFn: () => call(method, input), enabled });
}

/**
 * For search-as-you-type: while the next query runs, the previous results stay on screen, so a list does not flash
 * empty ("没有找到") under the pointer and an option being tapped is not replaced in the middle of the tap.
 */
export function useSearchApi<M extends Method>(method: M, input: In<M>, enabled = true) {
  return useQuery<Out<M>, ApiCallError>({ queryKey: [method, input], queryFn: () => call(method, input), enabled, placeholderData: keepPreviousData });
}

export interface MutationOptions<M extends Method> {
  onSuccess?: (value: Out<M>) => void;
  /** A field error goes to the form; return true when it was shown there. */
  onFieldError?: (field: string, message: string) => boolean;
  successMessage?: string;
  /** The form shows every error itself (sign-in screens): no pop-up notification. */
  inlineErrors?: boolean;
}

export function useApiMutation<M extends Method>(method: M, options: MutationOptions<M> = {}) {
  const client = useQueryClient();
  return useMutation<Out<M>, ApiCallError, In<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: async (value) => {
      await client.invalidateQueries();
      if (options.successMessage) notifySuccess(options.successMessage);
      options.onSuccess?.(value);
    },
    onError: async (error) => {
      // Someone else may have changed the data meanwhile (another PC): show what is true now.
      await client.invalidateQueries();
      if (error.field && options.onFieldError?.(error.field, error.message)) return;
      if (options.inlineErrors) return;
      notifyError(error.message, error.code === 'DISK_FULL');
    },
  });
}
