// Enrolment, centre side: the county's public-key file in, the centre's registration file out. Both carry a short
// fingerprint that the two sides read to each other by phone before trusting a key: the county's key is pending until
// the manager types the fingerprint the county read out, and can be removed again until the first export.
import { z } from 'zod';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import type { Platform } from '../../platform';
import { type Identity, createIdentity, readIdentity } from '../../package/identity';
import { fingerprint, publicKeyObject, sameFingerprint } from '../../package/keys';

export const CountyKeyFile = z.object({
  type: z.literal('township-care-county-key'),
  version: z.literal(1),
  countyCode: z.string().regex(/^\d{6}$/),
  countyName: z.string().min(1).max(30),
  publicKey: z.string().min(40).max(60),
});

export const RegistrationFile = z.object({
  type: z.literal('township-care-centre-registration'),
  version: z.literal(1),
  centreCode: z.string().regex(/^\d{12}$/),
  name: z.string().min(1).max(60),
  county: z.string().max(30),
  township: z.string().max(30),
  publicKey: z.string().min(40).max(60),
});

/** A centre set up before the monthly package existed gets its signing key the first time it is needed. */
export async function centreIdentity(deps: BackendDeps, caller: Caller, platform: Platform | undefined): Promise<Identity> {
  const found = await readIdentity(deps, platform);
  if (found) {
    if (found.mode !== 'centre') throw conflict('这台电脑是县级汇总用的，不能报送月报');
    return found;
  }
  await writeAction(deps, caller, (ctx) => createIdentity(ctx, platform, 'centre'));
  return (await readIdentity(deps, platform))!;
}

export function parseKeyFile<T extends z.ZodType<{ publicKey: string }>>(text: string, schema: T, what: string, kind: 'ed25519' | 'x25519'): z.output<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid(`这不是${what}（文件内容不是 JSON）`, 'text');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid(`这不是有效的${what}（${parsed.error.issues[0].path.join('.') || '格式'} 不对）`, 'text');
  try {
    publicKeyObject(kind, parsed.data.publicKey);
  } catch {
    throw invalid(`${what}里的公钥不对`, 'text');
  }
  return parsed.data;
}

export async function importCountyKey(deps: BackendDeps, caller: Caller, text: string) {
  const file = parseKeyFile(text, CountyKeyFile, '县级公钥文件', 'x25519');
  const facility = await deps.db.selectFrom('facility').select('areaCode').executeTakeFirst();
  if (facility && !facility.areaCode.startsWith(file.countyCode)) {
    throw invalid(`这是${file.countyName}（${file.countyCode}）的公钥，本院的行政区划代码 ${facility.areaCode} 不属于该县`, 'text');
  }
  await writeAction(deps, caller, async (ctx) => {
    const before = await ctx.trx.selectFrom('syncCounty').selectAll().executeTakeFirst();
    // A new key is pending until its fingerprint is confirmed by phone; the same key imported again keeps its state,
    // so re-reading the county's file does not block the next export.
    const sameKey = before?.publicKey === file.publicKey;
    const confirmation = sameKey ? { state: before.state, confirmedAt: before.confirmedAt, confirmedBy: before.confirmedBy } : { state: 'pending' as const, confirmedAt: null, confirmedBy: null };
    const row = { countyCode: file.countyCode, countyName: file.countyName, publicKey: file.publicKey, importedAt: ctx.at, importedBy: caller.name, ...confirmation };
    if (before) await ctx.trx.updateTable('syncCounty').set(row).where('id', '=', 1).execute();
    else await ctx.trx.insertInto('syncCounty').values({ id: 1, ...row }).execute();
    await ctx.audit({ action: before ? 'update' : 'create', entity: 'syncCounty', entityId: '1', before, after: { ...row, fingerprint: fingerprint(file.publicKey) } });
  });
}

async function countyKeyRow(db: Executor) {
  const row = await db.selectFrom('syncCounty').selectAll().executeTakeFirst();
  if (!row) throw notFound('县级公钥（请先导入县级公钥文件）');
  return row;
}

export async function confirmCountyKey(deps: BackendDeps, caller: Caller, heard: string) {
  // Read, compared and confirmed in one transaction, and confirmed only if the very key compared is still there and
  // pending: a key swapped by another import meanwhile is never confirmed with the old key's fingerprint.
  await writeAction(deps, caller, async (ctx) => {
    const row = await countyKeyRow(ctx.trx);
    if (row.state === 'confirmed') throw conflict(`${row.countyName}的公钥已经确认过了`);
    const expected = fingerprint(row.publicKey);
    if (!sameFingerprint(heard, expected)) {
      throw invalid(`电话里听到的指纹「${heard}」与导入的县级公钥指纹 ${expected} 不一致，不能确认。请再和县民政局核对一遍；仍不一致时请撤销，向县里重新要公钥文件`, 'fingerprint');
    }
    const change = { state: 'confirmed' as const, confirmedAt: ctx.at, confirmedBy: caller.name };
    const done = await ctx.trx.updateTable('syncCounty').set(change).where('id', '=', 1).where('publicKey', '=', row.publicKey).where('state', '=', 'pending').executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('县级公钥在核对期间被换掉了，请重新核对指纹', 'fingerprint');
    await ctx.audit({ action: 'update', entity: 'syncCounty', entityId: '1', before: { state: row.state }, after: { ...change, fingerprint: expected } });
  });
}

export async function undoCountyKey(deps: BackendDeps, caller: Caller) {
  const row = await countyKeyRow(deps.db);
  const exported = await deps.db.selectFrom('syncExports').select('period').orderBy('createdAt').executeTakeFirst();
  if (exported) throw conflict(`已经用这把县级公钥导出过月报（${exported.period}），不能撤销。如县里换了密钥，请导入县里的新公钥文件`);
  await writeAction(deps, caller, async (ctx) => {
    await ctx.trx.deleteFrom('syncCounty').where('id', '=', 1).execute();
    await ctx.audit({ action: 'retire', entity: 'syncCounty', entityId: '1', before: { ...row, fingerprint: fingerprint(row.publicKey) } });
  });
}

export async function registrationFile(deps: BackendDeps, caller: Caller, platform: Platform | undefined) {
  const identity = await centreIdentity(deps, caller, platform);
  const facility = await deps.db.selectFrom('facility').selectAll().executeTakeFirst();
  if (!facility) throw conflict('请先在「机构信息」里填好本院的名称和行政区划代码');
  const file: z.output<typeof RegistrationFile> = {
    type: 'township-care-centre-registration',
    version: 1,
    centreCode: facility.areaCode,
    name: facility.name,
    county: facility.county,
    township: facility.township,
    publicKey: identity.publicKey,
  };
  return { fileName: `机构登记-${facility.areaCode}.json`, text: JSON.stringify(file, null, 2), fingerprint: fingerprint(identity.publicKey) };
}
