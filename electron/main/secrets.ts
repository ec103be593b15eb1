// The desktop app keeps the sync private key encrypted by the operating system (Electron safeStorage: DPAPI on
// Windows, the keyring on Linux). Where the OS offers no encryption, nothing is promised: the key stays in the
// database and the screens say so.
import type { Platform } from '../backend/platform';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function secretProtection(safeStorage: SafeStorageLike): Pick<Platform, 'protectSecret' | 'unprotectSecret'> {
  if (!safeStorage.isEncryptionAvailable()) return {};
  return {
    protectSecret: (plain) => safeStorage.encryptString(plain).toString('base64'),
    unprotectSecret: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  };
}
