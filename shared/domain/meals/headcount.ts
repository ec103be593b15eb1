// Who eats at a meal. Stays are kept as dates; on the day a resident leaves, comes back, arrives or leaves for good,
// the moment the event was recorded decides which of that day's meals count them (a resident who left at 09:00 had
// breakfast here and not lunch). An absence still open counts the resident back from the expected return date.
import { chinaDate } from '../dates';
import { chinaInstant } from '../care/shifts';

/** A stretch of time [from, to); `to` null means open-ended. */
export interface Span {
  from: Date;
  to: Date | null;
}

/** The instant a dated event took effect: when it was recorded, if that was on the same day; else that day's start. */
export function effectiveInstant(date: string, recordedAt: string | null): Date {
  if (recordedAt && chinaDate(new Date(recordedAt)) === date) return new Date(recordedAt);
  return chinaInstant(date, '00:00');
}

export interface StayRecord {
  type: 'admission' | 'discharge' | 'leave' | 'hospital' | 'transfer';
  date: string;
  endDate: string | null;
  expectedReturn: string | null;
  createdAt: string;
  /** When the end date was recorded (the row's last update). */
  updatedAt: string;
}

/** Residence spans (admission → discharge) and away spans (leave, hospital) of one resident from the stay history. */
export function staySpans(events: readonly StayRecord[]): { residence: Span[]; away: Span[] } {
  const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
  const residence: Span[] = [];
  const away: Span[] = [];
  for (const e of sorted) {
    if (e.type === 'admission') residence.push({ from: effectiveInstant(e.date, e.createdAt), to: null });
    else if (e.type === 'discharge') {
      const open = residence.at(-1);
      if (open && open.to === null) open.to = effectiveInstant(e.date, e.createdAt);
    } else if (e.type === 'leave' || e.type === 'hospital') {
      const from = effectiveInstant(e.date, e.createdAt);
      const to = e.endDate ? effectiveInstant(e.endDate, e.updatedAt) : e.expectedReturn && e.expectedReturn > e.date ? chinaInstant(e.expectedReturn, '00:00') : null;
      away.push({ from, to });
    }
  }
  return { residence, away };
}

const within = (span: Span, at: Date) => span.from <= at && (span.to === null || at < span.to);

export function presentAt(spans: { residence: Span[]; away: Span[] }, at: Date): boolean {
  return spans.residence.some((s) => within(s, at)) && !spans.away.some((s) => within(s, at));
}

export interface Eater {
  id: string;
  dietType: string;
  spans: { residence: Span[]; away: Span[] };
}

/** Residents present at the meal's time, counted per diet type. */
export function countByDiet(eaters: readonly Eater[], at: Date): Map<string, string[]> {
  const byDiet = new Map<string, string[]>();
  for (const e of eaters) {
    if (!presentAt(e.spans, at)) continue;
    byDiet.set(e.dietType, [...(byDiet.get(e.dietType) ?? []), e.id]);
  }
  return byDiet;
}
