// A.2.14 近30天照护风险事件 (GB/T 42195-2022 能力等级变更依据): 跌倒、噎食、自杀、自伤、走失 "等", with a box for 其他.
// Only the named kinds are pre-filled from the incident register; every other incident of the 30 days (突发疾病, 压疮,
// 烫伤, 他伤 …) is listed beside the boxes for the assessor to count into 其他 or not (domain.md §1.1 [I]).
import type { IncidentType } from '../care/vocab';

export const RISK_EVENT_KINDS = ['fall', 'wandering', 'choking', 'suicide', 'selfHarm', 'other'] as const;
export type RiskEventKind = (typeof RISK_EVENT_KINDS)[number];
export const RISK_EVENT_NAMES: Record<RiskEventKind, string> = {
  fall: '跌倒',
  wandering: '走失',
  choking: '噎食',
  suicide: '自杀',
  selfHarm: '自伤',
  other: '其他',
};
export type RiskEventCounts = Record<RiskEventKind, number>;
export const NO_RISK_EVENTS: RiskEventCounts = { fall: 0, wandering: 0, choking: 0, suicide: 0, selfHarm: 0, other: 0 };

/**
 * The box an incident type is pre-filled into, or null when the assessor decides. 坠床 is a fall (the person ends on the
 * floor). 他伤 (harm by another person) is not an event of the person assessed.
 */
export const INCIDENT_RISK_EVENT: Record<IncidentType, Exclude<RiskEventKind, 'other'> | null> = {
  fall: 'fall',
  fall_from_bed: 'fall',
  choking: 'choking',
  wandering: 'wandering',
  suicide: 'suicide',
  self_harm: 'selfHarm',
  harm: null,
  scald: null,
  pressure_sore: null,
  wrong_intake: null,
  medication_error: null,
  recreation: null,
  sudden_illness: null,
  other: null,
};

/** Stored counts from before 自杀 had its own box read with 0 there (they counted 自杀/自伤 together under selfHarm). */
export function readRiskEvents(stored: Partial<RiskEventCounts>): RiskEventCounts {
  return { ...NO_RISK_EVENTS, ...stored };
}

export function riskEventTotal(events: RiskEventCounts): number {
  return RISK_EVENT_KINDS.reduce((sum, k) => sum + events[k], 0);
}
