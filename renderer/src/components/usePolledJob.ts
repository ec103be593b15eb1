// Follows a long job in the backend (backup, export, import) until it is done: polls its state every 300 ms and
// refreshes every list when it ends.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export function usePolledJob<T extends { done: boolean }>(jobId: string | null, poll: (jobId: string) => Promise<T>): T | null {
  const [job, setJob] = useState<T | null>(null);
  const client = useQueryClient();
  useEffect(() => {
    setJob(null);
    if (!jobId) return;
    let stopped = false;
    const next = async () => {
      const state = await poll(jobId);
      if (stopped) return;
      setJob(state);
      if (state.done) void client.invalidateQueries();
      else setTimeout(() => void next(), 300);
    };
    void next();
    return () => {
      stopped = true;
    };
  }, [jobId, client, poll]);
  return job;
}
