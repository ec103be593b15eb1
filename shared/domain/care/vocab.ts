// Fixed vocabularies of staff, rosters, shift care logs and incidents. Codes are stored; labels live in enum-labels.
export const STAFF_ROLES = ['caregiver', 'care_lead', 'cook', 'cleaner', 'security', 'doctor', 'nurse', 'social_worker', 'manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/** Who counts for the 24-hour care coverage check. */
export const CARE_STAFF_ROLES: readonly StaffRole[] = ['caregiver', 'care_lead'];

/** 养老护理员 vocational levels (国家职业技能标准: 五级/初级 … 一级/高级技师). */
export const CERT_LEVELS = ['none', 'level5', 'level4', 'level3', 'level2', 'level1'] as const;
export type CertLevel = (typeof CERT_LEVELS)[number];

export const ENTRY_KINDS = ['task', 'vitals', 'intake', 'toileting', 'sleep', 'mood', 'skin', 'note', 'round'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const NOT_DONE_REASONS = ['refused', 'asleep', 'away', 'unwell', 'no_need', 'other'] as const;
export const MEALS = ['breakfast', 'lunch', 'dinner', 'snack'] as const;
export const INTAKE_AMOUNTS = ['all', 'most', 'little', 'none'] as const;
export const URINE_STATES = ['normal', 'incontinent', 'catheter', 'none'] as const;
export const STOOL_STATES = ['normal', 'constipation', 'diarrhea', 'incontinent', 'none'] as const;
export const SLEEP_STATES = ['good', 'fair', 'poor', 'awake'] as const;
export const MOOD_STATES = ['calm', 'low', 'anxious', 'agitated'] as const;
export type MoodState = (typeof MOOD_STATES)[number];
export const SKIN_STATES = ['intact', 'red', 'broken'] as const;
export type SkinState = (typeof SKIN_STATES)[number];
export const ROUND_STATES = ['asleep', 'awake', 'out_of_bed', 'abnormal'] as const;

/** GB 38600's nine risks plus the common others; the first nine match the assessment's risk codes where they can. */
export const INCIDENT_TYPES = [
  'fall',
  'choking',
  'fall_from_bed',
  'scald',
  'wandering',
  'pressure_sore',
  'wrong_intake',
  // 用药差错: a kind of 食品药品误食 (GB 38600), with what went wrong (incidents.medication_error).
  'medication_error',
  'harm',
  // 自杀 and 自伤 are care-risk events of the person (A.2.14); 'harm' is 他伤, done by someone else.
  'suicide',
  'self_harm',
  'recreation',
  'sudden_illness',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const SEVERITIES = ['minor', 'moderate', 'serious', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Serious ones need the family told, with who and when (养老机构管理办法 第19条). */
export const SEVERITIES_NEEDING_FAMILY: readonly Severity[] = ['serious', 'critical'];
