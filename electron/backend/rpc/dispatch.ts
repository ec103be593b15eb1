// The one door into the backend, shared by Electron IPC and the browser host:
// known method → allowed role → valid input → handler → envelope. Nothing is ever thrown across it.
import type { z } from 'zod';
import { contract, isMethod } from '@shared/api/contract';
import { AppError, type ApiError, type ErrorCode } from '@shared/api/errors';
import { PUBLIC } from '@shared/api/method';
import type { RpcResult } from '@shared/api/result';
import type { Role } from '@shared/api/roles';
import { enumLabel } from '@shared/domain/enum-labels';
import type { BackendDeps } from '../deps';
import type { Session } from '../security/session';
import { recheckAccount } from '../security/recheck';
import type { DatabaseHolder } from '../services/backup/holder';
import type { BackupService } from '../services/backup/service';
import type { DiskMonitor } from '../services/disk/monitor';
import { deferredCount, writeDeferred } from '../services/disk/deferred';
import type { Platform } from '../platform';
import type { Caller } from '../caller';
import { readSettings } from '../services/settings/settings';
import { runReadOnly } from '../db/read-only';
import { createHandlers } from './handlers';
import type { Call } from './types';

export type Dispatch = (session: Session, method: unknown, input: unknown) => Promise<RpcResult<unknown>>;

export interface DispatcherOptions {
  holder: DatabaseHolder;
  backups: BackupService;
  disk: DiskMonitor;
  platform?: Platform;
  /** Also validate what handlers return (on in development and tests). */
  checkOutput?: boolean;
  /** Where unexpected errors are reported; never includes the input (it may hold ID numbers). */
  logError?: (method: string, error: unknown) => void;
  /** See HandlerContext.onClose. */
  onClose?: (stop: () => Promise<void>) => void;
}

const fail = (code: ErrorCode, message: string, field?: string): RpcResult<never> => ({
  ok: false,
  error: field ? { code, message, field } : { code, message },
});

/** The first problem of a failed parse, as one Chinese sentence naming the field. */
export function describeInputError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const field = issue.path.join('.');
  const generic = issue.code === 'unrecognized_keys' ? `请求中有多余的字段：${issue.keys.join('、')}` : `输入内容有误（${field || '请求'}）`;
  // Our schemas give every rule a Chinese message; zod's own English defaults are replaced by the generic one.
  const message = /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : generic;
  return field ? { code: 'INVALID_INPUT', message, field } : { code: 'INVALID_INPUT', message };
}

/** A rule of the database refused the write: SQLite's constraint codes, or PostgreSQL's class 23 (integrity). */
function isConstraint(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = String((error as { code?: unknown }).code);
  return code.startsWith('SQLITE_CONSTRAINT') || /^23[0-9A-Z]{3}$/.test(code);
}

/** What a handler gets besides its input: the session, and the signed-in caller (protected methods only). */
function callFor(session: Session): Call {
  return {
    session,
    get caller(): Caller {
      if (!session.user) throw new AppError('UNAUTHENTICATED', '请先登录');
      return session.user;
    },
  };
}

/** While the database needs restoring (or its server cannot be reached), only the start screen's methods work. */
const RECOVERY_METHODS = new Set(['backup.recoveryStatus', 'backup.recoveryRestore', 'store.status', 'store.check', 'store.usePostgres', 'store.retry', 'store.useFile']);

/**
 * Methods renamed when each module got its own prefix (issue 16): an old program or page calling one is told the new
 * name instead of a bare "unknown".
 */
export const RENAMED_METHODS: Readonly<Record<string, string>> = {
  'risk.record': 'assessment.recordRisks',
  'risk.list': 'assessment.risks',
  'risk.due': 'assessment.riskDue',
  'recovery.status': 'backup.recoveryStatus',
  'recovery.restore': 'backup.recoveryRestore',
};

export function createDispatcher(deps: BackendDeps, options: DispatcherOptions): Dispatch {
  const handlers = createHandlers({ deps, holder: options.holder, backups: options.backups, disk: options.disk, platform: options.platform, onClose: options.onClose });

  /** Signed in, not locked (idle time counts), password up to date, and a role the method allows. */
  async function checkAccess(session: Session, roles: readonly Role[], method: string): Promise<RpcResult<never> | null> {
    if (!session.user) return fail('UNAUTHENTICATED', '请先登录');
    // Disabled, another role, password reset or the store restored — maybe on another PC: signed out (security/recheck.ts).
    const ended = await recheckAccount(deps.db, session);
    if (ended) return fail('UNAUTHENTICATED', ended);
    if (method !== 'auth.lock' && method !== 'auth.logout') {
      const { idleMinutes } = await readSettings(deps.db);
      session.touch(deps.clock.now(), idleMinutes);
      if (session.locked) return fail('LOCKED', '屏幕已锁定，请输入PIN码或密码继续');
      if (session.user.mustChangePassword && method !== 'auth.changePassword') {
        return fail('PASSWORD_CHANGE_REQUIRED', '管理员重置了您的密码，请先设置新密码');
      }
    }
    if (!roles.includes(session.user.role)) {
      return fail('FORBIDDEN', `您的角色（${enumLabel('role', session.user.role)}）没有权限进行此操作`);
    }
    return null;
  }
  const logError = options.logError ?? ((method, error) => console.error(`[rpc] ${method} failed:`, error));

  return async (session, method, rawInput) => {
    if (typeof method === 'string' && Object.hasOwn(RENAMED_METHODS, method)) {
      return fail('UNKNOWN_METHOD', `操作「${method}」已改名为「${RENAMED_METHODS[method]}」，请升级或重新启动程序`);
    }
    if (typeof method !== 'string' || !isMethod(method)) return fail('UNKNOWN_METHOD', '未知的操作，请升级或重新启动程序');
    const spec = contract[method];
    if (options.holder.recovery && !RECOVERY_METHODS.has(method)) return fail('RECOVERY_NEEDED', options.holder.recovery.problem);
    if (spec.roles !== PUBLIC) {
      const refusal = await checkAccess(session, spec.roles, method);
      if (refusal) return refusal;
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: describeInputError(parsed.error) };
    try {
      const handler = handlers[method] as (input: unknown, call: Call) => Promise<unknown>;
      // A method that says it does not write gets a database that refuses writes (db/read-only.ts).
      const run = () => handler(parsed.data, callFor(session));
      const value = spec.writes ? await run() : await runReadOnly(method, run);
      // A write went through, so there is room: what a full disk held back is written now, not at the next check.
      if (spec.writes && deferredCount(deps) > 0) void writeDeferred(deps);
      if (options.checkOutput) spec.output.parse(value);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.field);
      // The transaction was rolled back: nothing of this action is saved, and the message says the disk is full.
      if (options.disk.isFullDiskFailure(error)) {
        logError(method, error);
        return fail('DISK_FULL', options.disk.fullMessage(error));
      }
      if (isConstraint(error)) {
        logError(method, error);
        return fail('CONFLICT', '数据与已有记录冲突（可能有人同时修改了同一记录），请刷新后重试；未保存任何内容');
      }
      logError(method, error);
      return fail('INTERNAL', '系统出错，本次操作未保存。请重试；如反复出现，请联系维护人员');
    }
  };
}
