// Sealing the package's data to the county: X25519 with a one-package key, HKDF-SHA256, AES-256-GCM. The one-package
// key is derived from the centre's secret and the data itself, so the same data seals to the same bytes (a re-export
// is byte-identical) while different data never shares a key — which is also why a fixed nonce is safe here.
import crypto from 'node:crypto';
import { privateKeyObject, publicKeyObject } from './keys';

const INFO = Buffer.from('township-care sync v1');
const NONCE = Buffer.alloc(12);

export interface Sealed {
  /** The one-package public key (raw, base64) the county combines with its private key. */
  ephemeralPublicKey: string;
  /** Ciphertext followed by the 16-byte GCM tag. */
  ciphertext: Uint8Array;
}

function aesKey(shared: Buffer, ephemeralPublicKey: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.from(ephemeralPublicKey, 'base64'), INFO, 32));
}

export function seal(plaintext: Uint8Array, countyPublicKey: string, centreSecret: string): Sealed {
  const seed = crypto.createHmac('sha256', Buffer.from(centreSecret, 'base64')).update('seal').update(plaintext).digest();
  const ephemeral = privateKeyObject('x25519', seed.toString('base64'));
  const ephemeralPublicKey = crypto.createPublicKey(ephemeral).export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  const shared = crypto.diffieHellman({ privateKey: ephemeral, publicKey: publicKeyObject('x25519', countyPublicKey) });
  const cipher = crypto.createCipheriv('aes-256-gcm', aesKey(shared, ephemeralPublicKey), NONCE);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { ephemeralPublicKey, ciphertext: body };
}

/** The plaintext, or null when the data was not sealed to this key or was changed on the way. */
export function open(sealed: Sealed, countyPrivateKey: string): Uint8Array | null {
  try {
    const shared = crypto.diffieHellman({ privateKey: privateKeyObject('x25519', countyPrivateKey), publicKey: publicKeyObject('x25519', sealed.ephemeralPublicKey) });
    const data = Buffer.from(sealed.ciphertext);
    if (data.length < 16) return null;
    const decipher = crypto.createDecipheriv('aes-256-gcm', aesKey(shared, sealed.ephemeralPublicKey), NONCE);
    decipher.setAuthTag(data.subarray(-16));
    return Buffer.concat([decipher.update(data.subarray(0, -16)), decipher.final()]);
  } catch {
    return null;
  }
}
