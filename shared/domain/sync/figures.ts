// A centre's figures for a month, computed by the county from the records it received (never trusted from the
// centre's own arithmetic). Figures are a flat map of counts so thirty centres add up by key; ratios are computed
// when shown. INDICATORS lists them in the order of the county's tables, with their Chinese names.
// Fields a v1 package did not carry are null: they are counted in a `.unknown` key (不详), never as "no".
import { addYears, chinaDate, daysBetween, lastDayOfMonth } from '../dates';
import { ENUM_LABELS_ZH } from '../enum-labels';
import type { SectionData, SectionRecord } from './sections';

export type Figures = Record<string, number>;

/** Bumped when computeFigures counts something new: figures stored by an older version are recomputed from the records. */
export const FIGURES_VERSION = 3;
/** Keys starting with '_' describe the figures (their version); they are not counts and are never added up. */
const VERSION_KEY = '_version';
export const figuresAreCurrent = (f: Figures) => f[VERSION_KEY] === FIGURES_VERSION;

// The v2 fields of a package (docs/sync-package.md); `undefined` on a record stored before the format change.
type ResidentIn = SectionRecord<'residents'> & {
  severeDisability?: boolean | null;
  mentalIllness?: boolean | null;
  hukou?: 'urban' | 'rural' | null;
  supportMode?: 'concentrated' | 'dispersed' | null;
  tekunCareTier?: 1 | 2 | 3 | null;
  pressureInjuryStage?: 'none' | 'I' | 'II' | 'III' | 'IV' | 'unstageable' | null;
};
type StaffIn = SectionRecord<'staff'> & { trainedInYear?: boolean | null; certified?: boolean | null };

export const AGE_BANDS = [
  { key: 'under60', label: '60岁以下', max: 59 },
  { key: '60_69', label: '60–69岁', max: 69 },
  { key: '70_79', label: '70–79岁', max: 79 },
  { key: '80_89', label: '80–89岁', max: 89 },
  { key: '90plus', label: '90岁及以上', max: 200 },
] as const;
const ageBand = (age: number) => AGE_BANDS.find((b) => age <= b.max)!.key;

/** The age bands of the county's 特困 quarterly table (issue 14): 16岁以下 = under 16, 80岁以上 = 80 and over. */
export const TEKUN_AGE_BANDS = [
  { key: 'under16', label: '16岁以下', max: 15 },
  { key: '16_59', label: '16–59岁', max: 59 },
  { key: '60_79', label: '60–79岁', max: 79 },
  { key: '80plus', label: '80岁以上', max: 200 },
] as const;
const tekunAgeBand = (age: number) => TEKUN_AGE_BANDS.find((b) => age <= b.max)!.key;

/** 特困: concentrated or dispersed support; how, from the v2 field or else from the category. */
const supportModeOf = (r: ResidentIn) => r.supportMode ?? (r.category === 'tekun_concentrated' ? 'concentrated' : r.category === 'tekun_dispersed' ? 'dispersed' : null);
/** A yes/no fact the package may not carry: counted as yes, or as 不详 (`.unknown`), never as no. */
const yesOrUnknown = (f: Figures, key: string, value: boolean | null | undefined) => {
  if (value === true) bump(f, key);
  else if (value === null || value === undefined) bump(f, `${key}.unknown`);
};
const PRESSURE_II_OR_WORSE = new Set(['II', 'III', 'IV', 'unstageable']);
/** A care-worker certificate: the v2 flag, else the certificate level v1 already carried. */
const certifiedOf = (s: StaffIn) => s.certified ?? (s.certLevel ? s.certLevel !== 'none' : null);

export const LEVEL_NAMES = ['能力完好', '轻度失能', '中度失能', '重度失能', '完全失能'] as const;
export const TIER_NAMES = { self_sufficient: '具备生活自理能力', partly_lost: '部分丧失生活自理能力', fully_lost: '完全丧失生活自理能力', none: '未认定' } as const;

function bump(f: Figures, key: string, by = 1) {
  f[key] = (f[key] ?? 0) + by;
}

export function computeFigures(period: string, data: SectionData): Figures {
  const first = `${period}-01`;
  const last = lastDayOfMonth(period);
  const inMonth = (d: string | null) => d !== null && d >= first && d <= last;
  const f: Figures = { [VERSION_KEY]: FIGURES_VERSION };
  const usable = data.beds.filter((b) => b.setting !== 'disabled');
  f.beds = usable.length;
  f.nursingBeds = usable.filter((b) => b.bedType === 'nursing').length;
  f.occupiedBeds = data.beds.filter((b) => b.occupied).length;
  f.licensedBeds = data.centre[0]?.licensedBeds ?? 0;
  const staff = (data.staff as StaffIn[]).filter((s) => s.leftOn === null || s.leftOn > last);
  f.staff = staff.length;
  for (const s of staff) {
    bump(f, `staff.role.${s.role}`);
    yesOrUnknown(f, 'staff.trained', s.trainedInYear);
    // The care-worker certificate matters for those who give care (护理员, 护理组长), not for cooks or guards.
    if (s.role === 'caregiver' || s.role === 'care_lead') {
      bump(f, 'carers');
      yesOrUnknown(f, 'carers.certified', certifiedOf(s));
    }
  }
  const residents = data.residents as ResidentIn[];
  const present = residents.filter((r) => r.statusAtMonthEnd !== 'discharged');
  f.residents = present.length;
  for (const r of present) {
    bump(f, `category.${r.category}`);
    bump(f, `level.${r.abilityLevel ?? 'none'}`);
    bump(f, `age.${ageBand(r.ageAtMonthEnd)}`);
    if (r.assessmentOverdue) bump(f, 'assessmentsOverdue');
    // Covered: assessed at least once and not overdue at the month's end.
    if (r.lastAssessedOn !== null && !r.assessmentOverdue) bump(f, 'assessmentsValid');
    if (r.statusAtMonthEnd === 'in_hospital') bump(f, 'inHospital');
    if (r.statusAtMonthEnd === 'on_leave') bump(f, 'onLeave');
    const stage = r.pressureInjuryStage;
    if (stage === null || stage === undefined) bump(f, 'pressure.unknown');
    else if (PRESSURE_II_OR_WORSE.has(stage)) bump(f, 'pressure.stage2plus');
  }
  // The 特困 quarterly table: everyone supported as 特困 (concentrated or dispersed), by the county's official tier.
  for (const r of residents) {
    const mode = supportModeOf(r);
    if (mode === null) continue;
    if (r.statusAtMonthEnd !== 'discharged') {
      bump(f, 'tekun.present');
      bump(f, `tekun.${mode}`);
      bump(f, `tekun.tier.${r.tekunTier ?? 'none'}`);
      bump(f, `tekun.careTier.${r.tekunCareTier ?? 'none'}`);
      bump(f, `tekun.age.${tekunAgeBand(r.ageAtMonthEnd)}`);
      if (r.sex === 'female') bump(f, 'tekun.female');
      yesOrUnknown(f, 'tekun.severeDisability', r.severeDisability);
      yesOrUnknown(f, 'tekun.mentalIllness', r.mentalIllness);
      bump(f, `tekun.hukou.${r.hukou ?? 'unknown'}`);
    }
    if (inMonth(r.admittedOn)) bump(f, 'tekun.new');
    if (inMonth(r.dischargedOn)) bump(f, 'tekun.exited');
  }
  for (const e of data.stay_events) {
    if (!inMonth(e.date)) continue;
    if (e.type === 'admission') bump(f, 'admissions');
    if (e.type === 'discharge') bump(f, e.reason === 'death' ? 'deaths' : 'discharges');
    if (e.type === 'transfer') bump(f, 'transfers');
    if (e.type === 'hospital') bump(f, 'hospitalStays');
  }
  f.assessmentsDone = data.assessments.filter((a) => a.kind === 'ability').length;
  // Care-log coverage: the days each resident was in the centre, and how many of them have a care record.
  let residentDays = 0;
  for (const r of data.residents) {
    const from = r.admittedOn > first ? r.admittedOn : first;
    const to = r.dischargedOn && r.dischargedOn < last ? r.dischargedOn : last;
    if (to >= from) residentDays += daysBetween(from, to) + 1;
  }
  f.residentDays = residentDays;
  f.careDaysRecorded = data.care_days.filter((d) => d.entries > 0).length;
  f.careEntries = data.care_days.reduce((n, d) => n + d.entries, 0);
  f.incidents = data.incidents.length;
  for (const i of data.incidents) {
    bump(f, `incident.${i.type}`);
    if (i.medicationError) bump(f, `medicationError.${i.medicationError}`);
  }
  healthFigures(f, data, present.map((r) => r.id), first, last);
  f.mealsServed = data.meals.reduce((n, m) => n + m.residentTotal, 0);
  const aid = data.meal_aid.filter((a) => !a.cancelled);
  f.mealAidServings = aid.length;
  f.mealAidDelivered = aid.filter((a) => a.mode === 'delivery').length;
  f.mealAidSubsidyFen = aid.reduce((n, a) => n + a.subsidyFen, 0);
  f.dayPatrolsRequired = data.fire_compliance.reduce((n, d) => n + d.dayRequired, 0);
  f.dayPatrolsDone = data.fire_compliance.reduce((n, d) => n + Math.min(d.dayDone, d.dayRequired), 0);
  f.nightWindows = data.fire_compliance.reduce((n, d) => n + d.nightWindows, 0);
  f.nightMissed = data.fire_compliance.reduce((n, d) => n + d.nightMissed, 0);
  f.inspections = data.fire_rounds.filter((r) => r.kind === 'inspection').length;
  f.openDangers = data.fire_dangers.filter((d) => d.status === 'open' || d.status === 'in_progress').length;
  f.overdueDangers = data.fire_dangers.filter((d) => (d.status === 'open' || d.status === 'in_progress') && d.deadline < last).length;
  f.dangersFound = data.fire_dangers.filter((d) => inMonth(chinaDate(new Date(d.foundAt)))).length;
  f.drills = data.fire_drills.length;
  f.nightDrills = data.fire_drills.filter((d) => d.atNight).length;
  return f;
}

const STAGE_2_OR_WORSE = new Set(['stage2', 'stage3', 'stage4', 'unstageable', 'deep_tissue']);

/**
 * Health and medicines (format 5): among residents in the centre at month end, those with a check-up in the 12 months
 * to month end, a family doctor, the month's health entry; the pressure-injury register's open injuries at month end
 * (per resident) and the month's new ones acquired in the centre; the month's doses. A resident without a health line
 * (an older package) counts as 不详 (`health.unknown`), never as "no".
 */
function healthFigures(f: Figures, data: SectionData, present: string[], first: string, last: string) {
  const lines = new Map(data.resident_health.map((h) => [h.residentId, h]));
  // The same rule as the centre's 体检 screen: a check-up on the same day a year before month end still counts.
  const yearAgo = addYears(last, -1);
  const open = data.pressure_injuries.filter((p) => p.healedOn === null || p.healedOn > last);
  for (const id of present) {
    const h = lines.get(id);
    if (!h) {
      bump(f, 'health.unknown');
      continue;
    }
    if (h.lastCheckupOn !== null && h.lastCheckupOn >= yearAgo) bump(f, 'checkup.covered');
    if (h.familyDoctor) bump(f, 'familyDoctor.signed');
    if (h.monthlyEntry) bump(f, 'healthEntry.recorded');
    if (h.activeOrders > 0) bump(f, 'medication.residents');
    bump(f, 'doses.given', h.dosesGiven);
    bump(f, 'doses.refused', h.dosesRefused);
    bump(f, 'doses.held', h.dosesHeld);
    bump(f, 'doses.notAvailable', h.dosesNotAvailable);
    bump(f, 'doses.late', h.dosesLate);
    const own = open.filter((p) => p.residentId === id);
    if (own.length > 0) bump(f, 'pressureRegister.residents');
    if (own.some((p) => STAGE_2_OR_WORSE.has(p.stageAtMonthEnd))) bump(f, 'pressureRegister.stage2plus');
    if (own.some((p) => p.origin === 'in_centre')) bump(f, 'pressureRegister.inCentre');
  }
  f['pressureRegister.newInCentre'] = data.pressure_injuries.filter((p) => p.origin === 'in_centre' && p.foundOn >= first && p.foundOn <= last).length;
}

export function addFigures(all: Figures[]): Figures {
  const sum: Figures = {};
  // for…in and charCodeAt: a province adds up a hundred counties × twelve months of ~150 keys on every look.
  for (const f of all) for (const k in f) if (k.charCodeAt(0) !== 95 /* '_' */) sum[k] = (sum[k] ?? 0) + f[k];
  return sum;
}

/**
 * Centres' figures added up and stamped with the version they all had (0 when they differed or one had none), so a
 * kept sum (county_figure_sums) says whether it can be shown as it is or must be added up again from today's figures.
 */
export function addFiguresWithVersion(all: Figures[]): Figures {
  const versions = new Set(all.map((f) => f[VERSION_KEY] ?? 0));
  return { ...addFigures(all), [VERSION_KEY]: versions.size === 1 ? [...versions][0] : 0 };
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** Shares and rates shown next to the counts: null when there is nothing to divide by. */
export function ratios(f: Figures) {
  const g = (k: string) => f[k] ?? 0;
  // Coverage among those whose status the package says (不详 ones are left out, and shown as their own count).
  const known = (key: string, of: string) => ratio(g(key), g(of) - g(`${key}.unknown`));
  return {
    nursingBedRatio: ratio(g('nursingBeds'), g('beds')),
    occupancy: ratio(g('occupiedBeds'), g('beds')),
    careCoverage: ratio(g('careDaysRecorded'), g('residentDays')),
    patrolCompliance: ratio(g('dayPatrolsDone') + g('nightWindows') - g('nightMissed'), g('dayPatrolsRequired') + g('nightWindows')),
    pressureRate: ratio(g('pressure.stage2plus'), g('residents') - g('pressure.unknown')),
    fallsPer1000: ratio(g('incident.fall') * 1000, g('residentDays')),
    assessmentCoverage: ratio(g('assessmentsValid'), g('residents')),
    trainingCoverage: known('staff.trained', 'staff'),
    certifiedCoverage: known('carers.certified', 'carers'),
    socialWorkersPer100Beds: ratio(g('staff.role.social_worker') * 100, g('beds')),
    checkupCoverage: ratio(g('checkup.covered'), g('residents') - g('health.unknown')),
    familyDoctorCoverage: ratio(g('familyDoctor.signed'), g('residents') - g('health.unknown')),
    pressurePrevalence: ratio(g('pressureRegister.residents'), g('residents') - g('health.unknown')),
    dosesGivenShare: ratio(g('doses.given'), g('doses.given') + g('doses.refused') + g('doses.held') + g('doses.notAvailable')),
  };
}
export type RatioKey = keyof ReturnType<typeof ratios>;

export interface IndicatorRow {
  key: string;
  label: string;
  group: string;
  /** Shown as a share (0–1) rather than a count. */
  share?: boolean;
  /** A rate (per 1,000 bed-days, per 100 beds), shown with two decimals. */
  rate?: boolean;
  /** Money in fen, shown in yuan. */
  fen?: boolean;
  /** How the county computes it, shown beside the figure. */
  definition?: string;
}

const rows = (group: string, entries: Array<[string, string]>): IndicatorRow[] => entries.map(([key, label]) => ({ key, label, group }));

/** The rates the county watches (issue 14 §4), computed from the records, each with its definition. */
export const RATE_ROWS: IndicatorRow[] = [
  { key: 'pressureRate', label: '压力性损伤（Ⅱ期及以上）发生率', group: '监测指标', share: true, definition: '月末在院老人中，最近一次能力评估（A.5.1）记为Ⅱ期、Ⅲ期、Ⅳ期或不可分期的人数 ÷ 在院老人数（评估里没有记录的老人不计入分母，另列「不详」）' },
  { key: 'pressure.unknown', label: '其中压力性损伤不详', group: '监测指标', definition: '数据包未载明分期的在院老人（旧版数据包或从未评估）' },
  { key: 'fallsPer1000', label: '跌倒（每千床日）', group: '监测指标', rate: true, definition: '本月登记的跌倒事件数 × 1000 ÷ 在院人日（入住至离院的日数，含请假、住院日）[R]' },
  { key: 'assessmentCoverage', label: '能力评估覆盖率', group: '监测指标', share: true, definition: '月末在院老人中有能力评估且未逾期的人数 ÷ 月末在院老人数' },
  { key: 'trainingCoverage', label: '员工培训覆盖率', group: '监测指标', share: true, definition: '月末在职员工中近12个月有培训记录的人数 ÷ 培训情况已知的在职员工数（旧版数据包不含，计为「不详」）' },
  { key: 'staff.trained.unknown', label: '其中培训情况不详', group: '监测指标' },
];

/** Health and medicines (issue 19), from the packages' health lines and pressure-injury register (format 5 on). */
export const HEALTH_ROWS: IndicatorRow[] = [
  { key: 'checkupCoverage', label: '年度体检覆盖率', group: '健康与用药', share: true, definition: '月末在院老人中，近12个月内（上一年同一天到月末）有体检记录的人数 ÷ 月末在院老人数（旧版数据包不含，另列「不详」）' },
  { key: 'familyDoctorCoverage', label: '家庭医生签约率', group: '健康与用药', share: true, definition: '月末在院老人中，家庭医生签约在月末有效的人数 ÷ 月末在院老人数（不详不计入分母）' },
  { key: 'pressurePrevalence', label: '压疮现患率（压疮登记）', group: '健康与用药', share: true, definition: '月末在院老人中，压疮登记里月末尚未愈合（任何分期、含入院带入）的人数 ÷ 月末在院老人数（不详不计入分母）' },
  ...rows('健康与用药', [
    ['pressureRegister.stage2plus', '其中Ⅱ期及以上（含不可分期、深部组织损伤）'],
    ['pressureRegister.inCentre', '其中院内发生'],
    ['pressureRegister.newInCentre', '本月新发院内压疮（处）'],
    ['health.unknown', '健康情况不详的在院老人'],
    ['medication.residents', '月末有医嘱服药的老人'],
    ['doses.given', '本月已服药次数'],
    ['doses.refused', '拒服次数'],
    ['doses.held', '暂缓次数'],
    ['doses.notAvailable', '缺药次数'],
    ['doses.late', '迟服次数'],
  ]),
  { key: 'dosesGivenShare', label: '应服药中已服的比例', group: '健康与用药', share: true, definition: '本月按时间应服的药中已服的次数 ÷ 登记了的次数（已服＋拒服＋暂缓＋缺药；按更正后的记录计，按需药不计，没登记的不计）' },
  // The count of 用药差错 is in 意外事件 (incident.medication_error); here what went wrong.
  ...rows('健康与用药', Object.entries(ENUM_LABELS_ZH.medicationError).map(([k, v]): [string, string] => [`medicationError.${k}`, `用药差错：${v}`])),
];

export const INDICATORS: IndicatorRow[] = [
  ...rows('床位', [['licensedBeds', '核定床位'], ['beds', '可用床位'], ['nursingBeds', '护理型床位']]),
  { key: 'nursingBedRatio', label: '护理型床位占比', group: '床位', share: true },
  { key: 'occupiedBeds', label: '在用床位', group: '床位' },
  { key: 'occupancy', label: '床位使用率', group: '床位', share: true },
  ...rows('在院老人', [['residents', '月末在院（含请假、住院）'], ['onLeave', '其中请假外出'], ['inHospital', '其中住院']]),
  ...rows('人员类别', Object.entries(ENUM_LABELS_ZH.category).map(([k, v]) => [`category.${k}`, v])),
  ...rows('能力等级', [...LEVEL_NAMES.map((n, i): [string, string] => [`level.${i}`, n]), ['level.none', '未评估']]),
  ...rows('年龄', AGE_BANDS.map((b): [string, string] => [`age.${b.key}`, b.label])),
  ...rows('特困供养', [
    ['tekun.present', '特困人员合计（集中+分散）'],
    ['tekun.concentrated', '集中供养人数'],
    ...Object.entries(TIER_NAMES).map(([k, v]): [string, string] => [`tekun.tier.${k}`, v]),
    ['tekun.new', '本月新增'],
    ['tekun.exited', '本月减少'],
  ]),
  ...rows('入住变动', [['admissions', '入住'], ['discharges', '离院（不含死亡）'], ['deaths', '死亡'], ['transfers', '调床'], ['hospitalStays', '住院']]),
  ...rows('评估', [['assessmentsDone', '本月完成能力评估'], ['assessmentsOverdue', '评估逾期']]),
  ...RATE_ROWS,
  ...rows('护理', [['residentDays', '在院人日'], ['careDaysRecorded', '有护理记录的人日']]),
  { key: 'careCoverage', label: '护理记录覆盖率', group: '护理', share: true },
  { key: 'careEntries', label: '护理记录条数', group: '护理' },
  ...rows('意外事件', [['incidents', '意外事件合计'], ...Object.entries(ENUM_LABELS_ZH.incidentType).map(([k, v]): [string, string] => [`incident.${k}`, v])]),
  ...HEALTH_ROWS,
  ...rows('膳食', [['mealsServed', '老人用餐人次'], ['mealAidServings', '助餐人次'], ['mealAidDelivered', '其中送餐上门']]),
  { key: 'mealAidSubsidyFen', label: '助餐补贴（元）', group: '膳食', fen: true },
  ...rows('消防', [['dayPatrolsRequired', '应日间巡查'], ['dayPatrolsDone', '已日间巡查'], ['nightWindows', '应夜间巡查次数'], ['nightMissed', '漏查夜间巡查次数']]),
  { key: 'patrolCompliance', label: '防火巡查完成率', group: '消防', share: true },
  ...rows('消防', [['inspections', '防火检查'], ['dangersFound', '本月发现隐患'], ['openDangers', '月末未整改隐患'], ['overdueDangers', '其中逾期'], ['drills', '消防演练'], ['nightDrills', '其中夜间演练']]),
  ...rows('人员', [['staff', '工作人员']]),
];

/** The value of an indicator row for a set of figures (a share or a count; null when it cannot be computed). */
export function indicatorValue(row: IndicatorRow, f: Figures): number | null {
  if (row.share || row.rate) return ratios(f)[row.key as RatioKey];
  return f[row.key] ?? 0;
}

/** As the county's tables show it: a share in per cent, money in yuan, else a count; `missing` when not reported. */
export function formatIndicator(row: IndicatorRow, f: Figures | null, missing = '未报'): string {
  if (!f) return missing;
  const v = indicatorValue(row, f);
  if (v === null) return '—';
  if (row.share) return `${(v * 100).toFixed(1)}%`;
  if (row.rate) return v.toFixed(2);
  if (row.fen) return (v / 100).toFixed(2);
  return String(v);
}
