// API of the staff module: the staff register with certificates, health certificates, training and a linked account.
import { z } from 'zod';
import { CERT_LEVELS, STAFF_ROLES, type StaffRole } from '../domain/care/vocab';
import { passwordField, pinField, usernameField } from './auth';
import { Done, calendarDate, entityId, oneOf, optionalDate, optionalText, phone, requiredText } from './fields';
import { method } from './method';
import { idNumberField } from './residents';
import { CENTRE_STAFF, MANAGERS, ROLES, type Role } from './roles';


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

/** The account role a new person usually gets from their post; null: the post does not sign in (cleaners…). */
export const DEFAULT_ACCOUNT_ROLE: Record<StaffRole, Role | null> = {
  caregiver: 'caregiver',
  care_lead: 'care_lead',
  cook: 'kitchen',
  security: 'safety',
  doctor: 'medical',
  nurse: 'medical',
  manager: 'admin',
  cleaner: null,
  social_worker: 'social_worker',
};

/**
 * A new person in one form: the register entry, and (unless they never sign in) their role and 6-digit PIN; a login
 * name and password only if they want one. One transaction: the person and the account, or nothing.
 */
export const HireInput = StaffInput.omit({ id: true, userId: true, leftOn: true })
  .extend({
    /** null: this person does not sign in (no account). */
    accountRole: z.enum(ROLES, { error: '请选择系统角色' }).nullable().default(null),
    pin: pinField.nullable().default(null),
    username: usernameField.nullable().default(null),
    password: passwordField.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.accountRole && !v.pin) ctx.addIssue({ code: 'custom', path: ['pin'], message: '请填写6位数字PIN码（用来在值班电脑上登录）' });
    if (v.username && !v.password) ctx.addIssue({ code: 'custom', path: ['password'], message: '填了登录名，也要填密码' });
    if (v.password && !v.username) ctx.addIssue({ code: 'custom', path: ['username'], message: '填了密码，也要填登录名' });
  });
export type HireInput = z.input<typeof HireInput>;

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

/** For pickers (整改责任人, assessors): who works here now, by name and role only — nothing private. */
export const StaffName = z.object({ id: z.string(), name: z.string(), role: z.enum(STAFF_ROLES) });
export type StaffName = z.output<typeof StaffName>;

export const staffApi = {
  'staff.list': method({ input: z.object({ includeLeft: z.boolean().default(false) }), output: z.array(StaffRow), roles: STAFF_READERS, writes: false }),
  'staff.hire': method({ input: HireInput, output: z.object({ id: z.string(), userId: z.string().nullable() }), roles: MANAGERS, writes: true }),
  'staff.save': method({ input: StaffInput, output: Done, roles: MANAGERS, writes: true }),
  'staff.addTraining': method({ input: TrainingInput, output: Done, roles: MANAGERS, writes: true }),
  'staff.expiring': method({ input: z.object({}), output: z.array(ExpiringCert), roles: STAFF_READERS, writes: false }),
  'staff.names': method({ input: z.object({}), output: z.array(StaffName), roles: CENTRE_STAFF, writes: false }),
};
