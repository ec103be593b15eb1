// The dashboard data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import { useApi } from '../../api/hooks';

export const useDashboardSummary = (enabled = true) => useApi('dashboard.summary', {}, enabled);
