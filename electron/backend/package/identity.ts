// This installation's kind (a centre, or the county) and its key pair, made once: a centre's Ed25519 signing key at
// setup, the county's X25519 key in county mode. The private key is kept encrypted by the operating system where the
// shell can (Electron safeStorage); the browser host and the command line keep it in the database file, which lives
// in the user's own data folder (documented in docs/sync-package.md §4).
import { AppError } from '@shared/api/errors';
import type { WriteContext } from '../audit';
import type { BackendDeps } from '../deps';
import { isPostgres } from '../db/dialect';
import type { Platform } from '../platform';
import { type KeyPair, generateEncryptionKeys, generateSigningKeys } from './keys';

export type Mode = 'centre' | 'county';

export interface Identity {
  mode: Mode;
  countyCode: string;
  countyName: string;
  publicKey: string;
  keyProtection: 'safe_storage' | 'none';
  privateKey(): string;
}

/** Inside a setup transaction: the installation's kind and fresh keys. */
export async function createIdentity(ctx: WriteContext, platform: Platform | undefined, mode: Mode, county: { code: string; name: string } = { code: '', name: '' }) {
  const keys: KeyPair = mode === 'centre' ? generateSigningKeys() : generateEncryptionKeys();
  // On a shared PostgreSQL store every county PC must read the key: one PC's key store cannot be used there, the
  // server's accounts and TLS protect it instead (docs/postgres.md).
  const protect = isPostgres(ctx.trx) ? undefined : platform?.protectSecret;
  await ctx.trx
    .insertInto('syncIdentity')
    .values({
      id: 1,
      mode,
      countyCode: county.code,
      countyName: county.name,
      publicKey: keys.publicKey,
      privateKey: protect ? protect(keys.privateKey) : keys.privateKey,
      keyProtection: protect ? 'safe_storage' : 'none',
      createdAt: ctx.at,
      createdBy: ctx.caller.name,
    })
    .execute();
  await ctx.audit({ action: 'create', entity: 'syncIdentity', entityId: '1', after: { mode, countyCode: county.code, publicKey: keys.publicKey } });
}

/** What kind of installation this is. A centre set up before issue 8 has no identity row yet: it is a centre. */
export async function installationMode(deps: BackendDeps): Promise<Mode> {
  const row = await deps.db.selectFrom('syncIdentity').select('mode').executeTakeFirst();
  return row?.mode ?? 'centre';
}

export async function readIdentity(deps: BackendDeps, platform: Platform | undefined): Promise<Identity | null> {
  const row = await deps.db.selectFrom('syncIdentity').selectAll().executeTakeFirst();
  if (!row) return null;
  return {
    mode: row.mode,
    countyCode: row.countyCode,
    countyName: row.countyName,
    publicKey: row.publicKey,
    keyProtection: row.keyProtection,
    privateKey: () => {
      if (row.keyProtection === 'none') return row.privateKey;
      if (!platform?.unprotectSecret) throw new AppError('CONFLICT', '密钥由桌面程序加密保存，只能在本机的桌面程序中使用（命令行或浏览器方式无法读取）');
      return platform.unprotectSecret(row.privateKey);
    },
  };
}
