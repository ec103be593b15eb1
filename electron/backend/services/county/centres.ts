// The county's side of enrolment: its own public-key file to hand to the centres, and the registry of centres, each
// enrolled from its registration file after the two fingerprints were compared by phone.
import { conflict } from '../../../../shared/api/errors';
import type { CentreRow, CountyStatus } from '../../../../shared/api/county';
import { type BackendDeps, writeAction } from '../../audit';
import type { Caller } from '../../caller';
import type { Platform } from '../../platform';
import { readIdentity } from '../../sync/identity';
import { fingerprint } from '../../sync/keys';
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

export async function countyStatus(deps: BackendDeps, platform: Platform | undefined): Promise<CountyStatus> {
  const identity = await countyIdentity(deps, platform);
  const file = { type: 'township-care-county-key', version: 1, countyCode: identity.countyCode, countyName: identity.countyName, publicKey: identity.publicKey };
  return {
    countyCode: identity.countyCode,
    countyName: identity.countyName,
    fingerprint: fingerprint(identity.publicKey),
    keyProtection: identity.keyProtection,
    keyFile: { fileName: `县级公钥-${identity.countyCode}.json`, text: JSON.stringify(file, null, 2) },
  };
}

export async function listCentres(deps: BackendDeps): Promise<CentreRow[]> {
  const centres = await deps.db.selectFrom('countyCentres').selectAll().orderBy('centreCode').execute();
  const latest = await deps.db
    .selectFrom('countyPackages')
    .select(['centreCode', (eb) => eb.fn.max('period').as('lastPeriod'), (eb) => eb.fn.countAll<number>().as('packages')])
    .groupBy('centreCode')
    .execute();
  const byCode = new Map(latest.map((l) => [l.centreCode, l]));
  return centres.map((c) => ({
    centreCode: c.centreCode,
    name: c.name,
    township: c.township,
    fingerprint: fingerprint(c.publicKey),
    enrolledAt: c.enrolledAt,
    enrolledBy: c.enrolledBy,
    lastPeriod: (byCode.get(c.centreCode)?.lastPeriod as string | undefined) ?? null,
    packages: Number(byCode.get(c.centreCode)?.packages ?? 0),
  }));
}

export async function enrolCentre(deps: BackendDeps, caller: Caller, platform: Platform | undefined, text: string) {
  const identity = await countyIdentity(deps, platform);
  const file = parseKeyFile(text, RegistrationFile, '机构登记文件', 'ed25519');
  if (!file.centreCode.startsWith(identity.countyCode)) {
    throw conflict(`${file.name} 的行政区划代码 ${file.centreCode} 不属于本县（${identity.countyCode}），不能登记`, 'text');
  }
  const existing = await deps.db.selectFrom('countyCentres').selectAll().where('centreCode', '=', file.centreCode).executeTakeFirst();
  if (existing && existing.publicKey !== file.publicKey) {
    throw conflict(`${existing.name}（${file.centreCode}）已用另一把密钥登记（指纹 ${fingerprint(existing.publicKey)}），这份文件的指纹是 ${fingerprint(file.publicKey)}。密钥不同可能是冒充，请电话核实；如该院确已重装系统，请联系维护人员更换`, 'text');
  }
  if (existing) return { centreCode: file.centreCode, name: existing.name, fingerprint: fingerprint(file.publicKey), already: true };
  await writeAction(deps, caller, async (ctx) => {
    const row = { centreCode: file.centreCode, name: file.name, township: file.township, publicKey: file.publicKey, enrolledAt: ctx.at, enrolledBy: caller.name };
    await ctx.trx.insertInto('countyCentres').values(row).execute();
    await ctx.audit({ action: 'create', entity: 'countyCentres', entityId: file.centreCode, after: { ...row, fingerprint: fingerprint(file.publicKey) } });
  });
  return { centreCode: file.centreCode, name: file.name, fingerprint: fingerprint(file.publicKey), already: false };
}
