// Fixed vocabularies of the facility and residents modules. Stored codes are ASCII; labels come from i18n.

export const FACILITY_TYPES = ['township_home', 'tekun_center', 'public_home', 'private_home'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

export const BED_TYPES = ['normal', 'nursing'] as const; // 普通床位 / 护理型床位
export type BedType = (typeof BED_TYPES)[number];

/** What the manager sets on a bed. 'occupied' is never stored: it follows from a resident in the bed. */
export const BED_SETTINGS = ['available', 'reserved', 'disabled'] as const;
export type BedSetting = (typeof BED_SETTINGS)[number];

/** What the bed map shows. */
export const BED_STATUSES = ['free', 'occupied', 'reserved', 'disabled'] as const;
export type BedStatus = (typeof BED_STATUSES)[number];

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

export const RESIDENT_CATEGORIES = [
  'tekun_concentrated', // 特困集中供养
  'tekun_dispersed', // 特困分散供养
  'dibao', // 低保
  'dibao_edge', // 低保边缘
  'family_planning_special', // 计划生育特殊家庭
  'self_pay', // 社会自费
  'other', // 其他
] as const;
export type ResidentCategory = (typeof RESIDENT_CATEGORIES)[number];

export const RESIDENT_TAGS = [
  'severe_disability', // 重度残疾
  'entitled_veteran', // 优抚对象
  'lost_only_child', // 失独
  'mental_illness', // 患精神疾病
  'over_80', // 高龄
] as const;
export type ResidentTag = (typeof RESIDENT_TAGS)[number];

/** Diet types: a fixed list so menus, counts and the county's tables read the same everywhere; texture is a setting. */
export const DIET_TYPES = ['regular', 'soft', 'semi_liquid', 'liquid', 'diabetic', 'low_salt', 'tube_feeding', 'halal', 'other'] as const;
export type DietType = (typeof DIET_TYPES)[number];

export const RESIDENT_STATUSES = ['in_residence', 'on_leave', 'in_hospital', 'discharged'] as const;
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];

export const DISCHARGE_REASONS = ['moved_out', 'death', 'hospital_transfer', 'other_institution'] as const;
export type DischargeReason = (typeof DISCHARGE_REASONS)[number];

export const STAY_EVENT_TYPES = ['admission', 'transfer', 'leave', 'hospital', 'discharge'] as const;
export type StayEventType = (typeof STAY_EVENT_TYPES)[number];

/** The national goal for the share of nursing-type beds (护理型床位占比). [R] configurable later. */
export const NURSING_BED_RATIO_GOAL = 0.55;
