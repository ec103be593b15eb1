// Who does what in care at home (issue 18; the homecare, entrusted and mutualaid modules).
import type { Role } from './roles';

/** Who keeps the catalogue, prices, entitlements, providers, agreements, settlements: the manager and the 关爱专干. */
export const HOME_CARE_KEEPERS: readonly Role[] = ['admin', 'social_worker'];
/** Who reads care at home: they, and the centre's care lead and caregivers (who deliver some of it). */
export const HOME_CARE_READERS: readonly Role[] = ['admin', 'social_worker', 'care_lead', 'caregiver'];
/** Who records a service visit, a missed one, a care check or a mutual-aid activity. */
export const HOME_CARE_RECORDERS: readonly Role[] = ['admin', 'social_worker', 'care_lead', 'caregiver'];
