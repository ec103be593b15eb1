// The browser host's sessions. A launch link opens exactly one browser's session; the cookie names it afterwards.
// A link already used opens nothing more (whoever copies it later, from the terminal or the browser history, gets no
// session and cannot push others out); the person at the terminal asks for a fresh link to open another browser.
import { randomBytes } from 'node:crypto';
import { Session } from '../backend/security/session';
import { tokensMatch } from './request-guard';

/** A memory guard: only the person at the terminal opens sessions, one link at a time. */
const MAX_SESSIONS = 50;

export type Opening =
  /** A new session for this browser: set its cookie. */
  | { kind: 'opened'; connectionId: string }
  /** This browser followed its own link again and keeps the session it has. */
  | { kind: 'kept' }
  | { kind: 'used' }
  | { kind: 'wrong' };

export class Connections {
  private readonly sessions = new Map<string, Session>();
  /** The one link that may still open a session; used links are remembered to tell "used" from "wrong". */
  private launchToken: string | null;
  private readonly usedTokens: string[] = [];

  constructor(token: string) {
    this.launchToken = token;
  }

  session(connectionId: string | undefined): Session | undefined {
    return connectionId === undefined ? undefined : this.sessions.get(connectionId);
  }

  /** A fresh launch link's token; any link not yet used stops working. */
  issueToken(): string {
    if (this.launchToken !== null) this.usedTokens.push(this.launchToken);
    this.launchToken = randomBytes(24).toString('base64url');
    return this.launchToken;
  }

  /** Someone followed a launch link, with the connection cookie their browser already has (if any). */
  open(token: string, connectionId: string | undefined): Opening {
    const known = this.launchToken !== null && tokensMatch(token, this.launchToken);
    const used = !known && this.usedTokens.some((t) => tokensMatch(token, t));
    if (!known && !used) return { kind: 'wrong' };
    if (this.session(connectionId)) return { kind: 'kept' };
    if (used) return { kind: 'used' };
    this.usedTokens.push(this.launchToken!);
    this.launchToken = null;
    const id = randomBytes(24).toString('base64url');
    this.sessions.set(id, new Session());
    if (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    return { kind: 'opened', connectionId: id };
  }
}
