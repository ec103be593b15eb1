// What a shell can do that plain Node cannot: Electron shows native dialogs and protects secrets with the operating
// system's key store (safeStorage); the browser host and the command line have neither.
export interface Platform {
  /** A folder picked in a native dialog, or null when cancelled. */
  chooseFolder?: () => Promise<string | null>;
  /** Encrypts a secret for this user on this PC (Electron safeStorage), as base64. */
  protectSecret?: (plain: string) => string;
  unprotectSecret?: (stored: string) => string;
}
