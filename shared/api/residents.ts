// API of the residents module: files, admission, bed transfer, leave and hospital stays, discharge, census.
import { z } from 'zod';
import { ETHNICITIES } from '../domain/ethnicities';
import {
  DIET_TYPES,
  DISCHARGE_REASONS,
  RESIDENT_CATEGORIES,
  RESIDENT_STATUSES,
  RESIDENT_TAGS,
  SEXES,
  STAY_EVENT_TYPES,
} from '../domain/enums';
import { ID_NUMBER_MESSAGES, parseIdNumber } from '../domain/id-number';
import { Done, calendarDate, entityId, oneOf, optionalDate, optionalText, phone, requiredText, wholeNumber } from './fields';
import { method } from './method';
import { ID_NUMBER_VIEWERS, LEAVE_RECORDERS, MANAGERS, RESIDENT_READERS } from './roles';

export const idNumberField = z.string({ error: '请填写身份证号' }).superRefine((value, ctx) => {
  const parsed = parseIdNumber(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: ID_NUMBER_MESSAGES[parsed.problem] });
});

export const ContactInput = z.object({
  name: requiredText('联系人姓名', 20),
  relation: requiredText('与老人关系', 10),
  phone: phone('联系人电话'),
  isGuardian: z.boolean().default(false), // 赡养人/监护人
  isEmergency: z.boolean().default(true), // 紧急联系人
});
export type ContactInput = z.input<typeof ContactInput>;

/** A photo is a small JPEG/PNG data URL; the form shrinks it before sending. */
export const photoField = z
  .string()
  .max(400_000, { error: '照片太大，请选择小于 300KB 的照片' })
  .regex(/^data:image\/(jpeg|png);base64,[A-Za-z0-9+/=]+$/, { error: '照片应为 JPG 或 PNG 图片' })
  .nullable()
  .default(null);

/** 户籍类别 (urban or rural registration): the county's 特困 tables count by it; unknown (null) on files made before it. */
export const HUKOU_TYPES = ['urban', 'rural'] as const;

export const PersonInput = z.object({
  name: requiredText('姓名', 20),
  idNumber: idNumberField,
  ethnicity: z.enum(ETHNICITIES, { error: '请选择民族' }).default('汉族'),
  householdAddress: optionalText('户籍地址', 100),
  village: optionalText('所属村（居）', 30),
  primaryCategory: oneOf('人员类别', RESIDENT_CATEGORIES),
  tags: z.array(z.enum(RESIDENT_TAGS, { error: '特殊身份标签无效' })).max(10).default([]),
  tekunCertNo: optionalText('特困供养证号', 30),
  hukou: z.enum(HUKOU_TYPES, { error: '户籍类别应为城市或农村' }).nullable().default(null),
  contacts: z.array(ContactInput).max(10, { error: '联系人最多10位' }).default([]),
  allergies: optionalText('过敏史', 200),
  chronicConditions: optionalText('慢性病', 200),
  dietType: oneOf('饮食类型', DIET_TYPES).default('regular'),
  photo: photoField,
  note: optionalText('备注', 500),
});
export type PersonInput = z.input<typeof PersonInput>;

export const AdmissionInput = z.object({
  date: calendarDate('入住日期'),
  bedId: entityId('床位'),
  agreementNo: requiredText('服务协议编号', 30),
  agreementEnd: calendarDate('协议到期日期'),
});
export type AdmissionInput = z.input<typeof AdmissionInput>;

export const AdmitInput = z.object({ person: PersonInput, admission: AdmissionInput });
export type AdmitInput = z.input<typeof AdmitInput>;

export const ReadmitInput = z.object({ residentId: entityId('老人'), admission: AdmissionInput });
export const UpdatePersonInput = z.object({ id: entityId('老人'), person: PersonInput });
export const TransferInput = z.object({
  residentId: entityId('老人'),
  date: calendarDate('调床日期'),
  toBedId: entityId('新床位'),
  note: optionalText('调床原因', 200),
});
export const StartLeaveInput = z
  .object({
    residentId: entityId('老人'),
    kind: z.enum(['leave', 'hospital'], { error: '请选择外出类型' }),
    startDate: calendarDate('离院日期'),
    expectedReturn: optionalDate('预计返回日期'),
    note: optionalText('去向/原因', 200),
  })
  .refine((v) => v.kind === 'hospital' || v.expectedReturn !== null, {
    message: '请假外出需填写预计返回日期',
    path: ['expectedReturn'],
  });
export const EndLeaveInput = z.object({ residentId: entityId('老人'), returnDate: calendarDate('返回日期') });
export const DischargeInput = z.object({
  residentId: entityId('老人'),
  date: calendarDate('离院日期'),
  reason: oneOf('离院原因', DISCHARGE_REASONS),
  note: optionalText('说明', 500),
});

export const ResidentRow = z.object({
  id: z.string(),
  name: z.string(),
  sex: z.enum(SEXES),
  age: z.number(),
  idNumberMasked: z.string(),
  primaryCategory: z.enum(RESIDENT_CATEGORIES),
  status: z.enum(RESIDENT_STATUSES),
  bedId: z.string().nullable(),
  bedLabel: z.string().nullable(),
  admittedOn: z.string().nullable(),
  dischargedOn: z.string().nullable(),
});
export type ResidentRow = z.output<typeof ResidentRow>;

export const StayEventView = z.object({
  id: z.string(),
  type: z.enum(STAY_EVENT_TYPES),
  date: z.string(),
  endDate: z.string().nullable(),
  expectedReturn: z.string().nullable(),
  bedLabel: z.string().nullable(),
  fromBedLabel: z.string().nullable(),
  agreementNo: z.string().nullable(),
  agreementEnd: z.string().nullable(),
  kind: z.string().nullable(),
  reason: z.string().nullable(),
  note: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type StayEventView = z.output<typeof StayEventView>;

/**
 * A family contact as the file shows it. Only those who may edit the file (and send the contacts back) get full numbers;
 * everyone else gets `phone` masked (phoneHidden) and taps for care.revealContactPhone (audited).
 */
export const ContactView = z.object({
  name: z.string(),
  relation: z.string(),
  phone: z.string(),
  phoneHidden: z.boolean(),
  isGuardian: z.boolean(),
  isEmergency: z.boolean(),
});
export type ContactView = z.output<typeof ContactView>;

/** The file as every reader gets it: the ID number masked. The full number needs residents.revealIdNumber (audited). */
export const ResidentFile = PersonInput.omit({ idNumber: true, contacts: true }).extend({
  contacts: z.array(ContactView),
  id: z.string(),
  idNumberMasked: z.string(),
  sex: z.enum(SEXES),
  birthDate: z.string(),
  age: z.number(),
  status: z.enum(RESIDENT_STATUSES),
  bedId: z.string().nullable(),
  bedLabel: z.string().nullable(),
  admittedOn: z.string().nullable(),
  dischargedOn: z.string().nullable(),
  /** The file must be kept until this date (the service agreement's end + the retention years); null while in care. */
  keepUntil: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  events: z.array(StayEventView),
});
export type ResidentFile = z.output<typeof ResidentFile>;

export const SEARCH_SCOPES = ['current', 'in_residence', 'on_leave', 'in_hospital', 'discharged', 'archived', 'all'] as const;
export const ResidentSearch = z.object({
  query: z.string().trim().max(40, { error: '搜索内容太长' }).default(''),
  scope: z.enum(SEARCH_SCOPES).default('current'),
  page: wholeNumber('页码', 1, 100_000).default(1),
  pageSize: wholeNumber('每页条数', 1, 200).default(50),
});
export type ResidentSearch = z.input<typeof ResidentSearch>;

export const Census = z.object({
  inResidence: z.number(),
  onLeave: z.number(),
  inHospital: z.number(),
  /** Everyone who holds a bed: in residence + on leave + in hospital. */
  enrolled: z.number(),
  freeBeds: z.number(),
  freeNormalBeds: z.number(),
  freeNursingBeds: z.number(),
});
export type Census = z.output<typeof Census>;


export const residentsApi = {
  'residents.search': method({
    input: ResidentSearch,
    output: z.object({ rows: z.array(ResidentRow), total: z.number() }),
    roles: RESIDENT_READERS,
    writes: false,
  }),
  'residents.get': method({
    input: z.object({ id: entityId('老人') }),
    output: ResidentFile,
    roles: RESIDENT_READERS,
    writes: false,
  }),
  'residents.revealIdNumber': method({
    input: z.object({ id: entityId('老人') }),
    output: z.object({ idNumber: z.string() }),
    roles: ID_NUMBER_VIEWERS,
    writes: true,
  }),
  'residents.census': method({ input: z.object({}), output: Census, roles: RESIDENT_READERS, writes: false }),
  'residents.admit': method({ input: AdmitInput, output: Done, roles: MANAGERS, writes: true }),
  'residents.readmit': method({ input: ReadmitInput, output: Done, roles: MANAGERS, writes: true }),
  'residents.update': method({ input: UpdatePersonInput, output: Done, roles: MANAGERS, writes: true }),
  'residents.transfer': method({ input: TransferInput, output: Done, roles: MANAGERS, writes: true }),
  'residents.startLeave': method({ input: StartLeaveInput, output: Done, roles: LEAVE_RECORDERS, writes: true }),
  'residents.endLeave': method({ input: EndLeaveInput, output: Done, roles: LEAVE_RECORDERS, writes: true }),
  'residents.discharge': method({ input: DischargeInput, output: Done, roles: MANAGERS, writes: true }),
  'residents.archive': method({ input: z.object({ id: entityId('老人') }), output: Done, roles: MANAGERS, writes: true }),
};
