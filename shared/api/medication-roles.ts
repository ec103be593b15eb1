// Who does what with residents' medicines (issue 19). Giving a dose is care work on a shift; writing down a doctor's
// order, keeping the medicines and counting them is for the people who answer for them (院长, 护理组长, 医护).
import type { Role } from './roles';

/** Who gives doses on a round (each must be on the roster for the shift, as for any care record). */
export const MEDICATION_GIVERS: readonly Role[] = ['admin', 'care_lead', 'caregiver', 'medical'];
/** Who writes down and stops doctors' orders, keeps the drug list and the 服药管理协议, and the medication settings. */
export const MEDICATION_KEEPERS: readonly Role[] = ['admin', 'care_lead', 'medical'];
/** Who reads orders, stock and the administration record. */
export const MEDICATION_READERS: readonly Role[] = ['admin', 'care_lead', 'caregiver', 'medical'];
/** Who keeps the health file (check-ups, doctors' visits, referrals, pressure injuries, monthly entries). */
export const HEALTH_KEEPERS: readonly Role[] = ['admin', 'care_lead', 'medical'];
/** Who reads the health file. */
export const HEALTH_READERS: readonly Role[] = ['admin', 'care_lead', 'caregiver', 'medical'];
