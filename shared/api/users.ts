// API of the users module: the administrator manages accounts and resets passwords.
import { z } from 'zod';
import { ROLES } from './roles';
import { passwordField, pinField, usernameField } from './auth';
import { entityId, requiredText } from './fields';
import { method } from './method';
import { ACCOUNT_ADMINS } from './roles';

export const UserRow = z.object({
  id: z.string(),
  username: z.string(),
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
export const ResetPasswordInput = z.object({ id: entityId('账号'), password: passwordField });

const Done = z.object({ id: z.string() });

export const usersApi = {
  'users.list': method({ input: z.object({}), output: z.array(UserRow), roles: ACCOUNT_ADMINS, writes: false }),
  'users.create': method({ input: CreateUserInput, output: Done, roles: ACCOUNT_ADMINS, writes: true }),
  'users.update': method({ input: UpdateUserInput, output: Done, roles: ACCOUNT_ADMINS, writes: true }),
  'users.resetPassword': method({ input: ResetPasswordInput, output: Done, roles: ACCOUNT_ADMINS, writes: true }),
};
