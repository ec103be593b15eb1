// Recognising "the disk is full" in the errors of each layer: SQLite (SQLITE_FULL), Node's file system (ENOSPC, or a
// user's quota EDQUOT) and PostgreSQL (53100 disk_full) — so the message can say so instead of "系统出错".
const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT', '53100']);

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
}

export function isDiskFull(error: unknown): boolean {
  return FULL_CODES.has(codeOf(error));
}

/** PostgreSQL's disk_full: the server's disk, not this PC's. */
export function isServerDiskFull(error: unknown): boolean {
  return codeOf(error) === '53100';
}

/**
 * SQLite reports some writes on a full disk as I/O errors (SQLITE_IOERR_WRITE, _SHMSIZE, _FSYNC…); with the data disk
 * nearly empty of room that is what they are.
 */
export function isStorageError(error: unknown): boolean {
  return codeOf(error).startsWith('SQLITE_IOERR');
}
