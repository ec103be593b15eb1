// The one IPC channel: 'rpc', answered only for our own window's main frame on app://township-care.
import { type IpcMainInvokeEvent, ipcMain } from 'electron';
import type { Session } from '../backend/security/session';
import type { Dispatch } from '../backend/rpc/dispatch';
import { isInternalUrl } from './security';

export const RPC_CHANNEL = 'rpc';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, mainWindowId: number | null): boolean {
  const frame = event.senderFrame;
  if (!frame || mainWindowId === null) return false;
  if (event.sender.id !== mainWindowId) return false;
  if (frame.parent !== null) return false; // sub-frames never speak to the backend
  return isInternalUrl(frame.url);
}

/** The window is one shared screen: one session, switched between people by PIN. */
export function registerRpc(dispatch: Dispatch, session: Session, mainWindowId: () => number | null): void {
  ipcMain.handle(RPC_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event, mainWindowId())) {
      return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };
    }
    return dispatch(session, method, input);
  });
}
