// The county's side of enrolment: its own public-key file to hand to the centres, and the registry of centres. A
// registration file makes a pending enrolment; it is confirmed only when the clerk types the fingerprint the centre read
// out by phone and it matches. An enrolment can be withdrawn until the first package from the centre was imported.
import { conflict, invalid, notFound } from '@shared/api/errors';
import { type CentreRow, type CountyStatus, areaLevelOf } from '@shared/api/county';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { takeTurns } from '../../db/dialect';
import type { Platform } from '../../platform';
import { readIdentity } from '../../package/identity';
import { fingerprint, sameFingerprint } from '../../package/keys';
import { areaWord } from '../../package/package';
import { RegistrationFile, parseKeyFile } from '../sync/centre-keys';

async function countyIdentity(deps: BackendDeps, platform: Platform | undefined) {
  const identity = await readIdentity(deps, platform);
  if (!identity || identity.mode !== 'county') throw conflict('这台电脑是敬老院用的，没有县级汇总功能');
  return identity;
}

export async function countyKeys(deps: BackendDeps, platform: Platform | undefined) {
  const identity = await countyIdentity(deps, platform);
  return { countyCode: identity.countyCode, privateKey: identity.privateKey() };
}

/** The key file a centre imports: always a county's (6-digit code and name), the same public key for every county of an area. */
function keyFile(publicKey: string, countyCode: string, countyName: string) {
  const file = { type: 'township-care-county-key', version: 1, countyCode, countyName, publicKey };
  return { fileName: `县级公钥-${countyCode}.json`, text: JSON.stringify(file, null, 2) };
}

export async function countyStatus(deps: BackendDeps, platform: Platform | undefined): Promise<CountyStatus> {
  const identity = await countyIdentity(deps, platform);
  return {
    countyCode: identity.countyCode,
    countyName: identity.countyName,
    fingerprint: fingerprint(identity.publicKey),
    keyProtection: identity.keyProtection,
    area: areaLevelOf(identity.countyCode),
    keyFile: keyFile(identity.publicKey, identity.countyCode, identity.countyName),
  };
}

/** A prefecture's or province's store hands out one key file per county: centres stay unchanged (issue 20). */
export async function keyFileFor(deps: BackendDeps, platform: Platform | undefined, countyCode: string, countyName: string) {
  const identity = await countyIdentity(deps, platform);
  if (identity.countyCode.length === 6) throw conflict('本机是县级汇总，请使用本县的公钥文件');
  if (!countyCode.startsWith(identity.countyCode)) throw invalid(`县级代码 ${countyCode} 不在本汇总范围（${identity.countyName} ${identity.countyCode}）内`, 'countyCode');
  return keyFile(identity.publicKey, countyCode, countyName);
}

/** The county of a centre: the first 6 digits of its code. */
export const countyOf = (centreCode: string) => centreCode.slice(0, 6);

/**
 * The centres' names and enrolment alone (no key fingerprints, no package counts), for the county's tables: a
 * province's 2,500 centres on every look. The same centres, in the same order, as listCentres.
 */
export async function centreNames(deps: BackendDeps, confirmedOnly = false, countyCode: string | null = null) {
  let query = deps.db
    .selectFrom('countyCentres')
    .select(['centreCode', 'name', 'countyName', 'state', 'confirmedAt'])
    .where('state', 'in', confirmedOnly ? ['confirmed'] : ['pending', 'confirmed'])
    .orderBy('centreCode');
  if (countyCode) query = query.where('centreCode', 'like', `${countyCode}%`);
  return query.execute();
}

/** Every centre not withdrawn (pending ones included); `confirmedOnly` for the county's figures. */
export async function listCentres(deps: BackendDeps, confirmedOnly = false, countyCode: string | null = null): Promise<CentreRow[]> {
  let query = deps.db
    .selectFrom('countyCentres')
    .selectAll()
    .where('state', 'in', confirmedOnly ? ['confirmed'] : ['pending', 'confirmed'])
    .orderBy('centreCode');
  // One county of an area store: its centres' codes begin with the county's (digits only: no LIKE wildcard to escape).
  if (countyCode) query = query.where('centreCode', 'like', `${countyCode}%`);
  const centres = await query.execute();
  const latest = await deps.db
    .selectFrom('countyPackages')
    .select(['centreCode', (eb) => eb.fn.max('period').as('lastPeriod'), (eb) => eb.fn.countAll<number>().as('packages')])
    .groupBy('centreCode')
    .execute();
  const byCode = new Map(latest.map((l) => [l.centreCode, l]));
  return centres.map((c) => ({
    centreCode: c.centreCode,
    name: c.name,
    countyCode: countyOf(c.centreCode),
    countyName: c.countyName,
    township: c.township,
    fingerprint: fingerprint(c.publicKey),
    enrolledAt: c.enrolledAt,
    enrolledBy: c.enrolledBy,
    state: c.state,
    confirmedAt: c.confirmedAt,
    confirmedBy: c.confirmedBy,
    lastPeriod: (byCode.get(c.centreCode)?.lastPeriod as string | undefined) ?? null,
    packages: Number(byCode.get(c.centreCode)?.packages ?? 0),
  }));
}

export async function enrolCentre(deps: BackendDeps, caller: Caller, platform: Platform | undefined, text: string) {
  const identity = await countyIdentity(deps, platform);
  const file = parseKeyFile(text, RegistrationFile, '机构登记文件', 'ed25519');
  if (!file.centreCode.startsWith(identity.countyCode)) {
    throw conflict(`${file.name} 的行政区划代码 ${file.centreCode} 不属于${areaWord(identity.countyCode)}（${identity.countyCode}），不能登记`, 'text');
  }
  const existing = await deps.db.selectFrom('countyCentres').selectAll().where('centreCode', '=', file.centreCode).executeTakeFirst();
  const print = fingerprint(file.publicKey);
  if (existing?.state === 'confirmed' && existing.publicKey !== file.publicKey) {
    throw conflict(`${existing.name}（${file.centreCode}）已用另一把密钥登记（指纹 ${fingerprint(existing.publicKey)}），这份文件的指纹是 ${print}。密钥不同可能是冒充，请电话核实；如该院确已重装系统，请联系维护人员更换`, 'text');
  }
  if (existing && existing.state !== 'withdrawn' && existing.publicKey === file.publicKey) return { centreCode: file.centreCode, name: existing.name, fingerprint: print, already: true, state: existing.state };
  // New, withdrawn earlier, or pending with another file (the wrong file was taken in): a pending enrolment of this file.
  await writeAction(deps, caller, async (ctx) => {
    await takeTurns(ctx.trx, `centre ${file.centreCode}`); // after another PC's import of this centre, whose packages the key rule sees
    const row = { name: file.name, countyName: file.county, township: file.township, publicKey: file.publicKey, enrolledAt: ctx.at, enrolledBy: caller.name, state: 'pending' as const, confirmedAt: null, confirmedBy: null };
    if (existing) await ctx.trx.updateTable('countyCentres').set(row).where('centreCode', '=', file.centreCode).execute();
    else await ctx.trx.insertInto('countyCentres').values({ centreCode: file.centreCode, ...row }).execute();
    await ctx.audit({ action: existing ? 'update' : 'create', entity: 'countyCentres', entityId: file.centreCode, before: existing, after: { centreCode: file.centreCode, ...row, fingerprint: print } });
  });
  return { centreCode: file.centreCode, name: file.name, fingerprint: print, already: false, state: 'pending' as const };
}

async function enrolled(db: Executor, centreCode: string) {
  const row = await db.selectFrom('countyCentres').selectAll().where('centreCode', '=', centreCode).where('state', '<>', 'withdrawn').executeTakeFirst();
  if (!row) throw notFound('登记的机构');
  return row;
}

export async function confirmCentre(deps: BackendDeps, caller: Caller, platform: Platform | undefined, centreCode: string, heard: string): Promise<CentreRow> {
  await countyIdentity(deps, platform);
  // Read, compared and confirmed in one transaction, and confirmed only if the very key compared is still there and
  // pending: a registration file taken in again meanwhile is never confirmed with the old file's fingerprint.
  await writeAction(deps, caller, async (ctx) => {
    const row = await enrolled(ctx.trx, centreCode);
    if (row.state === 'confirmed') throw conflict(`${row.name} 的登记已经确认过了`);
    const expected = fingerprint(row.publicKey);
    if (!sameFingerprint(heard, expected)) {
      throw invalid(`电话里听到的指纹「${heard}」与登记文件的指纹 ${expected} 不一致，不能确认。请再和该院核对一遍；仍不一致时可能是文件被换过，请撤销这次登记，让该院重新发登记文件`, 'fingerprint');
    }
    const change = { state: 'confirmed' as const, confirmedAt: ctx.at, confirmedBy: caller.name };
    const done = await ctx.trx
      .updateTable('countyCentres')
      .set(change)
      .where('centreCode', '=', centreCode)
      .where('publicKey', '=', row.publicKey)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict(`${row.name} 的登记密钥在核对期间被换掉了，请重新核对指纹`, 'fingerprint');
    await ctx.audit({ action: 'update', entity: 'countyCentres', entityId: centreCode, before: { state: row.state }, after: { ...change, fingerprint: expected } });
  });
  return (await listCentres(deps)).find((c) => c.centreCode === centreCode)!;
}

export async function withdrawCentre(deps: BackendDeps, caller: Caller, platform: Platform | undefined, centreCode: string) {
  await countyIdentity(deps, platform);
  const row = await enrolled(deps.db, centreCode);
  const imported = await deps.db.selectFrom('countyPackages').select('period').where('centreCode', '=', centreCode).orderBy('period').executeTakeFirst();
  if (imported) throw conflict(`已经导入过 ${row.name} 的数据包（${imported.period}），不能撤销登记：导入的数据要能查到是谁报的`);
  await writeAction(deps, caller, async (ctx) => {
    // In turn with another PC's import of this centre: once that commits, the key rule (a trigger) refuses this.
    await takeTurns(ctx.trx, `centre ${centreCode}`);
    await ctx.trx.updateTable('countyCentres').set({ state: 'withdrawn' }).where('centreCode', '=', centreCode).execute();
    await ctx.audit({ action: 'retire', entity: 'countyCentres', entityId: centreCode, before: { state: row.state, fingerprint: fingerprint(row.publicKey) }, after: { state: 'withdrawn' } });
  });
  return { centreCode };
}
