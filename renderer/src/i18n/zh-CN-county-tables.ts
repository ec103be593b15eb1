// Words of the county's official tables (特困人员救助供养季度表, 机构基本情况表), the rates with their definitions, and the
// masked ID numbers of the county's resident list (issue 14 §4).
export const countyTablesZh = {
  tabFacility: '机构基本情况表',
  printTable: '打印本表',
  tekunTitle: '{{county}} {{year}}年第{{quarter}}季度 特困人员救助供养对象综合统计表',
  tekunHint: '保障人数、供养方式、自理能力（县民政局认定的档次）、年龄、特殊身份、户籍和照料护理档次取季度内最后一个已报月份；新增和退出为季度合计。旧版数据包没有的项目计为「不详」，不当作「否」。',
  tekunNote: '注：年龄段为16岁以下、16–59岁、60–79岁、80岁以上；新增、退出按入住、离院计。本季度支出保障金和供养救助标准由县民政局填写。',
  facilityTitle: '{{county}} {{period}} 养老机构基本情况表',
  facilityHint: '床位、在院老人和在职员工取该月月末；培训为近12个月内有培训记录；持证指养老护理员职业技能等级证书（护理员、护理组长）。',
  area: '地区 / 机构',
  monthsReported: '本季报送月数',
  definitions: '指标说明',
  idNumber: '身份证号',
  idNone: '未报',
  reveal: '查看完整',
  revealTitle: '{{name}} 的身份证号',
  revealAudited: '查看完整号码会记入操作记录。',
  tierProposed: '（院内建议：{{tier}}）',
  hukou: '户籍',
  hukouValue: { urban: '城市', rural: '农村' },
  unknown: '不详',
  preparedBy: '填表人：__________　　审核人：__________　　填报日期：__________',
};
