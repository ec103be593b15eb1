// An entrusted-care agreement's period: its last day in force (the earlier of its end and the day it was ended) and the
// words for it. Shared by the agreements, their checks and the month's list.

/** The last day an agreement is in force: its to date or the day it was ended, whichever comes first (null: open-ended). */
export function lastDayOf(a: { toOn: string | null; endedOn: string | null }): string | null {
  if (a.toOn === null) return a.endedOn;
  if (a.endedOn === null) return a.toOn;
  return a.endedOn < a.toOn ? a.endedOn : a.toOn;
}

export const periodWords = (a: { fromOn: string; toOn: string | null; endedOn: string | null }) => `${a.fromOn} 至 ${lastDayOf(a) ?? '长期'}`;
