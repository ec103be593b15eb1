// The handlers of backups and recovery (backup.*): each method of the module's contract, bound to its service.
import { AppError } from '@shared/api/errors';
import type { backupApi } from '@shared/api/backup';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { storeGeneration } from '../../security/recheck';

export function backupHandlers({ holder, backups, platform }: HandlerContext): ModuleHandlers<typeof backupApi> {
  return {
    'backup.list': async () => ({ folder: holder.backupDir, backups: backups.list() }),
    'backup.toFolder': async (input, { caller }) => backups.startToFolder(input.folder, caller),
    'backup.job': async (input) => backups.job(input.jobId),
    'backup.restore': async (input, { caller, session }) => {
      const result = await backups.restore(input.source, caller);
      // On a PostgreSQL store the accounts came back from the archive too: whoever restored signs in again. On this
      // PC's file, the screen that restored carries on into the restored store's generation; every other session
      // (other browsers on the browser host) signs in again (security/recheck.ts).
      if (holder.postgres) session.signOut();
      else if (session.account) session.account.generation = await storeGeneration(holder.deps.db);
      return result;
    },
    'backup.chooseFolder': async () =>
      platform?.chooseFolder ? { supported: true, folder: await platform.chooseFolder() } : { supported: false, folder: null },
    'backup.recoveryStatus': async () => ({
      needed: holder.recovery !== null,
      problem: holder.recovery?.problem ?? null,
      diskFull: holder.recovery?.diskFull ?? false,
      // A PostgreSQL store that cannot be reached, and a file on a full disk, are not restored from a backup.
      backups: holder.recovery?.store === 'sqlite' && !holder.recovery.diskFull ? backups.list().filter((b) => b.kind !== 'damaged') : [],
    }),
    'backup.recoveryRestore': async (input) => {
      if (!holder.recovery) throw new AppError('CONFLICT', '数据库正常，不需要恢复；如需恢复备份请登录后在“数据备份”中操作');
      if (holder.recovery.store === 'postgres') throw new AppError('CONFLICT', '数据存在 PostgreSQL 服务器上，连不上服务器时不能用本机的备份恢复；请重试连接或修改连接');
      if (holder.recovery.diskFull) throw new AppError('CONFLICT', '数据文件没有损坏，是硬盘满了：请腾出空间后点“再试一次”，不要恢复备份（会换回较早的数据）');
      return backups.restore(input.name.replace(/[\\/]/g, ''), null);
    },
  };
}
