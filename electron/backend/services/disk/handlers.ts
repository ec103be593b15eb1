// The handlers of the disk module (disk.*): the data disk's room as the last check saw it, or looked at now.
import type { diskApi } from '@shared/api/disk';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function diskHandlers({ disk }: HandlerContext): ModuleHandlers<typeof diskApi> {
  return {
    'disk.status': async (input) => disk.status(input.fresh),
  };
}
