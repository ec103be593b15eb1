// The handlers of the health module (health.*): its two parts, each binding its own methods.
import type { healthApi } from '@shared/api/health';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { healthClinicalHandlers } from './clinical-handlers';
import { healthFileHandlers } from './file-handlers';

export function healthHandlers(context: HandlerContext): ModuleHandlers<typeof healthApi> {
  return { ...healthFileHandlers(context), ...healthClinicalHandlers(context) };
}
