// Fixed vocabularies of care at home (issue 18): services the government buys for elders who stay at home. Codes are
// stored and reported to the county; labels live in enum-labels.

/** The seven service categories of GB/T 43153-2023《居家养老上门服务基本规范》 (community-health.md §B). */
export const SERVICE_CATEGORIES = ['life_care', 'basic_care', 'health', 'visiting', 'comfort', 'errands', 'adaptation'] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** 按次 or 按小时: an hourly item's quantity is counted in minutes, a per-visit item's in times. */
export const SERVICE_UNITS = ['visit', 'hour'] as const;
export type ServiceUnit = (typeof SERVICE_UNITS)[number];

/**
 * 价格类别: the price and subsidy an elder gets. An elder may be in several register groups; the first of this list that
 * applies is used (特困 before 低保 before 失能 before 高龄), and it is kept on each visit as recorded.
 */
export const PRICE_CLASSES = ['tekun_dispersed', 'dibao', 'disabled', 'over_80', 'ordinary'] as const;
export type PriceClass = (typeof PRICE_CLASSES)[number];

/** A plan repeats every week, every two weeks or every four weeks on its weekdays. */
export const PLAN_EVERY_WEEKS = [1, 2, 4] as const;
export type PlanEveryWeeks = (typeof PLAN_EVERY_WEEKS)[number];

/** 本院 (the centre's own staff) or an organisation the government buys services from. */
export const PROVIDER_KINDS = ['centre', 'organisation'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** How the elder confirmed a visit: signed on screen, a numbered paper 服务确认单, or a family member. */
export const CONFIRMATION_KINDS = ['signature', 'paper_slip', 'family'] as const;
export type ConfirmationKind = (typeof CONFIRMATION_KINDS)[number];

/** A visit was done, or planned and missed (with its reason). */
export const VISIT_OUTCOMES = ['done', 'missed'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** 回访: by phone or at home; the visit is confirmed or disputed (a disputed visit is not paid). */
export const CHECK_KINDS = ['phone', 'home'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];
export const CHECK_OUTCOMES = ['confirmed', 'disputed'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];
