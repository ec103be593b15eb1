// API of the staff module: the staff register with certificates, health certificates, training and a linked account.
import { z } from 'zod';
import { CERT_LEVELS, STAFF_ROLES } from '../domain/care/vocab';
import { calendarDate, entityId, oneOf, optionalText, phone, requiredText } from './fields';
import { method } from './method';
import { idNumberField } from './residents';
import { MANAGERS } from './roles';

const optionalDate = (label: string) => calendarDate(label).nullable().default(null);

export const StaffInput = z.object({
  id: entityId('员工').optional(),
  name: requiredText('姓名', 20),
  role: oneOf('岗位', STAFF_ROLES),
  phone: phone('电话').or(z.literal('')).default(''),
  /** Left out when editing: the number on file stays (the form never shows it in full). */
  idNumber: idNumberField.or(z.literal('')).optional(),
  hireDate: calendarDate('入职日期'),
  certLevel: oneOf('养老护理员证书等级', CERT_LEVELS).default('none'),
  certExpiry: optionalDate('证书有效期'),
  healthCertExpiry: optionalDate('健康证有效期'),
  /** The date the person left; null while employed. */
  leftOn: optionalDate('离职日期'),
  /** The account this person signs in with (one account per person). */
  userId: entityId('账号').nullable().default(null),
  note: optionalText('备注', 200),
});
export type StaffInput = z.input<typeof StaffInput>;

export const TrainingInput = z.object({
  staffId: entityId('员工'),
  date: calendarDate('培训日期'),
  topic: requiredText('培训内容', 60),
  hours: z.number({ error: '学时应为数字' }).min(0.5, { error: '学时至少0.5' }).max(200, { error: '学时不能超过200' }),
  provider: optionalText('培训单位', 40),
});

export const Training = z.object({ id: z.string(), date: z.string(), topic: z.string(), hours: z.number(), provider: z.string(), recordedBy: z.string() });

export const StaffRow = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  phone: z.string(),
  idNumberMasked: z.string(),
  hireDate: z.string(),
  certLevel: z.enum(CERT_LEVELS),
  certExpiry: z.string().nullable(),
  healthCertExpiry: z.string().nullable(),
  leftOn: z.string().nullable(),
  active: z.boolean(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  note: z.string(),
  training: z.array(Training),
});
export type StaffRow = z.output<typeof StaffRow>;

export const ExpiringCert = z.object({
  staffId: z.string(),
  name: z.string(),
  what: z.enum(['cert', 'health']),
  expiresOn: z.string(),
  expired: z.boolean(),
});
export type ExpiringCert = z.output<typeof ExpiringCert>;

const STAFF_READERS = ['admin', 'care_lead'] as const;

export const staffApi = {
  'staff.list': method({ input: z.object({ includeLeft: z.boolean().default(false) }), output: z.array(StaffRow), roles: STAFF_READERS, writes: false }),
  'staff.save': method({ input: StaffInput, output: z.object({ id: z.string() }), roles: MANAGERS, writes: true }),
  'staff.addTraining': method({ input: TrainingInput, output: z.object({ id: z.string() }), roles: MANAGERS, writes: true }),
  'staff.expiring': method({ input: z.object({}), output: z.array(ExpiringCert), roles: STAFF_READERS, writes: false }),
};
