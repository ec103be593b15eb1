// Words of the grouped menu and of the phone-sized layouts (issue 13, section 6) and the pagination's names (issue 22).
export const navGroupsZh = {
  care: '护理',
  residents: '老人',
  staff: '员工',
  meals: '膳食',
  fire: '消防',
  villages: '农村养老',
  reporting: '报送',
  system: '系统',
  countyReporting: '报送与导入',
  countyCentres: '机构与指标',
  expand: '展开“{{group}}”',
  collapse: '收起“{{group}}”',
};

export const paginationZh = {
  label: '翻页',
  previous: '上一页',
  next: '下一页',
  first: '第一页',
  last: '最后一页',
  page: '第 {{n}} 页',
};
