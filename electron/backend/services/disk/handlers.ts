// The handlers of the disk module (disk.*): the data disk's room as the last check saw it, or looked at now. Everyone
// signed in learns how full it is (the red notice); only those who keep the data (backup.* roles) learn where it is
// and what uses it, and only they may ask for a new look (it reads every photo's size).
import type { diskApi } from '@shared/api/disk';
import { ACCOUNT_ADMINS } from '@shared/api/roles';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function diskHandlers({ disk }: HandlerContext): ModuleHandlers<typeof diskApi> {
  return {
    'disk.status': async (input, { caller }) => {
      const keeper = ACCOUNT_ADMINS.includes(caller.role);
      const status = await disk.status(keeper && input.fresh);
      return keeper ? status : { ...status, folder: '', usage: null, skippedBackup: null };
    },
  };
}
