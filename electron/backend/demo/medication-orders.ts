// The demo centre's medicines on paper (issue 19, orders part): the drug list of about twenty drugs old people in a
// township home take (blood pressure, diabetes with one insulin, one warfarin, the heart, sleep, pain, the bowels …);
// a 服药管理协议 for most residents, signed by the resident or a family member; for most residents in the centre two to
// four orders from the 卫生院 doctor, the family doctor or a hospital, started some months back (or on admission), a
// few 按需 (PRN) ones with their maximum and indication, some kept by the resident themself; one insulin order at the
// doctor's own times, one warfarin, one order changed (the dose lowered: the old one stopped, the new one started the
// same day), one stopped. All through the real services, so the rules hold as for any user.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { In } from '@shared/api/contract';
import type { StartOrderInput } from '@shared/api/medication-orders';
import { addDays } from '@shared/domain/dates';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { startAgreement } from '../services/medication/agreements';
import { saveDrug } from '../services/medication/drugs';
import { changeOrder, startOrder, stopOrder } from '../services/medication/orders';
import type { Random } from './random';

type DrugSpec = In<'medication.saveDrug'>;
const DRUGS = {
  nifedipine: { name: '硝苯地平缓释片', form: 'tablet', strength: '20 mg', unit: 'tablet' },
  amlodipine: { name: '苯磺酸氨氯地平片', form: 'tablet', strength: '5 mg', unit: 'tablet' },
  irbesartan: { name: '厄贝沙坦片', form: 'tablet', strength: '150 mg', unit: 'tablet' },
  metoprolol: { name: '琥珀酸美托洛尔缓释片', form: 'tablet', strength: '47.5 mg', unit: 'tablet' },
  furosemide: { name: '呋塞米片', form: 'tablet', strength: '20 mg', unit: 'tablet' },
  metformin: { name: '盐酸二甲双胍片', form: 'tablet', strength: '0.5 g', unit: 'tablet', highAlert: 'hypoglycaemic' },
  glimepiride: { name: '格列美脲片', form: 'tablet', strength: '2 mg', unit: 'tablet', highAlert: 'hypoglycaemic' },
  insulin: { name: '门冬胰岛素30注射液', form: 'injection', strength: '300单位/3ml', unit: 'unit', highAlert: 'insulin', note: '笔芯开启后室温保存 28 天' },
  warfarin: { name: '华法林钠片', form: 'tablet', strength: '2.5 mg', unit: 'tablet', highAlert: 'anticoagulant', note: '定期查 INR' },
  aspirin: { name: '阿司匹林肠溶片', form: 'tablet', strength: '100 mg', unit: 'tablet' },
  atorvastatin: { name: '阿托伐他汀钙片', form: 'tablet', strength: '20 mg', unit: 'tablet' },
  isosorbide: { name: '单硝酸异山梨酯缓释片', form: 'tablet', strength: '40 mg', unit: 'tablet' },
  omeprazole: { name: '奥美拉唑肠溶胶囊', form: 'capsule', strength: '20 mg', unit: 'capsule' },
  donepezil: { name: '盐酸多奈哌齐片', form: 'tablet', strength: '5 mg', unit: 'tablet' },
  levodopa: { name: '多巴丝肼片', form: 'tablet', strength: '250 mg', unit: 'tablet' },
  calcium: { name: '碳酸钙D3片', form: 'tablet', strength: '600 mg', unit: 'tablet' },
  lactulose: { name: '乳果糖口服溶液', form: 'liquid', strength: '100 ml', unit: 'ml' },
  paracetamol: { name: '对乙酰氨基酚片', form: 'tablet', strength: '0.5 g', unit: 'tablet' },
  estazolam: { name: '艾司唑仑片', form: 'tablet', strength: '1 mg', unit: 'tablet' },
  nitroglycerin: { name: '硝酸甘油片', form: 'tablet', strength: '0.5 mg', unit: 'tablet' },
  salbutamol: { name: '硫酸沙丁胺醇吸入气雾剂', form: 'inhaler', strength: '100 μg/揿', unit: 'puff' },
  tramadol: { name: '盐酸曲马多缓释片', form: 'tablet', strength: '100 mg', unit: 'tablet', highAlert: 'opioid' },
} satisfies Record<string, DrugSpec>;
type DrugKey = keyof typeof DRUGS;

type Regimen = Pick<In<'medication.startOrder'>, 'dose' | 'route' | 'frequency' | 'mealRelation'> & Partial<In<'medication.startOrder'>> & { drug: DrugKey };
/** What doctors usually write for each drug (scheduled); the 按需 ones apart. */
const SCHEDULED: Regimen[] = [
  { drug: 'nifedipine', dose: 1, route: 'oral', frequency: 'bid', mealRelation: 'any' },
  { drug: 'amlodipine', dose: 1, route: 'oral', frequency: 'qd', mealRelation: 'any' },
  { drug: 'irbesartan', dose: 1, route: 'oral', frequency: 'qd', mealRelation: 'any' },
  { drug: 'metoprolol', dose: 0.5, route: 'oral', frequency: 'qd', mealRelation: 'any' },
  { drug: 'metformin', dose: 1, route: 'oral', frequency: 'tid', mealRelation: 'with' },
  { drug: 'glimepiride', dose: 1, route: 'oral', frequency: 'qd', mealRelation: 'before' },
  { drug: 'aspirin', dose: 1, route: 'oral', frequency: 'qd', mealRelation: 'after' },
  { drug: 'atorvastatin', dose: 1, route: 'oral', frequency: 'qn', mealRelation: 'any' },
  { drug: 'isosorbide', dose: 1, route: 'oral', frequency: 'qd', mealRelation: 'any' },
  { drug: 'omeprazole', dose: 1, route: 'oral', frequency: 'qd', mealRelation: 'before' },
  { drug: 'donepezil', dose: 1, route: 'oral', frequency: 'qn', mealRelation: 'any' },
  { drug: 'levodopa', dose: 0.5, route: 'oral', frequency: 'tid', mealRelation: 'before' },
  { drug: 'calcium', dose: 1, route: 'oral', frequency: 'qd', mealRelation: 'with' },
  { drug: 'furosemide', dose: 1, route: 'oral', frequency: 'qd', mealRelation: 'any', note: '早上服，避免夜尿' },
];
const PRN: Regimen[] = [
  { drug: 'paracetamol', dose: 1, route: 'oral', frequency: 'prn', mealRelation: 'after', prnMaxPerDay: 3, prnIndication: '体温超过 38.5℃ 或关节疼痛时，两次间隔 6 小时以上' },
  { drug: 'estazolam', dose: 0.5, route: 'oral', frequency: 'prn', mealRelation: 'any', prnMaxPerDay: 1, prnIndication: '入睡困难时，睡前服' },
  { drug: 'nitroglycerin', dose: 1, route: 'sublingual', frequency: 'prn', mealRelation: 'any', prnMaxPerDay: 3, prnIndication: '胸痛发作时舌下含服，5 分钟不缓解再含一片并呼叫医生' },
  { drug: 'lactulose', dose: 15, route: 'oral', frequency: 'prn', mealRelation: 'any', prnMaxPerDay: 2, prnIndication: '三天未排便时' },
  { drug: 'salbutamol', dose: 2, route: 'inhaled', frequency: 'prn', mealRelation: 'any', prnMaxPerDay: 4, prnIndication: '气喘发作时' },
];
const DOCTORS: Pick<In<'medication.startOrder'>, 'prescriber' | 'prescriberKind' | 'institution'>[] = [
  { prescriber: '王建国', prescriberKind: 'township_hospital', institution: '柳湾镇卫生院' },
  { prescriber: '王建国', prescriberKind: 'township_hospital', institution: '柳湾镇卫生院' },
  { prescriber: '李秀梅', prescriberKind: 'family_doctor', institution: '柳湾镇卫生院家庭医生团队' },
  { prescriber: '陈志强', prescriberKind: 'hospital', institution: '清河县人民医院' },
];
const RELATIONS = ['儿子', '女儿', '侄子', '侄女', '儿媳', '外甥'];

export async function demoMedicationOrders(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<number> {
  let events = 0;
  const drugIds = {} as Record<DrugKey, string>;
  for (const [key, spec] of Object.entries(DRUGS) as [DrugKey, DrugSpec][]) {
    drugIds[key] = (await saveDrug(deps, actor, { highAlert: 'none', note: '', retired: false, ...spec } as Parameters<typeof saveDrug>[2])).id;
    events += 1;
  }
  const residents = await deps.db
    .selectFrom('residents')
    .select(['id', 'name', 'status', 'admittedOn', 'contacts'])
    .where('status', '<>', 'discharged')
    .where('archivedAt', 'is', null)
    .orderBy('admittedOn')
    .orderBy('name')
    .execute();

  // 服药管理协议 for most: signed on admission (or when the rule came in, 2 months back, for those admitted earlier).
  const ruleSince = addDays(today, -75);
  for (const r of residents) {
    if (!random.chance(0.88)) continue;
    const contact = (JSON.parse(r.contacts) as { name?: string; relation?: string }[])[0];
    const self = !contact?.name || random.chance(0.25);
    const admitted = r.admittedOn ?? ruleSince;
    await startAgreement(deps, actor, {
      residentId: r.id,
      signedOn: admitted > ruleSince ? admitted : addDays(ruleSince, random.int(0, 10)),
      signedBy: self ? r.name : (contact.name ?? r.name),
      relation: self ? '本人' : (contact.relation ?? random.pick(RELATIONS)),
      note: '',
      photo: null,
    });
    events += 1;
  }

  // Orders for most residents in the centre (those on leave or in hospital keep theirs).
  let insulin = false;
  let warfarin = false;
  let changed = false;
  let stopped = false;
  for (const [i, r] of residents.entries()) {
    if (!random.chance(0.85)) continue;
    const admitted = r.admittedOn ?? addDays(today, -400);
    const base: Regimen[] = [];
    if (!insulin && i >= 2) {
      base.push({ drug: 'insulin', dose: 12, route: 'subcutaneous', frequency: 'times', times: ['06:45', '16:45'], mealRelation: 'before', note: '早餐、晚餐前 15 分钟注射，注射前测血糖' });
      base.push({ drug: 'metformin', dose: 1, route: 'oral', frequency: 'tid', mealRelation: 'with' });
      insulin = true;
    } else if (!warfarin && i >= 5) {
      base.push({ drug: 'warfarin', dose: 1, route: 'oral', frequency: 'qd', mealRelation: 'any', note: '每月查一次 INR' });
      warfarin = true;
    }
    const count = random.int(2, 4) - base.length;
    const pool = [...SCHEDULED];
    for (let k = 0; k < count && pool.length > 0; k += 1) {
      const pick = pool.splice(random.int(0, pool.length - 1), 1)[0];
      if (!base.some((x) => x.drug === pick.drug)) base.push(pick);
    }
    if (random.chance(0.25)) base.push(random.pick(PRN));
    if (i === 9) base.push({ drug: 'tramadol', dose: 1, route: 'oral', frequency: 'bid', mealRelation: 'after', note: '腰椎骨折后疼痛，县医院开具' });
    const selfKept = random.chance(0.1);
    for (const reg of base) {
      const back = random.int(20, 420);
      const start = addDays(today, -back) > admitted ? addDays(today, -back) : admitted;
      const doctor = reg.drug === 'insulin' || reg.drug === 'tramadol' ? DOCTORS[3] : random.pick(DOCTORS);
      const input: z.output<typeof StartOrderInput> = {
        requestId: randomUUID(),
        residentId: r.id,
        drugId: drugIds[reg.drug],
        ...doctor,
        institution: doctor.institution ?? '',
        prescribedOn: start,
        startsOn: start,
        endsOn: null,
        dose: reg.dose,
        route: reg.route,
        frequency: reg.frequency,
        mealRelation: reg.mealRelation ?? 'any',
        times: reg.times ?? [],
        prnMaxPerDay: reg.prnMaxPerDay ?? null,
        prnIndication: reg.prnIndication ?? '',
        note: reg.note ?? '',
        doctorVisitId: null,
        supply: selfKept && reg.frequency !== 'prn' && reg.route === 'oral' ? 'self' : 'kept',
      };
      const drug = reg.drug;
      const { id } = await startOrder(deps, actor, input);
      events += 1;
      // One blood-pressure order lowered ten days ago: the old stopped and the new started the same day.
      const changeOn = addDays(today, -10);
      if (!changed && (drug === 'nifedipine' || drug === 'amlodipine') && start < changeOn) {
        const { requestId: _r, residentId: _p, ...fields } = input;
        await changeOrder(deps, actor, {
          requestId: randomUUID(),
          replacesId: id,
          reason: '血压偏低（收缩压 100 左右），医生减量',
          order: { ...fields, dose: 0.5, prescribedOn: changeOn, startsOn: changeOn, prescriber: '王建国', prescriberKind: 'township_hospital', institution: '柳湾镇卫生院' },
        });
        events += 1;
        changed = true;
      } else if (!stopped && drug === 'omeprazole' && start < addDays(today, -20)) {
        await stopOrder(deps, actor, { id, stoppedOn: addDays(today, -5), reason: '胃部不适已好转，医生停药' });
        events += 1;
        stopped = true;
      }
    }
  }
  return events;
}
