// API of the users module: the administrator manages accounts and resets passwords.
import { z } from 'zod';
import { ROLES } from './roles';
import { passwordField, pinField, usernameField } from './auth';
import { Done, entityId, requiredText } from './fields';
import { method } from './method';
import { ACCOUNT_ADMINS, type Role } from './roles';

/** Who may reset a forgotten PIN: 院长 (admin) and 护理组长 (care_lead); each reset is audited. */
export const PIN_RESETTERS: readonly Role[] = ['admin', 'care_lead'];
/** A 护理组长 resets the PINs of the people on the floor only, never an administrator's or another lead's. */
export const PINS_A_CARE_LEAD_RESETS: readonly Role[] = ['caregiver', 'kitchen', 'safety', 'medical'];

export const UserRow = z.object({
  id: z.string(),
  /** Null: this person signs in with their PIN only. */
  username: z.string().nullable(),
  displayName: z.string(),
  role: z.enum(ROLES),
  hasPin: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  disabled: z.boolean(),
  lastSignInAt: z.string().nullable(),
});
export type UserRow = z.output<typeof UserRow>;

export const CreateUserInput = z.object({
  username: usernameField,
  displayName: requiredText('姓名', 20),
  role: z.enum(ROLES, { error: '请选择角色' }),
  password: passwordField,
  pin: pinField.nullable().default(null),
});
export const UpdateUserInput = z.object({
  id: entityId('账号'),
  displayName: requiredText('姓名', 20),
  role: z.enum(ROLES, { error: '请选择角色' }),
  disabled: z.boolean(),
});
/** Also gives a PIN-only person a login name and password later: `username` is then required. */
export const ResetPasswordInput = z.object({ id: entityId('账号'), password: passwordField, username: usernameField.nullable().default(null) });
/** A forgotten PIN: the new one is typed with the person present. */
export const ResetPinInput = z.object({ id: entityId('账号'), pin: pinField });


export const usersApi = {
  'users.list': method({ input: z.object({}), output: z.array(UserRow), roles: ACCOUNT_ADMINS, writes: false }),
  'users.create': method({ input: CreateUserInput, output: Done, roles: ACCOUNT_ADMINS, writes: true }),
  'users.update': method({ input: UpdateUserInput, output: Done, roles: ACCOUNT_ADMINS, writes: true }),
  'users.resetPassword': method({ input: ResetPasswordInput, output: Done, roles: ACCOUNT_ADMINS, writes: true }),
  'users.resetPin': method({ input: ResetPinInput, output: Done, roles: PIN_RESETTERS, writes: true }),
};
