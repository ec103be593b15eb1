// A reporting month ('YYYY-MM') as the package counts it: its first and last day, and the instants it starts and ends
// at in China time — shared by the centre's export and the county's checks, so both judge the same month.
import { chinaInstant } from '../care/shifts';
import { addDays, lastDayOfMonth } from '../dates';

export function monthRange(period: string) {
  const first = `${period}-01`;
  const last = lastDayOfMonth(period);
  return { first, last, fromInstant: chinaInstant(first, '00:00').toISOString(), toInstant: chinaInstant(addDays(last, 1), '00:00').toISOString() };
}
