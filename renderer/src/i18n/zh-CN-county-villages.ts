// Words of the county's village table (issue 17): the township's register of elders at home and their visits, per
// township and village.
export const countyVillagesZh = {
  tab: '农村老人关爱',
  title: '{{county}} {{period}} 农村留守及特殊困难老年人关爱服务情况（按村）',
  hint: '在家老人、人员类别和关爱等级取该月月末；探访按各院自己的探访计划计算。旧版程序报来的数据包没有农村老人名册，另行列出，不计为0。',
  township: '乡镇',
  village: '村',
  atHome: '在家老人',
  riskHigh: '关爱等级高',
  riskMedium: '中',
  riskLow: '低',
  due: '本月应探访',
  dueVisited: '已探访',
  coverage: '探访覆盖率',
  rate: '月探访率（含电话）',
  rateHomeOnly: '月探访率（仅上门）',
  overdue: '月末逾期未探访',
  openFollowups: '未结转介',
  openSpecial: '未结特殊情况',
  assessmentCoverage: '评估覆盖率',
  subtotal: '小计',
  empty: '这个月还没有乡镇报来农村老人名册。各院用新版程序导出月报后，这里按乡镇和村列出。',
  withoutRegister: '以下机构的数据包来自旧版程序，没有农村老人名册：{{names}}',
  definitions:
    '说明：探访覆盖率 = 本月到了探访时间的在家老人中已探访的人数 ÷ 到了探访时间的人数；月探访率 = 特殊困难老年人（独居、空巢、留守、失能、重残、计生特殊家庭）本月至少探访一次的比例（民政部等2022年《关于开展特殊困难老年人探访关爱服务的指导意见》目标100%），含电话、视频与仅上门两种口径；逾期 = 月末已过应探访日期；评估覆盖率 = 在家的特困、低保、计生特殊家庭老人中，月末能力评估仍在复评间隔内的比例。',
};
