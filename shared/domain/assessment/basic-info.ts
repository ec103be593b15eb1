// GB/T 42195-2022 A.2 评估对象基本信息: what the resident file does not hold, recorded with each assessment as it was
// that day (a snapshot, pre-filled from the file and the previous assessment). Options are those of the standard's
// form A.2 as open-source transcriptions give them [C: Go seed `admission_seed.go` admissionDictionarySeeds; a Vue
// form]; 医疗费用支付方式 "其他" is not in that seed [R]. 身高/体重 (A.2.4/A.2.5) give the BMI for A.5.9.

export const RELIGIONS = ['无', '有'] as const;
export const EDUCATIONS = ['文盲', '小学', '初中', '高中/技校/中专', '大学专科及以上', '不详'] as const;
export const LIVING = ['独居', '与配偶居住', '与子女居住', '与父母居住', '与兄弟姐妹居住', '与其他亲属居住', '与非亲属关系的人居住', '养老机构'] as const;
export const MARITAL = ['未婚', '已婚', '丧偶', '离婚', '未说明'] as const;
export const MEDICAL_PAYMENT = ['城镇职工基本医疗保险', '城乡居民基本医疗保险', '自费', '公务员补助', '企业补充保险', '公费医疗及医疗照顾对象', '医疗救助', '大病保险', '其他'] as const;
export const INCOME_SOURCES = ['退休金/养老金', '子女补贴', '亲友资助', '国家普惠型补贴', '个人储蓄', '其他补贴'] as const;

export interface BasicInfo {
  /** As on the resident file that day (one of the 56 groups); '' if not known. */
  ethnicity: string;
  /** One of RELIGIONS (checked by basicInfoProblems, as are the other option fields). */
  religion: string | null;
  /** Which religion, when 有. */
  religionName: string;
  education: string | null;
  living: string[];
  marital: string | null;
  medicalPayment: string[];
  incomeSource: string[];
  heightCm: number | null;
  weightKg: number | null;
}

export const EMPTY_BASIC_INFO: BasicInfo = {
  ethnicity: '',
  religion: null,
  religionName: '',
  education: null,
  living: [],
  marital: null,
  medicalPayment: [],
  incomeSource: [],
  heightCm: null,
  weightKg: null,
};

/** Plausible bounds for an adult, so a slip of the finger (165 typed as 16.5 m or 1650) is caught. */
export const HEIGHT_CM = { min: 100, max: 220 } as const;
export const WEIGHT_KG = { min: 20, max: 200 } as const;

/** A.5.9: below this BMI the form suggests 营养不良 = 有 [R: the WHO / 中国成人 cut-off 18.5; the standard says only "低于正常值"]. */
export const LOW_BMI = 18.5;

/** BMI = 体重kg ÷ 身高m², one decimal; null until both are recorded. */
export function bmi(info: Pick<BasicInfo, 'heightCm' | 'weightKg'>): number | null {
  if (!info.heightCm || !info.weightKg) return null;
  const m = info.heightCm / 100;
  return Math.round((info.weightKg / (m * m)) * 10) / 10;
}

/** The A.5.9 answer the BMI suggests ('有' below 18.5, '无' from 18.5), or null without height and weight. */
export function suggestedMalnutrition(info: Pick<BasicInfo, 'heightCm' | 'weightKg'>): '有' | '无' | null {
  const value = bmi(info);
  return value === null ? null : value < LOW_BMI ? '有' : '无';
}

const FIELDS: { key: keyof BasicInfo; label: string; options: readonly string[]; multiple: boolean }[] = [
  { key: 'religion', label: 'A.2 宗教信仰', options: RELIGIONS, multiple: false },
  { key: 'education', label: 'A.2 文化程度', options: EDUCATIONS, multiple: false },
  { key: 'living', label: 'A.2 居住情况', options: LIVING, multiple: true },
  { key: 'marital', label: 'A.2 婚姻状况', options: MARITAL, multiple: false },
  { key: 'medicalPayment', label: 'A.2 医疗费用支付方式', options: MEDICAL_PAYMENT, multiple: true },
  { key: 'incomeSource', label: 'A.2 经济来源', options: INCOME_SOURCES, multiple: true },
];

/** Problems with recorded A.2 answers, each a Chinese sentence naming the field; empty when all is well. */
export function basicInfoProblems(info: BasicInfo): { field: keyof BasicInfo; message: string }[] {
  const problems: { field: keyof BasicInfo; message: string }[] = [];
  for (const f of FIELDS) {
    const value = info[f.key];
    const chosen = Array.isArray(value) ? value : value === null ? [] : [value as string];
    const unknown = chosen.find((c) => !f.options.includes(c));
    if (unknown !== undefined) problems.push({ field: f.key, message: `${f.label}没有“${unknown}”这一选项` });
    else if (new Set(chosen).size !== chosen.length) problems.push({ field: f.key, message: `${f.label}的选项重复了` });
  }
  if (info.religion !== '有' && info.religionName) problems.push({ field: 'religionName', message: 'A.2 宗教信仰选了“无”或未选，就不要填写信仰的宗教' });
  if (info.heightCm !== null && (info.heightCm < HEIGHT_CM.min || info.heightCm > HEIGHT_CM.max)) {
    problems.push({ field: 'heightCm', message: `身高应在 ${HEIGHT_CM.min} 到 ${HEIGHT_CM.max} 厘米之间（请按厘米填写，如 160）` });
  }
  if (info.weightKg !== null && (info.weightKg < WEIGHT_KG.min || info.weightKg > WEIGHT_KG.max)) {
    problems.push({ field: 'weightKg', message: `体重应在 ${WEIGHT_KG.min} 到 ${WEIGHT_KG.max} 千克之间（请按千克填写，如 55）` });
  }
  return problems;
}

/**
 * The A.2 answers a new assessment starts from: the previous assessment's (if any), with the file's ethnicity, and
 * 居住情况 = 养老机构 when nothing is recorded (the person lives in the centre).
 */
export function prefillBasicInfo(previous: BasicInfo | null, fileEthnicity: string): BasicInfo {
  const base = previous ?? EMPTY_BASIC_INFO;
  return { ...base, ethnicity: fileEthnicity || base.ethnicity, living: base.living.length ? base.living : ['养老机构'] };
}
