// How the county's answer file is signed with the keys the two sides already compared by phone. The county has an
// X25519 key and the centre an Ed25519 key; the centre's key converts to X25519 (the standard Ed25519→Curve25519 map,
// as libsodium's crypto_sign_ed25519_pk_to_curve25519), so both sides can compute the same shared secret (X25519)
// and the file carries an HMAC-SHA256 under a key derived from it. Only the county's private key (or the centre's own)
// can make it, so the centre knows the county wrote it; a file for another centre does not check.
import crypto from 'node:crypto';
import { privateKeyObject, publicKeyObject } from '../../package/keys';

const P = 2n ** 255n - 19n;
const INFO = Buffer.from('township-care tier answers v1');

function modPow(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = base % P;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}

const toBigInt = (bytes: Buffer) => BigInt(`0x${Buffer.from(bytes).reverse().toString('hex') || '0'}`);
const toBytes = (n: bigint) => Buffer.from(n.toString(16).padStart(64, '0'), 'hex').reverse();

/** The centre's Ed25519 public key as an X25519 public key: u = (1 + y) / (1 − y) mod p. */
export function edPublicToX(edPublicKey: string): string {
  const bytes = Buffer.from(edPublicKey, 'base64');
  bytes[31] &= 0x7f; // the top bit is the sign of x, not part of y
  const y = toBigInt(bytes);
  const u = ((1n + y) * modPow((1n - y + P) % P, P - 2n)) % P;
  return toBytes(u).toString('base64');
}

/** The centre's Ed25519 private key (its 32-byte seed) as an X25519 private key: the first half of SHA-512(seed). */
export function edPrivateToX(edPrivateKey: string): string {
  return crypto.createHash('sha512').update(Buffer.from(edPrivateKey, 'base64')).digest().subarray(0, 32).toString('base64');
}

function macKey(myPrivateX: string, theirPublicX: string): Buffer {
  const shared = crypto.diffieHellman({ privateKey: privateKeyObject('x25519', myPrivateX), publicKey: publicKeyObject('x25519', theirPublicX) });
  return Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.alloc(0), INFO, 32));
}

/** County side: the signature of `body` for the centre whose enrolled (Ed25519) key is `centrePublicKey`. */
export function signForCentre(body: string, countyPrivateKey: string, centrePublicKey: string): string {
  return crypto.createHmac('sha256', macKey(countyPrivateKey, edPublicToX(centrePublicKey))).update(body, 'utf8').digest('base64');
}

/** Centre side: whether the county holding `countyPublicKey` signed `body` for this centre. */
export function checkFromCounty(body: string, signature: string, centrePrivateKey: string, countyPublicKey: string): boolean {
  const expected = crypto.createHmac('sha256', macKey(edPrivateToX(centrePrivateKey), countyPublicKey)).update(body, 'utf8').digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
