// A correctly signed and sealed package around an inner zip chosen by the test (issue 15): the reader must refuse a
// hostile payload even when the centre's key vouches for it.
import crypto from 'node:crypto';
import { type Manifest, type PackageInput, buildPackage } from '../../electron/backend/package/package';
import { sign } from '../../electron/backend/package/keys';
import { seal } from '../../electron/backend/package/seal';
import { deflated, rawZip } from './raw-zip';

export interface ForgeKeys {
  signingPrivateKey: string;
  countyPublicKey: string;
}

/** `input`'s manifest with the given file list and payload, signed; the manifest may be changed by `edit`. */
export function forgeSigned(input: PackageInput, keys: ForgeKeys, inner: Uint8Array, files: Manifest['files'], edit: (m: Manifest) => Manifest = (m) => m): Uint8Array {
  const sealed = seal(inner, keys.countyPublicKey, keys.signingPrivateKey);
  const template = buildPackage({ ...input, files: {} }, keys).manifest;
  const payload = { sha256: crypto.createHash('sha256').update(sealed.ciphertext).digest('hex'), bytes: sealed.ciphertext.length, ephemeralPublicKey: sealed.ephemeralPublicKey };
  const manifest = Buffer.from(JSON.stringify(edit({ ...template, files, payload }), null, 2));
  return rawZip([deflated('manifest.json', manifest), deflated('manifest.sig', Buffer.from(sign(manifest, keys.signingPrivateKey))), { name: 'payload.enc', data: sealed.ciphertext, method: 0 }]);
}

/** A file list entry that matches `text` exactly. */
export function listed(name: string, text: string): Manifest['files'][number] {
  const bytes = Buffer.from(text);
  return { name, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, rows: text === '' ? 0 : text.replace(/\n$/, '').split('\n').length };
}
