// API of the backup module: automatic backups, "backup to…" a folder (USB stick) with progress, restore, and the
// recovery screen shown when the database is damaged at start-up.
import { z } from 'zod';
import { method, PUBLIC } from './method';
import { ACCOUNT_ADMINS } from './roles';

export const BACKUP_KINDS = ['daily', 'monthly', 'pre_migrate', 'pre_restore', 'damaged', 'other'] as const;

export const BackupFile = z.object({
  name: z.string(),
  kind: z.enum(BACKUP_KINDS),
  sizeBytes: z.number(),
  modifiedAt: z.string(),
});
export type BackupFile = z.output<typeof BackupFile>;

const folderField = z.string({ error: '请填写文件夹路径' }).trim().min(1, { error: '请填写或选择要备份到的文件夹' }).max(1000);
const sourceField = z.string({ error: '请选择备份文件' }).trim().min(1, { error: '请选择或填写备份文件' }).max(1000);

export const BackupJob = z.object({
  id: z.string(),
  /** 0–100 */
  percent: z.number(),
  done: z.boolean(),
  error: z.string().nullable(),
  file: z.string().nullable(),
});
export type BackupJob = z.output<typeof BackupJob>;

export const RestoreResult = z.object({ restoredFrom: z.string(), safetyCopy: z.string().nullable() });

export const RecoveryStatus = z.object({
  needed: z.boolean(),
  problem: z.string().nullable(),
  /** The file is fine but its disk has no room to open it: free space and try again (store.retry), no restore. */
  diskFull: z.boolean(),
  backups: z.array(BackupFile),
});
export type RecoveryStatus = z.output<typeof RecoveryStatus>;

export const backupApi = {
  'backup.list': method({
    input: z.object({}),
    output: z.object({ folder: z.string(), backups: z.array(BackupFile) }),
    roles: ACCOUNT_ADMINS,
    writes: false,
  }),
  'backup.toFolder': method({ input: z.object({ folder: folderField }), output: z.object({ jobId: z.string() }), roles: ACCOUNT_ADMINS, writes: true }),
  'backup.job': method({ input: z.object({ jobId: z.string() }), output: BackupJob, roles: ACCOUNT_ADMINS, writes: false }),
  'backup.restore': method({ input: z.object({ source: sourceField }), output: RestoreResult, roles: ACCOUNT_ADMINS, writes: true }),
  'backup.chooseFolder': method({
    input: z.object({}),
    output: z.object({ supported: z.boolean(), folder: z.string().nullable() }),
    roles: ACCOUNT_ADMINS,
    writes: false,
  }),
  /** Public: the accounts live inside the damaged database, so nobody can sign in until it is restored. */
  'backup.recoveryStatus': method({ input: z.object({}), output: RecoveryStatus, roles: PUBLIC, writes: false }),
  'backup.recoveryRestore': method({ input: z.object({ name: z.string().min(1).max(200) }), output: RestoreResult, roles: PUBLIC, writes: true }),
};
