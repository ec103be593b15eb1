// The staff register: people, their certificates and health certificates, training records, and the account they
// sign in with. A new person and their PIN account are one form and one transaction. People who leave keep their
// record (a leaving date, never a delete).
import { addDays } from '@shared/domain/dates';
import type { z } from 'zod';
import type { ExpiringCert, HireInput, StaffInput, StaffRow, TrainingInput } from '@shared/api/staff';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { maskIdNumber, parseIdNumber } from '@shared/domain/id-number';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import { hashSecret } from '../../security/secrets';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import { newId } from '../../ids';
import { assertPasswordLength, assertPinFree, assertUsernameFree } from '../auth/accounts';
import { readSettings } from '../settings/settings';
import { assertRoleFits, insertAccount, type NewAccount } from '../users/users';

export async function listStaff(deps: BackendDeps, includeLeft: boolean): Promise<StaffRow[]> {
  const today = todayIn(deps.clock);
  let query = deps.db.selectFrom('staff').leftJoin('users', 'users.staffId', 'staff.id').selectAll('staff').select(['users.id as userId', 'users.displayName as userName']);
  if (!includeLeft) query = query.where((eb) => eb.or([eb('staff.leftOn', 'is', null), eb('staff.leftOn', '>', today)]));
  const rows = await query.orderBy('staff.role').orderBy('staff.name').execute();
  const training = await deps.db.selectFrom('staffTraining').selectAll().orderBy('date', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    phone: r.phone,
    idNumberMasked: r.idNumber ? maskIdNumber(r.idNumber) : '',
    hireDate: r.hireDate,
    certLevel: r.certLevel,
    certExpiry: r.certExpiry,
    healthCertExpiry: r.healthCertExpiry,
    leftOn: r.leftOn,
    active: r.leftOn === null || r.leftOn > today,
    userId: r.userId,
    userName: r.userName,
    note: r.note,
    training: training.filter((t) => t.staffId === r.id).map((t) => ({ id: t.id, date: t.date, topic: t.topic, hours: t.hours, provider: t.provider, recordedBy: t.createdBy })),
  }));
}

export function saveStaff(deps: BackendDeps, caller: Caller, input: z.output<typeof StaffInput>) {
  return writeAction(deps, caller, async (ctx) => ({ id: await putStaff(ctx, input) }));
}

/** Writes one register entry (new or edited) and its account link inside the caller's transaction, audited. */
async function putStaff(ctx: WriteContext, input: z.output<typeof StaffInput>): Promise<string> {
  const onFile = input.id ? await ctx.trx.selectFrom('staff').select('idNumber').where('id', '=', input.id).executeTakeFirst() : undefined;
  const idNumber =
    input.idNumber === undefined ? (onFile?.idNumber ?? '') : input.idNumber ? (parseIdNumber(input.idNumber) as { ok: true; info: { idNumber: string } }).info.idNumber : '';
  if (input.leftOn && input.leftOn < input.hireDate) throw invalid('离职日期不能早于入职日期', 'leftOn');
  if (input.hireDate > ctx.today) throw invalid('入职日期不能晚于今天', 'hireDate');
  if (input.userId) {
    const user = await ctx.trx.selectFrom('users').select(['id', 'staffId', 'displayName']).where('id', '=', input.userId).executeTakeFirst();
    if (!user) throw notFound('账号');
    if (user.staffId && user.staffId !== input.id) throw conflict(`账号「${user.displayName}」已关联到另一位员工`, 'userId');
  }
  const values = {
    name: input.name,
    role: input.role,
    phone: input.phone,
    idNumber,
    hireDate: input.hireDate,
    certLevel: input.certLevel,
    certExpiry: input.certExpiry,
    healthCertExpiry: input.healthCertExpiry,
    leftOn: input.leftOn,
    note: input.note,
  };
  const shown = { ...values, idNumber: idNumber ? maskIdNumber(idNumber) : '', userId: input.userId };
  let id = input.id;
  if (id) {
    const before = await ctx.trx.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('员工');
    const linked = await ctx.trx.selectFrom('users').select('id').where('staffId', '=', id).executeTakeFirst();
    await ctx.trx.updateTable('staff').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', id).execute();
    await ctx.audit({
      action: 'update',
      entity: 'staff',
      entityId: id,
      before: { ...before, idNumber: before.idNumber ? maskIdNumber(before.idNumber) : '', userId: linked?.id ?? null },
      after: shown,
    });
  } else {
    id = newId();
    await ctx.trx.insertInto('staff').values({ id, ...values, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'staff', entityId: id, after: shown });
  }
  // One account per person: unlink whatever account pointed here, then link the chosen one.
  await ctx.trx.updateTable('users').set({ staffId: null }).where('staffId', '=', id).execute();
  if (input.userId) await ctx.trx.updateTable('users').set({ staffId: id }).where('id', '=', input.userId).execute();
  return id;
}

/**
 * A new person in one form: the register entry and, unless they never sign in, their account with a PIN (a login
 * name and password only if wanted). Every check runs before anything is written; then one transaction writes both.
 */
export async function hireStaff(deps: BackendDeps, caller: Caller, input: z.output<typeof HireInput>) {
  const { accountRole, pin, username, password, ...person } = input;
  let account: Omit<NewAccount, 'staffId'> | null = null;
  if (accountRole && pin) {
    await assertRoleFits(deps, accountRole, 'accountRole');
    if (accountRole === 'admin' && !password) throw invalid('管理员要有登录名和密码（管理员能管账号和备份，不能只用PIN码）', 'username');
    if (username) await assertUsernameFree(deps.db, username, null);
    if (password) await assertPasswordLength(deps.db, password, 'password');
    await assertPinFree(deps.db, pin, null);
    account = {
      displayName: person.name,
      role: accountRole,
      username: password ? username : null,
      passwordHash: password ? await hashSecret(password) : null,
      pinHash: await hashSecret(pin),
    };
  }
  return writeAction(deps, caller, async (ctx) => {
    const id = await putStaff(ctx, { ...person, leftOn: null, userId: null });
    const userId = account ? await insertAccount(ctx, { ...account, staffId: id }) : null;
    return { id, userId };
  });
}

export function addTraining(deps: BackendDeps, caller: Caller, input: z.output<typeof TrainingInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const person = await ctx.trx.selectFrom('staff').select('id').where('id', '=', input.staffId).executeTakeFirst();
    if (!person) throw notFound('员工');
    if (input.date > ctx.today) throw invalid('培训日期不能晚于今天', 'date');
    const row = { id: newId(), staffId: input.staffId, date: input.date, topic: input.topic, hours: input.hours, provider: input.provider };
    await ctx.trx.insertInto('staffTraining').values({ ...row, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'staffTraining', entityId: row.id, after: row });
    return { id: row.id };
  });
}

/** Certificates and health certificates of current staff that have run out or run out within the warning days. */
export async function expiringCertificates(deps: BackendDeps): Promise<ExpiringCert[]> {
  const today = todayIn(deps.clock);
  const { certWarnDays } = await readSettings(deps.db);
  const horizon = addDays(today, certWarnDays);
  const rows = await deps.db
    .selectFrom('staff')
    .select(['id', 'name', 'certExpiry', 'healthCertExpiry'])
    .where((eb) => eb.or([eb('leftOn', 'is', null), eb('leftOn', '>', today)]))
    .execute();
  const found: ExpiringCert[] = [];
  for (const r of rows) {
    for (const [what, on] of [['cert', r.certExpiry], ['health', r.healthCertExpiry]] as const) {
      if (on && on <= horizon) found.push({ staffId: r.id, name: r.name, what, expiresOn: on, expired: on < today });
    }
  }
  return found.sort((a, b) => a.expiresOn.localeCompare(b.expiresOn));
}
