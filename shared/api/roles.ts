// Roles a signed-in person can have. Every API method names the roles allowed to call it.

export const ROLES = [
  'admin', // 院长/管理员
  'care_lead', // 护理组长
  'caregiver', // 护理员
  'kitchen', // 厨房
  'safety', // 安全员
  'medical', // 医护
  'social_worker', // 关爱专干/社工: keeps the village elders' register
  'county_admin', // 县级管理员
  'county_viewer', // 县级查看
] as const;
export type Role = (typeof ROLES)[number];

/** Everyone with an account: for their own password, PIN, lock and sign-out. */
export const ANY_ROLE: readonly Role[] = ROLES;
/** Who may read the centre's own data (everyone working in the centre). */
export const CENTRE_STAFF: readonly Role[] = ['admin', 'care_lead', 'caregiver', 'kitchen', 'safety', 'medical', 'social_worker'];
/** Who may read residents' files. The kitchen sees diets through the meals module, not the files. */
export const RESIDENT_READERS: readonly Role[] = ['admin', 'care_lead', 'caregiver', 'medical'];
/** Who may record a resident's leave and return (caregivers at night do this). */
export const LEAVE_RECORDERS: readonly Role[] = ['admin', 'care_lead', 'caregiver'];
export const MANAGERS: readonly Role[] = ['admin'];
/** Who manages accounts, backups and the audit trail: the centre's administrator, or the county's. */
export const ACCOUNT_ADMINS: readonly Role[] = ['admin', 'county_admin'];
/** The roles an installation may give: a centre's staff, or the county's. */
export const COUNTY_ROLES: readonly Role[] = ['county_admin', 'county_viewer'];
export const ADMIN_ROLE_OF = { centre: 'admin', county: 'county_admin' } as const;
/** Who sees a resident's full ID number (on request, audited): those who fill in official forms. */
export const ID_NUMBER_VIEWERS: readonly Role[] = ['admin', 'care_lead', 'medical'];
