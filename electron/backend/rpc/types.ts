// The shapes every module's handlers share: what a call carries, what a handler is, and what a module is given.
import type { z } from 'zod';
import type { Contract, Method, Out } from '@shared/api/contract';
import type { Caller } from '../caller';
import type { BackendDeps } from '../deps';
import type { Platform } from '../platform';
import type { Session } from '../security/session';
import type { DatabaseHolder } from '../services/backup/holder';
import type { BackupService } from '../services/backup/service';
import type { DiskMonitor } from '../services/disk/monitor';

export interface Call {
  session: Session;
  /** The signed-in person; only protected methods read it (the dispatcher has checked it). */
  readonly caller: Caller;
}

export type Handler<M extends Method> = (input: z.output<Contract[M]['input']>, call: Call) => Promise<Out<M>>;

/** Every method of the contract bound to its handler. */
export type Handlers = { [M in Method]: Handler<M> };

/** One module's handlers: exactly the methods of its contract (`shared/api/<module>.ts`); a missing one is a type error. */
export type ModuleHandlers<Api> = { [M in keyof Api & Method]: Handler<M> };

/** What a module's handlers are built from. */
export interface HandlerContext {
  deps: BackendDeps;
  holder: DatabaseHolder;
  backups: BackupService;
  /** The data disk's room (issue 25). */
  disk: DiskMonitor;
  platform?: Platform;
  /** Registers what must stop when the backend closes (worker threads); onClose stops run before the database closes. */
  onClose?: (stop: () => Promise<void>) => void;
}
