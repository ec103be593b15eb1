// API of the incidents module (意外事件): report, follow up, close; the 30-day counts feed the ability assessment.
import { z } from 'zod';
import { INCIDENT_TYPES, SEVERITIES, SEVERITIES_NEEDING_FAMILY } from '../domain/care/vocab';
import { MEDICATION_ERROR_KINDS } from '../domain/medication/vocab';
import { Done, calendarDate, entityId, instant, oneOf, optionalDateRange, optionalText, requestId, requiredText } from './fields';
import { method } from './method';
import { RESIDENT_READERS } from './roles';
import { CARE_RECORDERS } from './care';

export const ReportIncidentInput = z
  .object({
    requestId: requestId('请求'),
    residentId: entityId('老人'),
    type: oneOf('事件类型', INCIDENT_TYPES),
    occurredAt: instant('发生时间'),
    place: requiredText('发生地点', 40),
    severity: oneOf('严重程度', SEVERITIES),
    description: requiredText('经过', 1000),
    actionTaken: requiredText('采取的措施', 1000),
    familyNotified: z.boolean().default(false),
    notifiedWho: optionalText('通知了谁', 40),
    notifiedAt: instant('通知时间').nullable().default(null),
    hospitalTransfer: z.boolean().default(false),
    hospital: optionalText('送往医院', 40),
    /** 用药差错: what went wrong (required for that type, refused for others) and the dose it concerns. */
    medicationError: z.enum(MEDICATION_ERROR_KINDS, { error: '请选择用药差错的种类' }).nullable().default(null),
    doseId: entityId('服药记录').nullable().default(null),
  })
  .refine((v) => v.type !== 'medication_error' || v.medicationError !== null, { error: '用药差错请选择差错种类（给错药、给错人、剂量错误……）', path: ['medicationError'] })
  .refine((v) => v.type === 'medication_error' || (v.medicationError === null && v.doseId === null), { error: '只有“用药差错”才填差错种类和服药记录', path: ['medicationError'] })
  .refine((v) => !SEVERITIES_NEEDING_FAMILY.includes(v.severity) || v.familyNotified, {
    error: '严重或危重的意外必须通知家属（养老机构管理办法第19条），请先通知并填写通知了谁、什么时候',
    path: ['familyNotified'],
  })
  .refine((v) => !v.familyNotified || v.notifiedWho.length > 0, { error: '请填写通知了哪位家属', path: ['notifiedWho'] })
  .refine((v) => !v.familyNotified || v.notifiedAt !== null, { error: '请填写通知家属的时间', path: ['notifiedAt'] })
  .refine((v) => !v.hospitalTransfer || v.hospital.length > 0, { error: '请填写送往哪家医院', path: ['hospital'] });

export const IncidentRow = z.object({
  id: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  bedLabel: z.string().nullable(),
  type: z.enum(INCIDENT_TYPES),
  occurredAt: z.string(),
  place: z.string(),
  severity: z.enum(SEVERITIES),
  description: z.string(),
  actionTaken: z.string(),
  familyNotified: z.boolean(),
  notifiedWho: z.string(),
  notifiedAt: z.string().nullable(),
  hospitalTransfer: z.boolean(),
  hospital: z.string(),
  medicationError: z.enum(MEDICATION_ERROR_KINDS).nullable(),
  doseId: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  reportedBy: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  closingNote: z.string().nullable(),
  followUps: z.array(z.object({ id: z.string(), at: z.string(), note: z.string(), by: z.string() })),
});
export type IncidentRow = z.output<typeof IncidentRow>;

export const IncidentQuery = z.object({
  ...optionalDateRange(),
  residentId: entityId('老人').nullable().default(null),
  status: z.enum(['open', 'closed', 'all']).default('all'),
});

export const incidentsApi = {
  'incidents.report': method({ input: ReportIncidentInput, output: z.object({ id: z.string(), repeated: z.boolean() }), roles: CARE_RECORDERS, writes: true }),
  'incidents.list': method({ input: IncidentQuery, output: z.array(IncidentRow), roles: RESIDENT_READERS, writes: false }),
  'incidents.followUp': method({
    input: z.object({ id: entityId('意外事件'), note: requiredText('跟进情况', 500) }),
    output: Done,
    roles: ['admin', 'care_lead', 'medical'],
    writes: true,
  }),
  'incidents.close': method({ input: z.object({ id: entityId('意外事件'), note: requiredText('结案说明', 500) }), output: Done, roles: ['admin'], writes: true }),
  /**
   * Incidents of the 30 days up to a date: 跌倒、走失、噎食、自杀、自伤 counted into the assessment's A.2.14 boxes; every
   * other incident listed for the assessor to count into 其他 or not.
   */
  'incidents.riskEvents': method({
    input: z.object({ residentId: entityId('老人'), onDate: calendarDate('评估日期') }),
    output: z.object({
      counts: z.object({ fall: z.number(), wandering: z.number(), choking: z.number(), suicide: z.number(), selfHarm: z.number(), other: z.number() }),
      others: z.array(z.object({ id: z.string(), occurredAt: z.string(), type: z.enum(INCIDENT_TYPES), description: z.string() })),
    }),
    roles: RESIDENT_READERS,
    writes: false,
  }),
};
