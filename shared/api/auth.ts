// API of the auth module: first-run administrator, sign-in by password or PIN, lock, sign-out, own password and PIN.
import { z } from 'zod';
import { ROLES } from './roles';
import { Ok, requiredText } from './fields';
import { method, PUBLIC } from './method';
import { ANY_ROLE } from './roles';

export const PIN_PATTERN = /^\d{6}$/;

export const usernameField = z
  .string({ error: '请填写登录名' })
  .trim()
  .min(2, { error: '登录名至少2个字符' })
  .max(30, { error: '登录名不能超过30个字符' })
  .regex(/^[A-Za-z0-9_.\u4e00-\u9fff-]+$/, { error: '登录名只能包含汉字、字母、数字、下划线、点或短横线' });
/** Length rules are checked in the backend against the configurable minimum (default 8). */
export const passwordField = z.string({ error: '请填写密码' }).min(1, { error: '请填写密码' }).max(200, { error: '密码太长' });
export const pinField = z.string({ error: '请填写6位数字PIN码' }).regex(PIN_PATTERN, { error: 'PIN码应为6位数字' });

export const SignedInUser = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  /** Only after a password sign-in to a password an administrator chose (never after a PIN sign-in). */
  mustChangePassword: z.boolean(),
  hasPin: z.boolean(),
  /** False for people who sign in with their PIN only (no login name, no password). */
  hasPassword: z.boolean(),
});
export type SignedInUser = z.output<typeof SignedInUser>;

/** `onShift`: on a shift running now (or, with no roster for now, signed in today): shown first, under 现在当班. */
export const QuickUser = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES), onShift: z.boolean() });

export const AuthStatus = z.object({
  /** No account exists yet: the first run creates the administrator. */
  needsSetup: z.boolean(),
  user: SignedInUser.nullable(),
  /** Locked after idle time: `user` is who locked it. */
  locked: z.boolean(),
  idleMinutes: z.number(),
  /** People who can switch in with their PIN, those signed in today first ("on shift"). */
  quickUsers: z.array(QuickUser),
  onShift: z.array(z.string()),
  /** True: onShift lists the people rostered now; false: those who signed in today (no roster for now). */
  onShiftFromRoster: z.boolean(),
  /**
   * Why this screen was signed out by the backend (its account was disabled or changed on another PC, or the data was
   * restored from a backup): shown on the sign-in screen until someone signs in. Null otherwise.
   */
  signedOutBecause: z.string().nullable(),
});
export type AuthStatus = z.output<typeof AuthStatus>;

export const SetupAdminInput = z
  .object({
    username: usernameField,
    displayName: requiredText('姓名', 20),
    password: passwordField,
    pin: pinField.nullable().default(null),
    /** What this PC is for, chosen once at first run: a centre (敬老院), or the county's civil-affairs bureau. */
    mode: z.enum(['centre', 'county'], { error: '请选择这台电脑的用途' }).default('centre'),
    countyCode: z.string().trim().nullable().default(null),
    countyName: z.string().trim().max(30, { error: '名称不能超过30个字' }).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.mode !== 'county') return;
    // The area this county-mode PC gathers: a county (6 digits), a prefecture/city 地市 (4) or a province 省 (2).
    if (!v.countyCode || !/^(\d{2}|\d{4}|\d{6})$/.test(v.countyCode)) ctx.addIssue({ code: 'custom', path: ['countyCode'], message: '行政区划代码应为6位（县级）、4位（地市级）或2位（省级）数字' });
    if (!v.countyName) ctx.addIssue({ code: 'custom', path: ['countyName'], message: '请填写县（市、区）、地市或省的名称' });
  });
export const LoginInput = z.object({ username: usernameField, password: passwordField });
export const PinLoginInput = z.object({ userId: z.string({ error: '请选择您的名字' }).min(1, { error: '请选择您的名字' }), pin: pinField });
export const ChangePasswordInput = z.object({ current: passwordField, next: passwordField });
/** `current`: the person's password, or (people who only use a PIN) their current PIN. */
export const SetPinInput = z.object({ current: z.string({ error: '请填写当前密码或PIN码' }).min(1, { error: '请填写当前密码或PIN码' }).max(200), pin: pinField });


export const authApi = {
  'auth.status': method({ input: z.object({}), output: AuthStatus, roles: PUBLIC, writes: false }),
  'auth.setupAdmin': method({ input: SetupAdminInput, output: SignedInUser, roles: PUBLIC, writes: true }),
  'auth.login': method({ input: LoginInput, output: SignedInUser, roles: PUBLIC, writes: true }),
  'auth.pinLogin': method({ input: PinLoginInput, output: SignedInUser, roles: PUBLIC, writes: true }),
  /** The screen is in use (mouse, keyboard) even without other calls: keeps the idle lock from closing on a reader. */
  'auth.heartbeat': method({ input: z.object({}), output: Ok, roles: ANY_ROLE, writes: false }),
  'auth.lock': method({ input: z.object({}), output: Ok, roles: ANY_ROLE, writes: false }),
  'auth.logout': method({ input: z.object({}), output: Ok, roles: ANY_ROLE, writes: false }),
  'auth.changePassword': method({ input: ChangePasswordInput, output: Ok, roles: ANY_ROLE, writes: true }),
  'auth.setPin': method({ input: SetPinInput, output: Ok, roles: ANY_ROLE, writes: true }),
};
