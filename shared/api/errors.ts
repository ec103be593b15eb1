// Error codes that cross the API boundary. Messages are Chinese sentences a user can act on.

export const ERROR_CODES = [
  'UNKNOWN_METHOD',
  'INVALID_INPUT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'LOCKED', // the screen is locked: PIN or password to go on
  'PASSWORD_CHANGE_REQUIRED', // an administrator reset the password: choose a new one first
  'RECOVERY_NEEDED', // the database failed its start-up check: restore a backup first
  'NOT_FOUND',
  'CONFLICT',
  'DISK_FULL', // the disk is full: nothing was saved, saved records are safe; free space (issue 25)
  'BAD_REQUEST',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** The input field the message is about, when there is one (for forms). */
  field?: string;
}

/** Thrown inside the backend for a known, user-facing failure; the dispatcher turns it into an envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `找不到该${what}，可能已被删除或停用`);
export const conflict = (message: string, field?: string): AppError => new AppError('CONFLICT', message, field);
export const invalid = (message: string, field?: string): AppError => new AppError('INVALID_INPUT', message, field);
