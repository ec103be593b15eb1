// What every screen shows for the data it reads: a loader while it comes, the error with a retry when it failed,
// the page's own explanation when there is nothing (what to do next), and otherwise the data itself.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState } from './States';

export interface QueryViewProps<T> {
  query: UseQueryResult<T, Error>;
  /** The page's own words when there is nothing to show; without them, empty data goes to children like any other. */
  empty?: ReactNode;
  /** A button under those words (the next step). */
  emptyAction?: ReactNode;
  /** When the data counts as empty: by default, an empty list. */
  isEmpty?: (data: T) => boolean;
  /** Shown while loading instead of the spinner. */
  loading?: ReactNode;
  /** Shown on failure instead of the error with its retry button. */
  failed?: (error: Error) => ReactNode;
  children: (data: T) => ReactNode;
}

const emptyList = (data: unknown) => Array.isArray(data) && data.length === 0;

export function QueryView<T>({ query, empty, emptyAction, isEmpty = emptyList, loading, failed, children }: QueryViewProps<T>) {
  if (query.isPending) return loading ?? <LoadingState />;
  if (query.isError) return failed ? failed(query.error) : <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (empty !== undefined && isEmpty(query.data)) return <EmptyState action={emptyAction}>{empty}</EmptyState>;
  return children(query.data);
}
