// Typed calls to the backend. In Electron the preload bridge carries them over IPC; in the browser host, HTTP.
import type { In, Method, Out } from '@shared/api/contract';
import type { ApiError } from '@shared/api/errors';
import type { RpcResult } from '@shared/api/result';

declare global {
  interface Window {
    townshipCare?: { rpc(method: string, input: unknown): Promise<unknown> };
  }
}

export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly field?: string;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.field = error.field;
  }
}

async function overHttp(method: string, input: unknown): Promise<RpcResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/rpc/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接到本机服务，请确认程序仍在运行' } };
  }
  return (await response.json()) as RpcResult<unknown>;
}

export async function call<M extends Method>(method: M, input: In<M>): Promise<Out<M>> {
  const bridge = window.townshipCare;
  const result = (bridge ? await bridge.rpc(method, input) : await overHttp(method, input)) as RpcResult<Out<M>>;
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}
