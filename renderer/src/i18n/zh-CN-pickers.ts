// Words of the people pickers, the assessors, the A.5 health items, the printed assessment report and the live ID
// check (issue 13 §4–5), part of zh-CN.
export const pickersZh = {
  staffSearch: '输入姓名查找',
  staffNone: '没有找到这个人（员工要先在“员工档案”里登记）',
  staffOption: '{{name}}（{{role}}）',
  assessorKind: '{{label}}是',
  assessorStaff: '本院员工',
  assessorOutside: '院外评估员',
  outsideName: '{{label}}姓名',
  outsideOrg: '{{label}}所在单位',
  outsideOrgHint: '如：县老年人能力评估中心',
  sameAssessor: '两位评估员不能是同一个人，请另选一位',
  orgNeeded: '院外评估员要写明所在单位',
  levelPending: '还有 {{n}} 项未评',
  levelPendingNote: '26 项都评完后才显示初步等级和最终等级。',
  health: 'A.5 健康相关问题（记录，不计分）',
  healthPick: '请选择',
  jointSites: '关节活动受限的部位',
  healthOther: 'A.5.12 其他',
  notRecorded: '未填写',
  idCheckDigit: '身份证号最后一位校验码不对，应为 {{expected}}，请核对',
};
