// One session per screen: the Electron window, or one browser on the browser host. It knows who is signed in,
// whether the screen is locked, and when it was last used (for the idle lock).
import type { Caller } from '../caller';

export interface SessionUser extends Caller {
  mustChangePassword: boolean;
}

/**
 * The account as it was when the person signed in, which every call checks again (recheck.ts): several PCs may
 * share one county store, so an administrator on another PC may disable the account, change its role or reset its
 * password, or restore a backup, while this session is open.
 */
export interface AccountStamp {
  /** How the person signed in: a PIN session also ends when the PIN is changed or reset. */
  by: 'password' | 'pin';
  passwordHash: string | null;
  pinHash: string | null;
  /** The store's generation (a settings row a restore renews); null on a store never restored since it had one. */
  generation: string | null;
}

export class Session {
  user: SessionUser | null = null;
  locked = false;
  /**
   * What the account looked like at sign-in. Null for a session the program signs in itself (the command line, tests
   * that re-sign a user): those are not checked against an account.
   */
  account: AccountStamp | null = null;
  /** Why this session was signed out by a check (shown once on the sign-in screen); cleared by the next sign-in. */
  endedBecause: string | null = null;
  private lastActivity = 0;

  signIn(user: SessionUser, now: Date, account: AccountStamp | null = null): void {
    this.user = user;
    this.locked = false;
    this.account = account;
    this.endedBecause = null;
    this.lastActivity = now.getTime();
  }

  signOut(because: string | null = null): void {
    this.user = null;
    this.locked = false;
    this.account = null;
    this.endedBecause = because;
  }

  lock(): void {
    if (this.user) this.locked = true;
  }

  /** Locks a session left idle longer than the limit. Looking does not count as use. */
  lockIfIdle(now: Date, idleMinutes: number): void {
    if (this.user && !this.locked && now.getTime() - this.lastActivity > idleMinutes * 60_000) this.locked = true;
  }

  /** Locks a session left idle longer than the limit; otherwise records this use. */
  touch(now: Date, idleMinutes: number): void {
    this.lockIfIdle(now, idleMinutes);
    if (this.user && !this.locked) this.lastActivity = now.getTime();
  }
}
