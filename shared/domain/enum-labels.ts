// Chinese names of the stored codes (statuses, categories, roles …). One source for the UI (i18n) and for
// what the backend writes in words (audit export, messages).
export const ENUM_LABELS_ZH = {
  sex: { male: '男', female: '女' },
  bedType: { normal: '普通床位', nursing: '护理型床位' },
  bedTypeShort: { normal: '普通床', nursing: '护理床' },
  bedSetting: { available: '可用', reserved: '预留', disabled: '停用' },
  bedStatus: { free: '空闲', occupied: '占用', reserved: '预留', disabled: '停用' },
  facilityType: {
    township_home: '乡镇敬老院',
    tekun_center: '农村特困人员供养服务机构',
    public_home: '公办养老院',
    private_home: '民办养老院',
  },
  category: {
    tekun_concentrated: '特困集中供养',
    tekun_dispersed: '特困分散供养',
    dibao: '低保',
    dibao_edge: '低保边缘',
    family_planning_special: '计划生育特殊家庭',
    self_pay: '社会自费',
    other: '其他',
  },
  tag: {
    severe_disability: '重度残疾',
    entitled_veteran: '优抚对象',
    lost_only_child: '失独',
    mental_illness: '患精神疾病',
    over_80: '高龄',
  },
  diet: {
    regular: '普通饮食',
    soft: '软食',
    liquid: '流食',
    diabetic: '糖尿病饮食',
    low_salt: '低盐饮食',
    halal: '清真',
    other: '其他',
  },
  residentStatus: { in_residence: '在院', on_leave: '请假外出', in_hospital: '住院', discharged: '已离院' },
  role: {
    admin: '管理员',
    care_lead: '护理组长',
    caregiver: '护理员',
    kitchen: '厨房',
    safety: '安全员',
    medical: '医护',
    county_admin: '县级管理员',
    county_viewer: '县级查看',
  },
  dischargeReason: { moved_out: '退住', death: '死亡', hospital_transfer: '转院', other_institution: '转其他机构' },
} as const;

export type EnumGroup = keyof typeof ENUM_LABELS_ZH;

/** The Chinese name of a code, or the code itself when it is not a known one. */
export function enumLabel(group: EnumGroup, code: string): string {
  return (ENUM_LABELS_ZH[group] as Record<string, string>)[code] ?? code;
}
