// The renderer's only door to the main process: window.townshipCare.rpc(method, input). Nothing else is exposed.
export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}

export interface Bridge {
  rpc(method: string, input: unknown): Promise<unknown>;
}

export function createBridge(ipc: IpcLike): Bridge {
  return Object.freeze({
    rpc: (method: string, input: unknown) => ipc.invoke('rpc', String(method), input),
  });
}
