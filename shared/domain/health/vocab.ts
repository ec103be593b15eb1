// Fixed vocabularies of the health file (issue 19): monthly health entries, hospital referrals and the pressure-injury
// register. Codes are stored and reported to the county; labels live in enum-labels.

/**
 * Pressure-injury stages: the assessment form's A.5.1 uses Ⅰ–Ⅳ and 不可分期 (gbt42195-appendix-b.md); NPIAP 2016 adds
 * 深部组织损伤, recorded when a nurse finds one (community-health.md §C).
 */
export const PRESSURE_STAGES = ['stage1', 'stage2', 'stage3', 'stage4', 'unstageable', 'deep_tissue'] as const;
export type PressureStage = (typeof PRESSURE_STAGES)[number];

/** 院内发生, 入院带入, or 住院期间发生（外院带回）: only the first counts towards the centre's own incidence. */
export const PRESSURE_ORIGINS = ['in_centre', 'on_admission', 'from_hospital'] as const;
export type PressureOrigin = (typeof PRESSURE_ORIGINS)[number];

/** The risk scale used (MZ/T 132-2019 names a scale not retrieved [R]): Braden is the most common. */
export const PRESSURE_RISK_SCALES = ['braden', 'norton', 'waterlow', 'other', 'none'] as const;
export type PressureRiskScale = (typeof PRESSURE_RISK_SCALES)[number];

/** The monthly health entry's appetite. */
export const APPETITES = ['good', 'fair', 'poor'] as const;
export type Appetite = (typeof APPETITES)[number];

/** Where a resident was referred and why it ended: still there, back at the centre, or died / did not return. */
export const REFERRAL_OUTCOMES = ['open', 'returned', 'admitted_elsewhere', 'died'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];
