// Fixed vocabularies of the village elders' register and its visits (issue 17). Codes are stored (and reported to the
// county); labels live in enum-labels. The groups follow 民政部等《关于开展特殊困难老年人探访关爱服务的指导意见》(2022)
// and the 留守 register form (community-health.md §A).

/** 居住情况: who the elder lives with. */
export const HOUSEHOLDS = ['alone', 'with_spouse', 'with_children', 'other'] as const;
export type Household = (typeof HOUSEHOLDS)[number];

/**
 * 人员类别, several at once. 高龄 (80+) is not stored: it follows from the birth date (DERIVED_CATEGORY). 失能/半失能 is
 * GB/T 42195 中度失能 or worse; 重度残疾 a disability certificate of grade 一级 or 二级.
 */
export const ELDER_CATEGORIES = [
  'left_behind', // 农村留守: children away ≥ half a year for work
  'living_alone', // 独居
  'empty_nest', // 空巢
  'disabled', // 失能/半失能
  'tekun_dispersed', // 分散供养特困
  'dibao', // 低保
  'dibao_edge', // 低保边缘
  'family_planning_special', // 计划生育特殊家庭
  'severe_disability', // 重度残疾
] as const;
export type ElderCategory = (typeof ELDER_CATEGORIES)[number];
/** 高龄: derived from age, never stored. */
export const DERIVED_CATEGORY = 'over_80' as const;
export const OVER_80_AGE = 80;
export type ElderGroup = ElderCategory | typeof DERIVED_CATEGORY;

/** 特殊困难老年人 groups of the 2022 national 意见: never visited less than monthly (community-health.md §A). */
export const SPECIAL_HARDSHIP: readonly ElderGroup[] = ['left_behind', 'living_alone', 'empty_nest', 'disabled', 'severe_disability', 'family_planning_special'];
/** Whose ability assessment the coverage figure counts (issue 17): 特困, 低保 and 计生特殊家庭 elders. */
export const ASSESSMENT_COVERED: readonly ElderCategory[] = ['tekun_dispersed', 'dibao', 'family_planning_special'];

/** 家庭经济来源 (several). */
export const INCOME_SOURCES = ['work', 'farming', 'government_aid', 'family_aid', 'pension', 'other'] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];

/** 日常生活照料人. */
export const CARERS = ['spouse', 'relative', 'hired', 'home_service', 'self', 'neighbour', 'none'] as const;
export type Carer = (typeof CARERS)[number];

export const RELATIONS = ['son', 'daughter', 'son_in_law', 'daughter_in_law', 'grandchild', 'spouse', 'sibling', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

/** 在家 / 已入住本院 / 已迁出 / 已去世. Moving into the centre is set by the admission, never by hand. */
export const ELDER_STATUSES = ['at_home', 'in_centre', 'moved_away', 'died'] as const;
export type ElderStatus = (typeof ELDER_STATUSES)[number];

/** 关爱等级 高/中/低. */
export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** 电话 / 上门 / 视频 (the ways of visiting in the 2022 意见; 上门 is the home visit). */
export const VISIT_KINDS = ['phone', 'home', 'video'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/**
 * 村干部, 志愿者, 老年协会 members, 低龄老人 and others who visit with (or for) the staff; they are the people of mutual aid
 * too (pairs, activities, the time bank). A 低龄老人 helper may be an elder on the register.
 */
export const HELPER_KINDS = ['village_cadre', 'volunteer', 'elder_association', 'young_elder', 'other'] as const;
export type HelperKind = (typeof HELPER_KINDS)[number];

/**
 * What a visit checks: the five areas of the national contents list (健康, 经济/保障, 家庭赡养, 安全, 服务需求; 唐山 2025
 * following the 2022 意见) with the 精神状态, 住房 and 日常照料 kept apart. Each is fine or a problem with a note.
 */
export const FINDING_AREAS = ['health', 'mood', 'safety', 'house', 'daily_care', 'livelihood', 'family', 'needs'] as const;
export type FindingArea = (typeof FINDING_AREAS)[number];

/** 转介: where a problem found on a visit is referred. */
export const FOLLOWUP_KINDS = ['meal_aid', 'home_service', 'doctor', 'admission', 'civil_affairs', 'other'] as const;
export type FollowupKind = (typeof FOLLOWUP_KINDS)[number];
