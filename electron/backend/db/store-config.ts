// Which store this installation keeps its data in: the SQLite file (the default, needs nothing) or, for a county that
// outgrew one PC, a PostgreSQL server (issue 20). Kept in <dataDir>/data/store.json, readable by this user only; the
// password is protected like the sync key — the operating system's key store in the desktop app, or as typed where
// there is none (the browser host, the command line), and never written to a log.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '@shared/api/errors';
import type { Platform } from '../platform';

export const STORE_FILE = 'store.json';

const PostgresStore = z.object({
  kind: z.literal('postgres'),
  connection: z.object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    database: z.string().min(1),
    user: z.string().min(1),
    sslmode: z.enum(['disable', 'require', 'verify-full']),
    caFile: z.string().nullable().optional(),
  }),
  password: z.object({ protection: z.enum(['safe_storage', 'none']), value: z.string() }),
});
const StoreFile = z.discriminatedUnion('kind', [z.object({ kind: z.literal('sqlite') }), PostgresStore]);

export type StoreConfig = z.infer<typeof StoreFile>;
export type PostgresStoreConfig = z.infer<typeof PostgresStore>;
type StoredPassword = PostgresStoreConfig['password'];

export function storeFile(dataDir: string): string {
  return path.join(dataDir, 'data', STORE_FILE);
}

/** The store this installation uses; no file means the SQLite file, as before issue 20. */
export function readStoreConfig(dataDir: string): StoreConfig {
  const file = storeFile(dataDir);
  if (!fs.existsSync(file)) return { kind: 'sqlite' };
  const parsed = StoreFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new AppError('CONFLICT', `数据库连接设置文件（${file}）内容不对，无法确定数据存在哪里；请在设置里重新填写数据库连接`);
  return parsed.data;
}

export function writeStoreConfig(dataDir: string, config: StoreConfig): void {
  const file = storeFile(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written beside and renamed: a power cut leaves the old settings or the new ones, never half a file.
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(partial, file);
}

export function protectPassword(platform: Platform | undefined, password: string): StoredPassword {
  return platform?.protectSecret ? { protection: 'safe_storage', value: platform.protectSecret(password) } : { protection: 'none', value: password };
}

export function passwordOf(platform: Platform | undefined, config: PostgresStoreConfig): string {
  if (config.password.protection === 'none') return config.password.value;
  if (!platform?.unprotectSecret) throw new AppError('CONFLICT', '数据库密码由桌面程序加密保存，只能在桌面程序里使用；请在这里重新填写数据库连接');
  return platform.unprotectSecret(config.password.value);
}
