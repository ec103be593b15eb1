// Keys of the monthly package (issue 8): each centre signs with Ed25519; the county receives with X25519. Keys travel
// as raw 32-byte values in base64; people compare a short fingerprint by phone when enrolling.
import crypto from 'node:crypto';

const SPKI = { ed25519: '302a300506032b6570032100', x25519: '302a300506032b656e032100' } as const;
const PKCS8 = { ed25519: '302e020100300506032b657004220420', x25519: '302e020100300506032b656e04220420' } as const;
type Kind = keyof typeof SPKI;

export interface KeyPair {
  publicKey: string;
  privateKey: string;
}

function generate(kind: Kind): KeyPair {
  const pair = kind === 'ed25519' ? crypto.generateKeyPairSync('ed25519') : crypto.generateKeyPairSync('x25519');
  return {
    publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64'),
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32).toString('base64'),
  };
}

export const generateSigningKeys = () => generate('ed25519');
export const generateEncryptionKeys = () => generate('x25519');

export function publicKeyObject(kind: Kind, raw: string): crypto.KeyObject {
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 32) throw new Error('公钥长度不对（应为32字节）');
  return crypto.createPublicKey({ key: Buffer.concat([Buffer.from(SPKI[kind], 'hex'), bytes]), format: 'der', type: 'spki' });
}

export function privateKeyObject(kind: Kind, raw: string): crypto.KeyObject {
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 32) throw new Error('私钥长度不对（应为32字节）');
  return crypto.createPrivateKey({ key: Buffer.concat([Buffer.from(PKCS8[kind], 'hex'), bytes]), format: 'der', type: 'pkcs8' });
}

/** 'AB12-CD34-EF56-7890': the first 8 bytes of SHA-256 of the raw public key, read aloud to compare keys. */
export function fingerprint(publicKey: string): string {
  const hex = crypto.createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

export function sign(data: Uint8Array, signingPrivateKey: string): string {
  return crypto.sign(null, data, privateKeyObject('ed25519', signingPrivateKey)).toString('base64');
}

export function verify(data: Uint8Array, signature: string, signingPublicKey: string): boolean {
  try {
    return crypto.verify(null, data, publicKeyObject('ed25519', signingPublicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Whether what a person heard on the phone is this fingerprint: case, spaces and dashes do not matter. */
export function sameFingerprint(heard: string, expected: string): boolean {
  const plain = (s: string) => s.replace(/[\s\-－—_.,，]/g, '').toUpperCase();
  return plain(heard) === plain(expected);
}
