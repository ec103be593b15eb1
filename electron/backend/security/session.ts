// One session per screen: the Electron window, or one browser on the browser host. It knows who is signed in,
// whether the screen is locked, and when it was last used (for the idle lock).
import type { Caller } from '../caller';

export interface SessionUser extends Caller {
  mustChangePassword: boolean;
}

export class Session {
  user: SessionUser | null = null;
  locked = false;
  private lastActivity = 0;

  signIn(user: SessionUser, now: Date): void {
    this.user = user;
    this.locked = false;
    this.lastActivity = now.getTime();
  }

  signOut(): void {
    this.user = null;
    this.locked = false;
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
