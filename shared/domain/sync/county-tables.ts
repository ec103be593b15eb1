// The layouts of the county's official tables (issue 14 §4), as columns over the figures of shared/domain/sync/figures.ts:
// the 特困人员救助供养 quarterly table (domain.md §5.3, the 泰州 综合统计表 with the age bands) and the facility
// basic-situation table (民政统计 "提供住宿的社会服务机构基本情况", domain.md §5.2). A column's `group` is the upper
// header row; 不详 columns count what an older package did not say.
import { ENUM_LABELS_ZH } from '../enum-labels';
import { type IndicatorRow, TEKUN_AGE_BANDS } from './figures';

const col = (group: string, key: string, label: string, extra: Partial<IndicatorRow> = {}): IndicatorRow => ({ group, key, label, ...extra });

export const TEKUN_TABLE: IndicatorRow[] = [
  col('', 'tekun.present', '本季度末保障人数'),
  col('供养方式', 'tekun.concentrated', '集中供养'),
  col('供养方式', 'tekun.dispersed', '分散供养'),
  col('按自理能力划分（县民政局认定）', 'tekun.tier.self_sufficient', '自理'),
  col('按自理能力划分（县民政局认定）', 'tekun.tier.partly_lost', '半自理'),
  col('按自理能力划分（县民政局认定）', 'tekun.tier.fully_lost', '全护理'),
  col('按自理能力划分（县民政局认定）', 'tekun.tier.none', '未认定'),
  ...TEKUN_AGE_BANDS.map((b) => col('按年龄划分', `tekun.age.${b.key}`, b.label)),
  col('按特殊身份划分', 'tekun.female', '女性'),
  col('按特殊身份划分', 'tekun.severeDisability', '重度残疾人'),
  col('按特殊身份划分', 'tekun.severeDisability.unknown', '残疾不详'),
  col('按特殊身份划分', 'tekun.mentalIllness', '患精神疾病人'),
  col('按特殊身份划分', 'tekun.mentalIllness.unknown', '精神疾病不详'),
  col('户籍', 'tekun.hukou.urban', '城市'),
  col('户籍', 'tekun.hukou.rural', '农村'),
  col('户籍', 'tekun.hukou.unknown', '不详'),
  col('动态管理', 'tekun.new', '本季度新增'),
  col('动态管理', 'tekun.exited', '本季度退出'),
  col('照料护理标准档次（人数）', 'tekun.careTier.1', '一档'),
  col('照料护理标准档次（人数）', 'tekun.careTier.2', '二档'),
  col('照料护理标准档次（人数）', 'tekun.careTier.3', '三档'),
  col('照料护理标准档次（人数）', 'tekun.careTier.none', '未定档'),
];

export const FACILITY_TABLE: IndicatorRow[] = [
  col('床位', 'beds', '床位数'),
  col('床位', 'nursingBeds', '护理型床位'),
  col('', 'residents', '月末在院老人'),
  col('工作人员（按岗位）', 'staff', '合计'),
  ...Object.entries(ENUM_LABELS_ZH.staffRole).map(([k, v]) => col('工作人员（按岗位）', `staff.role.${k}`, v)),
  col('', 'socialWorkersPer100Beds', '每百张床位社工数', { rate: true, definition: '在职社工人数 × 100 ÷ 可用床位数' }),
  col('培训', 'trainingCoverage', '培训覆盖率', { share: true, definition: '近12个月有培训记录的在职员工 ÷ 培训情况已知的在职员工' }),
  col('培训', 'staff.trained.unknown', '培训不详'),
  col('持证', 'certifiedCoverage', '护理员持证率', { share: true, definition: '持养老护理员职业技能等级证书的护理员、护理组长 ÷ 持证情况已知的护理员、护理组长' }),
  col('持证', 'carers.certified.unknown', '持证不详'),
];

/** Header groups in order with how many columns each spans (an empty group spans one column and has no upper cell). */
export function headerGroups(columns: IndicatorRow[]): Array<{ group: string; span: number }> {
  const out: Array<{ group: string; span: number }> = [];
  for (const c of columns) {
    const prev = out[out.length - 1];
    if (prev && c.group !== '' && prev.group === c.group) prev.span++;
    else out.push({ group: c.group, span: 1 });
  }
  return out;
}
