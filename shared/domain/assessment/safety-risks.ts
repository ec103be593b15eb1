// GB 38600-2019 服务安全风险评估: the nine risks assessed before admission and at each reassessment [C2].
export const SAFETY_RISKS = [
  { code: 'choking', name: '噎食' },
  { code: 'wrong_intake', name: '食品药品误食' },
  { code: 'pressure_sore', name: '压疮' },
  { code: 'scald', name: '烫伤' },
  { code: 'fall_from_bed', name: '坠床' },
  { code: 'fall', name: '跌倒' },
  { code: 'harm', name: '他伤和自伤' },
  { code: 'wandering', name: '走失' },
  { code: 'activity_accident', name: '文娱活动意外' },
] as const;
export type SafetyRiskCode = (typeof SAFETY_RISKS)[number]['code'];

export const RISK_GRADES = ['low', 'medium', 'high'] as const;
export type RiskGrade = (typeof RISK_GRADES)[number];
export const RISK_GRADE_NAMES: Record<RiskGrade, string> = { low: '低', medium: '中', high: '高' };
