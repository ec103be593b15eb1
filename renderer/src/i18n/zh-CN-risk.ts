// Words of the GB 38600 risk-assessment due list and the admission warning, part of zh-CN's `risk` group.
export const riskDueZh = {
  dueTitle: '安全风险评估到期（GB 38600）',
  dueEmpty: '没有到期的安全风险评估。',
  showAll: '显示全部 {{n}} 条',
  reason: '原因',
  reasons: { admission: '入住评估', routine: '定期复评', incident: '意外事件后', hospital: '住院返回', care_grade: '护理等级变更' },
  nextDue: '下次定期复评：{{date}}（每{{months}}个月，可在“系统设置”里调整）',
  dueNow: '需要重新评估：',
  admitWarningTitle: '入住时要做安全风险评估',
  admitWarning: 'GB 38600 要求入住前完成服务安全风险评估（噎食、压疮、跌倒、走失等九项）。确认入住后，请马上在老人档案的“安全风险”里完成；没做的会一直列在首页的到期名单上。',
  admitWarningReadmit: '再次入住也要重新做服务安全风险评估（GB 38600）。',
  admitLink: '查看待做的风险评估',
};
